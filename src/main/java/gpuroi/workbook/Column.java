package gpuroi.workbook;

import gpuroi.model.Quantities;

import java.util.List;
import java.util.Optional;

/**
 * A column the reader knows: its name as shown to users, whether a row needs it, the other header texts people write
 * for it, and, for a column of amounts, what they are counted per (a unit typed in a cell or named in the header must
 * agree). Aliases are compared after {@link HeaderMatcher#normalize}.
 */
record Column(String label, boolean required, List<String> aliases, Optional<Quantities.Per> per) {

    static Column required(String label, String... aliases) {
        return new Column(label, true, List.of(aliases), Optional.empty());
    }

    static Column optional(String label, String... aliases) {
        return new Column(label, false, List.of(aliases), Optional.empty());
    }

    /** This column, of amounts counted {@code per} something: its cells and its header are held to that unit. */
    Column countedPer(Quantities.Per unit) {
        return new Column(label, required, aliases, Optional.of(unit));
    }

    // Written out rather than generated: a record's generated equals and hashCode are assembled on first use, some
    // hundredths of a second of a short run's start-up, and every header the reader matches hashes a column.
    @Override
    public boolean equals(Object other) {
        return other instanceof Column column && label.equals(column.label) && required == column.required
                && aliases.equals(column.aliases) && per.equals(column.per);
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
