package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cancellation;
import gpuroi.model.Cluster;
import gpuroi.model.Lease;
import gpuroi.model.LeaseRole;
import gpuroi.model.Portfolio;

import java.util.ArrayList;
import java.util.List;

/** The entry point of the pure core: a cluster or a whole portfolio and the assumptions in, the analysis out. */
public final class RoiEngine {
    private RoiEngine() {
    }

    /** One cluster on the market path alone, without contracts. */
    public static ClusterAnalysis analyze(Cluster cluster, Assumptions assumptions) {
        return analyzeWithContracts(cluster, assumptions, List.of());
    }

    /**
     * One cluster with the lessor contracts that rent it out, as the portfolio analysis analyses it. Renting
     * the same GPU-hours instead is priced on the cluster's own start price and path, not on the Market quotes:
     * the cluster's prices already come from its Market row or the catalog when the workbook leaves them blank,
     * and one path keeps every figure of a decision on one basis.
     */
    public static ClusterAnalysis analyzeWithContracts(Cluster cluster, Assumptions assumptions, List<Lease> lessorContracts) {
        CashFlowSchedule schedule = CashFlowModel.schedule(cluster, assumptions, lessorContracts);
        ClusterMetrics metrics = Metrics.of(schedule);
        return new ClusterAnalysis(cluster, schedule, metrics, Decisions.recommend(schedule, metrics),
                AfterTax.of(schedule), Leverage.of(schedule));
    }

    /**
     * NPV at the hurdle rate of the cluster with its lessor contracts: the figure
     * {@code analyzeWithContracts(cluster, assumptions, lessorContracts).metrics().npvAtHurdle()} reports,
     * without the rest of the analysis (a tenth of its cost).
     */
    static double npvAtHurdle(Cluster cluster, Assumptions assumptions, List<Lease> lessorContracts) {
        return CashFlowModel.schedule(cluster, assumptions, lessorContracts).npvAtValuationDate(assumptions.hurdleRate());
    }

    /**
     * The whole portfolio at the given assumptions (its own, {@code portfolio.assumptions()}, or e.g. a forced
     * valuation date): every cluster with its lessor contracts, every lessee contract, and the roll-up, all in
     * input order.
     */
    public static PortfolioAnalysis analyze(Portfolio portfolio, Assumptions assumptions) {
        List<ClusterAnalysis> clusters = new ArrayList<>(portfolio.clusters().size());
        for (Cluster cluster : portfolio.clusters()) {
            Cancellation.check("analysing cluster " + cluster.id());
            List<Lease> lessor = portfolio.leases().stream()
                    .filter(l -> l.role() == LeaseRole.LESSOR && l.clusterId().orElse("").equals(cluster.id()))
                    .toList();
            clusters.add(analyzeWithContracts(cluster, assumptions, lessor));
        }
        List<ContractAnalysis> contracts = new ArrayList<>();
        for (Lease lease : portfolio.leases()) {
            if (lease.role() == LeaseRole.LESSEE) {
                contracts.add(LeaseAnalyzer.analyze(lease, assumptions, portfolio.marketQuotes()));
            }
        }
        return new PortfolioAnalysis(assumptions, clusters, contracts);
    }
}
