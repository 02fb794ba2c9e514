package gpuroi.engine;

import gpuroi.model.Cluster;

/** Everything the engine says about one cluster: its cash flows, metrics and recommendation. */
public record ClusterAnalysis(Cluster cluster, CashFlowSchedule schedule, ClusterMetrics metrics,
                              Recommendation recommendation) {
}
