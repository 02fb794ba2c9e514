package gpuroi.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gpuroi.engine.ClusterMetrics;
import gpuroi.engine.IrrResult;
import gpuroi.engine.RiskProfile;

import java.util.OptionalDouble;

/**
 * The JSON shape of a cluster's metrics, shared by every command's {@code --json}: rates as annual
 * fractions, money in the portfolio currency, {@code null} (with a note) where a figure does not exist.
 */
final class MetricsJson {
    private MetricsJson() {
    }

    static void put(ObjectNode node, ClusterMetrics m) {
        putIrr(node, "irr", m.irr());
        putIrr(node, "xirr", m.xirr());
        node.put("npv", m.npv());
        node.put("npvAtHurdle", m.npvAtHurdle());
        putOptional(node, "mirr", m.mirr());
        putOptional(node, "paybackMonths", m.paybackMonths());
        putOptional(node, "discountedPaybackMonths", m.discountedPaybackMonths());
        putOptional(node, "moic", m.moic());
        putOptional(node, "annualizedTotalReturn", m.annualizedTotalReturn());
        putOptional(node, "levelizedCostPerGpuHour", m.levelizedCostPerGpuHour());
        putOptional(node, "levelizedPricePerGpuHour", m.levelizedPricePerGpuHour());
        putOptional(node, "breakEvenPrice", m.breakEvenStartPrice());
        putOptional(node, "breakEvenPriceZeroIrr", m.breakEvenStartPriceZeroIrr());
        putOptional(node, "breakEvenUtilization", m.breakEvenUtilization());
        node.put("totalCapex", m.totalCapex());
        node.put("totalRevenue", m.totalRevenue());
        node.put("totalOperatingCost", m.totalOperatingCost());
        node.put("residualValue", m.residualValue());
        node.put("remainingValueAtHurdle", m.remainingValueAtHurdle());
        putOptional(node, "saleValueNow", m.saleValueNow());
        putOptional(node, "breakEvenSecondaryPrice", m.breakEvenSecondaryPrice());
    }

    /**
     * A cluster's Monte Carlo figures as {@code convert --json} reports them: NPVs at the discount rate,
     * IRRs annual ({@code null} when no path has a single IRR), shares as fractions of the runs.
     */
    static void putRisk(ObjectNode node, RiskProfile r) {
        node.put("seed", r.seed());
        node.put("sampler", r.sampler().name());
        node.put("runs", r.paths());
        node.put("npvP5", r.npv().p5());
        node.put("npvP50", r.npv().p50());
        node.put("npvP95", r.npv().p95());
        putOptional(node, "irrP5", r.irr().p5());
        putOptional(node, "irrP50", r.irr().p50());
        putOptional(node, "irrP95", r.irr().p95());
        node.put("probabilityOfLoss", r.probabilityOfLoss());
        node.put("probabilityBeatsHurdle", r.probabilityOfBeatingHurdle());
        node.put("expectedShortfall", r.expectedShortfallNpv());
        node.put("decisionFlipShare", r.decisionFlipShare());
    }

    static void putIrr(ObjectNode node, String name, IrrResult irr) {
        putOptional(node, name, irr.annualRate());
        if (irr instanceof IrrResult.Unique unique) {
            if (!unique.note().isEmpty()) {
                node.put(name + "Note", unique.note());
            }
        } else {
            node.put(name + "Note", irr.note());
        }
        if (irr instanceof IrrResult.Ambiguous ambiguous) {
            ArrayNode candidates = node.putArray(name + "Candidates");
            ambiguous.annualRates().forEach(candidates::add);
        }
    }

    static void putOptional(ObjectNode node, String name, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(name, value.getAsDouble());
        } else {
            node.putNull(name);
        }
    }
}
