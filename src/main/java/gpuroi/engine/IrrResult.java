package gpuroi.engine;

import gpuroi.model.Formats;

import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * An internal rate of return that says when it does not exist or is not unique, instead of
 * returning NaN, throwing, or picking a root at random.
 */
public sealed interface IrrResult permits IrrResult.Unique, IrrResult.None, IrrResult.Ambiguous {

    /** The annual rate when there is exactly one. */
    OptionalDouble annualRate();

    /** A short explanation for a table cell or a JSON note; empty for an ordinary unique rate. */
    String note();

    /** "34.5%", or "no IRR", or "ambiguous (12.0% or 45.1%)". */
    String display(int decimals);

    /** Exactly one rate makes the net present value zero. */
    record Unique(double annual, double periodic, String note) implements IrrResult {
        @Override
        public OptionalDouble annualRate() {
            return OptionalDouble.of(annual);
        }

        @Override
        public String display(int decimals) {
            return Formats.percent(annual, decimals);
        }
    }

    /** No rate makes the net present value zero; {@code note} says why. */
    record None(String note) implements IrrResult {
        @Override
        public OptionalDouble annualRate() {
            return OptionalDouble.empty();
        }

        @Override
        public String display(int decimals) {
            return "no IRR";
        }
    }

    /** Several rates make the net present value zero; none of them alone is "the" IRR. */
    record Ambiguous(List<Double> annualRates, String note) implements IrrResult {
        public Ambiguous {
            annualRates = List.copyOf(annualRates);
        }

        @Override
        public OptionalDouble annualRate() {
            return OptionalDouble.empty();
        }

        @Override
        public String display(int decimals) {
            return "ambiguous (" + annualRates.stream().map(r -> Formats.percent(r, decimals))
                    .collect(Collectors.joining(" or ")) + ")";
        }
    }
}
