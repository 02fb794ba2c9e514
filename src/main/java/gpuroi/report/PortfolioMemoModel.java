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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntToDoubleFunction;

/**
 * What the portfolio memo template sees: the clusters with their decisions, the totals, the ranking by what each decision does
 * with capital, the contracts, the risk table and the recommended changes. A memo of thousands of clusters would run to
 * thousands of pages nobody reads, so a table or list longer than {@value #ROWS} shows {@value #ROWS} of them (the ranking
 * {@value #RANKING_ROWS_PER_GROUP} per group) and one line "more" that counts the others, adds up the figures that add up, and
 * names the sheet of the workbook that lists every one; the totals are always over every cluster and contract.
 */
final class PortfolioMemoModel {
    /** Rows a table or list of the portfolio memo shows; a longer one shows these and one line on the others. */
    static final int ROWS = 50;
    /** Lines per group of a ranking cut short: its four groups together stay within {@link #ROWS}. */
    static final int RANKING_ROWS_PER_GROUP = ROWS / 4;

    /** The workbook's sheets (as {@code gpuroi.workbook.WorkbookWriter} names them) that list what a cut table leaves out. */
    static final String SUMMARY_SHEET = "ROI Summary";
    static final String CONTRACTS_SHEET = "ROI Contracts";
    static final String PORTFOLIO_SHEET = "ROI Portfolio";
    static final String RISK_SHEET = "ROI Risk";
    static final String NOTES_SHEET = "ROI Notes";

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
        List<ClusterAnalysis> clusters = portfolio.clusters();
        long gpus = 0;
        Map<Decision, Integer> counts = new EnumMap<>(Decision.class);
        for (ClusterAnalysis c : clusters) {
            gpus += c.cluster().gpuCount();
            counts.merge(c.recommendation().decision(), 1, Integer::sum);
        }
        List<Integer> shown = largestFirst(clusters.size(), i -> clusters.get(i).cluster().totalCapex());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i : shown) {
            ClusterAnalysis c = clusters.get(i);
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
        }
        model.put("clusters", rows);
        if (shown.size() < clusters.size()) {
            model.put("clustersMore", moreClusters(portfolio, shown, context, ccy));
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("clusters", String.valueOf(clusters.size()));
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
        model.put("ranking", ranking(portfolio, context, ccy));
        if (clusters.size() > ROWS) {
            model.put("rankingCaption", String.format(Locale.US, "Shown: the first %,d of each group; each line \"more\" adds up the"
                    + " rest of its group (the gain where every one of them has an alternative), every cluster listed with its"
                    + " figures in %s.", RANKING_ROWS_PER_GROUP, context.sheet(SUMMARY_SHEET)));
        }
        contracts(model, portfolio, context, ccy);
        actions(model, rollup, context, ccy);
        RiskSection.portfolio(portfolio, risks).ifPresent(risk -> model.put("risk", cutRisk(risk, context)));
        model.put("assumptions", AssumptionSources.portfolioWide(a, context.notes()));
        List<String> warnings = context.notes().stream().filter(n -> n.kind().equals("warning"))
                .map(n -> n.location() + ": " + n.message()).toList();
        model.put("warnings", warnings.size() > ROWS ? warnings.subList(0, ROWS) : warnings);
        if (warnings.size() > ROWS) {
            model.put("warningsMore", String.format(Locale.US, "and %,d more warnings, each a row of %s", warnings.size() - ROWS,
                    context.sheet(NOTES_SHEET)));
        }
        return model;
    }

    /**
     * The first {@value #ROWS} names of the clusters and contracts without a memo, and a line on the others; the ROI Notes
     * sheet has a row for each. Empty {@code more} when every name is shown.
     */
    static Map<String, Object> memosLeftOut(MemoSelection selection, MemoContext context) {
        List<String> ids = selection.leftOut();
        Map<String, Object> left = new LinkedHashMap<>();
        left.put("count", String.format(Locale.US, "%,d", ids.size()));
        left.put("names", ids.size() > ROWS ? ids.subList(0, ROWS) : ids);
        left.put("more", ids.size() > ROWS
                ? String.format(Locale.US, "and %,d more: %s has a row for each (Memo not rendered)", ids.size() - ROWS,
                        context.sheet(NOTES_SHEET))
                : "");
        return left;
    }

    /**
     * Indices into a list of {@code size}, in input order when it has at most {@link #ROWS}; otherwise the {@link #ROWS}
     * with the largest {@code amount}, largest first, equal amounts in input order.
     */
    static List<Integer> largestFirst(int size, IntToDoubleFunction amount) {
        List<Integer> order = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            order.add(i);
        }
        if (size <= ROWS) {
            return order;
        }
        // Stable sort: equal amounts keep input order.
        order.sort(Comparator.comparingDouble((Integer i) -> amount.applyAsDouble(i)).reversed());
        return List.copyOf(order.subList(0, ROWS));
    }

    /** The clusters the decisions table leaves out, counted and added up column by column. */
    private static Map<String, Object> moreClusters(PortfolioAnalysis portfolio, List<Integer> shown, MemoContext context, String ccy) {
        Set<Integer> inTable = new HashSet<>(shown);
        int count = 0;
        long gpus = 0;
        double value = 0;
        double npvAtHurdle = 0;
        double capex = 0;
        for (int i = 0; i < portfolio.clusters().size(); i++) {
            if (!inTable.contains(i)) {
                ClusterAnalysis c = portfolio.clusters().get(i);
                count++;
                gpus += c.cluster().gpuCount();
                value += portfolio.rollup().clusters().get(i).valueOfDecision();
                npvAtHurdle += c.metrics().npvAtHurdle();
                capex += c.metrics().totalCapex();
            }
        }
        Map<String, Object> more = new LinkedHashMap<>();
        more.put("count", String.format(Locale.US, "%,d", count));
        more.put("gpuCount", String.format(Locale.US, "%,d", gpus));
        more.put("valueOfDecision", Formats.money(value, ccy));
        more.put("npvAtHurdle", Formats.money(npvAtHurdle, ccy));
        more.put("capex", Formats.money(capex, ccy));
        more.put("caption", String.format(Locale.US, "Shown: the %,d clusters with the most capex, largest first; the other %,d,"
                + " added up in the line \"more\", are listed with every figure in %s. The total is over all %,d clusters.",
                shown.size(), count, context.sheet(SUMMARY_SHEET), portfolio.clusters().size()));
        return more;
    }

    /** The risk table's first {@value #ROWS} rows (highest odds of loss first) and a line on the others. */
    private static Map<String, Object> cutRisk(Map<String, Object> risk, MemoContext context) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) risk.get("rows");
        if (rows.size() > ROWS) {
            risk.put("rows", rows.subList(0, ROWS));
            risk.put("more", String.format(Locale.US, "and %,d more clusters with lower odds of loss, each in %s", rows.size() - ROWS,
                    context.sheet(RISK_SHEET)));
        }
        return risk;
    }

    /**
     * Each lessee contract with the cost of keeping it, the cost of the chosen option and the gain ({@code contracts}); past
     * {@value #ROWS} contracts, those with the largest total value and the others added up ({@code contractsMore}).
     */
    private static void contracts(Map<String, Object> model, PortfolioAnalysis portfolio, MemoContext context, String ccy) {
        List<ContractAnalysis> all = portfolio.contracts();
        List<Integer> shown = largestFirst(all.size(), i -> all.get(i).contract().totalContractValue());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i : shown) {
            ContractAnalysis k = all.get(i);
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
        model.put("contracts", rows);
        if (shown.size() < all.size()) {
            Set<Integer> inTable = new HashSet<>(shown);
            double keep = 0;
            double chosen = 0;
            double gain = 0;
            for (int i = 0; i < all.size(); i++) {
                if (!inTable.contains(i)) {
                    keep += all.get(i).keepCost();
                    chosen += all.get(i).chosenCost();
                    gain += all.get(i).npvGainAtHurdle();
                }
            }
            Map<String, Object> more = new LinkedHashMap<>();
            more.put("count", String.format(Locale.US, "%,d", all.size() - shown.size()));
            more.put("keepCost", Formats.money(keep, ccy));
            more.put("chosenCost", Formats.money(chosen, ccy));
            more.put("gain", Formats.money(gain, ccy));
            more.put("caption", String.format(Locale.US, "Shown: the %,d contracts with the largest total value (GPUs × rate × hours"
                    + " × term), largest first; the other %,d, added up in the line \"more\", are listed in %s.", shown.size(),
                    all.size() - shown.size(), context.sheet(CONTRACTS_SHEET)));
            model.put("contractsMore", more);
        }
    }

    /**
     * The engine's recommended changes, clusters and contracts together, largest gain at the hurdle first ({@code actions}):
     * the first {@value #ROWS}, and past them the others counted and their gains added up ({@code actionsMore}).
     */
    private static void actions(Map<String, Object> model, PortfolioRollup rollup, MemoContext context, String ccy) {
        List<PortfolioRollup.RankedAction> all = rollup.actions();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(all.size(), ROWS); i++) {
            PortfolioRollup.RankedAction a = all.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", String.valueOf(i + 1));
            row.put("subject", a.subject());
            row.put("action", a.action().replace('_', ' '));
            row.put("actionClass", a.action().toLowerCase(Locale.ROOT));
            row.put("gain", Formats.money(a.npvGainAtHurdle(), ccy));
            rows.add(row);
        }
        model.put("actions", rows);
        if (all.size() > ROWS) {
            double gain = 0;
            for (PortfolioRollup.RankedAction a : all.subList(ROWS, all.size())) {
                gain += a.npvGainAtHurdle();
            }
            Map<String, Object> more = new LinkedHashMap<>();
            more.put("count", String.format(Locale.US, "%,d", all.size() - ROWS));
            more.put("gain", Formats.money(gain, ccy));
            more.put("caption", String.format(Locale.US, "Shown: the %,d changes with the largest gain; the other %,d, their gains"
                    + " added up in the line \"more\", are ranked in %s.", ROWS, all.size() - ROWS, context.sheet(PORTFOLIO_SHEET)));
            model.put("actionsMore", more);
        }
    }

    /**
     * Clusters grouped by what their decision does with capital (commit, keep, free, not commit), each group by the
     * decision's gain over its alternative, largest first; every figure in the sentence is a named roll-up figure.
     */
    private static List<Map<String, Object>> ranking(PortfolioAnalysis portfolio, MemoContext context, String ccy) {
        PortfolioRollup rollup = portfolio.rollup();
        Map<String, ClusterUse> uses = new HashMap<>();
        portfolio.clusters().forEach(c -> uses.put(c.cluster().id(), c.cluster().use()));
        List<PortfolioRollup.ClusterPosition> sorted = new ArrayList<>(rollup.clusters());
        sorted.sort(Comparator.comparing(PortfolioRollup.ClusterPosition::role)
                .thenComparing(Comparator.comparingDouble((PortfolioRollup.ClusterPosition p) -> p.gainOverAlternative().orElse(0))
                        .reversed())
                .thenComparing(PortfolioRollup.ClusterPosition::id));
        boolean cut = sorted.size() > ROWS;
        List<Map<String, Object>> rows = new ArrayList<>();
        List<PortfolioRollup.ClusterPosition> rest = new ArrayList<>();
        int rank = 1;
        int inGroup = 0;
        for (PortfolioRollup.ClusterPosition p : sorted) {
            if (rank > 1 && p.role() != sorted.get(rank - 2).role()) {
                moreOfGroup(rows, rest, context, ccy);
                inGroup = 0;
            }
            inGroup++;
            if (cut && inGroup > RANKING_ROWS_PER_GROUP) {
                rest.add(p);
                rank++;
                continue;
            }
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
        moreOfGroup(rows, rest, context, ccy);
        return rows;
    }

    /**
     * The line "more" of a ranking group cut short: how many, their capital and value from today added up, and their gain
     * over the alternative added up when every one of them has one ("n/a" otherwise); empties {@code rest}.
     */
    private static void moreOfGroup(List<Map<String, Object>> rows, List<PortfolioRollup.ClusterPosition> rest, MemoContext context,
                                    String ccy) {
        if (rest.isEmpty()) {
            return;
        }
        double capital = 0;
        double value = 0;
        double gain = 0;
        boolean everyGain = true;
        for (PortfolioRollup.ClusterPosition p : rest) {
            capital += p.capital();
            value += p.valueOfDecision();
            gain += p.gainOverAlternative().orElse(0);
            everyGain &= p.gainOverAlternative().isPresent();
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("more", "true");
        row.put("rank", "");
        row.put("id", String.format(Locale.US, "%,d more", rest.size()));
        row.put("decision", "");
        row.put("decisionClass", "");
        row.put("capital", Formats.money(capital, ccy));
        row.put("value", Formats.money(value, ccy));
        row.put("gain", everyGain ? Formats.money(gain, ccy) : "n/a");
        row.put("verdict", switch (rest.get(0).role()) {
            case COMMIT -> "more clusters to commit capital to";
            case KEEP -> "more clusters keeping capital invested";
            case FREE -> "more clusters to free capital from";
            case NOT_COMMIT -> "more clusters not to commit capital to";
        } + ", each in " + context.sheet(SUMMARY_SHEET));
        rows.add(row);
        rest.clear();
    }
}
