package gpuroi.report;

import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.ContractAnalysis;
import gpuroi.engine.PortfolioRollup;
import gpuroi.engine.Decision;
import gpuroi.engine.PortfolioAnalysis;
import gpuroi.engine.RiskProfile;
import gpuroi.model.Assumptions;
import gpuroi.model.Formats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
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
        List<Map<String, Object>> rows = new ArrayList<>();
        double capex = 0;
        double npv = 0;
        double npvAtHurdle = 0;
        long gpus = 0;
        Map<Decision, Integer> counts = new EnumMap<>(Decision.class);
        for (ClusterAnalysis c : portfolio.clusters()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", c.cluster().id());
            row.put("gpuModel", c.cluster().gpuModel());
            row.put("gpuCount", String.format(Locale.US, "%,d", c.cluster().gpuCount()));
            row.put("status", c.cluster().status().label());
            row.put("decision", c.recommendation().decision().name());
            row.put("decisionClass", c.recommendation().decision().name().toLowerCase(Locale.ROOT));
            row.put("irr", c.metrics().irr().display(1));
            row.put("npv", Formats.money(c.metrics().npv(), ccy));
            row.put("npvAtHurdle", Formats.money(c.metrics().npvAtHurdle(), ccy));
            row.put("capex", Formats.money(c.metrics().totalCapex(), ccy));
            rows.add(row);
            capex += c.metrics().totalCapex();
            npv += c.metrics().npv();
            npvAtHurdle += c.metrics().npvAtHurdle();
            gpus += c.cluster().gpuCount();
            counts.merge(c.recommendation().decision(), 1, Integer::sum);
        }
        model.put("clusters", rows);
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("clusters", String.valueOf(portfolio.clusters().size()));
        totals.put("gpuCount", String.format(Locale.US, "%,d", gpus));
        totals.put("capex", Formats.money(capex, ccy));
        totals.put("npv", Formats.money(npv, ccy));
        totals.put("npvAtHurdle", Formats.money(npvAtHurdle, ccy));
        model.put("totals", totals);
        List<String> summary = new ArrayList<>();
        counts.forEach((decision, n) -> summary.add(n + " × " + decision.name()));
        model.put("decisionSummary", String.join(", ", summary));
        model.put("ranking", ranking(portfolio, ccy));
        model.put("contracts", contracts(portfolio, ccy));
        model.put("contractsKeepCost", Formats.money(portfolio.contracts().stream().mapToDouble(ContractAnalysis::keepCost).sum(), ccy));
        model.put("actions", actions(portfolio.rollup(), ccy));
        model.put("portfolioNpvAtHurdle", Formats.money(portfolio.rollup().totalNpvAtHurdle(), ccy));
        model.put("portfolioNpv", Formats.money(portfolio.rollup().totalNpv(), ccy));
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

    /** Clusters from the highest NPV at the hurdle rate to the lowest: where capital earns most, and where it is better freed. */
    private static List<Map<String, Object>> ranking(PortfolioAnalysis portfolio, String ccy) {
        List<ClusterAnalysis> sorted = new ArrayList<>(portfolio.clusters());
        sorted.sort(Comparator.comparingDouble((ClusterAnalysis c) -> c.metrics().npvAtHurdle()).reversed()
                .thenComparing(c -> c.cluster().id()));
        List<Map<String, Object>> rows = new ArrayList<>();
        int rank = 1;
        for (ClusterAnalysis c : sorted) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", String.valueOf(rank++));
            row.put("id", c.cluster().id());
            row.put("decision", c.recommendation().decision().name());
            row.put("decisionClass", c.recommendation().decision().name().toLowerCase(Locale.ROOT));
            row.put("npvAtHurdle", Formats.money(c.metrics().npvAtHurdle(), ccy));
            row.put("verdict", switch (c.recommendation().decision()) {
                case BUY -> "commit capital: owning clears the hurdle";
                case HOLD -> "keep capital here: holding beats selling now";
                case RENT -> "keep the capital: renting the capacity is cheaper";
                case RESELL -> "free capital: a sale now beats holding";
            });
            rows.add(row);
        }
        return rows;
    }
}
