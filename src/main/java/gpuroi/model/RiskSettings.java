package gpuroi.model;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Monte Carlo settings a workbook (Assumptions and Risk sheets) or the command line gives; anything
 * left empty keeps the documented default of {@link RiskInputs#defaults}. Command-line settings are
 * laid over the workbook's with {@link #overriddenBy}.
 *
 * @param priceVolatility       σ of the log price per √year
 * @param utilizationVolatility σ of logit(utilization) per √year
 * @param rankCorrelation       Spearman correlation of price and utilization shocks, −1..1
 * @param jumpsPerYear          expected downward price jumps a year
 * @param jumpSize              share of the price lost at each jump
 * @param sampler               plain Monte Carlo or Latin hypercube
 * @param ranges                the Risk sheet's low / most likely / high ranges by input
 */
public record RiskSettings(
        OptionalDouble priceVolatility,
        OptionalDouble utilizationVolatility,
        OptionalDouble rankCorrelation,
        OptionalDouble jumpsPerYear,
        OptionalDouble jumpSize,
        Optional<Sampler> sampler,
        Map<UncertainInput, RiskRange> ranges) {

    public static final RiskSettings NONE = new RiskSettings(OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), Map.of());

    public RiskSettings {
        priceVolatility = Objects.requireNonNullElse(priceVolatility, OptionalDouble.empty());
        utilizationVolatility = Objects.requireNonNullElse(utilizationVolatility, OptionalDouble.empty());
        rankCorrelation = Objects.requireNonNullElse(rankCorrelation, OptionalDouble.empty());
        jumpsPerYear = Objects.requireNonNullElse(jumpsPerYear, OptionalDouble.empty());
        jumpSize = Objects.requireNonNullElse(jumpSize, OptionalDouble.empty());
        sampler = Objects.requireNonNullElse(sampler, Optional.empty());
        ranges = ranges == null || ranges.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(ranges));
        ranges.forEach((input, range) -> {
            if (range.input() != input) {
                throw new InvalidValueException(Field.RANGE, "range of " + input.label(), range.input().label(), "a range of " + input.label());
            }
        });
    }

    /** These settings with every one that {@code over} gives replaced by its value (ranges merged by input). */
    public RiskSettings overriddenBy(RiskSettings over) {
        Map<UncertainInput, RiskRange> merged = new EnumMap<>(UncertainInput.class);
        merged.putAll(ranges);
        merged.putAll(over.ranges);
        return new RiskSettings(or(over.priceVolatility, priceVolatility), or(over.utilizationVolatility, utilizationVolatility),
                or(over.rankCorrelation, rankCorrelation), or(over.jumpsPerYear, jumpsPerYear), or(over.jumpSize, jumpSize),
                over.sampler.or(() -> sampler), merged);
    }

    private static OptionalDouble or(OptionalDouble first, OptionalDouble second) {
        return first.isPresent() ? first : second;
    }

    public Optional<RiskRange> range(UncertainInput input) {
        return Optional.ofNullable(ranges.get(input));
    }

    /** {@code base} with the scalar settings given here (volatilities, correlation, jumps, sampler). */
    public RiskInputs applyTo(RiskInputs base) {
        RiskInputs inputs = base;
        if (priceVolatility.isPresent()) {
            inputs = inputs.withPriceVolatility(priceVolatility.getAsDouble());
        }
        if (jumpsPerYear.isPresent() || jumpSize.isPresent()) {
            inputs = inputs.withJumps(jumpsPerYear.orElse(inputs.jumpsPerYear()), jumpSize.orElse(inputs.jumpDrop()));
        }
        if (utilizationVolatility.isPresent() || rankCorrelation.isPresent()) {
            inputs = inputs.withUtilization(utilizationVolatility.orElse(inputs.annualUtilizationVolatility()),
                    rankCorrelation.orElse(inputs.priceUtilizationRankCorrelation()));
        }
        if (sampler.isPresent()) {
            inputs = inputs.withSampler(sampler.get());
        }
        return inputs;
    }

    /**
     * The inputs for lessee contracts: {@link #applyTo} and the annual price decline range, the one range
     * that moves a contract's market price. Capex and power do not enter a contract's costs.
     */
    public RiskInputs forContracts(RiskInputs base) {
        RiskInputs inputs = applyTo(base);
        RiskRange decline = ranges.get(UncertainInput.ANNUAL_PRICE_DECLINE);
        return decline == null ? inputs : inputs.withAnnualDecline(decline.values());
    }

    /**
     * The inputs for one cluster: {@link #applyTo} and the ranges the Monte Carlo draws per path, the
     * annual price decline (replacing the cluster's path shape), the capex factor (capex per GPU over the
     * cluster's own) and the power price factor (electricity price over the cluster's own; none when the
     * cluster's electricity price is 0, since there is no price to scale). The other ranges are for the tornado.
     */
    public RiskInputs forCluster(RiskInputs base, Cluster cluster) {
        RiskInputs inputs = applyTo(base);
        RiskRange decline = ranges.get(UncertainInput.ANNUAL_PRICE_DECLINE);
        if (decline != null) {
            inputs = inputs.withAnnualDecline(decline.values());
        }
        RiskRange capex = ranges.get(UncertainInput.CAPEX_PER_GPU);
        if (capex != null) {
            inputs = inputs.withCapexFactor(capex.factor(cluster.capexPerGpu()));
        }
        RiskRange electricity = ranges.get(UncertainInput.ELECTRICITY_PRICE);
        if (electricity != null) {
            inputs = inputs.withPowerPriceFactor(electricity.factor(cluster.electricityPerKwh()));
        }
        return inputs;
    }
}
