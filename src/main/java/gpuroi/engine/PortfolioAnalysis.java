package gpuroi.engine;

import gpuroi.model.Assumptions;

import java.util.List;

/**
 * The engine's results for a whole workbook: the assumptions used, each cluster's analysis (its
 * lessor contracts included), each lessee contract's analysis, in input order, and the roll-up.
 */
public record PortfolioAnalysis(Assumptions assumptions, List<ClusterAnalysis> clusters, List<ContractAnalysis> contracts,
                                PortfolioRollup rollup) {
    public PortfolioAnalysis {
        clusters = List.copyOf(clusters);
        contracts = List.copyOf(contracts);
    }

    /** Clusters and lessee contracts, rolled up. */
    public PortfolioAnalysis(Assumptions assumptions, List<ClusterAnalysis> clusters, List<ContractAnalysis> contracts) {
        this(assumptions, clusters, contracts, PortfolioRollup.of(assumptions, clusters, contracts));
    }

    /** Clusters only, as before contracts were analysed. */
    public PortfolioAnalysis(Assumptions assumptions, List<ClusterAnalysis> clusters) {
        this(assumptions, clusters, List.of());
    }
}
