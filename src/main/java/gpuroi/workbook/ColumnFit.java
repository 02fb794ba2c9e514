package gpuroi.workbook;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * What each column of an added sheet needs to show its cells whole, collected as {@link OutputCells}
 * writes them: a streaming sheet cannot be read back, and a number wider than its column shows as
 * {@code ###}. Widths are in characters of the default font, as {@link Sheet#setColumnWidth} counts them.
 *
 * <p>Numbers keep the smallest and largest value per column and style, formatted once at the end. Text
 * that does not wrap needs its length, up to {@link #MAX_TEXT_WIDTH} (longer text, such as a reason,
 * lies in a column sized for it or runs on into the empty cells beside it); wrapped text needs its
 * longest word, so that it breaks only between words. Section titles (bold, unwrapped) run across empty
 * cells and need nothing.
 */
final class ColumnFit {
    /** Unwrapped text up to this length widens its column. */
    static final int MAX_TEXT_WIDTH = 40;
    /** Room for the cell's padding and for glyphs wider than a digit. */
    private static final int MARGIN = 2;
    /** Headers are bold, about a tenth wider than the default font. */
    private static final double BOLD = 1.1;

    /** Keyed by the sheet object: a sheet nobody refers to any more drops out with its needs. */
    private static final Map<Sheet, ColumnFit> SHEETS = Collections.synchronizedMap(new WeakHashMap<>());

    /** One a thread, as a writer measures its sheets on one: each keeps the number formats it has parsed. */
    private static final ThreadLocal<DataFormatter> FORMATTER = ThreadLocal.withInitial(() -> new DataFormatter(Locale.US));

    private final List<Column> columns = new ArrayList<>();

    private ColumnFit() {
    }

    static void text(Sheet sheet, int column, String text, CellStyle style) {
        if (text.isEmpty()) {
            return;
        }
        boolean bold = sheet.getWorkbook().getFontAt(style.getFontIndex()).getBold();
        if (bold && !style.getWrapText()) {
            // A title (bold, unwrapped) runs on across the empty cells beside it.
            return;
        }
        int needed = style.getWrapText()
                ? (int) Math.ceil(longestWord(text) * (bold ? BOLD : 1))
                : Math.min(MAX_TEXT_WIDTH, text.length());
        Column fit = of(sheet).column(column);
        fit.text = Math.max(fit.text, needed + MARGIN);
    }

    static void number(Sheet sheet, int column, double value, CellStyle style) {
        if (Double.isFinite(value)) {
            double[] range = of(sheet).column(column).numbers.computeIfAbsent(style, s -> new double[] {value, value});
            range[0] = Math.min(range[0], value);
            range[1] = Math.max(range[1], value);
        }
    }

    /**
     * Widens every column of the sheet to what its cells need, never narrowing one set wider.
     *
     * @return how many columns the sheet's cells use (0 when nothing was recorded)
     */
    static int widen(Sheet sheet) {
        ColumnFit fit = SHEETS.remove(sheet);
        if (fit == null) {
            return 0;
        }
        DataFormatter formatter = FORMATTER.get();
        for (int c = 0; c < fit.columns.size(); c++) {
            int needed = fit.columns.get(c).needed(formatter);
            if (needed * 256 > sheet.getColumnWidth(c)) {
                sheet.setColumnWidth(c, Math.min(255, needed) * 256);
            }
        }
        return fit.columns.size();
    }

    /** The longest run of characters between spaces: a wrapped cell narrower than it breaks the word. */
    static int longestWord(String text) {
        int longest = 0;
        for (String word : text.split("\\s+")) {
            longest = Math.max(longest, word.length());
        }
        return longest;
    }

    private static ColumnFit of(Sheet sheet) {
        return SHEETS.computeIfAbsent(sheet, s -> new ColumnFit());
    }

    private Column column(int index) {
        while (columns.size() <= index) {
            columns.add(new Column());
        }
        return columns.get(index);
    }

    private static final class Column {
        int text;
        final Map<CellStyle, double[]> numbers = new IdentityHashMap<>();

        int needed(DataFormatter formatter) {
            int needed = text;
            for (Map.Entry<CellStyle, double[]> e : numbers.entrySet()) {
                for (double value : e.getValue()) {
                    String shown = formatter.formatRawCellContents(value, e.getKey().getDataFormat(), e.getKey().getDataFormatString());
                    needed = Math.max(needed, shown.length() + MARGIN);
                }
            }
            return needed;
        }
    }
}
