package gpuroi.workbook;

import gpuroi.model.Field;
import gpuroi.model.InvalidValueException;
import gpuroi.model.PricePath;
import gpuroi.model.Quantities;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a price path as people write it in a cell: the spec syntax ({@code blended:0.5:5},
 * {@code decline:40%}) or a phrase such as {@code blended 50% over 5 years},
 * {@code linear to 50% in 5 years}, {@code decline 40% per year}, {@code 40% annual decline}.
 */
final class PricePathText {
    private PricePathText() {
    }

    static final String EXPECTED = "a price path: flat, blended (50% over 5 years), 'blended 50% over 5 years', "
            + "'decline 40% per year', or the spec syntax blended:0.5:5, decline:0.4, custom:yearly:1,0.8,0.6";

    private static final Pattern BLENDED = Pattern.compile(
            "^(?:blended|linear)(?:\\s+decline)?\\s+(?:to\\s+)?([0-9.,]+\\s*%?)(?:\\s+of\\s+[a-z' ]*?price)?\\s+(?:over|in|within)\\s+([0-9.]+)\\s*(?:years?|yrs?|y)$");
    private static final Pattern DECLINE = Pattern.compile(
            "^(?:decline|declining|fall|falling|down)\\s+(?:of\\s+|by\\s+)?([0-9.,]+\\s*%?)(?:\\s*(?:per|a|each|/)\\s*(?:year|yr|annum)|\\s+annually|\\s+yearly)?$");
    private static final Pattern DECLINE_AFTER = Pattern.compile(
            "^([0-9.,]+\\s*%)\\s*(?:per\\s+year\\s+|a\\s+year\\s+|annual\\s+|yearly\\s+)?decline(?:\\s+per\\s+year|\\s+a\\s+year)?$");

    static PricePath parse(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (s.contains(":") || !s.contains(" ")) {
            try {
                return PricePath.parse(s);
            } catch (InvalidValueException e) {
                throw new InvalidValueException(Field.PRICE_PATH, text, EXPECTED);
            }
        }
        try {
            if (s.equals("no decline") || s.equals("constant")) {
                return new PricePath.Flat();
            }
            Matcher b = BLENDED.matcher(s);
            if (b.matches()) {
                return new PricePath.Blended(Quantities.parsePercent(b.group(1)).fraction(), Quantities.parseAmount(b.group(2), Quantities.Per.NOTHING));
            }
            Matcher d = DECLINE.matcher(s);
            if (!d.matches()) {
                d = DECLINE_AFTER.matcher(s);
            }
            if (d.matches()) {
                return new PricePath.AnnualDecline(Quantities.parsePercent(d.group(1)).fraction());
            }
        } catch (NumberFormatException | InvalidValueException e) {
            throw new InvalidValueException(Field.PRICE_PATH, text, EXPECTED);
        }
        throw new InvalidValueException(Field.PRICE_PATH, text, EXPECTED);
    }
}
