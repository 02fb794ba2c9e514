package gpuroi.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gpuroi.workbook.CellProblem;
import gpuroi.workbook.InputNote;

import java.util.List;

/**
 * The one JSON document for an input that was not converted, whoever reports it: {@code convert --json} and
 * {@code validate --json} for each such workbook, and the hot folder's {@code NAME.error.json} (a workbook's problems, a
 * timeout, a link it would not follow). Its fields are those of a converted workbook's document, empty where nothing was
 * computed, so a script reads both the same way:
 * {@code input}, {@code output} (null), {@code memos}, {@code clusters}, {@code contracts} (empty), {@code warnings},
 * {@code errors} (each {@code sheet}, {@code cell}, {@code value}, {@code message}) and {@code outputError}.
 */
public final class ErrorDocument {
    private ErrorDocument() {
    }

    /** The document of a job that did not convert its input. */
    public static ObjectNode of(JobOutcome outcome) {
        ObjectNode node = skeleton(outcome.input().toString());
        putWarnings(node.withArray("warnings"), outcome.warnings());
        ArrayNode errors = node.withArray("errors");
        for (CellProblem problem : outcome.errors()) {
            ObjectNode e = errors.addObject();
            e.put("sheet", problem.sheet());
            e.put("cell", splitLocation(problem.cell())[1]);
            e.put("value", problem.found());
            e.put("message", problem.describe());
        }
        outcome.fileError().ifPresent(message -> putMessage(errors, message));
        // Not among the errors, which are all about the input: here the input was fine and the machine refused the output.
        node.put("outputError", outcome.outputError().orElse(null));
        return node;
    }

    /** The document of an input refused with one message that names no cell (a timeout, a symbolic link). */
    public static ObjectNode message(String input, String message) {
        ObjectNode node = skeleton(input);
        putMessage(node.withArray("errors"), message);
        node.putNull("outputError");
        return node;
    }

    /** The fields every document starts with, in order; a converted workbook's fills them. */
    public static ObjectNode skeleton(String input) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("input", input);
        node.putNull("output");
        node.putArray("memos");
        node.putArray("clusters");
        node.putArray("contracts");
        node.putArray("warnings");
        node.putArray("errors");
        return node;
    }

    /** Each warning as {@code sheet}, {@code cell}, {@code value} (null) and {@code message}. */
    public static void putWarnings(ArrayNode warnings, List<InputNote> notes) {
        for (InputNote warning : notes) {
            ObjectNode w = warnings.addObject();
            String[] where = splitLocation(warning.location());
            w.put("sheet", where[0]);
            w.put("cell", where[1]);
            w.putNull("value");
            w.put("message", warning.message());
        }
    }

    private static void putMessage(ArrayNode errors, String message) {
        ObjectNode e = errors.addObject();
        e.put("sheet", "");
        e.put("cell", "");
        e.putNull("value");
        e.put("message", message);
    }

    /** {@code Fleet!D7 → [Fleet, D7]}; a location without a sheet keeps it all as the sheet. */
    public static String[] splitLocation(String location) {
        if (location == null) {
            return new String[] {"", ""};
        }
        int bang = location.lastIndexOf('!');
        if (bang < 0) {
            return new String[] {location, ""};
        }
        String sheet = location.substring(0, bang);
        if (sheet.length() >= 2 && sheet.startsWith("'") && sheet.endsWith("'")) {
            sheet = sheet.substring(1, sheet.length() - 1).replace("''", "'");
        }
        return new String[] {sheet, location.substring(bang + 1)};
    }
}
