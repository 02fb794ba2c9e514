package gpuroi.workbook;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;

import java.time.LocalDate;
import java.util.OptionalDouble;

/**
 * Writing single cells through the plain {@code ss.usermodel} interfaces, so that the same sheet
 * writers work on a streaming (SXSSF) sheet. Text is always written as a string cell: a cluster id
 * such as {@code =HYPERLINK(...)} must stay text, never become a formula.
 */
final class OutputCells {
    private OutputCells() {
    }

    static Cell text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        String shown = value == null ? "" : fitted(value);
        cell.setCellValue(shown);
        cell.setCellStyle(style);
        ColumnFit.text(row.getSheet(), column, shown, style);
        if (style.getWrapText() && !shown.isEmpty()) {
            // Excel and LibreOffice keep a row's height when they open a file: it must show every line.
            int width = Math.max(row.getSheet().getColumnWidth(column) / 256, ColumnFit.longestWord(shown) + 2);
            float needed = LINE_HEIGHT_POINTS * wrappedLines(shown, width);
            if (needed > row.getHeightInPoints()) {
                row.setHeightInPoints(needed);
            }
        }
        return cell;
    }

    /** Excel's limit on the text of one cell. */
    static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    /**
     * Text cut to {@link #MAX_TEXT} with an ellipsis: an id of Excel's maximum length fits its own
     * cell, but not a title that adds to it, and POI refuses the whole workbook for one such cell.
     */
    static String fitted(String text) {
        if (text.length() <= MAX_TEXT) {
            return text;
        }
        int end = MAX_TEXT - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    static Cell number(Row row, int column, double value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
        ColumnFit.number(row.getSheet(), column, value, style);
        return cell;
    }

    static Cell date(Row row, int column, LocalDate value, OutputStyles styles) {
        return number(row, column, excelDate(value, styles.date1904), styles.date);
    }

    /** A number when present, else the text that says why there is none ("never", "n/a"). */
    static Cell optional(Row row, int column, OptionalDouble value, String whenEmpty, CellStyle style, CellStyle textStyle) {
        return value.isPresent()
                ? number(row, column, value.getAsDouble(), style)
                : text(row, column, whenEmpty, textStyle);
    }

    /**
     * A live formula with its cached result set from the engine, so the file shows the engine's
     * numbers before any recalculation (and a streaming writer never needs an evaluator).
     */
    static Cell formula(Row row, int column, String formula, double cachedValue, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellFormula(formula);
        cell.setCellValue(cachedValue);
        cell.setCellStyle(style);
        ColumnFit.number(row.getSheet(), column, cachedValue, style);
        return cell;
    }

    /** A live formula whose result is text ("never", "BUY"), cached as the engine's word. */
    static Cell textFormula(Row row, int column, String formula, String cachedText, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellFormula(formula);
        cell.setCellValue(cachedText);
        cell.setCellStyle(style);
        // Its column fits the cached words as it would the same text written as a value.
        ColumnFit.text(row.getSheet(), column, cachedText, style);
        return cell;
    }

    /**
     * A live formula that yields a number or the words for its absence; cached as the engine's number when it has one,
     * else as those words (the formula's own text result for the same inputs).
     */
    static Cell optionalFormula(Row row, int column, String formula, OptionalDouble value, String whenEmpty, CellStyle style,
                                CellStyle textStyle) {
        return value.isPresent()
                ? formula(row, column, formula, value.getAsDouble(), style)
                : textFormula(row, column, formula, whenEmpty, textStyle);
    }

    /** The serial number of a date in the workbook's own date system (1900, or 1904 for old Mac files). */
    static double excelDate(LocalDate date, boolean date1904) {
        return DateUtil.getExcelDate(date, date1904);
    }

    /** {@code 'Sheet name'!$C$7}: an absolute reference to a cell of another sheet. */
    static String absolute(String sheetName, int row, int column) {
        return new CellReference(sheetName, row, column, true, true).formatAsString();
    }

    /** {@code C7}: a relative reference on the same sheet. */
    static String relative(int row, int column) {
        // What CellReference.formatAsString gives, without building one for each of a million formula cells.
        return CellReference.convertNumToColString(column) + (row + 1);
    }

    /** {@code 'Sheet name'!$K$2:$K$26}: an absolute column range on another sheet. */
    static String columnRange(String sheetName, int firstRow, int lastRow, int column) {
        return absolute(sheetName, firstRow, column) + ":"
                + new CellReference(lastRow, column, true, true).formatAsString();
    }

    /** Widens the columns to at least these widths: a header or a cell may already have needed more. */
    static void widths(Sheet sheet, int[] widthsInCharacters) {
        for (int column = 0; column < widthsInCharacters.length; column++) {
            int width = Math.min(255, widthsInCharacters[column]) * 256;
            if (sheet.getColumnWidth(column) < width) {
                sheet.setColumnWidth(column, width);
            }
        }
    }

    /**
     * A header row tall enough for its wrapped titles: Excel does not fit a row's height to wrapped
     * text when it opens a file, so a long title would be cut off at one line. Titles break between
     * words only: a column narrower than a title's longest word is widened ({@link ColumnFit}).
     */
    static void headerRow(Sheet sheet, int rowIndex, String[] headers, int[] widthsInCharacters, OutputStyles styles) {
        Row row = sheet.createRow(rowIndex);
        for (int column = 0; column < headers.length; column++) {
            // The table's widths hold from here on, so that wrapped cells below get the height they need.
            int width = Math.max(widthsInCharacters[column], (int) Math.ceil(ColumnFit.longestWord(headers[column]) * 1.1) + 2);
            if (sheet.getColumnWidth(column) < Math.min(255, width) * 256) {
                sheet.setColumnWidth(column, Math.min(255, width) * 256);
            }
            text(row, column, headers[column], styles.header);
        }
    }

    /** A row of {@code lines} lines of wrapped text at the default font. */
    static void linesHigh(Row row, int lines) {
        row.setHeightInPoints(LINE_HEIGHT_POINTS * Math.max(1, lines));
    }

    /**
     * The lines {@code text} takes wrapped between words in a column {@code widthInCharacters} wide,
     * with a bold font's tenth to spare so that a row is never too short for what it holds.
     */
    static int wrappedLines(String text, int widthInCharacters) {
        int usable = Math.max(1, (int) ((widthInCharacters - 2) / 1.1));
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            lines++;
            int used = 0;
            for (String word : paragraph.split(" +")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (used > 0 && used + 1 + word.length() > usable) {
                    lines++;
                    used = 0;
                }
                used += (used > 0 ? 1 : 0) + word.length();
                while (used > usable) {
                    // A word longer than the line breaks where the column ends.
                    lines++;
                    used -= usable;
                }
            }
        }
        return Math.max(1, lines);
    }

    private static final float LINE_HEIGHT_POINTS = 15f;
}
