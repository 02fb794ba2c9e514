package gpuroi.workbook;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.util.CellReference;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A sheet's rows as the XML of its {@code <sheetData>}, written straight into text, without a row and cell object
 * for each of the 13 million cells of a large fleet's cash flows. What POI's streaming writer
 * ({@code SheetDataWriter}) writes for the same cells, a little shorter: a number's type is left to the default
 * ({@code t="n"}, as Excel and POI's own XSSF writer leave it), and a whole number is written without
 * {@code .0}; both read back as the same double. Only what the result sheets need: inline text, numbers, and
 * formulas with a cached number; rows in ascending order, without heights or styles of their own. The text is
 * handed on in chunks of about {@value #CHUNK} bytes.
 */
final class SheetRowsXml {
    /** Receives the XML, in order. */
    interface Chunks {
        void accept(byte[] utf8) throws IOException;
    }

    static final int CHUNK = 1 << 18;

    private final StringBuilder xml = new StringBuilder(CHUNK + (CHUNK >> 2));
    private final Chunks out;
    private String[] columnLetters = new String[0];
    private String rowNumber;
    private int lastColumn;

    SheetRowsXml(Chunks out) {
        this.out = out;
    }

    void beginRow(int rowIndex) {
        rowNumber = Integer.toString(rowIndex + 1);
        xml.append("<row r=\"").append(rowNumber).append("\">\n");
        lastColumn = -1;
    }

    void endRow() throws IOException {
        xml.append("</row>\n");
        if (xml.length() >= CHUNK) {
            flush();
        }
    }

    /** Text as an inline string: a cluster id such as {@code =HYPERLINK(...)} stays text. */
    void text(int column, String text, CellStyle style) {
        begin(column, style);
        xml.append(" t=\"inlineStr\"><is><t");
        if (!text.isEmpty() && (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1)))) {
            xml.append(" xml:space=\"preserve\"");
        }
        xml.append('>');
        escaped(text);
        xml.append("</t></is></c>");
    }

    void number(int column, double value, CellStyle style) {
        begin(column, style);
        xml.append("><v>");
        value(value);
        xml.append("</v></c>");
    }

    /** A live formula with the engine's figure as its cached result (none when that is not a number, as POI does). */
    void formula(int column, String formula, double cachedValue, CellStyle style) {
        begin(column, style);
        xml.append("><f>");
        escaped(formula);
        xml.append("</f>");
        if (!Double.isNaN(cachedValue)) {
            xml.append("<v>");
            value(cachedValue);
            xml.append("</v>");
        }
        xml.append("</c>");
    }

    /** Java's shortest round-trip digits; a whole number below 2^53 as an integer, which is exact. */
    private void value(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 0x1p53 && !(value == 0 && 1 / value < 0)) {
            xml.append((long) value);
        } else {
            xml.append(value);
        }
    }

    /** Hands on what is left. */
    void flush() throws IOException {
        if (xml.length() > 0) {
            out.accept(xml.toString().getBytes(StandardCharsets.UTF_8));
            xml.setLength(0);
        }
    }

    private void begin(int column, CellStyle style) {
        if (column <= lastColumn) {
            // A spreadsheet reads cells out of order as a damaged file.
            throw new IllegalStateException("cell " + letters(column) + rowNumber + " written after column " + letters(lastColumn));
        }
        lastColumn = column;
        xml.append("<c r=\"").append(letters(column)).append(rowNumber).append('"');
        int index = style.getIndex() & 0xffff;
        if (index != 0) {
            xml.append(" s=\"").append(index).append('"');
        }
    }

    private String letters(int column) {
        if (column >= columnLetters.length) {
            String[] grown = new String[Math.max(column + 1, columnLetters.length * 2)];
            System.arraycopy(columnLetters, 0, grown, 0, columnLetters.length);
            columnLetters = grown;
        }
        if (columnLetters[column] == null) {
            columnLetters[column] = CellReference.convertNumToColString(column);
        }
        return columnLetters[column];
    }

    /**
     * POI's escaping: the XML specials, tab, line breaks and the non-breaking space as entities, other control
     * characters and the non-characters U+FFFE and U+FFFF as '?'. A lone surrogate becomes '?' when encoded, as in
     * POI's writer.
     */
    private void escaped(String text) {
        int plain = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= ' ' && c <= '~' && c != '<' && c != '>' && c != '&' && c != '"') {
                continue;
            }
            xml.append(text, plain, i);
            plain = i + 1;
            switch (c) {
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '&' -> xml.append("&amp;");
                case '"' -> xml.append("&quot;");
                case '\n' -> xml.append("&#xa;");
                case '\r' -> xml.append("&#xd;");
                case '\t' -> xml.append("&#x9;");
                case '\u00A0' -> xml.append("&#xa0;");
                default -> xml.append(c < ' ' || c >= '\uFFFE' ? '?' : c);
            }
        }
        xml.append(text, plain, text.length());
    }
}
