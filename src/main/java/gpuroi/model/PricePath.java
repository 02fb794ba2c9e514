package gpuroi.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the rental price moves from the start price over a cluster's life. Every path is a shape: a
 * multiplier of the start price at each month, so that break-even start prices can scale it. The
 * price of month m is taken at the month's midpoint, t = (m − 0.5) / 12 years.
 */
public sealed interface PricePath permits PricePath.Flat, PricePath.Blended, PricePath.AnnualDecline, PricePath.Custom {

    /** The source article's "blended" assumption: linear decline to 50% of today's price over 5 years. */
    PricePath ARTICLE_BLENDED = new Blended(0.5, 5);

    /** Multiplier of the start price for month m (m ≥ 1). */
    double factorForMonth(int month);

    /** A text that {@link #parse} reads back to the same path, e.g. {@code blended:0.5:5}. */
    String spec();

    /** A phrase for memos and tables: "linear to 50% of $2.85 over 5 years, then flat". */
    String describe(double startPrice, String currency);

    /** The midpoint of month m in years, as the conventions define it. */
    static double midpointYears(int month) {
        return (month - 0.5) / 12.0;
    }

    /** The same price every month. */
    record Flat() implements PricePath {
        @Override
        public double factorForMonth(int month) {
            return 1.0;
        }

        @Override
        public String spec() {
            return "flat";
        }

        @Override
        public String describe(double startPrice, String currency) {
            return "flat at " + Formats.price(startPrice, currency) + "/GPU-hr";
        }
    }

    /** Linear from 100% to {@code endShare} of the start price over {@code years}, then flat at that share. */
    record Blended(double endShare, double years) implements PricePath {
        public Blended {
            Checks.between(Field.BLENDED_END_SHARE, endShare, 0, 10, "a share of the start price from 0% to 1000%");
            Checks.between(Field.BLENDED_YEARS, years, 1.0 / 12, 100, "a number of years from 1/12 to 100");
        }

        @Override
        public double factorForMonth(int month) {
            double t = Math.min(PricePath.midpointYears(month), years);
            return 1.0 - (1.0 - endShare) * t / years;
        }

        @Override
        public String spec() {
            // parse() reads a bare number above 1 as a percentage, so a rising path (end share above
            // 100%) must be written with its % sign to read back as itself.
            String share = endShare > 1
                    ? new BigDecimal(Formats.plain(endShare)).movePointRight(2).stripTrailingZeros().toPlainString() + "%"
                    : Formats.plain(endShare);
            return "blended:" + share + ":" + Formats.plain(years);
        }

        @Override
        public String describe(double startPrice, String currency) {
            return "linear to " + Formats.percent(endShare, 0) + " of " + Formats.price(startPrice, currency)
                    + "/GPU-hr over " + Formats.plain(years) + " years, then flat";
        }
    }

    /** Geometric decline: {@code p0 · (1 − rate)^t}. */
    record AnnualDecline(double rate) implements PricePath {
        public AnnualDecline {
            Checks.between(Field.ANNUAL_DECLINE, rate, 0, 0.999, "an annual decline from 0% to 99.9%");
        }

        @Override
        public double factorForMonth(int month) {
            return Math.pow(1.0 - rate, PricePath.midpointYears(month));
        }

        @Override
        public String spec() {
            return "decline:" + Formats.plain(rate);
        }

        @Override
        public String describe(double startPrice, String currency) {
            return "falling " + Formats.percent(rate, 0) + " a year from " + Formats.price(startPrice, currency) + "/GPU-hr";
        }
    }

    /**
     * A curve given per month or per year as multipliers of the start price; after its last point
     * the price stays at the last multiplier.
     */
    record Custom(Step step, List<Double> factors) implements PricePath {
        public enum Step {
            MONTHLY, YEARLY
        }

        public Custom {
            Checks.present(Field.CUSTOM_CURVE_STEP, step);
            if (factors == null || factors.isEmpty()) {
                throw new InvalidValueException(Field.CUSTOM_CURVE, factors, "at least one multiplier of the start price");
            }
            factors = List.copyOf(factors);
            for (double f : factors) {
                Checks.nonNegative(Field.CUSTOM_CURVE_MULTIPLIER, f);
            }
        }

        @Override
        public double factorForMonth(int month) {
            int index = step == Step.MONTHLY ? month - 1 : (month - 1) / 12;
            return factors.get(Math.min(index, factors.size() - 1));
        }

        @Override
        public String spec() {
            StringBuilder sb = new StringBuilder("custom:").append(step.name().toLowerCase(Locale.ROOT)).append(':');
            for (int i = 0; i < factors.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(Formats.plain(factors.get(i)));
            }
            return sb.toString();
        }

        @Override
        public String describe(double startPrice, String currency) {
            StringBuilder sb = new StringBuilder("custom ")
                    .append(step == Step.MONTHLY ? "monthly" : "yearly")
                    .append(" curve from ").append(Formats.price(startPrice, currency)).append("/GPU-hr: ");
            int shown = Math.min(factors.size(), 8);
            for (int i = 0; i < shown; i++) {
                sb.append(i == 0 ? "" : ", ").append(Formats.percent(factors.get(i), 0));
            }
            if (shown < factors.size()) {
                sb.append(", … (").append(factors.size()).append(" points)");
            }
            return sb.append(", then flat").toString();
        }
    }

    /**
     * Reads a path from text: {@code flat}; {@code blended} (50% over 5 years), {@code blended:0.5:5}
     * or {@code blended:50%:5}; {@code decline:0.4} or {@code decline:40%}; {@code custom:yearly:1,0.8,0.6}
     * or {@code custom:monthly:100%,98%,...}.
     *
     * @throws InvalidValueException naming what was expected
     */
    static PricePath parse(String text) {
        String expected = "flat, blended[:END_SHARE:YEARS], decline:RATE or custom:yearly|monthly:F1,F2,…";
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(Field.PRICE_PATH, text, expected);
        }
        String s = text.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        String[] parts = s.split(":", -1);
        try {
            switch (parts[0]) {
                case "flat":
                    if (parts.length == 1) {
                        return new Flat();
                    }
                    break;
                case "blended":
                case "linear":
                    if (parts.length == 1) {
                        return ARTICLE_BLENDED;
                    }
                    if (parts.length == 3) {
                        return new Blended(Quantities.parsePercent(parts[1]).fraction(), Quantities.parseAmount(parts[2], Quantities.Per.NOTHING));
                    }
                    break;
                case "decline":
                    if (parts.length == 2) {
                        return new AnnualDecline(Quantities.parsePercent(parts[1]).fraction());
                    }
                    break;
                case "custom":
                    if (parts.length == 3 && (parts[1].equals("yearly") || parts[1].equals("monthly"))) {
                        List<Double> factors = new ArrayList<>();
                        for (String f : parts[2].split(",")) {
                            factors.add(f.endsWith("%") ? Quantities.parsePercent(f).fraction() : Quantities.parseAmount(f, Quantities.Per.NOTHING));
                        }
                        return new Custom(parts[1].equals("yearly") ? Custom.Step.YEARLY : Custom.Step.MONTHLY, factors);
                    }
                    break;
                default:
                    break;
            }
        } catch (NumberFormatException e) {
            throw new InvalidValueException(Field.PRICE_PATH, text.strip(), expected + " (" + e.getMessage() + ")");
        }
        throw new InvalidValueException(Field.PRICE_PATH, text.strip(), expected);
    }
}
