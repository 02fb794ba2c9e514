package gpuroi.report;

import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.ContractAnalysis;
import gpuroi.engine.PortfolioRollup;
import gpuroi.engine.Decision;
import gpuroi.engine.PortfolioAnalysis;
import gpuroi.engine.RiskProfile;
import gpuroi.model.Assumptions;
import gpuroi.model.ClusterUse;
import gpuroi.model.Formats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the portfolio memo template sees: every cluster in one table, the totals and a ranking by NPV. */
final class PortfolioMemoModel {
    private PortfolioMemoModel() {
    }

    static Map<String, Object> of(PortfolioAnalysis portfolio, MemoContext context, Paper paper) {
        return of(portfolio, List.of(), context, paper);
    }

    /** As above; with Monte Carlo risk profiles the template also gets {@code risk} (absent otherwise, so {@code <#if risk??>}). */
    static Map<String, Object> of(PortfolioAnalysis portfolio, List<RiskProfile> risks, MemoContext context, Paper paper) {
        Assumptions a = portfolio.assumptions();
        String ccy = a.currency();
        Map<String, Object> model = MemoCommon.header(a, context, paper);
        model.put("title", "Portfolio memo: " + context.inputFileName());
        PortfolioRollup rollup = portfolio.rollup();
        List<Map<String, Object>> rows = new ArrayList<>();
        long gpus = 0;
        Map<Decision, Integer> counts = new EnumMap<>(Decision.class);
        for (int i = 0; i < portfolio.clusters().size(); i++) {
            ClusterAnalysis c = portfolio.clusters().get(i);
            PortfolioRollup.ClusterPosition position = rollup.clusters().get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", c.cluster().id());
            row.put("gpuModel", c.cluster().gpuModel());
            row.put("gpuCount", String.format(Locale.US, "%,d", c.cluster().gpuCount()));
            row.put("status", c.cluster().status().label());
            row.put("decision", c.recommendation().decision().name());
            row.put("decisionClass", c.recommendation().decision().name().toLowerCase(Locale.ROOT));
            row.put("valueOfDecision", Formats.money(position.valueOfDecision(), ccy));
            row.put("irr", c.metrics().irr().display(1));
            row.put("npvAtHurdle", Formats.money(c.metrics().npvAtHurdle(), ccy));
            row.put("capex", Formats.money(c.metrics().totalCapex(), ccy));
            rows.add(row);
            gpus += c.cluster().gpuCount();
            counts.merge(c.recommendation().decision(), 1, Integer::sum);
        }
        model.put("clusters", rows);
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("clusters", String.valueOf(portfolio.clusters().size()));
        totals.put("gpuCount", String.format(Locale.US, "%,d", gpus));
        totals.put("capex", Formats.money(rollup.totalCapex(), ccy));
        totals.put("capexToCommit", Formats.money(rollup.capexToCommit(), ccy));
        totals.put("clustersValueOfDecisions", Formats.money(rollup.clustersValueOfDecisions(), ccy));
        totals.put("clustersValueAsEntered", Formats.money(rollup.clustersValueAsEntered(), ccy));
        totals.put("contractsChosenCost", Formats.money(rollup.contractsChosenCost(), ccy));
        totals.put("contractsKeepCost", Formats.money(rollup.contractsKeepCost(), ccy));
        totals.put("valueFollowingDecisions", Formats.money(rollup.valueFollowingDecisions(), ccy));
        totals.put("valueAsEntered", Formats.money(rollup.valueAsEntered(), ccy));
        totals.put("npvAtHurdleSincePurchase", Formats.money(rollup.clustersNpvAtHurdleSincePurchase(), ccy));
        totals.put("npvSincePurchase", Formats.money(rollup.clustersNpvSincePurchase(), ccy));
        model.put("totals", totals);
        List<String> summary = new ArrayList<>();
        counts.forEach((decision, n) -> summary.add(n + " × " + decision.name()));
        model.put("decisionSummary", String.join(", ", summary));
        model.put("ranking", ranking(portfolio, ccy));
        model.put("contracts", contracts(portfolio, ccy));
        model.put("actions", actions(rollup, ccy));
        RiskSection.portfolio(portfolio, risks).ifPresent(risk -> model.put("risk", risk));
        model.put("assumptions", AssumptionSources.portfolioWide(a, context.notes()));
        model.put("warnings", context.notes().stream().filter(n -> n.kind().equals("warning"))
                .map(n -> n.location() + ": " + n.message()).toList());
        return model;
    }

    /** Each lessee contract with the cost of keeping it, the cost of the chosen option and the gain. */
    private static List<Map<String, Object>> contracts(PortfolioAnalysis portfolio, String ccy) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ContractAnalysis k : portfolio.contracts()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", k.contract().contractId());
            row.put("gpus", k.contract().gpusNeeded() + " of " + k.contract().gpuCount() + " × " + k.contract().gpuModel());
            row.put("rate", Formats.price(k.contract().ratePerGpuHour(), ccy));
            row.put("remainingMonths", String.valueOf(k.remainingMonths()));
            row.put("decision", ContractMemoModel.label(k.decision()));
            row.put("decisionClass", k.decision().name().toLowerCase(Locale.ROOT));
            row.put("keepCost", Formats.money(k.keepCost(), ccy));
            row.put("chosenCost", Formats.money(k.chosenCost(), ccy));
            row.put("gain", Formats.money(k.npvGainAtHurdle(), ccy));
            rows.add(row);
        }
        return rows;
    }

    /** The engine's recommended changes, clusters and contracts together, largest gain at the hurdle first. */
    private static List<Map<String, Object>> actions(PortfolioRollup rollup, String ccy) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int rank = 1;
        for (PortfolioRollup.RankedAction a : rollup.actions()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", String.valueOf(rank++));
            row.put("subject", a.subject());
            row.put("action", a.action().replace('_', ' '));
            row.put("actionClass", a.action().toLowerCase(Locale.ROOT));
            row.put("gain", Formats.money(a.npvGainAtHurdle(), ccy));
            rows.add(row);
        }
        return rows;
    }

    /**
     * Clusters grouped by what their decision does with capital (commit, keep, free, not commit), each group by the
     * decision's gain over its alternative, largest first; every figure in the sentence is a named roll-up figure.
     */
    private static List<Map<String, Object>> ranking(PortfolioAnalysis portfolio, String ccy) {
        PortfolioRollup rollup = portfolio.rollup();
        Map<String, ClusterUse> uses = new HashMap<>();
        portfolio.clusters().forEach(c -> uses.put(c.cluster().id(), c.cluster().use()));
        List<PortfolioRollup.ClusterPosition> sorted = new ArrayList<>(rollup.clusters());
        sorted.sort(Comparator.comparing(PortfolioRollup.ClusterPosition::role)
                .thenComparing(Comparator.comparingDouble((PortfolioRollup.ClusterPosition p) -> p.gainOverAlternative().orElse(0))
                        .reversed())
                .thenComparing(PortfolioRollup.ClusterPosition::id));
        List<Map<String, Object>> rows = new ArrayList<>();
        int rank = 1;
        for (PortfolioRollup.ClusterPosition p : sorted) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", String.valueOf(rank++));
            row.put("id", p.id());
            row.put("decision", p.decision().name());
            row.put("decisionClass", p.decision().name().toLowerCase(Locale.ROOT));
            row.put("capital", Formats.money(p.capital(), ccy));
            row.put("value", Formats.money(p.valueOfDecision(), ccy));
            row.put("gain", p.gainOverAlternative().isPresent() ? Formats.money(p.gainOverAlternative().getAsDouble(), ccy) : "n/a");
            String alternative = p.alternativeValue().isPresent() ? Formats.money(p.alternativeValue().getAsDouble(), ccy) : "";
            row.put("verdict", switch (p.role()) {
                case COMMIT -> uses.get(p.id()) == ClusterUse.OWN_USE
                        ? "commit " + Formats.money(p.capital(), ccy) + " of capex: owning the GPU-hours saves "
                                + Formats.money(p.valueOfDecision(), ccy) + " over renting them"
                        : "commit " + Formats.money(p.capital(), ccy) + " of capex: owning is worth "
                                + Formats.money(p.valueOfDecision(), ccy) + " more than the hurdle requires";
                case NOT_COMMIT -> uses.get(p.id()) == ClusterUse.OWN_USE
                        ? "do not commit " + Formats.money(p.capital(), ccy) + ": bought, the saving from owning the GPU-hours"
                                + " over renting them would be " + Formats.money(p.valueAsEntered(), ccy)
                        : "do not commit " + Formats.money(p.capital(), ccy) + ": bought, its NPV at the hurdle would be "
                                + Formats.money(p.valueAsEntered(), ccy);
                case KEEP -> p.alternativeValue().isPresent()
                        ? "keep capital invested: holding is worth " + Formats.money(p.valueOfDecision(), ccy)
                                + " against a sale now of " + alternative
                        : "keep capital invested: holding is worth " + Formats.money(p.valueOfDecision(), ccy)
                                + "; no secondary price, so a sale was not assessed";
                case FREE -> p.alternativeValue().isPresent()
                        ? "free " + Formats.money(p.capital(), ccy) + ": a sale now beats holding, which is worth " + alternative
                        : "nothing left to free: its useful life has ended and its residual was realized as its sale at the end of life";
            });
            rows.add(row);
        }
        return rows;
    }
}
