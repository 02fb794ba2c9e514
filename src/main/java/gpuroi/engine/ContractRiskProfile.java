package gpuroi.engine;

import gpuroi.model.Sampler;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a Monte Carlo run says about one contract where we are the lessee. On each path the market
 * price of the contract's GPU model moves as the clusters' prices do (same process, streams of its own),
 * and the three options are costed as {@link LeaseAnalyzer} costs them, at the hurdle rate: KEEP does not
 * depend on the market; RESELL_CAPACITY earns the idle GPUs' sublease income at the path's prices;
 * TERMINATE pays the fee and rents the GPUs still needed at the path's prices.
 *
 * @param contractId            the contract
 * @param paths                 paths simulated
 * @param seed                  the run's seed
 * @param sampler               how the per-path ranges were drawn
 * @param baseDecision          the deterministic decision ({@link ContractAnalysis#decision()})
 * @param baseChosenCost        the deterministic present cost of that decision at the hurdle
 * @param chosenCost            P5 / P50 / P95 over the paths of the present cost of carrying out {@code baseDecision}
 *                              (positive: a cost; P95 is the expensive tail)
 * @param meanChosenCost        its average over the paths
 * @param expectedShortfallCost average of the highest 5% of those costs (at least one path)
 * @param advantage             P5 / P50 / P95 of the decision's advantage: the cheapest other open option's cost minus
 *                              the chosen option's cost, per path (below 0 on a path where another option is cheaper);
 *                              empty when no other option is open
 * @param decisionFlipShare     share of paths on which the cheapest open option is not {@code baseDecision}
 *                              (ties go to KEEP, then RESELL_CAPACITY, as in the deterministic rule)
 * @param bestActionShare       share of paths on which each open option is the cheapest
 * @param probabilityOfLoss     for RESELL_CAPACITY and TERMINATE: share of paths on which acting costs more than keeping
 *                              the contract as it is; empty for KEEP, which is the reference
 */
public record ContractRiskProfile(
        String contractId,
        int paths,
        long seed,
        Sampler sampler,
        ContractDecision baseDecision,
        double baseChosenCost,
        RiskProfile.Percentiles chosenCost,
        double meanChosenCost,
        double expectedShortfallCost,
        Optional<RiskProfile.Percentiles> advantage,
        double decisionFlipShare,
        Map<ContractDecision, Double> bestActionShare,
        OptionalDouble probabilityOfLoss) {

    public ContractRiskProfile {
        bestActionShare = Map.copyOf(bestActionShare);
    }
}
