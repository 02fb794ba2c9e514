package gpuroi.workbook;

import gpuroi.workbook.HeaderMatcher.HeaderRow;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;

/** Finding a table's header and checking its required columns, shared by the Fleet, Leases and Market sheets. */
final class Tables {
    private Tables() {
    }

    /**
     * The header row of a table, or null after reporting why there is none. A header row missing
     * required columns is reported once, at the header row, listing the headers that were found.
     */
    static HeaderRow header(CellReader reader, Sheet sheet, List<Column> columns) {
        int minimumMatches = (int) Math.min(2, columns.stream().filter(Column::required).count());
        HeaderRow header = HeaderMatcher.find(sheet, columns, Math.max(1, minimumMatches));
        if (header == null) {
            String names = columns.stream().filter(Column::required).map(c -> "'" + c.label() + "'").collect(Collectors.joining(", "));
            reader.problem(sheet, sheet.getSheetName() + "!A1:A" + HeaderMatcher.ROWS_SCANNED,
                    "no header row in the first " + HeaderMatcher.ROWS_SCANNED + " rows",
                    "a header row with the columns " + names);
            return null;
        }
        for (Column c : columns) {
            if (c.required() && !header.has(c)) {
                reader.problem(sheet, rowRange(sheet, header), "headers " + quoted(header.headers()),
                        "a column named " + c.describe());
            }
        }
        return header;
    }

    /** {@code Fleet!A3:K3}: the header row, as far as it has cells. */
    static String rowRange(Sheet sheet, HeaderRow header) {
        var row = sheet.getRow(header.rowIndex());
        int first = Math.max(0, row.getFirstCellNum());
        int last = Math.max(first, row.getLastCellNum() - 1);
        return sheet.getSheetName() + "!" + new CellReference(header.rowIndex(), first).formatAsString(false) + ":"
                + new CellReference(header.rowIndex(), last).formatAsString(false);
    }

    private static String quoted(List<String> headers) {
        return headers.stream().map(h -> "'" + h + "'").collect(Collectors.joining(", "));
    }
}
