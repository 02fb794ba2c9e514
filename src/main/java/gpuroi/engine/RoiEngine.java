package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;

/** The entry point of the pure core: a cluster and the assumptions in, its full analysis out. */
public final class RoiEngine {
    private RoiEngine() {
    }

    public static ClusterAnalysis analyze(Cluster cluster, Assumptions assumptions) {
        CashFlowSchedule schedule = CashFlowModel.schedule(cluster, assumptions);
        ClusterMetrics metrics = Metrics.of(schedule);
        return new ClusterAnalysis(cluster, schedule, metrics, Decisions.recommend(schedule, metrics));
    }
}
