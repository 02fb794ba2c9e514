package gpuroi.model;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads numbers the way people type them in spreadsheets and on command lines: {@code $2.85/hr},
 * {@code 50,000}, {@code 1.2k}, {@code 70%}, {@code 0.7}, and the European forms {@code 62.000 €},
 * {@code 1.234,56}, {@code 62 000 €}, {@code 62’000}. Pure text-to-number rules, shared by the
 * workbook reader and the command line so both accept exactly the same inputs.
 *
 * <p>A text is read with a {@link NumberConvention}. One that reads two ways under the undeclared
 * convention ({@code 62.000}: sixty-two thousand, or sixty-two) is refused, never guessed.
 */
public final class Quantities {
    private Quantities() {
    }

    /** A percentage read as a fraction, with the warning to show when the reading was a guess. */
    public record Percent(double fraction, Optional<String> warning) {
    }

    /**
     * An amount and the currency mark typed with it ({@code $}, {@code €}, {@code EUR}…), so that a
     * reader can tell an amount in another currency from its own.
     */
    public record Amount(double value, Optional<String> currencyMark) {

        /** Whether the amount may be in the given ISO currency: true when no mark was typed; {@code $} is any dollar. */
        public boolean mayBeIn(String currency) {
            return currencyMark.isEmpty() || currenciesOf(currencyMark.get()).contains(currency.strip().toUpperCase(Locale.ROOT));
        }

        /** The mark with the currency it names: {@code € (EUR)}, {@code $ (a dollar currency such as USD)}. */
        public String currencyNamed() {
            String mark = currencyMark.orElse("");
            return switch (mark.toUpperCase(Locale.ROOT)) {
                case "$" -> "$ (a dollar currency such as USD)";
                case "US$" -> "US$ (USD)";
                case "€" -> "€ (EUR)";
                case "£" -> "£ (GBP)";
                case "¥" -> "¥ (JPY or CNY)";
                default -> mark.toUpperCase(Locale.ROOT);
            };
        }
    }

    /**
     * A text refused because of its thousands and decimal separators, though it is a number in some
     * convention: it reads two ways, or it is not a number in the convention it was read in. The
     * message shows each reading; callers add how to declare the convention where one can.
     */
    public static final class SeparatorException extends NumberFormatException {
        private static final long serialVersionUID = 1L;

        private final boolean ambiguous;

        SeparatorException(String message, boolean ambiguous) {
            super(message);
            this.ambiguous = ambiguous;
        }

        /** True when the text reads two ways; false when it is a number only in the other convention. */
        public boolean isAmbiguous() {
            return ambiguous;
        }
    }

    /**
     * What an amount is counted per, as its column or option says. A per-unit suffix typed with the amount ({@code /hr},
     * {@code per GPU-month}, {@code /kWh}) must say the same or less ({@code /GPU} in a column per GPU-hour), or the text
     * is refused: {@code $1,440/year} in a column per GPU-month is not 1,440 a month, and {@code $2,080/month} is no
     * price per GPU-hour.
     */
    public enum Per {
        /** A count, a total, a duration or a plain figure: no per-unit suffix. */
        NOTHING("a figure without a per-unit suffix"),
        /** A price or a power per GPU: {@code /GPU} at most. */
        GPU("per GPU"),
        /** A price per GPU-hour: {@code /hr}, {@code /GPU-hr}, {@code per hour}, {@code /GPU}. */
        GPU_HOUR("per GPU-hour"),
        /** A cost per GPU-month: {@code /month}, {@code /mo}, {@code /GPU-month}, {@code /GPU}. */
        GPU_MONTH("per GPU-month"),
        /** An electricity price: {@code /kWh}. */
        KWH("per kWh"),
        /** A rate per year: {@code /yr}, {@code /year}. */
        YEAR("per year");

        private final String words;

        Per(String words) {
            this.words = words;
        }

        /** How messages name it: "per GPU-month". */
        public String words() {
            return words;
        }

        private boolean accepts(Measure measure, boolean perGpu) {
            return switch (this) {
                case NOTHING -> false;
                case GPU -> measure == null;
                case GPU_HOUR -> measure == null || measure == Measure.HOUR;
                case GPU_MONTH -> measure == null || measure == Measure.MONTH;
                case KWH -> measure == Measure.KWH && !perGpu;
                case YEAR -> measure == Measure.YEAR && !perGpu;
            };
        }
    }

    /** The time or energy a per-unit suffix counts by. */
    private enum Measure {
        HOUR("per hour"), MONTH("per month"), YEAR("per year"), KWH("per kWh");

        private final String words;

        Measure(String words) {
            this.words = words;
        }

        static Measure of(String word) {
            return switch (word) {
                case "h", "hr", "hour" -> HOUR;
                case "mo", "month" -> MONTH;
                case "yr", "year" -> YEAR;
                case "kwh" -> KWH;
                default -> null;
            };
        }
    }

    /** A text refused because its per-unit suffix is not the unit the figure is counted in. */
    public static final class UnitException extends NumberFormatException {
        private static final long serialVersionUID = 1L;

        UnitException(String message) {
            super(message);
        }
    }

    private static final String CODES = "USD|EUR|GBP|JPY|CNY|CHF";
    private static final Pattern LEADING_CURRENCY = Pattern.compile("^(US\\$|" + CODES + "|[$€£¥])\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING_CURRENCY = Pattern.compile("\\s*(" + CODES + "|[$€£¥])$", Pattern.CASE_INSENSITIVE);
    private static final String UNIT = "(?:gpu[\\s-]*)?(?:hr|hour|h|month|mo|kwh|gpu|yr|year)\\b";
    /** A per-unit suffix: one unit or a chain ({@code /GPU/month}), then anything (a comment) to the end. */
    private static final Pattern PER_UNIT = Pattern.compile(
            "\\s*((?:(?:/|per\\s+)\\s*" + UNIT + "\\s*)+).*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNIT_WORD = Pattern.compile("[a-z]+");
    private static final Pattern MULTIPLIER = Pattern.compile("(?<=[0-9])\\s*([kKmMbB])$");
    private static final Pattern EXPONENT = Pattern.compile("(?<=[0-9])[eE]([+-]?[0-9]{1,4})$");
    /** Digits with dots, commas, spaces and apostrophes between or before them: what is left to read. */
    private static final Pattern DIGITS_AND_SEPARATORS = Pattern.compile("[0-9., ']*[0-9][0-9., ']*");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern FIRST_GROUP = Pattern.compile("[1-9][0-9]{0,2}");
    private static final Pattern GROUP = Pattern.compile("[0-9]{3}");
    /** A comma followed by exactly three digits and no other separator: thousands in the default convention. */
    private static final Pattern COMMA_THOUSANDS = Pattern.compile("[0-9]+,[0-9]{3}");

    private static final String EXAMPLES = "examples: 2.85, $2.85/hr, 50,000, 1.234,56, 62 000 €, 1.2k";

    /** An amount counted {@code per} something, read in the undeclared convention, as the command line does. */
    public static double parseAmount(String text, Per per) {
        return amount(text, NumberConvention.UNDECLARED, per).value();
    }

    /**
     * A plain or monetary amount: strips a currency sign or code (and says which), a per-unit suffix
     * ({@code /hr}, {@code per GPU-hour}) that agrees with {@code per}, thousands separators (comma, dot, space,
     * no-break space, apostrophe), and applies k/M/B multipliers. Accepts accounting negatives in parentheses.
     *
     * @throws SeparatorException    when the separators make it two numbers, or a number only in the other convention
     * @throws UnitException         when its per-unit suffix is not {@code per}
     * @throws NumberFormatException with a message saying what was expected, for any other text
     */
    public static Amount amount(String text, NumberConvention convention, Per per) {
        if (text == null || text.isBlank()) {
            throw new NumberFormatException("an empty value is not a number");
        }
        return amount(text, convention, text.strip(), "", per);
    }

    /** @param shown the text as the user typed it, for messages; @param unit written after each reading in messages */
    private static Amount amount(String text, NumberConvention convention, String shown, String unit, Per per) {
        // No-break and narrow no-break spaces group thousands in French and Swiss text; ’ in Swiss.
        String s = text.replace('\u00a0', ' ').replace('\u202f', ' ').replace('\u2009', ' ')
                .replace('\u2019', '\'').replace('\u2212', '-').strip();
        boolean negative = false;
        if (s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = s.substring(1, s.length() - 1).strip();
        }
        Matcher suffix = PER_UNIT.matcher(s);
        if (suffix.find()) {
            checkUnit(shown, suffix.group(1), per);
            s = s.substring(0, suffix.start());
        }
        if (s.startsWith("-") || s.startsWith("+")) {
            negative ^= s.startsWith("-");
            s = s.substring(1).strip();
        }
        Optional<String> mark = Optional.empty();
        Matcher leading = LEADING_CURRENCY.matcher(s);
        if (leading.find()) {
            mark = Optional.of(leading.group(1));
            s = s.substring(leading.end());
        }
        Matcher trailing = TRAILING_CURRENCY.matcher(s);
        if (trailing.find()) {
            mark = mark.isPresent() ? mark : Optional.of(trailing.group(1));
            s = s.substring(0, trailing.start());
        }
        s = s.strip();
        if (s.startsWith("-")) {
            negative = !negative;
            s = s.substring(1).strip();
        }
        BigDecimal multiplier = BigDecimal.ONE;
        Matcher m = MULTIPLIER.matcher(s);
        if (m.find()) {
            multiplier = switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "k" -> BigDecimal.valueOf(1_000);
                case "m" -> BigDecimal.valueOf(1_000_000);
                default -> BigDecimal.valueOf(1_000_000_000);
            };
            s = s.substring(0, m.start());
        }
        Integer exponent = null;
        Matcher e = EXPONENT.matcher(s);
        if (e.find()) {
            exponent = Integer.parseInt(e.group(1));
            s = s.substring(0, e.start());
        }
        if (!DIGITS_AND_SEPARATORS.matcher(s).matches()) {
            throw new NumberFormatException("'" + shown + "' is not a number (" + EXAMPLES + ")");
        }
        BigDecimal point = scaled(reading(s, '.', exponent != null), exponent, multiplier);
        BigDecimal comma = scaled(reading(s, ',', exponent != null), exponent, multiplier);
        BigDecimal value = choose(shown, s, point, comma, convention, unit);
        double d = value.doubleValue();
        if (!Double.isFinite(d)) {
            throw new NumberFormatException("'" + shown + "' is too large");
        }
        return new Amount(negative ? -d : d, mark);
    }

    /** Refuses a per-unit suffix that says another unit than {@code per}, or two units of time or energy. */
    private static void checkUnit(String shown, String suffix, Per per) {
        Matcher words = UNIT_WORD.matcher(suffix.toLowerCase(Locale.ROOT));
        boolean perGpu = false;
        Measure measure = null;
        while (words.find()) {
            String word = words.group();
            if (word.equals("gpu") || word.equals("per")) {
                perGpu |= word.equals("gpu");
                continue;
            }
            Measure m = Measure.of(word);
            if (measure != null && m != measure) {
                throw new UnitException("'" + shown + "' names two units, " + measure.words + " and " + m.words
                        + "; write the figure " + per.words);
            }
            measure = m;
        }
        if (!per.accepts(measure, perGpu)) {
            String typed = measure != null ? measure.words : "per GPU";
            throw new UnitException(per == Per.NOTHING
                    ? "'" + shown + "' is a figure " + typed + "; write the number alone"
                    : "'" + shown + "' is a figure " + typed + ", not " + per.words + "; write the figure " + per.words);
        }
    }

    /**
     * The reading the convention allows. Undeclared, the default reading is 1,234.56, a text that is
     * a number only as 1.234,56 ({@code 1.234.567,89}, {@code 2,85}) is read that way, and a single
     * dot before three digits ({@code 62.000}) is refused: both readings are common.
     */
    private static BigDecimal choose(String shown, String digits, BigDecimal point, BigDecimal comma,
                                     NumberConvention convention, String unit) {
        switch (convention) {
            case DECIMAL_POINT -> {
                if (point != null) {
                    return point;
                }
                throw notInConvention(shown, convention, comma, unit);
            }
            case DECIMAL_COMMA -> {
                if (comma != null) {
                    return comma;
                }
                throw notInConvention(shown, convention, point, unit);
            }
            default -> {
                if (point != null && comma != null && point.compareTo(comma) != 0 && digits.contains(".")) {
                    throw new SeparatorException("'" + shown + "' can be read two ways: " + plain(comma) + unit
                            + " if the dot separates thousands (as in 1.234,56), " + plain(point) + unit
                            + " if it is a decimal point (as in 1,234.56); write " + plain(comma) + unit + " or " + plain(point) + unit, true);
                }
                if (point != null && comma != null && point.compareTo(comma) != 0 && convention == NumberConvention.UNDECLARED_EITHER_WAY) {
                    throw new SeparatorException("'" + shown + "' can be read two ways: " + plain(point) + unit
                            + " if the comma separates thousands (as in 1,234.56), " + plain(comma) + unit
                            + " if it is a decimal comma (as in 1.234,56); write " + plain(point) + unit + " or " + plain(comma) + unit, true);
                }
                if (point != null) {
                    return point;
                }
                if (comma != null && COMMA_THOUSANDS.matcher(digits).matches()) {
                    // "1234,567": by default a comma before three digits groups thousands, and these are not groups of three.
                    throw notInConvention(shown, convention, comma, unit);
                }
                if (comma != null) {
                    return comma;
                }
                throw notInConvention(shown, convention, null, unit);
            }
        }
    }

    private static NumberFormatException notInConvention(String shown, NumberConvention convention, BigDecimal otherReading, String unit) {
        if (otherReading == null) {
            return new NumberFormatException("'" + shown + "' is not a number: thousands separators group digits in threes "
                    + "and come before a single decimal mark (" + EXAMPLES + ")");
        }
        String rule = convention.decimalMark() == '.'
                ? "the comma groups thousands in threes, the dot marks decimals"
                : "the dot groups thousands in threes, the comma marks decimals";
        String format = convention.undeclared() ? "the default format " : "the declared format ";
        return new SeparatorException("'" + shown + "' is not a number in " + format + convention.example() + " (" + rule
                + "); in " + convention.other().example() + " it would read " + plain(otherReading) + unit, false);
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal scaled(BigDecimal reading, Integer exponent, BigDecimal multiplier) {
        if (reading == null) {
            return null;
        }
        return (exponent == null ? reading : reading.scaleByPowerOfTen(exponent)).multiply(multiplier);
    }

    /**
     * The digits read with the given decimal mark, or null when they are not a well-formed number that
     * way: one decimal mark at most, with digits after it; before it, digits in groups of three after
     * a first group of one to three, separated by one kind of separator (the other mark, a space or an
     * apostrophe). An exponent allows no grouping.
     */
    private static BigDecimal reading(String digits, char decimalMark, boolean exponent) {
        int at = digits.indexOf(decimalMark);
        if (at != digits.lastIndexOf(decimalMark)) {
            return null;
        }
        String whole = at < 0 ? digits : digits.substring(0, at);
        String fraction = at < 0 ? "" : digits.substring(at + 1);
        if (at >= 0 && !DIGITS.matcher(fraction).matches()) {
            return null;
        }
        if (whole.isEmpty()) {
            return at < 0 ? null : new BigDecimal("0." + fraction);
        }
        String ungrouped = ungrouped(whole, decimalMark == '.' ? ',' : '.');
        if (ungrouped == null || (exponent && !ungrouped.equals(whole))) {
            return null;
        }
        return new BigDecimal(at < 0 ? ungrouped : ungrouped + "." + fraction);
    }

    /** The whole part without its thousands separators, or null when they do not group it in threes. */
    private static String ungrouped(String whole, char groupingMark) {
        if (DIGITS.matcher(whole).matches()) {
            return whole;
        }
        char separator = 0;
        for (char c : whole.toCharArray()) {
            if (c >= '0' && c <= '9') {
                continue;
            }
            if (c != groupingMark && c != ' ' && c != '\'') {
                return null;
            }
            if (separator == 0) {
                separator = c;
            } else if (c != separator) {
                return null;
            }
        }
        String[] groups = whole.split(Pattern.quote(String.valueOf(separator)), -1);
        if (!FIRST_GROUP.matcher(groups[0]).matches()) {
            return null;
        }
        for (int i = 1; i < groups.length; i++) {
            if (!GROUP.matcher(groups[i]).matches()) {
                return null;
            }
        }
        return String.join("", groups);
    }

    /** The ISO currencies a mark may stand for. */
    static Set<String> currenciesOf(String mark) {
        return switch (mark.toUpperCase(Locale.ROOT)) {
            case "$" -> Set.of("USD", "AUD", "CAD", "NZD", "SGD", "HKD", "MXN");
            case "US$" -> Set.of("USD");
            case "€" -> Set.of("EUR");
            case "£" -> Set.of("GBP");
            case "¥" -> Set.of("JPY", "CNY");
            default -> Set.of(mark.toUpperCase(Locale.ROOT));
        };
    }

    /** A percentage read in the undeclared convention, as the command line does. */
    public static Percent parsePercent(String text) {
        return parsePercent(text, NumberConvention.UNDECLARED);
    }

    /**
     * A percentage: {@code 70%}, {@code 70,5 %} and {@code 0.7} mean what they say. A plain number
     * above 1 ({@code 70}) is read as a percentage too, with a warning, because that is what people
     * mean when they type it into a percentage column.
     */
    public static Percent parsePercent(String text, NumberConvention convention) {
        if (text == null || text.isBlank()) {
            throw new NumberFormatException("an empty value is not a percentage");
        }
        String s = text.strip();
        if (s.endsWith("%")) {
            double value;
            String number = s.substring(0, s.length() - 1);
            try {
                if (number.isBlank()) {
                    throw new NumberFormatException("no number before the percent sign");
                }
                value = amount(number, convention, s, "%", Per.NOTHING).value();
            } catch (SeparatorException e) {
                throw e;
            } catch (NumberFormatException e) {
                throw new NumberFormatException("'" + s + "' is not a percentage (examples: 70%, 0.7)");
            }
            // Shift the decimal point rather than divide, so "100.09%" is the same double as 1.0009.
            return new Percent(BigDecimal.valueOf(value).movePointLeft(2).doubleValue(), Optional.empty());
        }
        double value;
        try {
            value = amount(s, convention, Per.NOTHING).value();
        } catch (SeparatorException e) {
            throw e;
        } catch (NumberFormatException e) {
            throw new NumberFormatException("'" + s + "' is not a percentage (examples: 70%, 0.7)");
        }
        return fromNumber(value);
    }

    /**
     * A bare number above 100 in a percentage column, refused: a bare 70 means 70%, but a bare 500 is rarely 500% (more often
     * an amount typed in the wrong column), so it is not read as a percentage without its sign.
     */
    public static final class BarePercentException extends NumberFormatException {
        private static final long serialVersionUID = 1L;

        BarePercentException(String message) {
            super(message);
        }
    }

    /**
     * The rule for a number found in a percentage column: above 1 means "percent", with a warning; above 100 it is refused.
     *
     * @throws BarePercentException when the number is above 100 (or below −100)
     */
    public static Percent fromNumber(double value) {
        if (Math.abs(value) > 100) {
            String shown = Formats.plain(value);
            throw new BarePercentException("a bare " + shown + " would be " + shown + "%; type " + shown + "% if that is meant");
        }
        if (Math.abs(value) > 1) {
            return new Percent(value / 100.0,
                    Optional.of("read " + Formats.plain(value) + " as " + Formats.plain(value) + "%; write "
                            + Formats.plain(value / 100.0) + " or " + Formats.plain(value) + "% to silence this"));
        }
        return new Percent(value, Optional.empty());
    }
}
