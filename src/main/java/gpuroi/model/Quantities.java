package gpuroi.model;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads numbers the way people type them in spreadsheets and on command lines: {@code $2.85/hr},
 * {@code 50,000}, {@code 1.2k}, {@code 70%}, {@code 0.7}. Pure text-to-number rules, shared by the
 * workbook reader and the command line so both accept exactly the same inputs.
 */
public final class Quantities {
    private Quantities() {
    }

    /** A percentage read as a fraction, with the warning to show when the reading was a guess. */
    public record Percent(double fraction, Optional<String> warning) {
    }

    private static final Pattern CURRENCY = Pattern.compile(
            "^(?:US\\$|USD|EUR|GBP|JPY|CNY|CHF|[$€£¥])\\s*|\\s*(?:USD|EUR|GBP|JPY|CNY|CHF|[$€£¥])$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PER_UNIT = Pattern.compile(
            "\\s*(?:/|per\\s+)\\s*(?:gpu[\\s-]*)?(?:hr|hour|h|gpu[\\s-]*hr|gpu[\\s-]*hour|month|mo|kwh|gpu|yr|year)\\b.*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("^([+-]?)(\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE]([+-]?\\d+))?\\s*([kKmMbB])?$");
    private static final Pattern GROUPED = Pattern.compile("^[+-]?\\d{1,3}(?:,\\d{3})+(?:\\.\\d*)?(?:\\s*[kKmMbB])?$");

    /**
     * A plain or monetary amount: strips a currency sign or code, a per-unit suffix ({@code /hr},
     * {@code per GPU-hour}), thousands separators, and applies k/M/B multipliers. Accepts accounting
     * negatives in parentheses.
     *
     * @throws NumberFormatException with a message saying what was expected
     */
    public static double parseAmount(String text) {
        if (text == null || text.isBlank()) {
            throw new NumberFormatException("an empty value is not a number");
        }
        String s = text.strip().replace('\u00a0', ' ').replace('\u2212', '-');
        boolean negative = false;
        if (s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = s.substring(1, s.length() - 1).strip();
        }
        s = PER_UNIT.matcher(s).replaceFirst("");
        if (s.startsWith("-") || s.startsWith("+")) {
            negative ^= s.startsWith("-");
            s = s.substring(1).strip();
        }
        s = CURRENCY.matcher(s).replaceAll("").strip();
        if (s.startsWith("-")) {
            negative = !negative;
            s = s.substring(1).strip();
        }
        if (s.contains(",")) {
            if (!GROUPED.matcher(s).matches()) {
                throw new NumberFormatException("'" + text.strip() + "' is not a number (commas must separate thousands, e.g. 50,000)");
            }
            s = s.replace(",", "");
        }
        Matcher m = NUMBER.matcher(s.replace(" ", ""));
        if (!m.matches()) {
            throw new NumberFormatException("'" + text.strip() + "' is not a number (examples: 2.85, $2.85/hr, 50,000, 1.2k)");
        }
        double value = Double.parseDouble(m.group(1) + m.group(2) + (m.group(3) == null ? "" : "e" + m.group(3)));
        if (m.group(4) != null) {
            value *= switch (m.group(4).toLowerCase(Locale.ROOT)) {
                case "k" -> 1e3;
                case "m" -> 1e6;
                default -> 1e9;
            };
        }
        if (!Double.isFinite(value)) {
            throw new NumberFormatException("'" + text.strip() + "' is too large");
        }
        return negative ? -value : value;
    }

    /**
     * A percentage: {@code 70%} and {@code 0.7} both mean 70%. A plain number above 1 ({@code 70})
     * is read as a percentage too, with a warning, because that is what people mean when they type
     * it into a percentage column.
     */
    public static Percent parsePercent(String text) {
        if (text == null || text.isBlank()) {
            throw new NumberFormatException("an empty value is not a percentage");
        }
        String s = text.strip();
        if (s.endsWith("%")) {
            double value;
            try {
                value = parseAmount(s.substring(0, s.length() - 1));
            } catch (NumberFormatException e) {
                throw new NumberFormatException("'" + s + "' is not a percentage (examples: 70%, 0.7)");
            }
            // Shift the decimal point rather than divide, so "100.09%" is the same double as 1.0009.
            return new Percent(BigDecimal.valueOf(value).movePointLeft(2).doubleValue(), Optional.empty());
        }
        double value;
        try {
            value = parseAmount(s);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("'" + s + "' is not a percentage (examples: 70%, 0.7)");
        }
        return fromNumber(value);
    }

    /** The rule for a number found in a percentage column: above 1 means "percent". */
    public static Percent fromNumber(double value) {
        if (Math.abs(value) > 1) {
            return new Percent(value / 100.0,
                    Optional.of("read " + Formats.plain(value) + " as " + Formats.plain(value) + "%; write "
                            + Formats.plain(value / 100.0) + " or " + Formats.plain(value) + "% to silence this"));
        }
        return new Percent(value, Optional.empty());
    }
}
