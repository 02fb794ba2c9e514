package gpuroi.workbook;

import gpuroi.model.Field;
import gpuroi.model.InvalidValueException;
import gpuroi.model.Quantities.Per;
import gpuroi.workbook.CellReader.Read;
import gpuroi.workbook.HeaderMatcher.HeaderRow;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** One data row of a table, read by column rather than by position. */
final class TableRow {
    private final CellReader reader;
    private final Sheet sheet;
    private final Row row;
    private final int rowIndex;
    private final HeaderRow header;
    private boolean failed;

    TableRow(CellReader reader, Sheet sheet, int rowIndex, HeaderRow header) {
        this.reader = reader;
        this.sheet = sheet;
        this.row = sheet.getRow(rowIndex);
        this.rowIndex = rowIndex;
        this.header = header;
    }

    boolean failed() {
        return failed;
    }

    boolean has(Column c) {
        return header.has(c);
    }

    /** The cell a column's value is read from: this row's, or the first cell of a value merged down the column over it. */
    Cell cell(Column c) {
        Integer index = header.columns().get(c);
        if (index == null) {
            return null;
        }
        Cell own = row == null ? null : row.getCell(index);
        if (own != null && own.getCellType() != CellType.BLANK) {
            return own;
        }
        return header.merges().firstCellAbove(rowIndex, index).orElse(own);
    }

    /** The cell of a column in this row ({@code Fleet!D7}), or the row's first cell when the sheet has no such column. */
    String ref(Column c) {
        Integer index = header.columns().get(c);
        return CellReader.ref(sheet, rowIndex, index == null ? firstColumn() : index);
    }

    private int firstColumn() {
        return header.columns().values().stream().mapToInt(Integer::intValue).min().orElse(0);
    }

    boolean isBlank(Column c) {
        return reader.isBlank(cell(c));
    }

    /** The header text of a column as written, to read its unit ("Life (months)"). */
    String rawHeader(Column c) {
        return header.rawHeaders().getOrDefault(c, "");
    }

    void problem(Column c, String expected) {
        failed = true;
        report(c, expected);
    }

    /**
     * Reports a problem that does not stop the row from being checked further (a duplicate id),
     * so that the row's other problems are reported in the same pass.
     */
    void problemAndContinue(Column c, String expected) {
        report(c, expected);
    }

    private void report(Column c, String expected) {
        Cell cell = cell(c);
        if (cell != null) {
            reader.problem(cell, expected);
        } else {
            reader.problem(sheet, ref(c), has(c) ? "an empty cell" : "no '" + c.label() + "' column", expected);
        }
    }

    /** Reports every field a model record rejected, each at the cell of the column it came from. */
    void problem(Map<Field, Column> columnOfField, InvalidValueException e) {
        failed = true;
        for (InvalidValueException each : e.all()) {
            Column c = columnOfField.get(each.field());
            String where = c == null ? CellReader.ref(sheet, rowIndex, firstColumn()) : ref(c);
            String found = c != null && cell(c) != null ? reader.found(cell(c)) : each.found();
            reader.problem(sheet, where, found, each.label() + ": " + each.expected());
        }
    }

    private <T> Read<T> track(Read<T> r) {
        failed |= r.failed();
        return r;
    }

    Read<String> text(Column c) {
        return track(reader.text(cell(c)));
    }

    /** An amount counted per what its column is (a plain figure when the column says nothing). */
    Read<Double> amount(Column c, String expected) {
        return amount(c, c.per().orElse(Per.NOTHING), expected);
    }

    /** An amount counted {@code per} something, in a column whose unit depends on the row; a typed suffix must agree. */
    Read<Double> amount(Column c, Per per, String expected) {
        return track(reader.amount(cell(c), per, expected));
    }

    Read<Double> percent(Column c, String expected) {
        return track(reader.percent(cell(c), c.label(), expected));
    }

    Read<Integer> wholeNumber(Column c, String expected) {
        return track(reader.wholeNumber(cell(c), expected));
    }

    Read<LocalDate> date(Column c) {
        return track(reader.date(cell(c)));
    }

    Read<Boolean> yesNo(Column c) {
        return track(reader.yesNo(cell(c)));
    }

    /**
     * A value the row cannot do without: a blank cell is a problem. A missing column is not
     * reported again here; the sheet reports it once with its header row.
     */
    <T> T required(Column c, Read<T> read, String expected) {
        if (read.value().isPresent()) {
            return read.value().get();
        }
        if (read.isBlank() && has(c)) {
            problem(c, expected);
        }
        failed = true;
        return null;
    }

    boolean isEmptyRow() {
        if (row == null) {
            return true;
        }
        for (Cell cell : row) {
            if (!reader.isBlank(cell)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether this is a totals line ("Total", "Grand total"…) under the table, which people add
     * below their rows; it describes no cluster or contract, so it is skipped with a note.
     */
    boolean isTotalsRow(Column idColumn) {
        Cell cell = cell(idColumn);
        if (cell == null || cell.getCellType() != CellType.STRING) {
            return false;
        }
        String text = cell.getStringCellValue().strip().toLowerCase(Locale.ROOT);
        if (!text.matches("(grand )?totals?|sum|subtotal")) {
            return false;
        }
        reader.note(InputNote.Kind.WARNING, ref(idColumn), "row " + rowNumber() + " reads as a totals row ('"
                + cell.getStringCellValue().strip() + "'); skipped");
        return true;
    }

    int rowNumber() {
        return rowIndex + 1;
    }
}
