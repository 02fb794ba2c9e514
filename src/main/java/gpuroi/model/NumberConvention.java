package gpuroi.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Which character separates thousands and which marks decimals in numbers typed as text. A
 * workbook may declare one; without a declaration, texts that read two ways ({@code 62.000}) are
 * refused rather than guessed.
 */
public enum NumberConvention {
    /** Nothing declared: {@code 1,234.56}, except that a text that reads two ways is refused. */
    UNDECLARED("1,234.56", '.'),
    /**
     * Nothing declared, in a workbook whose currency is also written {@code 1.234,56} (EUR, CHF, SEK…):
     * there {@code 2,500} may be two and a half as well as two thousand five hundred, so a comma before
     * three digits is refused like a dot before three digits.
     */
    UNDECLARED_EITHER_WAY("1,234.56", '.'),
    /** Comma groups thousands, dot is the decimal point: {@code 1,234.56}. */
    DECIMAL_POINT("1,234.56", '.'),
    /** Dot groups thousands, comma is the decimal mark: {@code 1.234,56}. */
    DECIMAL_COMMA("1.234,56", ',');

    private final String example;
    private final char decimalMark;

    NumberConvention(String example, char decimalMark) {
        this.example = example;
        this.decimalMark = decimalMark;
    }

    /** The convention written as an example number, as a workbook declares it: {@code 1.234,56}. */
    public String example() {
        return example;
    }

    public char decimalMark() {
        return decimalMark;
    }

    /** Whether no convention was declared, so the default applies and texts that read two ways are refused. */
    public boolean undeclared() {
        return this == UNDECLARED || this == UNDECLARED_EITHER_WAY;
    }

    /**
     * Currencies whose amounts are written with a decimal point wherever they are used. Any other
     * currency (EUR, CHF, SEK, BRL, CAD…) is written {@code 1.234,56} in at least some of the places
     * that use it.
     */
    private static final java.util.Set<String> DECIMAL_POINT_CURRENCIES = java.util.Set.of("USD", "GBP", "JPY", "CNY", "HKD",
            "SGD", "AUD", "NZD", "INR", "KRW", "TWD", "MXN", "ILS", "THB", "PHP", "MYR", "AED", "SAR");

    /** The convention of a workbook that declares none, given its currency (an ISO code). */
    public static NumberConvention undeclaredFor(String currency) {
        return DECIMAL_POINT_CURRENCIES.contains(currency.strip().toUpperCase(Locale.ROOT)) ? UNDECLARED : UNDECLARED_EITHER_WAY;
    }

    /** The declared convention's counterpart, to show what a refused text would mean there. */
    NumberConvention other() {
        return this == DECIMAL_COMMA ? DECIMAL_POINT : DECIMAL_COMMA;
    }

    /** What a workbook's {@code Number format} row may say, for messages. */
    public static final String FORMAT_EXPECTED = "1,234.56 or 1.234,56 typed as text (also accepted: decimal point, "
            + "decimal comma, US); a number cell cannot say which, because both read as the same number";

    /** What a workbook's {@code Decimal separator} row may say, for messages. */
    public static final String SEPARATOR_EXPECTED = "the decimal separator: . or , (also accepted: point, dot, comma)";

    /**
     * A {@code Number format} declaration: an example number with both separators ({@code 1,234.56},
     * {@code 1.234,56}, {@code #,##0.00}) or an unambiguous word. "European" is not one: Germany
     * writes 1.234,56 but Switzerland 1’234.56 and Ireland 1,234.56.
     */
    public static Optional<NumberConvention> fromFormat(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.matches("[0-9#]{1,3},[0-9#]{3}\\.[0-9#]+")) {
            return Optional.of(DECIMAL_POINT);
        }
        if (s.matches("[0-9#]{1,3}\\.[0-9#]{3},[0-9#]+")) {
            return Optional.of(DECIMAL_COMMA);
        }
        return switch (s.replaceAll("[\\s_-]+", " ")) {
            case "decimal point", "decimal dot", "us" -> Optional.of(DECIMAL_POINT);
            case "decimal comma" -> Optional.of(DECIMAL_COMMA);
            default -> Optional.empty();
        };
    }

    /** A {@code Decimal separator} declaration: the mark itself or its name. */
    public static Optional<NumberConvention> fromDecimalSeparator(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case ".", "point", "dot", "period", "full stop", "decimal point" -> Optional.of(DECIMAL_POINT);
            case ",", "comma", "decimal comma" -> Optional.of(DECIMAL_COMMA);
            default -> Optional.empty();
        };
    }
}
