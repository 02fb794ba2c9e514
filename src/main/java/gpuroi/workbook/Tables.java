package gpuroi.workbook;

import gpuroi.model.Cancellation;
import gpuroi.model.Quantities;
import gpuroi.workbook.HeaderMatcher.HeaderRow;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
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
        refuseOtherUnits(reader, sheet, header);
        refuseDuplicates(reader, sheet, header);
        return header;
    }

    /**
     * Two headers meaning one column ("Utilization" twice, or "Purchase date" beside "Start date") are refused at the second:
     * reading either would be a guess, and an old column left in place (often hidden) beside its replacement is common.
     */
    private static void refuseDuplicates(CellReader reader, Sheet sheet, HeaderRow header) {
        header.duplicates().forEach((c, second) -> {
            int first = header.columns().get(c);
            reader.problem(sheet, headerCell(sheet, header, second.columnIndex()),
                    "a second column for " + c.label() + ", '" + second.header() + "' (the first is '" + header.rawHeaders().get(c)
                            + "' at " + headerCell(sheet, header, first) + hiddenNote(sheet, first, second.columnIndex()) + ")",
                    "one column per input: delete or rename the one that is not meant");
        });
    }

    /** The header cell of a column, {@code Fleet!M4}. */
    private static String headerCell(Sheet sheet, HeaderRow header, int column) {
        return CellReader.sheetPrefix(sheet) + new CellReference(header.rowIndex(), column).formatAsString(false);
    }

    private static String hiddenNote(Sheet sheet, int first, int second) {
        if (sheet.isColumnHidden(first) && !sheet.isColumnHidden(second)) {
            return ", hidden";
        }
        return sheet.isColumnHidden(second) && !sheet.isColumnHidden(first) ? "; this one is hidden" : "";
    }

    /**
     * A header naming another unit than its column is read in ("Other opex per GPU-year", "Capex per GPU ($k)") is refused
     * at its cell: its figures would otherwise be read in the column's unit, and no figure below it can be trusted.
     */
    private static void refuseOtherUnits(CellReader reader, Sheet sheet, HeaderRow header) {
        header.columns().forEach((c, index) -> c.per().ifPresent(per -> {
            String raw = header.rawHeaders().get(c);
            HeaderUnits.contradiction(raw, per).ifPresent(says -> reader.problem(sheet, headerCell(sheet, header, index),
                    "the header '" + raw + "' (" + says + ")", unitExpected(c, per, says)));
        }));
    }

    private static String unitExpected(Column c, Quantities.Per per, String says) {
        String reads = "as gpu-roi reads '" + c.label() + "'";
        if (says.startsWith("in ")) {
            return "amounts in whole currency units, " + reads + " (it does not rescale a column): enter the full amounts"
                    + " (45,000, or 45k as text) and take the scale out of the header";
        }
        if (per == Quantities.Per.NOTHING) {
            return "totals, not figures " + says + ", " + reads + ": enter the totals and take the unit out of the header";
        }
        return "figures " + per.words() + ", " + reads + ": enter them " + per.words() + " and say so in the header, or leave"
                + " the unit out of it";
    }

    /**
     * The last row of the table's data. Footnotes under a table ("Prices from our broker, May
     * 2026") are rows with a single text cell holding words; those at the very bottom are skipped
     * with a note rather than read as incomplete rows. A footnote between data rows is still read.
     */
    static int lastDataRow(CellReader reader, Sheet sheet, HeaderRow header) {
        // Walks the rows the sheet holds, never the numbers between them: a row number comes from the file.
        List<Row> rows = new ArrayList<>();
        sheet.forEach(rows::add);
        for (int i = rows.size() - 1; i >= 0 && rows.get(i).getRowNum() > header.rowIndex(); i--) {
            Cancellation.check("looking for the last row of a table");
            Row row = rows.get(i);
            Cell only = onlyCell(reader, row);
            if (!isEmpty(reader, row) && (only == null || !isFootnote(only))) {
                return row.getRowNum();
            }
            if (only != null) {
                reader.note(InputNote.Kind.WARNING, CellReader.ref(only),
                        "read as a footnote under the table, not as a row: '" + only.getStringCellValue().strip() + "'");
            }
        }
        return header.rowIndex();
    }

    private static boolean isEmpty(CellReader reader, Row row) {
        for (Cell cell : row) {
            if (!reader.isBlank(cell)) {
                return false;
            }
        }
        return true;
    }

    /** The row's single non-blank cell, or null when it has none or several. */
    private static Cell onlyCell(CellReader reader, Row row) {
        Cell only = null;
        for (Cell cell : row) {
            if (!reader.isBlank(cell)) {
                if (only != null) {
                    return null;
                }
                only = cell;
            }
        }
        return only;
    }

    private static boolean isFootnote(Cell cell) {
        return cell.getCellType() == CellType.STRING && cell.getStringCellValue().strip().contains(" ");
    }

    /** {@code Fleet!A3:K3}: the header row, as far as it has cells. */
    static String rowRange(Sheet sheet, HeaderRow header) {
        var row = sheet.getRow(header.rowIndex());
        int first = Math.max(0, row.getFirstCellNum());
        int last = Math.max(first, row.getLastCellNum() - 1);
        return CellReader.sheetPrefix(sheet) + new CellReference(header.rowIndex(), first).formatAsString(false) + ":"
                + new CellReference(header.rowIndex(), last).formatAsString(false);
    }

    private static String quoted(List<String> headers) {
        return headers.stream().map(h -> "'" + h + "'").collect(Collectors.joining(", "));
    }
}
