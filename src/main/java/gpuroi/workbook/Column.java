package gpuroi.workbook;

import java.util.List;

/**
 * A column the reader knows: its name as shown to users, whether a row needs it, and the other
 * header texts people write for it. Aliases are compared after {@link HeaderMatcher#normalize}.
 */
record Column(String label, boolean required, List<String> aliases) {

    static Column required(String label, String... aliases) {
        return new Column(label, true, List.of(aliases));
    }

    static Column optional(String label, String... aliases) {
        return new Column(label, false, List.of(aliases));
    }

    /** The label and a few aliases, for "expected a column named…" messages. */
    String describe() {
        List<String> shown = aliases.stream().limit(3).toList();
        return "'" + label + "'" + (shown.isEmpty() ? "" : " (also accepted: " + String.join(", ", shown) + ")");
    }
}
