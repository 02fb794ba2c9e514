package gpuroi.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gpuroi.engine.ContractAnalysis;
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

    static void putPortfolio(ObjectNode node, PortfolioRollup rollup) {
        node.put("totalCapex", rollup.totalCapex());
        node.put("plannedCapex", rollup.plannedCapex());
        node.put("totalNpv", rollup.totalNpv());
        node.put("totalNpvAtHurdle", rollup.totalNpvAtHurdle());
        node.put("peakMonthlyCashNeeded", rollup.months().stream().mapToDouble(PortfolioRollup.MonthPosition::cashNeeded).max().orElse(0));
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
