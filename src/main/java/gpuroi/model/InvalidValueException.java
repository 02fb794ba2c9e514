package gpuroi.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A value the user gave that the model cannot accept. Carries the field, the value found and what
 * was expected, so that readers (workbook, command line) can point at the exact cell or flag.
 */
public final class InvalidValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String found;
    private final String expected;
    private final List<InvalidValueException> others = new ArrayList<>();

    public InvalidValueException(String field, Object found, String expected) {
        super(field + ": found " + render(found) + ", expected " + expected);
        this.field = field;
        this.found = render(found);
        this.expected = expected;
    }

    public String field() {
        return field;
    }

    public String found() {
        return found;
    }

    public String expected() {
        return expected;
    }

    /** This problem and every other one found in the same record, so users can fix them all at once. */
    public List<InvalidValueException> all() {
        List<InvalidValueException> all = new ArrayList<>();
        all.add(this);
        all.addAll(others);
        return List.copyOf(all);
    }

    void addOther(InvalidValueException other) {
        others.add(other);
    }

    private static String render(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof String s) {
            return s.isBlank() ? "an empty value" : "'" + s + "'";
        }
        return String.valueOf(value);
    }
}
