package gpuroi.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * The sensitivity figures (grids, break-evens, tornado, own-use saving) of the clusters an output shows, computed once
 * per cluster by the pipeline and read by every renderer: the ROI Sensitivity sheet, the memos and {@code --json} show
 * the same numbers because they read the same objects.
 */
public final class ClusterFigures {
    private static final ClusterFigures NONE = new ClusterFigures(Map.of());

    private final Map<String, SensitivityFigures> byClusterId;

    private ClusterFigures(Map<String, SensitivityFigures> byClusterId) {
        this.byClusterId = Map.copyOf(byClusterId);
    }

    /** No figures: for outputs that show none. */
    public static ClusterFigures none() {
        return NONE;
    }

    /**
     * The figures of each cluster {@code wanted} picks by its position in {@code clusters}, computed on every core: the
     * engine is pure, and a cluster's figures do not depend on any other cluster's.
     */
    public static ClusterFigures compute(List<ClusterAnalysis> clusters, IntPredicate wanted) {
        Map<String, SensitivityFigures> figures = new ConcurrentHashMap<>();
        IntStream.range(0, clusters.size()).filter(wanted).parallel()
                .forEach(i -> figures.put(clusters.get(i).cluster().id(), SensitivityFigures.of(clusters.get(i))));
        return new ClusterFigures(figures);
    }

    /** The figures of every cluster. */
    public static ClusterFigures computeAll(List<ClusterAnalysis> clusters) {
        return compute(clusters, i -> true);
    }

    /**
     * The figures of {@code cluster}; asking for a cluster the pipeline did not compute is a programming error, never a
     * reason to compute them here.
     */
    public SensitivityFigures forCluster(ClusterAnalysis cluster) {
        SensitivityFigures figures = byClusterId.get(cluster.cluster().id());
        if (figures == null) {
            throw new IllegalStateException("the sensitivity figures of cluster " + cluster.cluster().id() + " were not computed");
        }
        return figures;
    }

    /** The figures of the cluster with this id, if computed. */
    public Optional<SensitivityFigures> find(String clusterId) {
        return Optional.ofNullable(byClusterId.get(clusterId));
    }

    /** How many clusters have figures. */
    public int size() {
        return byClusterId.size();
    }
}
