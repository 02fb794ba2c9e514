package gpuroi.model;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How numbers are shown to users in reasons, tables and memos. Money is rounded to whole units for
 * totals and to cents for per-hour prices; rates to one or two decimals of a percent. These are
 * display roundings only: the engine keeps full precision.
 */
public final class Formats {
    private Formats() {
    }

    private static final DecimalFormatSymbols US = DecimalFormatSymbols.getInstance(Locale.US);

    /** The symbol placed before amounts in a currency, or the code and a space where none is usual. */
    public static String currencyPrefix(String currency) {
        return switch (currency == null ? "USD" : currency.toUpperCase(Locale.ROOT)) {
            case "USD" -> "$";
            case "EUR" -> "€";
            case "GBP" -> "£";
            case "JPY", "CNY" -> "¥";
            default -> currency.toUpperCase(Locale.ROOT) + " ";
        };
    }

    /** Whole currency units with thousands separators: {@code −$1,501}. */
    public static String money(double value, String currency) {
        return signed(value, currencyPrefix(currency), "#,##0");
    }

    /** Currency with cents: {@code $2.16}. */
    public static String price(double value, String currency) {
        return signed(value, currencyPrefix(currency), "#,##0.00");
    }

    /** A fraction as a percentage with the given decimals: {@code 0.1234 → 12.3%}. */
    public static String percent(double fraction, int decimals) {
        String pattern = decimals == 0 ? "0" : "0." + "0".repeat(decimals);
        String body = new DecimalFormat(pattern, US).format(Math.abs(fraction) * 100) + "%";
        return (fraction < 0 && !isZeroAt(fraction * 100, decimals) ? "−" : "") + body;
    }

    /** A number without trailing zeros or exponent: {@code 70}, {@code 0.7}, {@code 1.25}. */
    public static String plain(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    /** Months with one decimal: {@code 23.9 months}. */
    public static String months(double months) {
        return new DecimalFormat("0.0", US).format(months) + " months";
    }

    private static String signed(double value, String prefix, String pattern) {
        String body = new DecimalFormat(pattern, US).format(Math.abs(value));
        boolean negative = value < 0 && !body.matches("[0.,]+");
        return (negative ? "−" : "") + prefix + body;
    }

    private static boolean isZeroAt(double value, int decimals) {
        return Math.abs(value) < 0.5 * Math.pow(10, -decimals);
    }
}
