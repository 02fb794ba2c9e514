package gpuroi.workbook;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.util.CellReference;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A sheet's rows as the XML of its {@code <sheetData>}, written straight into UTF-8 bytes, without a row and cell
 * object for each of the 13 million cells of a large fleet's cash flows. What POI's streaming writer
 * ({@code SheetDataWriter}) writes for the same cells, a little shorter: a number's type is left to the default
 * ({@code t="n"}, as Excel and POI's own XSSF writer leave it), and a whole number is written without
 * {@code .0}; both read back as the same double. Only what the result sheets need: inline text, numbers, and
 * formulas with a cached number; rows in ascending order, without heights or styles of their own.
 *
 * <p>A formula written in every row with only its row numbers changing is compiled once into a {@link Formula}
 * (escaped once, its rows filled in as it is written), so that a row costs no text building. The bytes are handed
 * on in chunks of about {@value #CHUNK}.
 */
final class SheetRowsXml {
    /** Receives the XML, in order. */
    interface Chunks {
        /**
         * Takes {@code length} bytes of {@code chunk}, which it now owns.
         *
         * @return an array to fill next (of any size; a recycled one spares the garbage collector)
         */
        byte[] accept(byte[] chunk, int length) throws IOException;
    }

    static final int CHUNK = 1 << 18;
    /** In a {@link #formula(String) pattern}: the number of the row being written. */
    static final char THIS_ROW = '\u0001';
    /** In a pattern: the number of the row above. */
    static final char PREVIOUS_ROW = '\u0002';

    private static final byte[] ROW_START = ascii("<row r=\"");
    private static final byte[] ROW_END = ascii("\">\n");
    private static final byte[] ROW_CLOSE = ascii("</row>\n");
    private static final byte[] TEXT_OPEN = ascii(" t=\"inlineStr\"><is><t");
    private static final byte[] PRESERVE = ascii(" xml:space=\"preserve\"");
    private static final byte[] TEXT_CLOSE = ascii("</t></is></c>");
    private static final byte[] VALUE_OPEN = ascii("><v>");
    private static final byte[] VALUE_CLOSE = ascii("</v></c>");
    private static final byte[] FORMULA_OPEN = ascii("><f>");
    private static final byte[] FORMULA_CLOSE = ascii("</f>");
    private static final byte[] CACHED_OPEN = ascii("<v>");
    private static final byte[] CACHED_CLOSE = ascii("</v>");
    private static final byte[] CELL_CLOSE = ascii("</c>");

    private final Chunks out;
    private byte[] buf;
    private int pos;
    /** {@code <c r="AB} for each column. */
    private byte[][] cellStarts = new byte[0][];
    /** {@code " s="12"} for each style index ({@code "} alone for the default style). */
    private byte[][] styleAttributes = new byte[0][];
    private final byte[] row = new byte[10];
    private int rowLength;
    private final byte[] previousRow = new byte[10];
    private int previousRowLength;
    private String rowNumber;
    private int lastColumn;

    SheetRowsXml(Chunks out) {
        this(out, CHUNK + (CHUNK >> 2));
    }

    private SheetRowsXml(Chunks out, int capacity) {
        this.out = out;
        this.buf = new byte[capacity];
    }

    /** A formula written row after row: {@code pattern} with {@link #THIS_ROW} and {@link #PREVIOUS_ROW} where its rows go. */
    static Formula formula(String pattern) {
        List<byte[]> parts = new ArrayList<>();
        List<Character> rows = new ArrayList<>();
        SheetRowsXml scratch = new SheetRowsXml(null, pattern.length() * 6 + 16);
        int start = 0;
        for (int i = 0; i <= pattern.length(); i++) {
            char c = i < pattern.length() ? pattern.charAt(i) : 0;
            if (i == pattern.length() || c == THIS_ROW || c == PREVIOUS_ROW) {
                scratch.pos = 0;
                scratch.escaped(pattern.substring(start, i));
                parts.add(Arrays.copyOf(scratch.buf, scratch.pos));
                if (i < pattern.length()) {
                    rows.add(c);
                }
                start = i + 1;
            }
        }
        boolean[] previous = new boolean[rows.size()];
        for (int i = 0; i < previous.length; i++) {
            previous[i] = rows.get(i) == PREVIOUS_ROW;
        }
        return new Formula(parts.toArray(new byte[0][]), previous);
    }

    /** A compiled formula: escaped parts, with a row number between each two. */
    static final class Formula {
        private final byte[][] parts;
        private final boolean[] previousRow;

        private Formula(byte[][] parts, boolean[] previousRow) {
            this.parts = parts;
            this.previousRow = previousRow;
        }
    }

    void beginRow(int rowIndex) {
        rowLength = digits(rowIndex + 1, row);
        previousRowLength = digits(rowIndex, previousRow);
        rowNumber = null;
        ensure(32);
        put(ROW_START);
        put(row, rowLength);
        put(ROW_END);
        lastColumn = -1;
    }

    void endRow() throws IOException {
        ensure(ROW_CLOSE.length);
        put(ROW_CLOSE);
        if (pos >= CHUNK) {
            flush();
        }
    }

    /** Text as an inline string: a cluster id such as {@code =HYPERLINK(...)} stays text. */
    void text(int column, String text, CellStyle style) {
        begin(column, style);
        ensure(64);
        put(TEXT_OPEN);
        if (!text.isEmpty() && (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1)))) {
            put(PRESERVE);
        }
        buf[pos++] = '>';
        escaped(text);
        ensure(TEXT_CLOSE.length);
        put(TEXT_CLOSE);
    }

    void number(int column, double value, CellStyle style) {
        begin(column, style);
        ensure(64);
        put(VALUE_OPEN);
        value(value);
        put(VALUE_CLOSE);
    }

    /** A live formula with the engine's figure as its cached result (none when that is not a number, as POI does). */
    void formula(int column, String formula, double cachedValue, CellStyle style) {
        begin(column, style);
        ensure(FORMULA_OPEN.length);
        put(FORMULA_OPEN);
        escaped(formula);
        cached(cachedValue);
    }

    /** The same for a compiled formula, with this row's numbers. */
    void formula(int column, Formula formula, double cachedValue, CellStyle style) {
        begin(column, style);
        ensure(FORMULA_OPEN.length);
        put(FORMULA_OPEN);
        byte[][] parts = formula.parts;
        for (int i = 0; i < parts.length; i++) {
            ensure(parts[i].length + 10);
            put(parts[i]);
            if (i < formula.previousRow.length) {
                if (formula.previousRow[i]) {
                    put(previousRow, previousRowLength);
                } else {
                    put(row, rowLength);
                }
            }
        }
        cached(cachedValue);
    }

    /** Hands on what is left. */
    void flush() throws IOException {
        if (pos > 0) {
            byte[] next = out.accept(buf, pos);
            buf = next.length >= CHUNK ? next : new byte[CHUNK + (CHUNK >> 2)];
            pos = 0;
        }
    }

    private void cached(double value) {
        ensure(64);
        put(FORMULA_CLOSE);
        if (!Double.isNaN(value)) {
            put(CACHED_OPEN);
            value(value);
            put(CACHED_CLOSE);
        }
        put(CELL_CLOSE);
    }

    private void begin(int column, CellStyle style) {
        if (column <= lastColumn) {
            // A spreadsheet reads cells out of order as a damaged file.
            throw new IllegalStateException("cell " + CellReference.convertNumToColString(column) + rowNumber()
                    + " written after column " + CellReference.convertNumToColString(lastColumn));
        }
        lastColumn = column;
        ensure(48);
        put(cellStart(column));
        put(row, rowLength);
        put(styleAttribute(style.getIndex() & 0xffff));
    }

    private String rowNumber() {
        if (rowNumber == null) {
            rowNumber = new String(row, 0, rowLength, StandardCharsets.US_ASCII);
        }
        return rowNumber;
    }

    private byte[] cellStart(int column) {
        if (column >= cellStarts.length) {
            cellStarts = Arrays.copyOf(cellStarts, Math.max(column + 1, cellStarts.length * 2));
        }
        if (cellStarts[column] == null) {
            cellStarts[column] = ascii("<c r=\"" + CellReference.convertNumToColString(column));
        }
        return cellStarts[column];
    }

    private byte[] styleAttribute(int index) {
        if (index >= styleAttributes.length) {
            styleAttributes = Arrays.copyOf(styleAttributes, Math.max(index + 1, styleAttributes.length * 2));
        }
        if (styleAttributes[index] == null) {
            styleAttributes[index] = ascii(index == 0 ? "\"" : "\" s=\"" + index + "\"");
        }
        return styleAttributes[index];
    }

    /** Java's shortest round-trip digits; a whole number below 2^53 as an integer, which is exact. */
    private void value(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 0x1p53 && !(value == 0 && 1 / value < 0)) {
            long whole = (long) value;
            if (whole < 0) {
                buf[pos++] = '-';
                whole = -whole;
            }
            pos += digits(whole, buf, pos);
        } else {
            String text = Double.toString(value);
            for (int i = 0; i < text.length(); i++) {
                buf[pos++] = (byte) text.charAt(i);
            }
        }
    }

    private static int digits(long value, byte[] into) {
        return digits(value, into, 0);
    }

    /** The decimal digits of {@code value} ≥ 0 at {@code at}; how many. */
    private static int digits(long value, byte[] into, int at) {
        int length = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            length++;
        }
        long rest = value;
        for (int i = at + length - 1; i >= at; i--) {
            into[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return length;
    }

    private void ensure(int room) {
        if (pos + room > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + room));
        }
    }

    private void put(byte[] bytes) {
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    private void put(byte[] bytes, int length) {
        System.arraycopy(bytes, 0, buf, pos, length);
        pos += length;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * POI's escaping, in UTF-8: the XML specials, tab, line breaks and the non-breaking space as entities, other control
     * characters and the non-characters U+FFFE and U+FFFF as '?'; a lone surrogate becomes '?', as Java's encoder
     * makes it in POI's writer.
     */
    private void escaped(String text) {
        ensure(text.length() * 6);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (c >= ' ' && c != '<' && c != '>' && c != '&' && c != '"') {
                    buf[pos++] = (byte) c;
                    continue;
                }
                switch (c) {
                    case '<' -> put(LT);
                    case '>' -> put(GT);
                    case '&' -> put(AMP);
                    case '"' -> put(QUOT);
                    case '\n' -> put(LF);
                    case '\r' -> put(CR);
                    case '\t' -> put(TAB);
                    default -> buf[pos++] = '?';
                }
            } else if (c == '\u00A0') {
                put(NBSP);
            } else if (c >= '\uFFFE') {
                buf[pos++] = '?';
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int code = Character.toCodePoint(c, text.charAt(++i));
                buf[pos++] = (byte) (0xF0 | code >> 18);
                buf[pos++] = (byte) (0x80 | code >> 12 & 0x3F);
                buf[pos++] = (byte) (0x80 | code >> 6 & 0x3F);
                buf[pos++] = (byte) (0x80 | code & 0x3F);
            } else if (Character.isSurrogate(c)) {
                buf[pos++] = '?';
            } else if (c < 0x800) {
                buf[pos++] = (byte) (0xC0 | c >> 6);
                buf[pos++] = (byte) (0x80 | c & 0x3F);
            } else {
                buf[pos++] = (byte) (0xE0 | c >> 12);
                buf[pos++] = (byte) (0x80 | c >> 6 & 0x3F);
                buf[pos++] = (byte) (0x80 | c & 0x3F);
            }
        }
    }

    private static final byte[] LT = ascii("&lt;");
    private static final byte[] GT = ascii("&gt;");
    private static final byte[] AMP = ascii("&amp;");
    private static final byte[] QUOT = ascii("&quot;");
    private static final byte[] LF = ascii("&#xa;");
    private static final byte[] CR = ascii("&#xd;");
    private static final byte[] TAB = ascii("&#x9;");
    private static final byte[] NBSP = ascii("&#xa0;");
}
