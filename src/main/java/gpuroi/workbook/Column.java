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

    // Written out rather than generated: a record's generated equals and hashCode are assembled on first use, some
    // hundredths of a second of a short run's start-up, and every header the reader matches hashes a column.
    @Override
    public boolean equals(Object other) {
        return other instanceof Column column && label.equals(column.label) && required == column.required
                && aliases.equals(column.aliases);
    }

    @Override
    public int hashCode() {
        return label.hashCode();
    }

    /** The label and a few aliases, for "expected a column named…" messages. */
    String describe() {
        List<String> shown = aliases.stream().limit(3).toList();
        return "'" + label + "'" + (shown.isEmpty() ? "" : " (also accepted: " + String.join(", ", shown) + ")");
    }
}
