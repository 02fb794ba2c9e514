package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.Lease;
import gpuroi.model.MarketQuote;
import gpuroi.model.PricePath;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * How far the figure that decides a cluster swings when one input at a time moves from a low to a high value:
 * NPV at the hurdle rate for a planned cluster, hold value minus sale ({@link HoldFigures#holdMinusSale()}) for an
 * owned one, over the inputs still to come only (its capex when paid, and everything once its life has ended, move
 * nothing). Otherwise as before: how far NPV at the hurdle rate swings when one input at a time moves from a low to a high value,
 * the others held at the base: the bars of a tornado chart, widest first. Each end of a bar is the
 * engine's own NPV at the hurdle for the moved cluster (its schedule re-run with the cluster's lessor
 * contracts), exactly what the workbook would show for that input. With contracts, the start price and
 * the utilization move the uncommitted GPU-hours only: contract revenue is fixed by the contract.
 */
public final class Tornado {
    /** The default move of each input: ±20% of its base value. */
    public static final double DEFAULT_RELATIVE_MOVE = 0.20;

    private Tornado() {
    }

    /** The inputs a tornado can move. */
    public enum Input {
        START_PRICE_PER_GPU_HOUR,
        UTILIZATION,
        CAPEX_PER_GPU,
        /** Only for a cluster whose price path is a geometric annual decline. */
        ANNUAL_PRICE_DECLINE,
        ELECTRICITY_PER_KWH,
        OTHER_OPEX_PER_GPU_MONTH,
        RESIDUAL_SHARE,
        HURDLE_RATE,
        /** Only for an owned cluster with a secondary price: what a sale now would fetch per GPU, before the resale fee. */
        SECONDARY_PRICE_PER_GPU
    }

    /** What a bar's two ends measure. */
    public enum Measure {
        /** Planned cluster: NPV at the hurdle rate, at the valuation date. */
        NPV_AT_HURDLE,
        /** Owned cluster: hold value minus the sale net of fees, both at the valuation date. */
        HOLD_MINUS_SALE,
        /**
         * Planned cluster judged for own use: the present cost of renting its GPU-hours less that of owning them
         * ({@link OwnUseComparison#savingFromOwning()}). Never a cluster's default measure: the memo asks for it.
         */
        OWN_USE_SAVING
    }

    /** The measure of a cluster's tornado (and of its sensitivity grid). */
    public static Measure measure(Cluster cluster) {
        return cluster.status() == ClusterStatus.OWNED ? Measure.HOLD_MINUS_SALE : Measure.NPV_AT_HURDLE;
    }

    /** The measure at the cluster's base case. */
    static double baseValue(Cluster cluster, Assumptions assumptions, List<Lease> lessorContracts) {
        return value(cluster, assumptions, lessorContracts);
    }

    /** The low and high values an input moves between, in its own unit. */
    public record Range(double low, double high) {
    }

    /**
     * One bar.
     *
     * @param input          what moved
     * @param base           its base value
     * @param low            its low value (after caps: utilization ≤ 100%, declines below 100%)
     * @param high           its high value
     * @param npvAtLow       the {@link Measure} with the input at {@code low}: NPV at the hurdle rate (planned), hold
     *                       minus sale (owned)
     * @param npvAtHigh      the same at {@code high}
     * @param swing          |npvAtHigh − npvAtLow|
     */
    public record Bar(Input input, double base, double low, double high, double npvAtLow, double npvAtHigh, double swing) {
    }

    /** Every input moved by ±20% of its base value; bars widest first; on the market path alone. */
    public static List<Bar> of(Cluster cluster, Assumptions assumptions) {
        return of(cluster, assumptions, List.of(), List.of());
    }

    /** Every input moved by ±20% of its base value, the cluster with its lessor contracts; bars widest first. */
    public static List<Bar> of(Cluster cluster, Assumptions assumptions, List<Lease> lessorContracts, List<MarketQuote> quotes) {
        return of(cluster, assumptions, lessorContracts, quotes, defaultRanges(cluster, assumptions));
    }

    /** The given inputs moved over the given ranges; bars widest first (ties in input order). */
    public static List<Bar> of(Cluster cluster, Assumptions assumptions, Map<Input, Range> ranges) {
        return of(cluster, assumptions, List.of(), List.of(), ranges);
    }

    /**
     * The given inputs moved over the given ranges, the cluster with its lessor contracts; bars widest
     * first (ties in input order). The quotes do not move NPV: a cluster's prices already come from its Market row.
     */
    public static List<Bar> of(Cluster cluster, Assumptions assumptions, List<Lease> lessorContracts, List<MarketQuote> quotes,
                               Map<Input, Range> ranges) {
        return of(cluster, assumptions, lessorContracts, ranges, measure(cluster));
    }

    /**
     * As {@link #of(Cluster, Assumptions, List, List, Map)} with each bar's ends in the given measure: a planned cluster
     * judged for own use can have its bars in {@link Measure#OWN_USE_SAVING}, the figure its BUY or RENT turns on.
     */
    public static List<Bar> of(Cluster cluster, Assumptions assumptions, List<Lease> lessorContracts, Map<Input, Range> ranges,
                               Measure measure) {
        if ((measure == Measure.HOLD_MINUS_SALE) != (cluster.status() == ClusterStatus.OWNED)) {
            throw new IllegalArgumentException(measure + " does not measure a " + cluster.status() + " cluster");
        }
        List<Bar> bars = new ArrayList<>();
        for (Map.Entry<Input, Range> entry : new EnumMap<>(ranges).entrySet()) {
            Input input = entry.getKey();
            if (!movesTheDecision(cluster, assumptions, input)) {
                continue;
            }
            if (!applies(cluster, input)) {
                throw new IllegalArgumentException(input + " does not apply: the cluster's price path is "
                        + cluster.pricePathOr(assumptions.defaultPricePath()).spec() + ", not a geometric decline");
            }
            double low = cap(input, entry.getValue().low());
            double high = cap(input, entry.getValue().high());
            double npvLow = valueWith(cluster, assumptions, lessorContracts, input, low, measure);
            double npvHigh = valueWith(cluster, assumptions, lessorContracts, input, high, measure);
            bars.add(new Bar(input, base(cluster, assumptions, input), low, high, npvLow, npvHigh, Math.abs(npvHigh - npvLow)));
        }
        bars.sort(Comparator.comparingDouble(Bar::swing).reversed());
        return bars;
    }

    /** ±{@value #DEFAULT_RELATIVE_MOVE} of the base value of every input that applies to the cluster and moves its decision. */
    static Map<Input, Range> defaultRanges(Cluster cluster, Assumptions assumptions) {
        Map<Input, Range> ranges = new EnumMap<>(Input.class);
        for (Input input : Input.values()) {
            if (applies(cluster, input) && movesTheDecision(cluster, assumptions, input)) {
                double base = base(cluster, assumptions, input);
                ranges.put(input, new Range(base * (1 - DEFAULT_RELATIVE_MOVE), base * (1 + DEFAULT_RELATIVE_MOVE)));
            }
        }
        return ranges;
    }

    private static boolean applies(Cluster cluster, Input input) {
        return input != Input.ANNUAL_PRICE_DECLINE || cluster.pricePath().orElse(null) instanceof PricePath.AnnualDecline;
    }

    /**
     * Whether moving the input can change what decides the cluster: everything for a planned one; for an owned one
     * only what is still to come (capex only while still due, nothing once the life has ended) and the secondary price.
     */
    static boolean movesTheDecision(Cluster cluster, Assumptions assumptions, Input input) {
        if (cluster.status() != ClusterStatus.OWNED) {
            return input != Input.SECONDARY_PRICE_PER_GPU;
        }
        LocalDate valuation = assumptions.valuationDate();
        LocalDate start = cluster.startOn(valuation);
        // The same test the schedule applies to each flow: the last month's (life over) and the purchase's (capex paid).
        if (Timing.isHistory(start.plusMonths(cluster.lifeMonths()), valuation)) {
            return false;
        }
        return switch (input) {
            case CAPEX_PER_GPU -> !Timing.isHistory(start, valuation);
            case SECONDARY_PRICE_PER_GPU -> cluster.secondaryPricePerGpu().isPresent();
            default -> true;
        };
    }

    /** Keeps a moved input inside what the model accepts (the bounds of {@link Cluster}), so no bar fails a valid cluster. */
    private static double cap(Input input, double value) {
        return switch (input) {
            case UTILIZATION -> Math.min(1.0, Math.max(0.0, value));
            case ANNUAL_PRICE_DECLINE -> Math.min(0.999, Math.max(0.0, value));
            case RESIDUAL_SHARE -> Math.min(10.0, Math.max(0.0, value));
            case ELECTRICITY_PER_KWH -> Math.min(100.0, Math.max(0.0, value));
            default -> Math.max(0.0, value);
        };
    }

    static double base(Cluster cluster, Assumptions assumptions, Input input) {
        return switch (input) {
            case START_PRICE_PER_GPU_HOUR -> cluster.startPricePerGpuHour();
            case UTILIZATION -> cluster.utilization();
            case CAPEX_PER_GPU -> cluster.capexPerGpu();
            case ANNUAL_PRICE_DECLINE -> ((PricePath.AnnualDecline) cluster.pricePath().orElseThrow()).rate();
            case ELECTRICITY_PER_KWH -> cluster.electricityPerKwh();
            case OTHER_OPEX_PER_GPU_MONTH -> cluster.otherOpexPerGpuMonth();
            case RESIDUAL_SHARE -> cluster.residualShare();
            case HURDLE_RATE -> assumptions.hurdleRate();
            case SECONDARY_PRICE_PER_GPU -> cluster.secondaryPricePerGpu().orElse(0);
        };
    }

    private static final Map<Input, BiFunction<Cluster.Builder, Double, Cluster.Builder>> SETTERS = setters();

    private static Map<Input, BiFunction<Cluster.Builder, Double, Cluster.Builder>> setters() {
        Map<Input, BiFunction<Cluster.Builder, Double, Cluster.Builder>> m = new EnumMap<>(Input.class);
        m.put(Input.START_PRICE_PER_GPU_HOUR, Cluster.Builder::startPricePerGpuHour);
        m.put(Input.UTILIZATION, Cluster.Builder::utilization);
        m.put(Input.CAPEX_PER_GPU, Cluster.Builder::capexPerGpu);
        m.put(Input.ANNUAL_PRICE_DECLINE, (b, v) -> b.pricePath(new PricePath.AnnualDecline(v)));
        m.put(Input.ELECTRICITY_PER_KWH, Cluster.Builder::electricityPerKwh);
        m.put(Input.OTHER_OPEX_PER_GPU_MONTH, Cluster.Builder::otherOpexPerGpuMonth);
        m.put(Input.RESIDUAL_SHARE, Cluster.Builder::residualShare);
        m.put(Input.SECONDARY_PRICE_PER_GPU, Cluster.Builder::secondaryPricePerGpu);
        return m;
    }

    private static double valueWith(Cluster cluster, Assumptions assumptions, List<Lease> lessorContracts, Input input,
                                    double value, Measure measure) {
        if (input == Input.HURDLE_RATE) {
            return value(cluster, assumptions.withRates(assumptions.discountRate(), value), lessorContracts, measure);
        }
        Cluster moved = SETTERS.get(input).apply(cluster.toBuilder(), value).build();
        return value(moved, assumptions, lessorContracts, measure);
    }

    /** The cluster's {@link Measure}: NPV at the hurdle rate (planned), or hold value minus sale (owned). */
    private static double value(Cluster cluster, Assumptions assumptions, List<Lease> lessorContracts) {
        return value(cluster, assumptions, lessorContracts, measure(cluster));
    }

    private static double value(Cluster cluster, Assumptions assumptions, List<Lease> lessorContracts, Measure measure) {
        return switch (measure) {
            case NPV_AT_HURDLE -> RoiEngine.npvAtHurdle(cluster, assumptions, lessorContracts);
            case HOLD_MINUS_SALE -> HoldFigures.holdMinusSale(CashFlowModel.schedule(cluster, assumptions, lessorContracts));
            case OWN_USE_SAVING -> OwnUseComparison.of(CashFlowModel.schedule(cluster, assumptions, lessorContracts)).savingFromOwning();
        };
    }
}
