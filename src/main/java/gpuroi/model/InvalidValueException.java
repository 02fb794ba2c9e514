package gpuroi.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A value the user gave that the model cannot accept. Carries the field (typed, never matched by its text), the value found and what
 * was expected, so that readers (workbook, command line) can point at the exact cell or flag.
 */
public final class InvalidValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final Field field;
    private final String label;
    private final String found;
    private final String expected;
    private final List<InvalidValueException> others = new ArrayList<>();

    public InvalidValueException(Field field, Object found, String expected) {
        this(field, field.label(), found, expected);
    }

    /** A problem whose message names the field otherwise, such as the uncertain input a risk range is for. */
    public InvalidValueException(Field field, String label, Object found, String expected) {
        super(label + ": found " + render(found) + ", expected " + expected);
        this.field = field;
        this.label = label;
        this.found = render(found);
        this.expected = expected;
    }

    /** What was refused, for readers to map to the cell or flag it came from. */
    public Field field() {
        return field;
    }

    /** The field's name as users read it in the message. */
    public String label() {
        return label;
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
