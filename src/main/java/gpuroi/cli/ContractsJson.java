package gpuroi.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gpuroi.engine.ContractAnalysis;
import gpuroi.engine.ContractDecision;
import gpuroi.engine.ContractRiskProfile;
import gpuroi.engine.PortfolioRollup;
import gpuroi.model.Lease;

import java.util.Locale;

/**
 * The JSON shape of a lessee contract's analysis and of the portfolio roll-up. Costs are present values
 * at the hurdle rate as positive amounts; {@code npv} is the chosen option's cost negated, so contracts
 * and clusters add up with the same sign convention.
 */
final class ContractsJson {
    private ContractsJson() {
    }

    static void putContract(ObjectNode node, ContractAnalysis k) {
        Lease lease = k.contract();
        node.put("id", lease.contractId());
        node.put("role", lease.role().name().toLowerCase(Locale.ROOT));
        if (lease.counterparty().isPresent()) {
            node.put("counterparty", lease.counterparty().get());
        } else {
            node.putNull("counterparty");
        }
        node.put("gpuModel", lease.gpuModel());
        node.put("gpus", lease.gpuCount());
        node.put("gpusNeeded", lease.gpusNeeded());
        node.put("idleGpus", lease.idleGpus());
        node.put("ratePerGpuHour", lease.ratePerGpuHour());
        node.put("startDate", lease.startDate().toString());
        node.put("endDate", lease.endDate().toString());
        node.put("decision", k.decision().name());
        node.put("reason", k.reason());
        // 0 − cost, not −cost: an ended contract's nothing-left-to-pay prints as 0.0, never −0.0.
        node.put("npv", 0.0 - k.chosenCost());
        node.put("keepCost", k.keepCost());
        MetricsJson.putOptional(node, "resellCapacityCost", k.resellCapacityCost());
        MetricsJson.putOptional(node, "terminateCost", k.terminateCost());
        node.put("keepCostAtDiscountRate", k.keepCostAtDiscountRate());
        node.put("npvGainAtHurdle", k.npvGainAtHurdle());
        node.put("remainingMonths", k.remainingMonths());
        node.put("monthlyObligation", k.monthlyObligation());
        node.put("prepaymentStillDue", k.prepaymentStillDue());
        MetricsJson.putOptional(node, "breakEvenTerminationFee", k.breakEvenTerminationFee());
        MetricsJson.putOptional(node, "breakEvenMarketPriceResellOverTerminate", k.breakEvenMarketPriceResellOverTerminate());
        MetricsJson.putOptional(node, "breakEvenMarketPriceTerminateOverKeep", k.breakEvenMarketPriceTerminateOverKeep());
        node.put("marketPricePerGpuHour", k.marketPrice().startPricePerGpuHour());
        node.put("marketPriceSource", k.marketPrice().source().name());
        node.put("marketPriceDescription", k.marketPrice().description());
    }

    /**
     * A lessee contract's Monte Carlo figures: present costs at the hurdle of carrying out the deterministic
     * decision (P5/P50/P95, mean, expected shortfall: the mean of the costliest 5%), its advantage over the
     * cheapest other open option ({@code null} when none is open), the share of paths on which another option
     * is cheapest, the share on which each option is, and the probability that acting costs more than
     * keeping ({@code null} for KEEP).
     */
    static void putRisk(ObjectNode node, ContractRiskProfile r) {
        node.put("seed", r.seed());
        node.put("sampler", r.sampler().name());
        node.put("runs", r.paths());
        node.put("decision", r.baseDecision().name());
        node.put("chosenCost", r.baseChosenCost());
        node.put("chosenCostP5", r.chosenCost().p5());
        node.put("chosenCostP50", r.chosenCost().p50());
        node.put("chosenCostP95", r.chosenCost().p95());
        node.put("meanChosenCost", r.meanChosenCost());
        node.put("expectedShortfallCost", r.expectedShortfallCost());
        if (r.advantage().isPresent()) {
            node.put("advantageP5", r.advantage().get().p5());
            node.put("advantageP50", r.advantage().get().p50());
            node.put("advantageP95", r.advantage().get().p95());
        } else {
            node.putNull("advantageP5");
            node.putNull("advantageP50");
            node.putNull("advantageP95");
        }
        node.put("decisionFlipShare", r.decisionFlipShare());
        ObjectNode shares = node.putObject("bestActionShare");
        for (ContractDecision d : ContractDecision.values()) {
            shares.put(d.name(), r.bestActionShare().getOrDefault(d, 0.0));
        }
        MetricsJson.putOptional(node, "probabilityOfLoss", r.probabilityOfLoss());
    }

    static void putPortfolio(ObjectNode node, PortfolioRollup rollup) {
        node.put("totalCapex", rollup.totalCapex());
        node.put("plannedCapex", rollup.plannedCapex());
        node.put("capexToCommit", rollup.capexToCommit());
        // Forward, at the hurdle, from the valuation date; whole-life figures are kept apart ("since purchase").
        node.put("valueFollowingDecisions", rollup.valueFollowingDecisions());
        node.put("valueAsEntered", rollup.valueAsEntered());
        node.put("clustersValueOfDecisions", rollup.clustersValueOfDecisions());
        node.put("clustersValueAsEntered", rollup.clustersValueAsEntered());
        node.put("contractsChosenCost", rollup.contractsChosenCost());
        node.put("contractsKeepCost", rollup.contractsKeepCost());
        node.put("clustersNpvSincePurchase", rollup.clustersNpvSincePurchase());
        node.put("clustersNpvAtHurdleSincePurchase", rollup.clustersNpvAtHurdleSincePurchase());
        node.put("peakMonthlyCashNeeded", rollup.peakMonthlyCashNeeded());
        ArrayNode actions = node.putArray("actions");
        int rank = 1;
        for (PortfolioRollup.RankedAction a : rollup.actions()) {
            ObjectNode action = actions.addObject();
            action.put("rank", rank++);
            action.put("subject", a.subject());
            action.put("action", a.action());
            action.put("npvGainAtHurdle", a.npvGainAtHurdle());
            action.put("reason", a.reason());
        }
    }
}
