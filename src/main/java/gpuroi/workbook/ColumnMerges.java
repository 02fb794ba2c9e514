package gpuroi.workbook;

import java.util.List;
import java.util.Optional;
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
    private final List<CellRangeAddress> regions;

    private ColumnMerges(Sheet sheet, List<CellRangeAddress> regions) {
        this.sheet = sheet;
        this.regions = regions;
    }

    /** The merges down one column that start below the header row {@code headerRow}. */
    static ColumnMerges below(Sheet sheet, int headerRow) {
        return new ColumnMerges(sheet, sheet.getMergedRegions().stream()
                .filter(r -> r.getFirstColumn() == r.getLastColumn() && r.getLastRow() > r.getFirstRow() && r.getFirstRow() > headerRow)
                .toList());
    }

    /** The first cell of the merge covering ({@code row}, {@code column}) from above, if that cell is in one. */
    Optional<Cell> firstCellAbove(int row, int column) {
        for (CellRangeAddress r : regions) {
            if (r.getFirstColumn() == column && row > r.getFirstRow() && row <= r.getLastRow()) {
                Row first = sheet.getRow(r.getFirstRow());
                return Optional.ofNullable(first == null ? null : first.getCell(column));
            }
        }
        return Optional.empty();
    }
}
