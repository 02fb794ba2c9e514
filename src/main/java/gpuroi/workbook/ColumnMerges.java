package gpuroi.workbook;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Values merged down one column of a table, below its header: one electricity price or PUE typed once and merged over
 * every cluster's row. Excel shows the value on each row the merge covers, but only its first cell holds it; the others
 * are empty, and were read as empty (a default, such as power not costed). Each covered row reads the first cell instead.
 * A merge across columns is left alone: it is a title or a note, not one value per row.
 */
final class ColumnMerges {
    private final Sheet sheet;
    /** For each column, its merges by first row: a lookup is a floor search, whatever the number of merges. */
    private final Map<Integer, TreeMap<Integer, CellRangeAddress>> byColumn;

    private ColumnMerges(Sheet sheet, Map<Integer, TreeMap<Integer, CellRangeAddress>> byColumn) {
        this.sheet = sheet;
        this.byColumn = byColumn;
    }

    /** The merges down one column that start below the header row {@code headerRow}. */
    static ColumnMerges below(Sheet sheet, int headerRow) {
        Map<Integer, TreeMap<Integer, CellRangeAddress>> byColumn = new HashMap<>();
        for (CellRangeAddress r : sheet.getMergedRegions()) {
            if (r.getFirstColumn() == r.getLastColumn() && r.getLastRow() > r.getFirstRow() && r.getFirstRow() > headerRow) {
                byColumn.computeIfAbsent(r.getFirstColumn(), c -> new TreeMap<>()).put(r.getFirstRow(), r);
            }
        }
        return new ColumnMerges(sheet, byColumn);
    }

    /** The first cell of the merge covering ({@code row}, {@code column}) from above, if that cell is in one. */
    Optional<Cell> firstCellAbove(int row, int column) {
        TreeMap<Integer, CellRangeAddress> merges = byColumn.get(column);
        Map.Entry<Integer, CellRangeAddress> above = merges == null ? null : merges.lowerEntry(row);
        if (above == null || row > above.getValue().getLastRow()) {
            return Optional.empty();
        }
        Row first = sheet.getRow(above.getKey());
        return Optional.ofNullable(first == null ? null : first.getCell(column));
    }
}
