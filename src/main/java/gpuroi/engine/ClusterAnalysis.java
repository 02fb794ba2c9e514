package gpuroi.engine;

import gpuroi.model.Cluster;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the engine says about one cluster: its cash flows, metrics and recommendation, and its
 * after-tax view when the assumptions give a tax rate, and its equity view when they give a loan.
 *
 * @param tornadoRanges the low / high values the investor gave for some inputs (the workbook's Risk sheet), in
 *                      each input's own unit; the tornado moves these over their ranges and every other input
 *                      by ±{@value Tornado#DEFAULT_RELATIVE_MOVE} of its value (empty: all by the default)
 */
public record ClusterAnalysis(Cluster cluster, CashFlowSchedule schedule, ClusterMetrics metrics,
                              Recommendation recommendation, Optional<AfterTax> afterTax, Optional<Leverage> leverage,
                              Map<Tornado.Input, Tornado.Range> tornadoRanges) {
    public ClusterAnalysis {
        afterTax = Objects.requireNonNullElse(afterTax, Optional.empty());
        leverage = Objects.requireNonNullElse(leverage, Optional.empty());
        tornadoRanges = tornadoRanges == null ? Map.of() : Map.copyOf(tornadoRanges);
    }

    public ClusterAnalysis(Cluster cluster, CashFlowSchedule schedule, ClusterMetrics metrics, Recommendation recommendation,
                           Optional<AfterTax> afterTax, Optional<Leverage> leverage) {
        this(cluster, schedule, metrics, recommendation, afterTax, leverage, Map.of());
    }

    /** A pre-tax analysis. */
    public ClusterAnalysis(Cluster cluster, CashFlowSchedule schedule, ClusterMetrics metrics, Recommendation recommendation) {
        this(cluster, schedule, metrics, recommendation, Optional.empty(), Optional.empty());
    }

    /** The same analysis with the investor's tornado ranges for this cluster. */
    public ClusterAnalysis withTornadoRanges(Map<Tornado.Input, Tornado.Range> ranges) {
        return new ClusterAnalysis(cluster, schedule, metrics, recommendation, afterTax, leverage, ranges);
    }

    /**
     * What the tornado moves: every input that applies at ±{@value Tornado#DEFAULT_RELATIVE_MOVE} of its value,
     * the investor's ranges in place of the default where given.
     */
    public Map<Tornado.Input, Tornado.Range> tornadoRangesWithDefaults() {
        Map<Tornado.Input, Tornado.Range> ranges = Tornado.defaultRanges(cluster, schedule.assumptions());
        ranges.putAll(tornadoRanges);
        return ranges;
    }
}
