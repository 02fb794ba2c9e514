package gpuroi.model;

import java.util.Locale;

/** Which side of a rental contract we are on. */
public enum LeaseRole {
    /** We rent our own cluster out: the contract fixes that cluster's revenue. */
    LESSOR,
    /** We rent GPUs from a provider: we pay the rate whether or not we use the GPUs. */
    LESSEE;

    /** Reads {@code Lessor}, {@code lessee }, {@code we rent out}, {@code we rent in}… */
    public static LeaseRole parse(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", " ").strip();
        return switch (s) {
            case "lessor", "landlord", "rent out", "we rent out", "out", "provider", "supplier", "seller" -> LESSOR;
            case "lessee", "tenant", "rent in", "we rent in", "in", "renter", "customer", "buyer" -> LESSEE;
            default -> throw new InvalidValueException(Field.ROLE, text, "Lessor (we rent our cluster out) or Lessee (we rent from a provider)");
        };
    }

    public String label() {
        return this == LESSOR ? "Lessor" : "Lessee";
    }
}
