package gpuroi.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything computed for one fleet, once: the engine's analysis of every cluster and contract, the Monte Carlo risk
 * profiles (none when no runs were asked for), and the sensitivity figures of the clusters the outputs show. The
 * workbook, the memos and the JSON are rendered from this alone, so they cannot disagree and none recomputes a figure.
 *
 */
public final class FleetResult {
    private final PortfolioAnalysis analysis;
    private final List<RiskProfile> risks;
    private final List<ContractRiskProfile> contractRisks;
    private final ClusterFigures figures;
    private final Map<String, RiskProfile> risksById;
    private final Map<String, ContractRiskProfile> contractRisksById;

    /**
     * @param analysis      every cluster's and contract's analysis and the portfolio roll-up
     * @param risks         a risk profile per cluster, in cluster order; empty without Monte Carlo
     * @param contractRisks a risk profile per lessee contract; empty without Monte Carlo
     * @param figures       the sensitivity figures of the clusters some output shows
     */
    public FleetResult(PortfolioAnalysis analysis, List<RiskProfile> risks, List<ContractRiskProfile> contractRisks,
                       ClusterFigures figures) {
        this.analysis = analysis;
        this.risks = List.copyOf(risks);
        this.contractRisks = List.copyOf(contractRisks);
        this.figures = figures;
        this.risksById = this.risks.stream()
                .collect(Collectors.toUnmodifiableMap(RiskProfile::clusterId, Function.identity(), (first, later) -> first));
        this.contractRisksById = this.contractRisks.stream()
                .collect(Collectors.toUnmodifiableMap(ContractRiskProfile::contractId, Function.identity(), (first, later) -> first));
    }

    public PortfolioAnalysis analysis() {
        return analysis;
    }

    public List<RiskProfile> risks() {
        return risks;
    }

    public List<ContractRiskProfile> contractRisks() {
        return contractRisks;
    }

    public ClusterFigures figures() {
        return figures;
    }

    /** An analysis without Monte Carlo, with the figures of every cluster: for callers that render one fleet in full. */
    public static FleetResult of(PortfolioAnalysis analysis) {
        return new FleetResult(analysis, List.of(), List.of(), ClusterFigures.computeAll(analysis.clusters()));
    }

    /** The same result with {@code risks} as the clusters' risk profiles. */
    public FleetResult withRisks(List<RiskProfile> clusterRisks, List<ContractRiskProfile> lesseeRisks) {
        return new FleetResult(analysis, clusterRisks, lesseeRisks, figures);
    }

    /** The same result with these sensitivity figures. */
    public FleetResult withFigures(ClusterFigures computed) {
        return new FleetResult(analysis, risks, contractRisks, computed);
    }

    /** The cluster's risk profile, if a Monte Carlo ran. */
    public Optional<RiskProfile> riskOf(ClusterAnalysis cluster) {
        return Optional.ofNullable(risksById.get(cluster.cluster().id()));
    }

    /** The lessee contract's risk profile, if a Monte Carlo ran. */
    public Optional<ContractRiskProfile> riskOf(ContractAnalysis contract) {
        return Optional.ofNullable(contractRisksById.get(contract.contract().contractId()));
    }

    /** Each cluster's risk profile by cluster id: one lookup per cluster. */
    public Map<String, RiskProfile> risksById() {
        return risksById;
    }

    /** Each lessee contract's risk profile by contract id. */
    public Map<String, ContractRiskProfile> contractRisksById() {
        return contractRisksById;
    }
}
