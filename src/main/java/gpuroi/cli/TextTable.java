package gpuroi.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain text table for terminals: the first columns left-aligned (labels), the rest right-aligned (numbers). */
final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final int leftAlignedColumns;

    TextTable(int leftAlignedColumns, String... header) {
        this.leftAlignedColumns = leftAlignedColumns;
        rows.add(header);
    }

    TextTable row(String... cells) {
        if (cells.length != rows.get(0).length) {
            throw new IllegalArgumentException("expected " + rows.get(0).length + " cells, got " + cells.length);
        }
        rows.add(cells);
        return this;
    }

    String render(String indent) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < columns; i++) {
                String cell = rows.get(r)[i];
                String pad = " ".repeat(widths[i] - cell.length());
                line.append(i == 0 ? "" : "  ").append(i < leftAlignedColumns ? cell + pad : pad + cell);
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) {
                int total = 2 * (columns - 1);
                for (int w : widths) {
                    total += w;
                }
                out.append(indent).append("-".repeat(total)).append('\n');
            }
        }
        return out.toString();
    }
}
