package gpuroi.model;

/**
 * A value the user gave that the model cannot accept. Carries the field, the value found and what
 * was expected, so that readers (workbook, command line) can point at the exact cell or flag.
 */
public final class InvalidValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String found;
    private final String expected;

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
