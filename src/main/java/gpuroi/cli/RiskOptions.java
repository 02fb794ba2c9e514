package gpuroi.cli;

import gpuroi.model.Quantities;
import gpuroi.model.RiskInputs;
import gpuroi.model.RiskSettings;
import gpuroi.model.Sampler;
import gpuroi.workbook.SamplerText;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The Monte Carlo flags convert and quote share. Each one given overrides the workbook's Assumptions
 * (convert); those left out keep the workbook's value, else the documented default of {@link RiskInputs}.
 */
final class RiskOptions {
    /** Most paths a run may ask for: a million paths already put P5 within a few hundredths of a percent. */
    static final int MAX_RUNS = 1_000_000;

    @Option(names = "--sampler", paramLabel = "mc|lhs",
            description = "How the per-path ranges are drawn: mc (plain Monte Carlo) or lhs (Latin hypercube). Default: the workbook's Sampler, else mc.")
    String sampler;

    @Option(names = "--volatility", paramLabel = "PCT",
            description = "Annual volatility of the rental price, e.g. 40%% or 0.4. Default: the workbook's Price volatility, else 32.85%% "
                    + "(derived from the source: the 40%%/yr bear case at the 5th percentile of the blended 50%%-over-5-years base at mid-life).")
    String volatility;

    @Option(names = "--utilization-volatility", paramLabel = "PCT",
            description = "Annual volatility of logit(utilization), e.g. 50%% or 0.5. Default: the workbook's, else 50%% (a judgement).")
    String utilizationVolatility;

    @Option(names = "--correlation", paramLabel = "R",
            description = "Rank correlation of price and utilization shocks, -1 to 1, e.g. 0.5. Default: the workbook's, else 0.5 "
                    + "(in the source both fall together when freed-up capacity floods the market).")
    String correlation;

    @Option(names = "--jumps", paramLabel = "PER_YEAR",
            description = "Expected downward price jumps a year, e.g. 0.5 (0 turns them off). Default: the workbook's, else 0.")
    String jumps;

    @Option(names = "--jump-size", paramLabel = "PCT",
            description = "Share of the price lost at each jump, 0%% to 99%%, e.g. 25%%. Default: the workbook's Jump size, else 25%%.")
    String jumpSize;

    /** The flags given, checked together: every problem is named before exit code 2. */
    RiskSettings settings() {
        List<String> problems = new ArrayList<>();
        OptionalDouble vol = share("--volatility", volatility, 0, 5, "an annual volatility from 0% to 500%, e.g. --volatility 40%", problems);
        OptionalDouble utilVol = share("--utilization-volatility", utilizationVolatility, 0, 10,
                "an annual volatility of logit(utilization) from 0 to 1000%, e.g. --utilization-volatility 50%", problems);
        OptionalDouble corr = share("--correlation", correlation, -1, 1, "a rank correlation from -1 to 1, e.g. --correlation 0.5", problems);
        OptionalDouble jumpRate = OptionalDouble.empty();
        if (jumps != null) {
            try {
                double v = Quantities.parseAmount(jumps, Quantities.Per.YEAR);
                if (v < 0 || v > 100) {
                    throw new NumberFormatException();
                }
                jumpRate = OptionalDouble.of(v);
            } catch (NumberFormatException e) {
                problems.add("--jumps '" + jumps + "': expected an expected number of price jumps a year from 0 to 100, e.g. --jumps 0.5");
            }
        }
        OptionalDouble size = share("--jump-size", jumpSize, 0, 0.99, "a share of the price lost per jump from 0% to 99%, e.g. --jump-size 25%", problems);
        Optional<Sampler> parsedSampler = Optional.empty();
        if (sampler != null) {
            parsedSampler = SamplerText.parse(sampler);
            if (parsedSampler.isEmpty()) {
                problems.add("--sampler '" + sampler + "': expected mc (plain Monte Carlo) or lhs (Latin hypercube)");
            }
        }
        if (!problems.isEmpty()) {
            throw new UserInputException(problems);
        }
        return RiskSettings.builder().priceVolatility(vol).utilizationVolatility(utilVol).rankCorrelation(corr)
                .jumpsPerYear(jumpRate).jumpSize(size).sampler(parsedSampler).build();
    }

    /** A percentage flag ({@code 40%} or {@code 0.4}; a bare number above 1 is not accepted, to avoid guessing). */
    private static OptionalDouble share(String flag, String typed, double min, double max, String expected, List<String> problems) {
        if (typed == null) {
            return OptionalDouble.empty();
        }
        try {
            String s = typed.strip();
            double v = s.endsWith("%") ? Quantities.parsePercent(s).fraction() : Quantities.parseAmount(s, Quantities.Per.NOTHING);
            if (v < min || v > max) {
                throw new NumberFormatException();
            }
            return OptionalDouble.of(v);
        } catch (NumberFormatException e) {
            problems.add(flag + " '" + typed + "': expected " + expected);
            return OptionalDouble.empty();
        }
    }

    /** A problem with --runs, or empty: at least {@code min}, at most {@link #MAX_RUNS}. */
    static Optional<String> runsProblem(Integer runs, int min) {
        if (runs == null || (runs >= min && runs <= MAX_RUNS)) {
            return Optional.empty();
        }
        return Optional.of("--runs " + runs + ": expected a whole number of paths from " + min + " to "
                + String.format(java.util.Locale.US, "%,d", MAX_RUNS) + ", e.g. --runs 10000");
    }
}
