package gpuroi.model;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Monte Carlo settings a workbook (Assumptions and Risk sheets) or the command line gives; anything
 * left empty keeps the documented default of {@link RiskInputs#defaults}. Command-line settings are
 * laid over the workbook's with {@link #overriddenBy}. Built with {@link #builder} (each setting by name) or
 * {@link #ofRanges}.
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

    public static final RiskSettings NONE = builder().build();

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

    /** Settings left empty until named on the builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The Risk sheet's ranges and no scalar setting. */
    public static RiskSettings ofRanges(Map<UncertainInput, RiskRange> ranges) {
        return builder().ranges(ranges).build();
    }

    /** These settings with every one that {@code over} gives replaced by its value (ranges merged by input). */
    public RiskSettings overriddenBy(RiskSettings over) {
        Map<UncertainInput, RiskRange> merged = new EnumMap<>(UncertainInput.class);
        merged.putAll(ranges);
        merged.putAll(over.ranges);
        return builder()
                .priceVolatility(or(over.priceVolatility, priceVolatility))
                .utilizationVolatility(or(over.utilizationVolatility, utilizationVolatility))
                .rankCorrelation(or(over.rankCorrelation, rankCorrelation))
                .jumpsPerYear(or(over.jumpsPerYear, jumpsPerYear))
                .jumpSize(or(over.jumpSize, jumpSize))
                .sampler(over.sampler.or(() -> sampler))
                .ranges(merged)
                .build();
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

    /** Names each setting; an empty one keeps the default (see the record's parameters). */
    public static final class Builder {
        private OptionalDouble priceVolatility = OptionalDouble.empty();
        private OptionalDouble utilizationVolatility = OptionalDouble.empty();
        private OptionalDouble rankCorrelation = OptionalDouble.empty();
        private OptionalDouble jumpsPerYear = OptionalDouble.empty();
        private OptionalDouble jumpSize = OptionalDouble.empty();
        private Optional<Sampler> sampler = Optional.empty();
        private Map<UncertainInput, RiskRange> ranges = Map.of();

        private Builder() {
        }

        public Builder priceVolatility(OptionalDouble priceVolatility) {
            this.priceVolatility = priceVolatility;
            return this;
        }

        public Builder utilizationVolatility(OptionalDouble utilizationVolatility) {
            this.utilizationVolatility = utilizationVolatility;
            return this;
        }

        public Builder rankCorrelation(OptionalDouble rankCorrelation) {
            this.rankCorrelation = rankCorrelation;
            return this;
        }

        public Builder jumpsPerYear(OptionalDouble jumpsPerYear) {
            this.jumpsPerYear = jumpsPerYear;
            return this;
        }

        public Builder jumpSize(OptionalDouble jumpSize) {
            this.jumpSize = jumpSize;
            return this;
        }

        public Builder sampler(Optional<Sampler> sampler) {
            this.sampler = sampler;
            return this;
        }

        public Builder ranges(Map<UncertainInput, RiskRange> ranges) {
            this.ranges = ranges;
            return this;
        }

        /** @throws InvalidValueException when a range is filed under another input than its own */
        public RiskSettings build() {
            return new RiskSettings(priceVolatility, utilizationVolatility, rankCorrelation, jumpsPerYear, jumpSize, sampler, ranges);
        }
    }
}
