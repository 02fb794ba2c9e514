package gpuroi.engine;

import gpuroi.model.Cluster;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything the engine says about one cluster: its cash flows, metrics and recommendation, and its
 * after-tax view when the assumptions give a tax rate, and its equity view when they give a loan.
 */
public record ClusterAnalysis(Cluster cluster, CashFlowSchedule schedule, ClusterMetrics metrics,
                              Recommendation recommendation, Optional<AfterTax> afterTax, Optional<Leverage> leverage) {
    public ClusterAnalysis {
        afterTax = Objects.requireNonNullElse(afterTax, Optional.empty());
        leverage = Objects.requireNonNullElse(leverage, Optional.empty());
    }

    /** A pre-tax analysis. */
    public ClusterAnalysis(Cluster cluster, CashFlowSchedule schedule, ClusterMetrics metrics, Recommendation recommendation) {
        this(cluster, schedule, metrics, recommendation, Optional.empty(), Optional.empty());
    }
}
