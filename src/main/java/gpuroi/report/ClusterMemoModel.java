package gpuroi.report;

import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.ClusterMetrics;
import gpuroi.engine.MonthlyCashFlow;
import gpuroi.engine.RiskProfile;
import gpuroi.engine.Sensitivity;
import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.Formats;
import gpuroi.model.PricePath;
import org.jfree.chart.JFreeChart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a cluster memo template sees: only maps, lists and strings, every figure already formatted
 * with {@link Formats}, so a template can neither compute nor reach into Java objects.
 */
final class ClusterMemoModel {
    private ClusterMemoModel() {
    }

    /** The template's values; the charts it names ({@code chart:price}, {@code chart:cashflow}) are put in {@code charts}. */
    static Map<String, Object> of(ClusterAnalysis analysis, Assumptions assumptions, MemoContext context, Paper paper,
                                  Map<String, JFreeChart> charts) {
        return of(analysis, Optional.empty(), assumptions, context, paper, charts);
    }

    /** As above; with a risk profile the template also gets {@code risk} (absent otherwise, so {@code <#if risk??>}). */
    static Map<String, Object> of(ClusterAnalysis analysis, Optional<RiskProfile> risk, Assumptions assumptions,
                                  MemoContext context, Paper paper, Map<String, JFreeChart> charts) {
        Cluster cluster = analysis.cluster();
        ClusterMetrics m = analysis.metrics();
        String currency = assumptions.currency();
        Map<String, Object> model = MemoCommon.header(assumptions, context, paper);
        model.put("title", "Investment memo: " + cluster.id());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", cluster.id());
        c.put("gpuModel", cluster.gpuModel());
        c.put("gpuCount", String.format(Locale.US, "%,d", cluster.gpuCount()));
        c.put("status", cluster.status().label());
        c.put("start", analysis.schedule().startDate().toString());
        model.put("cluster", c);
        model.put("decision", analysis.recommendation().decision().name());
        model.put("decisionClass", analysis.recommendation().decision().name().toLowerCase(Locale.ROOT));
        model.put("reason", analysis.recommendation().reason());
        model.put("metrics", metrics(analysis, assumptions));
        charts.put("price", MemoCharts.pricePathAgainstCost(analysis, currency));
        charts.put("cashflow", MemoCharts.cumulativeCashFlow(analysis, currency));
        model.put("priceChart", ChartElements.SCHEME + "price");
        model.put("cashFlowChart", ChartElements.SCHEME + "cashflow");
        model.put("sensitivity", sensitivity(Sensitivity.startPriceByUtilization(cluster, assumptions), assumptions,
                cluster.status() == ClusterStatus.OWNED && m.saleValueNow().isPresent()));
        model.put("assumptions", AssumptionSources.rows(analysis, assumptions, context.notes()));
        model.put("warnings", AssumptionSources.warnings(cluster, context.notes()));
        model.put("marketContext", marketContext(analysis, currency));
        risk.ifPresent(r -> model.put("risk", risk(r, assumptions)));
        return model;
    }

    /**
     * The Monte Carlo in words and figures: one sentence on the odds at the hurdle, then P5/P50/P95
     * of NPV (at the discount rate) and IRR, and the tail.
     */
    static Map<String, Object> risk(RiskProfile r, Assumptions a) {
        String ccy = a.currency();
        String paths = String.format(Locale.US, "%,d", r.paths());
        Map<String, Object> risk = new LinkedHashMap<>();
        double negative = 1 - r.probabilityOfBeatingHurdle();
        risk.put("sentence", "NPV at the " + Formats.percent(a.hurdleRate(), 1) + " hurdle is negative in "
                + Formats.percent(negative, 0) + " of " + paths + " paths (seed " + r.seed() + ").");
        risk.put("npvLabel", "NPV at " + Formats.percent(a.discountRate(), 1) + " discount rate");
        risk.put("npvP5", Formats.money(r.npv().p5(), ccy));
        risk.put("npvP50", Formats.money(r.npv().p50(), ccy));
        risk.put("npvP95", Formats.money(r.npv().p95(), ccy));
        risk.put("irrP5", percentOr(r.irr().p5(), "n/a"));
        risk.put("irrP50", percentOr(r.irr().p50(), "n/a"));
        risk.put("irrP95", percentOr(r.irr().p95(), "n/a"));
        risk.put("detail", "Probability of loss " + Formats.percent(r.probabilityOfLoss(), 0)
                + "; expected shortfall (mean NPV of the worst 5% of paths) " + Formats.money(r.expectedShortfallNpv(), ccy)
                + "; the decision differs from " + r.baseDecision().name() + " on " + Formats.percent(r.decisionFlipShare(), 0)
                + " of paths. " + paths + " " + r.sampler().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + " paths of price and utilization at the default volatilities, seed " + r.seed()
                + "; the same seed gives the same figures.");
        return risk;
    }

    private static List<Map<String, Object>> metrics(ClusterAnalysis analysis, Assumptions a) {
        ClusterMetrics m = analysis.metrics();
        Cluster cluster = analysis.cluster();
        String ccy = a.currency();
        String hurdle = Formats.percent(a.hurdleRate(), 1);
        List<Map<String, Object>> rows = new ArrayList<>();
        row(rows, "Capex", Formats.money(m.totalCapex(), ccy), Formats.money(cluster.capexPerGpu(), ccy) + " per GPU × " + cluster.gpuCount());
        row(rows, "IRR (annualized from monthly flows)", m.irr().display(1), m.irr().note());
        row(rows, "NPV at " + hurdle + " hurdle", Formats.money(m.npvAtHurdle(), ccy), "valued at " + a.valuationDate());
        if (a.discountRate() != a.hurdleRate()) {
            row(rows, "NPV at " + Formats.percent(a.discountRate(), 1) + " discount rate", Formats.money(m.npv(), ccy), "");
        }
        row(rows, "MIRR", percentOr(m.mirr(), "n/a"), "finance and reinvestment at the discount rate");
        row(rows, "Payback", monthsOr(m.paybackMonths()), "discounted: " + monthsOr(m.discountedPaybackMonths()));
        row(rows, "MOIC", m.moic().isPresent() ? String.format(Locale.US, "%.2f×", m.moic().getAsDouble()) : "n/a",
                "annualized total return (the source article's measure, not an IRR): " + percentOr(m.annualizedTotalReturn(), "n/a"));
        row(rows, "Levelized cost per utilized GPU-hr", perHour(m.levelizedCostPerGpuHour(), ccy),
                "against a levelized rental price of " + perHour(m.levelizedPricePerGpuHour(), ccy));
        row(rows, "Break-even start price, NPV at " + hurdle + " = 0", perHour(m.breakEvenStartPrice(), ccy),
                "assumed start price " + Formats.price(cluster.startPricePerGpuHour(), ccy) + "/GPU-hr");
        row(rows, "Break-even start price, IRR = 0", perHour(m.breakEvenStartPriceZeroIrr(), ccy), "");
        row(rows, "Break-even utilization", percentOr(m.breakEvenUtilization(), "n/a"),
                "assumed " + Formats.percent(cluster.utilization(), 0));
        if (cluster.status() == ClusterStatus.OWNED) {
            row(rows, "Value of holding, at " + hurdle, Formats.money(m.remainingValueAtHurdle(), ccy), "remaining flows and residual");
            row(rows, "Sale now, net of fees", m.saleValueNow().isPresent() ? Formats.money(m.saleValueNow().getAsDouble(), ccy) : "no secondary price",
                    m.breakEvenSecondaryPrice().isPresent()
                            ? "selling beats holding above " + Formats.money(m.breakEvenSecondaryPrice().getAsDouble(), ccy) + " per GPU"
                            : "");
        }
        return rows;
    }

    private static void row(List<Map<String, Object>> rows, String label, String value, String note) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("label", label);
        row.put("value", value);
        row.put("note", note == null ? "" : note);
        rows.add(row);
    }

    /**
     * A table of IRRs, each cell coloured by what decides: for a purchase, NPV at the hurdle rate
     * (green clears it); for an owned cluster that could be sold, holding's value less the sale
     * (green: keep it). Deeper colours are further from the point where the decision flips.
     */
    static Map<String, Object> sensitivity(Sensitivity.Grid grid, Assumptions a, boolean holdOrSell) {
        double[][] margin = new double[grid.utilizations().size()][grid.startPrices().size()];
        double maxAbs = 1;
        for (int r = 0; r < margin.length; r++) {
            for (int col = 0; col < margin[r].length; col++) {
                ClusterMetrics cell = grid.at(r, col);
                margin[r][col] = holdOrSell
                        ? cell.remainingValueAtHurdle() - cell.saleValueNow().orElse(0)
                        : cell.npvAtHurdle();
                maxAbs = Math.max(maxAbs, Math.abs(margin[r][col]));
            }
        }
        int centreRow = grid.utilizations().size() / 2;
        int centreColumn = grid.startPrices().size() / 2;
        List<String> headers = grid.startPrices().stream().map(p -> Formats.price(p, a.currency())).toList();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int r = grid.utilizations().size() - 1; r >= 0; r--) {
            List<Map<String, Object>> cells = new ArrayList<>();
            for (int col = 0; col < grid.startPrices().size(); col++) {
                ClusterMetrics cell = grid.at(r, col);
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("text", cell.irr().annualRate().isPresent() ? Formats.percent(cell.irr().annualRate().getAsDouble(), 1) : "—");
                c.put("npv", Formats.money(cell.npvAtHurdle(), a.currency()));
                c.put("color", heat(margin[r][col] / maxAbs));
                c.put("base", r == centreRow && col == centreColumn);
                cells.add(c);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("utilization", Formats.percent(grid.utilizations().get(r), 0));
            row.put("cells", cells);
            rows.add(row);
        }
        String hurdle = Formats.percent(a.hurdleRate(), 1);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("prices", headers);
        s.put("rows", rows);
        s.put("caption", "IRR for each start price (columns) and utilization (rows), everything else as assumed; "
                + (holdOrSell
                        ? "green cells: holding is worth more at the " + hurdle + " hurdle than selling now (HOLD), red cells: selling wins (RESELL); "
                        : "green cells clear the " + hurdle + " hurdle (NPV ≥ 0, BUY), red cells do not (RENT); ")
                + "deeper colours are further from the point where the decision flips. The outlined cell is the base case.");
        return s;
    }

    /** White at break-even, towards green for positive and red for negative NPV; {@code share} in −1..1. */
    private static String heat(double share) {
        double s = Math.max(-1, Math.min(1, share));
        double t = 0.25 + 0.75 * Math.sqrt(Math.abs(s));
        int[] target = s >= 0 ? new int[] {0x7b, 0xc4, 0x7f} : new int[] {0xe5, 0x73, 0x73};
        int[] rgb = new int[3];
        for (int k = 0; k < 3; k++) {
            rgb[k] = (int) Math.round(255 + (target[k] - 255) * t);
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
    }

    /** A few sentences built from this cluster's figures: the price path, its implied decline, the margin to break-even. */
    static String marketContext(ClusterAnalysis analysis, String ccy) {
        Cluster cluster = analysis.cluster();
        ClusterMetrics m = analysis.metrics();
        PricePath path = analysis.schedule().pricePath();
        List<MonthlyCashFlow> months = analysis.schedule().months();
        MonthlyCashFlow first = months.get(1);
        MonthlyCashFlow last = months.get(months.size() - 1);
        StringBuilder text = new StringBuilder();
        text.append("The memo assumes rental prices ").append(path.describe(cluster.startPricePerGpuHour(), ccy)).append(": ")
                .append(Formats.price(first.pricePerGpuHour(), ccy)).append("/GPU-hr in month 1 and ")
                .append(Formats.price(last.pricePerGpuHour(), ccy)).append(" in month ").append(last.month()).append('.');
        if (last.month() > 1 && first.pricePerGpuHour() > 0) {
            double years = (last.month() - 1) / 12.0;
            double change = Math.pow(last.pricePerGpuHour() / first.pricePerGpuHour(), 1 / years) - 1;
            text.append(" That is an implied average change of ").append(Formats.percent(change, 1))
                    .append(" a year, against the 40%-a-year falls seen in H100 rentals in 2023–2024.");
        }
        if (m.breakEvenStartPrice().isPresent() && cluster.startPricePerGpuHour() > 0) {
            double breakEven = m.breakEvenStartPrice().getAsDouble();
            double margin = cluster.startPricePerGpuHour() / breakEven - 1;
            text.append(" The hurdle is met from a start price of ").append(Formats.price(breakEven, ccy)).append("/GPU-hr; ");
            if (margin >= 0) {
                text.append("today's assumed ").append(Formats.price(cluster.startPricePerGpuHour(), ccy))
                        .append(" could fall ").append(Formats.percent(margin / (1 + margin), 1)).append(" before owning stops paying.");
            } else {
                text.append("the market would have to pay ").append(Formats.percent(-margin, 1)).append(" more than the assumed ")
                        .append(Formats.price(cluster.startPricePerGpuHour(), ccy)).append(" for owning to clear it.");
            }
        }
        if (m.breakEvenUtilization().isPresent()) {
            double u = m.breakEvenUtilization().getAsDouble();
            text.append(" At the assumed prices, utilization must reach ").append(Formats.percent(u, 0))
                    .append(u > 1 ? ", which no cluster can," : "").append(" (assumed ")
                    .append(Formats.percent(cluster.utilization(), 0)).append(").");
        }
        return text.toString();
    }

    private static String percentOr(OptionalDouble value, String otherwise) {
        return value.isPresent() ? Formats.percent(value.getAsDouble(), 1) : otherwise;
    }

    private static String monthsOr(OptionalDouble months) {
        return months.isPresent() ? Formats.months(months.getAsDouble()) : "never";
    }

    private static String perHour(OptionalDouble price, String ccy) {
        return price.isPresent() ? Formats.price(price.getAsDouble(), ccy) + "/GPU-hr" : "n/a";
    }
}
