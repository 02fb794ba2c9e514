package gpuroi.report;

import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.Histogram;
import gpuroi.engine.PortfolioAnalysis;
import gpuroi.engine.RiskProfile;
import gpuroi.model.Assumptions;
import gpuroi.model.Formats;
import gpuroi.model.Sampler;
import org.jfree.chart.JFreeChart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Monte Carlo in words, figures and charts: a cluster memo's Risk section and the portfolio
 * memo's table of every cluster. Shares of paths are whole percents, with "under 1%" and "over 99%"
 * so that a rare outcome never reads as impossible or certain.
 */
final class RiskSection {
    /** A decision "holds" when it flips on at most this share of paths. */
    static final double HOLDS_WITHIN = 0.10;

    private RiskSection() {
    }

    /**
     * The cluster memo's {@code risk}: {@code sentence} (the odds), {@code npvLabel}, P5/P50/P95 of NPV
     * and IRR, {@code detail}, the NPV distribution chart and its caption, and the IRR distribution
     * chart and caption when some path has a single IRR ({@code irrChart} absent otherwise).
     */
    static Map<String, Object> cluster(RiskProfile r, ClusterAnalysis analysis, Assumptions a, Map<String, JFreeChart> charts) {
        String ccy = a.currency();
        String hurdle = Formats.percent(a.hurdleRate(), 1);
        String discount = Formats.percent(a.discountRate(), 1);
        String paths = count(r.paths());
        Map<String, Object> risk = new LinkedHashMap<>();
        if (r.holdValue().isPresent()) {
            // An owned cluster: the decision is forward; the NPV and IRR rows are whole-life, history the same on every path.
            RiskProfile.Percentiles hold = r.holdValue().get();
            risk.put("sentence", "Judged from the valuation date, the decision (" + r.baseDecision().name() + ") flips in "
                    + share(r.decisionFlipShare()) + " of " + paths + " paths. Since purchase (realized + expected; months before "
                    + a.valuationDate() + " are realized and the same on every path), " + odds(r, a, analysis.metrics().totalCapex() > 0)
                    + " and the cluster loses money in " + share(r.probabilityOfLoss()) + ".");
            risk.put("npvLabel", "NPV at " + discount + " discount rate, since purchase (realized + expected)");
            risk.put("irrLabel", "IRR since purchase (realized + expected)");
            risk.put("npvTitle", "Distribution of NPV since purchase (realized + expected) over the paths");
            risk.put("irrTitle", "Distribution of IRR since purchase (realized + expected) over the paths");
            risk.put("holdLabel", "Value of holding at the " + hurdle + " hurdle, from " + a.valuationDate());
            risk.put("holdP5", Formats.money(hold.p5(), ccy));
            risk.put("holdP50", Formats.money(hold.p50(), ccy));
            risk.put("holdP95", Formats.money(hold.p95(), ccy));
        } else if (analysis.cluster().judgedForOwnUse()) {
            // The paths' NPV and IRR are the investment's; the flips are counted on the own-use basis that decides.
            String view = " " + ClusterMemoModel.INVESTMENT_VIEW;
            risk.put("sentence", "For own use (owning the GPU-hours against renting them), the decision (" + r.baseDecision().name()
                    + ") flips in " + share(r.decisionFlipShare()) + " of " + count(r.paths()) + " paths. As an investment renting the"
                    + " hours out, the other view, " + odds(r, a, analysis.metrics().totalCapex() > 0) + " and the cluster loses money in "
                    + share(r.probabilityOfLoss()) + ".");
            risk.put("npvLabel", "NPV at " + discount + " discount rate" + view);
            risk.put("irrLabel", "IRR" + view);
            risk.put("npvTitle", "Distribution of NPV" + view + " over the paths");
            risk.put("irrTitle", "Distribution of IRR" + view + " over the paths");
        } else {
            risk.put("sentence", odds(r, a, analysis.metrics().totalCapex() > 0) + "; the cluster loses money in "
                    + share(r.probabilityOfLoss()) + " of paths, and the decision (" + r.baseDecision().name() + ") flips in "
                    + share(r.decisionFlipShare()) + ".");
            risk.put("npvLabel", "NPV at " + discount + " discount rate");
            risk.put("irrLabel", "IRR");
            risk.put("npvTitle", "Distribution of NPV over the paths");
            risk.put("irrTitle", "Distribution of IRR over the paths");
        }
        risk.put("npvP5", Formats.money(r.npv().p5(), ccy));
        risk.put("npvP50", Formats.money(r.npv().p50(), ccy));
        risk.put("npvP95", Formats.money(r.npv().p95(), ccy));
        risk.put("irrP5", percentOr(r.irr().p5(), "n/a"));
        risk.put("irrP50", percentOr(r.irr().p50(), "n/a"));
        risk.put("irrP95", percentOr(r.irr().p95(), "n/a"));
        risk.put("detail", "The hurdle is beaten where NPV at the " + hurdle + " hurdle is above 0, which for these flows (the purchase "
                + "first) is where the IRR is above it. Money is lost where the IRR is below 0% (where a path has no single IRR: where "
                + "its undiscounted flows sum below 0). Expected shortfall (mean NPV of the worst 5% of paths) "
                + Formats.money(r.expectedShortfallNpv(), ccy) + "; mean NPV " + Formats.money(r.meanNpv(), ccy) + ". "
                + runDescription(r) + "; the same seed gives the same figures.");
        charts.put("npvDistribution", MemoCharts.distribution(r.npvHistogram(), "NPV at the " + discount + " discount rate",
                MemoCharts.moneyFormat(ccy), 0, "NPV below 0", "NPV 0 or more",
                new double[] {r.npv().p5(), r.npv().p50(), r.npv().p95()},
                r.baseNpv(), "deterministic " + Formats.money(r.baseNpv(), ccy)));
        risk.put("npvChart", ChartElements.SCHEME + "npvDistribution");
        risk.put("npvCaption", "NPV at the " + discount + " discount rate over " + paths + " paths (" + samplerName(r.sampler())
                + ", seed " + r.seed() + "), in bins of " + Formats.money(r.npvHistogram().binWidth(), ccy)
                + "; red bars lose value at that rate. Dashed lines: P5 " + Formats.money(r.npv().p5(), ccy) + ", P50 "
                + Formats.money(r.npv().p50(), ccy) + ", P95 " + Formats.money(r.npv().p95(), ccy) + "; blue line: the deterministic NPV "
                + Formats.money(r.baseNpv(), ccy) + "." + tails(r.npvHistogram()));
        r.irrHistogram().ifPresent(h -> {
            OptionalDouble baseIrr = analysis.metrics().irr().annualRate();
            charts.put("irrDistribution", MemoCharts.distribution(h, "IRR", MemoCharts.percentFormat(), a.hurdleRate(),
                    "IRR below the " + hurdle + " hurdle", "IRR at or above it",
                    new double[] {r.irr().p5().orElse(Double.NaN), r.irr().p50().orElse(Double.NaN), r.irr().p95().orElse(Double.NaN)},
                    baseIrr.orElse(Double.NaN), baseIrr.isPresent() ? "deterministic " + Formats.percent(baseIrr.getAsDouble(), 1) : ""));
            risk.put("irrChart", ChartElements.SCHEME + "irrDistribution");
            risk.put("irrCaption", "IRR of the " + count(h.total()) + " paths with a single IRR"
                    + (r.pathsWithoutSingleIrr() > 0 ? " (" + count(r.pathsWithoutSingleIrr()) + " have none or several)" : "")
                    + ", in bins of " + Formats.percent(h.binWidth(), 1) + "; the black line is the " + hurdle
                    + " hurdle, dashed lines P5, P50 and P95, the blue line the deterministic IRR." + tails(h));
        });
        return risk;
    }

    /**
     * "IRR falls below the 10.0% hurdle in 71% of 1,000 paths", counted as NPV at the hurdle ≤ 0: the
     * same thing on every path with a single IRR when the purchase comes first (NPV then falls through
     * zero once, at the IRR). When some path has no single IRR the sentence is put on NPV instead.
     */
    static String odds(RiskProfile r, Assumptions a, boolean purchaseFirst) {
        String hurdle = Formats.percent(a.hurdleRate(), 1);
        String share = share(1 - r.probabilityOfBeatingHurdle());
        String paths = count(r.paths());
        return r.pathsWithoutSingleIrr() == 0 && purchaseFirst
                ? "IRR falls below the " + hurdle + " hurdle in " + share + " of " + paths + " paths"
                : "NPV at the " + hurdle + " hurdle is 0 or below in " + share + " of " + paths + " paths";
    }

    /**
     * The portfolio memo's {@code risk}: {@code rows} (per cluster: {@code id}, {@code decision},
     * {@code decisionClass}, {@code npvP5}, {@code npvP50}, {@code npvP95}, {@code lossShare},
     * {@code beatsHurdleShare}, {@code flipShare}), highest probability of loss first, the summary
     * {@code sentence}, the {@code run} (paths, sampler, seed) and the {@code caption}. Empty when no
     * cluster has a profile.
     */
    static Optional<Map<String, Object>> portfolio(PortfolioAnalysis portfolio, List<RiskProfile> risks) {
        Assumptions a = portfolio.assumptions();
        String ccy = a.currency();
        List<RiskProfile> profiles = new ArrayList<>();
        Set<String> owned = new HashSet<>();
        // By id, the first profile of each: a scan per cluster would be quadratic in a fleet of thousands.
        Map<String, RiskProfile> byId = new HashMap<>();
        risks.forEach(r -> byId.putIfAbsent(r.clusterId(), r));
        for (ClusterAnalysis c : portfolio.clusters()) {
            Optional.ofNullable(byId.get(c.cluster().id())).ifPresent(profiles::add);
            if (c.metrics().hold().isPresent()) {
                owned.add(c.cluster().id());
            }
        }
        if (profiles.isEmpty()) {
            return Optional.empty();
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < profiles.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -profiles.get(i).probabilityOfLoss())
                .thenComparingDouble(i -> profiles.get(i).npv().p5())
                .thenComparing(i -> profiles.get(i).clusterId()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i : order) {
            RiskProfile r = profiles.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            // An owned cluster's NPV and loss columns are since purchase, unlike the portfolio's forward totals: marked.
            row.put("id", r.clusterId() + (owned.contains(r.clusterId()) ? " *" : ""));
            row.put("decision", r.baseDecision().name());
            row.put("decisionClass", r.baseDecision().name().toLowerCase(Locale.ROOT));
            row.put("npvP5", Formats.money(r.npv().p5(), ccy));
            row.put("npvP50", Formats.money(r.npv().p50(), ccy));
            row.put("npvP95", Formats.money(r.npv().p95(), ccy));
            row.put("lossShare", share(r.probabilityOfLoss()));
            row.put("beatsHurdleShare", share(r.probabilityOfBeatingHurdle()));
            row.put("flipShare", share(r.decisionFlipShare()));
            rows.add(row);
        }
        Map<String, Object> risk = new LinkedHashMap<>();
        risk.put("rows", rows);
        risk.put("sentence", summary(profiles));
        risk.put("run", runDescription(profiles));
        risk.put("caption", "NPV at the " + Formats.percent(a.discountRate(), 1) + " discount rate: 5th, 50th and 95th percentile over the "
                + "paths. Loss: share of paths where the IRR is below 0% (no single IRR: the flows sum below 0). Beats hurdle: NPV at the "
                + Formats.percent(a.hurdleRate(), 1) + " hurdle above 0. Flips: share of paths on which the decision differs from the "
                + "one shown. Clusters with the highest odds of loss first. " + runDescription(profiles) + "."
                + (owned.isEmpty() ? "" : " * Owned: NPV, loss and beats hurdle since purchase (realized + expected, history the"
                        + " same on every path); its decision is judged from the valuation date, and flips in the share shown."));
        return Optional.of(risk);
    }

    /** How many decisions hold on at least 90% of paths, and the ones that do not, most fragile first. */
    static String summary(List<RiskProfile> profiles) {
        long holding = profiles.stream().filter(r -> r.decisionFlipShare() <= HOLDS_WITHIN).count();
        String within = Formats.percent(1 - HOLDS_WITHIN, 0);
        StringBuilder s = new StringBuilder();
        if (holding == profiles.size()) {
            s.append(profiles.size() == 1 ? "The cluster's decision holds" : "Every cluster's decision holds")
                    .append(" in at least ").append(within).append(" of paths.");
            return s.toString();
        }
        s.append(holding).append(" of ").append(profiles.size()).append(" clusters' decisions hold in at least ").append(within)
                .append(" of paths; ");
        List<RiskProfile> fragile = profiles.stream().filter(r -> r.decisionFlipShare() > HOLDS_WITHIN)
                .sorted(Comparator.comparingDouble(RiskProfile::decisionFlipShare).reversed().thenComparing(RiskProfile::clusterId))
                .toList();
        List<String> named = new ArrayList<>();
        for (RiskProfile r : fragile) {
            named.add(r.clusterId() + " (" + r.baseDecision().name() + ") flips in " + share(r.decisionFlipShare()));
        }
        return s.append(String.join(", ", named)).append('.').toString();
    }

    /** "1,000 plain Monte Carlo paths per cluster, seed 42", listing each value when clusters differ. */
    private static String runDescription(List<RiskProfile> profiles) {
        TreeSet<Integer> paths = new TreeSet<>();
        TreeSet<String> samplers = new TreeSet<>();
        TreeSet<Long> seeds = new TreeSet<>();
        for (RiskProfile r : profiles) {
            paths.add(r.paths());
            samplers.add(samplerName(r.sampler()));
            seeds.add(r.seed());
        }
        return String.join(" or ", paths.stream().map(RiskSection::count).toList()) + " paths per cluster, "
                + String.join(" or ", samplers) + ", seed " + String.join(" or ", seeds.stream().map(String::valueOf).toList());
    }

    private static String runDescription(RiskProfile r) {
        return count(r.paths()) + " paths of price and utilization (volatilities and ranges as the run set them: Assumptions,"
                + " Risk sheet or flags), " + samplerName(r.sampler())
                + ", seed " + r.seed();
    }

    static String samplerName(Sampler sampler) {
        return switch (sampler) {
            case MONTE_CARLO -> "plain Monte Carlo sampler";
            case LATIN_HYPERCUBE -> "Latin hypercube sampler";
        };
    }

    /** A share of paths as a whole percent; never "0%" for a few paths or "100%" for nearly all. */
    static String share(double fraction) {
        if (fraction > 0 && fraction < 0.005) {
            return "under 1%";
        }
        if (fraction < 1 && fraction >= 0.995) {
            return "over 99%";
        }
        return Formats.percent(fraction, 0);
    }

    private static String tails(Histogram h) {
        if (h.below() == 0 && h.above() == 0) {
            return "";
        }
        return " Not drawn, the outermost paths: " + count(h.below()) + " below and " + count(h.above()) + " above the range shown.";
    }

    static String count(int n) {
        return String.format(Locale.US, "%,d", n);
    }

    private static String percentOr(OptionalDouble value, String otherwise) {
        return value.isPresent() ? Formats.percent(value.getAsDouble(), 1) : otherwise;
    }
}
