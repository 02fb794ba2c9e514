package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The warnings of one workbook in {@code --json} output, by cell. */
final class WarningsJson {
    private WarningsJson() {
    }

    /** {@code Fleet!A3} for each warning, in the order printed. */
    static List<String> warningCells(JsonNode workbook) {
        List<String> cells = new ArrayList<>();
        workbook.get("warnings").forEach(w -> cells.add(w.get("sheet").asText() + "!" + w.get("cell").asText()));
        return cells;
    }

    /** The message of the warning at a cell; fails naming the cells warned about when there is none. */
    static String warningAt(JsonNode workbook, String sheet, String cell) {
        for (JsonNode w : workbook.get("warnings")) {
            if (w.get("sheet").asText().equals(sheet) && w.get("cell").asText().equals(cell)) {
                return w.get("message").asText();
            }
        }
        throw new AssertionError("no warning at " + sheet + "!" + cell + " in " + warningCells(workbook));
    }
}
