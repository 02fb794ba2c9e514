package gpuroi.workbook;

import gpuroi.model.Sampler;

import java.util.Locale;
import java.util.Optional;

/** A sampler as people type it: "Monte Carlo", "MC", "plain", "Latin hypercube", "LHS". */
public final class SamplerText {
    public static final String EXPECTED = "a sampler: Monte Carlo (also MC, plain) or Latin hypercube (also LHS)";

    private SamplerText() {
    }

    public static Optional<Sampler> parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "")) {
            case "montecarlo", "mc", "plain", "plainmontecarlo", "random" -> Optional.of(Sampler.MONTE_CARLO);
            case "latinhypercube", "lhs", "latin", "latinhypercubesampling" -> Optional.of(Sampler.LATIN_HYPERCUBE);
            default -> Optional.empty();
        };
    }
}
