package gpuroi.model;

import java.util.Locale;

/**
 * The basis on which a planned cluster is judged BUY or RENT: who would use its GPU-hours.
 *
 * <p>{@link #RENT_OUT}: an investment that sells the hours at the market price net of the marketplace
 * fee; buying pays when its NPV at the hurdle rate is ≥ 0. {@link #OWN_USE}: the hours replace renting
 * them at the market price (gross: a renter pays no marketplace fee); buying pays when the present cost of
 * owning them is at most the present cost of renting them.
 */
public enum ClusterUse {
    RENT_OUT, OWN_USE;

    /** Reads {@code Rent out}, {@code rent}, {@code lease out}, {@code investment}, {@code Own use}, {@code internal}… */
    public static ClusterUse parse(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ");
        return switch (s) {
            case "rent out", "rent", "rental", "lease out", "investment", "invest" -> RENT_OUT;
            case "own use", "own", "internal", "internal use", "self use", "self" -> OWN_USE;
            default -> throw new InvalidValueException(Field.USE, text, EXPECTED);
        };
    }

    /** What a Use cell may hold, for error messages. */
    public static final String EXPECTED = "Rent out (the GPU-hours are sold) or Own use (they replace renting)";

    public String label() {
        return this == RENT_OUT ? "Rent out" : "Own use";
    }

    /** The {@code --use} and JSON spelling: {@code rent-out} or {@code own-use}. */
    public String key() {
        return this == RENT_OUT ? "rent-out" : "own-use";
    }
}
