package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.Lease;
import gpuroi.model.LeaseRole;
import gpuroi.model.MarketQuote;
import gpuroi.model.Portfolio;

import java.util.ArrayList;
import java.util.List;

/** The entry point of the pure core: a cluster or a whole portfolio and the assumptions in, the analysis out. */
public final class RoiEngine {
    private RoiEngine() {
    }

    /** One cluster on the market path alone, without contracts or Market quotes. */
    public static ClusterAnalysis analyze(Cluster cluster, Assumptions assumptions) {
        CashFlowSchedule schedule = CashFlowModel.schedule(cluster, assumptions);
        ClusterMetrics metrics = Metrics.of(schedule);
        return new ClusterAnalysis(cluster, schedule, metrics, Decisions.recommend(schedule, metrics), AfterTax.of(schedule),
                Leverage.of(schedule));
    }

    /**
     * One cluster with the lessor contracts that rent it out; the Market quotes price what renting
     * the same GPU-hours would cost instead.
     */
    public static ClusterAnalysis analyze(Cluster cluster, Assumptions assumptions, List<Lease> lessorContracts,
                                          List<MarketQuote> quotes) {
        CashFlowSchedule schedule = CashFlowModel.schedule(cluster, assumptions, lessorContracts);
        RentalReference rental = RentalReference.forModel(cluster.gpuModel(), quotes, assumptions);
        ClusterMetrics metrics = Metrics.of(schedule, rental);
        return new ClusterAnalysis(cluster, schedule, metrics, Decisions.recommend(schedule, metrics, rental),
                AfterTax.of(schedule), Leverage.of(schedule));
    }

    /**
     * NPV at the hurdle rate of the cluster with its lessor contracts: the figure
     * {@code analyze(cluster, assumptions, lessorContracts, quotes).metrics().npvAtHurdle()} reports, for
     * any quotes, without the rest of the analysis (a tenth of its cost).
     */
    static double npvAtHurdle(Cluster cluster, Assumptions assumptions, List<Lease> lessorContracts) {
        return CashFlowModel.schedule(cluster, assumptions, lessorContracts).npvAtValuationDate(assumptions.hurdleRate());
    }

    /** The whole portfolio at its own assumptions. */
    public static PortfolioAnalysis analyze(Portfolio portfolio) {
        return analyze(portfolio, portfolio.assumptions());
    }

    /**
     * The whole portfolio at the given assumptions (e.g. a forced valuation date): every cluster with
     * its lessor contracts, every lessee contract, and the roll-up, all in input order.
     */
    public static PortfolioAnalysis analyze(Portfolio portfolio, Assumptions assumptions) {
        List<ClusterAnalysis> clusters = new ArrayList<>(portfolio.clusters().size());
        for (Cluster cluster : portfolio.clusters()) {
            List<Lease> lessor = portfolio.leases().stream()
                    .filter(l -> l.role() == LeaseRole.LESSOR && l.clusterId().orElse("").equals(cluster.id()))
                    .toList();
            clusters.add(analyze(cluster, assumptions, lessor, portfolio.marketQuotes()));
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
