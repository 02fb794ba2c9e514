package gpuroi.report;

import java.util.Locale;

/** The page size memos are laid out on. */
public enum Paper {
    A4("A4"),
    LETTER("letter");

    private final String cssSize;

    Paper(String cssSize) {
        this.cssSize = cssSize;
    }

    /** The value of the CSS {@code @page size} property. */
    public String cssSize() {
        return cssSize;
    }

    /** Reads {@code a4} or {@code letter}, in any case. */
    public static Paper parse(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "a4" -> A4;
            case "letter", "us-letter", "usletter" -> LETTER;
            default -> throw new IllegalArgumentException("paper '" + text + "': expected a4 or letter");
        };
    }
}
