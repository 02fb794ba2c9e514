package gpuroi.report;

import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.ClusterMetrics;
import gpuroi.engine.Decisions;
import gpuroi.engine.HoldFigures;
import gpuroi.engine.LessorBilling;
import gpuroi.engine.OwnUseComparison;
import gpuroi.engine.SensitivityFigures;
import gpuroi.engine.StartPriceMargin;
import gpuroi.engine.Tornado;
import gpuroi.engine.MonthlyCashFlow;
import gpuroi.engine.RiskProfile;
import gpuroi.engine.Sensitivity;
import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.ClusterUse;
import gpuroi.model.Formats;
import gpuroi.model.Lease;
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

    /**
     * The template's values; the charts it names ({@code chart:price}, {@code chart:cashflow}, {@code chart:tornado}) are put
     * in {@code charts}. {@code figures} are the cluster's sensitivity figures as the pipeline computed them. With a risk
     * profile the template also gets {@code risk} (absent otherwise, so {@code <#if risk??>}) and the charts
     * {@code chart:npvDistribution} and, when some path has a single IRR, {@code chart:irrDistribution}.
     */
    static Map<String, Object> of(ClusterAnalysis analysis, SensitivityFigures figures, Optional<RiskProfile> risk,
                                  Assumptions assumptions, MemoContext context, Paper paper, Map<String, JFreeChart> charts) {
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
        if (cluster.status() == ClusterStatus.PLANNED) {
            model.put("basis", basis(analysis, assumptions));
        }
        charts.put("price", MemoCharts.pricePathAgainstCost(analysis, currency));
        charts.put("cashflow", MemoCharts.cumulativeCashFlow(analysis, currency));
        model.put("priceChart", ChartElements.SCHEME + "price");
        model.put("cashFlowChart", ChartElements.SCHEME + "cashflow");
        chartLabels(model, analysis, assumptions);
        boolean ownUse = figures.ownUse().isPresent();
        model.put("sensitivity", HeatMaps.startPriceByUtilization(figures, assumptions));
        figures.declineByCapex().ifPresent(decline -> model.put("declineCapex", HeatMaps.declineByCapex(decline, assumptions, ownUse)));
        // The sheet's tornado moves the investment's NPV; an own-use memo's moves the figure its BUY or RENT turns on.
        model.put("tornado", figures.ownUse()
                .map(own -> TornadoSection.of(own.tornado(), Tornado.Measure.OWN_USE_SAVING, m.ownUse().savingFromOwning(), assumptions, charts))
                .orElseGet(() -> TornadoSection.of(figures.tornado(), figures.measure(), figures.base(), assumptions, charts)));
        model.put("lessorContracts", lessorContracts(analysis, currency));
        model.put("assumptions", AssumptionSources.rows(analysis, assumptions, context.notes()));
        model.put("warnings", AssumptionSources.warnings(cluster, context.notes()));
        model.put("marketContext", marketContext(analysis, currency));
        risk.ifPresent(r -> model.put("risk", RiskSection.cluster(r, analysis, assumptions, charts)));
        return model;
    }

    /**
     * The price and cash-flow charts' headings and captions: an owned cluster's run from its purchase, so they say
     * {@value #SINCE_PURCHASE} and where the valuation date parts the realized months from the ones that decide.
     */
    private static void chartLabels(Map<String, Object> model, ClusterAnalysis analysis, Assumptions a) {
        boolean owned = analysis.metrics().hold().isPresent();
        boolean bought = owned && analysis.schedule().offsetMonths() < 0;
        String valuation = String.valueOf(a.valuationDate());
        model.put("priceChartTitle", "Rental price against the cost of owning" + (owned ? ", " + SINCE_PURCHASE : ""));
        model.put("cashFlowChartTitle", "Cumulative cash flow" + (owned ? ", " + SINCE_PURCHASE : ""));
        String split = bought
                ? " The dashed line marks the valuation date (" + valuation + "): months to its left are realized, months to its"
                + " right expected; only those from the valuation date on decide HOLD or RESELL (see Key figures)."
                : "";
        model.put("priceChartCaption", "Monthly rental price on the cluster's path from its start"
                + (owned ? ", and the levelized cost of a utilized GPU-hour since purchase, capex already spent included: a"
                + " whole-life figure, not the hold decision's." : ", against the levelized cost of a utilized GPU-hour.") + split);
        model.put("cashFlowChartCaption", "Undiscounted net cash flow summed month by month from the start"
                + (owned ? ", the purchase included: a whole-life view, not the hold decision's." : ", the purchase first.")
                + (analysis.metrics().paybackMonths().isPresent() ? " The green line marks payback"
                + (owned ? " since purchase." : ".") : "") + split);
    }

    /** The position of the cluster's own value on a grid axis (the middle when it is not there exactly). */
    private static int baseIndex(List<Double> axis, double value) {
        int exact = axis.indexOf(value);
        return exact >= 0 ? exact : axis.size() / 2;
    }

    /** The label of a whole-life figure of an owned cluster, which includes its history and decides nothing. */
    static final String SINCE_PURCHASE = "since purchase (realized + expected)";

    /**
     * An owned cluster's figures: first the forward ones its HOLD/RESELL decision rests on, then the whole-life ones,
     * each labelled {@value #SINCE_PURCHASE}.
     */
    private static List<Map<String, Object>> ownedMetrics(ClusterAnalysis analysis, HoldFigures hold, Assumptions a) {
        ClusterMetrics m = analysis.metrics();
        Cluster cluster = analysis.cluster();
        String ccy = a.currency();
        String hurdle = Formats.percent(a.hurdleRate(), 1);
        List<Map<String, Object>> rows = new ArrayList<>();
        if (hold.lifeEnded()) {
            row(rows, "Value of holding, at " + hurdle, Formats.money(0, ccy),
                    "useful life ended on " + hold.lifeEndedOn().orElseThrow() + ": nothing left to hold");
            row(rows, "Residual, booked as its sale at the end of life", Formats.money(m.residualValue(), ccy), "realized; not sold again");
        } else {
            row(rows, "Value of holding, at " + hurdle, Formats.money(hold.holdValue(), ccy),
                    "from " + a.valuationDate() + ": remaining rent less costs, plus residual"
                            + (hold.capexStillDue() > 0 ? ", less " + Formats.money(hold.capexStillDue(), ccy) + " capex still due" : ""));
            row(rows, "Sale now, net of fees", hold.saleValue().isPresent() ? Formats.money(hold.saleValue().getAsDouble(), ccy)
                    : "no secondary price", hold.saleValue().isPresent() ? "less the " + Formats.percent(a.resaleFee(), 1) + " resale fee"
                    : "not assessed: the Fleet sheet gives no secondary price per GPU");
            // Without a sale price the break-evens are where holding is worth nothing (selling at any price would then win).
            String meet = hold.saleValue().isPresent() ? "hold = sale" : "hold value = 0";
            if (hold.saleValue().isPresent()) {
                row(rows, "Holding less selling", Formats.money(hold.holdMinusSale(), ccy), hold.holdWins() ? "HOLD" : "RESELL");
            }
            row(rows, "IRR of holding", hold.holdIrr().display(1),
                    hold.holdIrr().note().isEmpty() ? "the sale proceeds forgone, then the flows still to come" : hold.holdIrr().note());
            row(rows, "Break-even start price, " + meet, perHour(hold.breakEvenStartPrice(), ccy),
                    "assumed start price " + Formats.price(cluster.startPricePerGpuHour(), ccy) + "/GPU-hr, path shape fixed");
            row(rows, "Break-even utilization, " + meet, percentOr(hold.breakEvenUtilization(), "n/a"),
                    "assumed " + Formats.percent(cluster.utilization(), 0));
            row(rows, "Break-even secondary price per GPU", hold.breakEvenSecondaryPrice().isPresent()
                            ? Formats.money(hold.breakEvenSecondaryPrice().getAsDouble(), ccy) : "n/a",
                    "before the resale fee; selling wins above it");
        }
        row(rows, "Capex", Formats.money(m.totalCapex(), ccy), Formats.money(cluster.capexPerGpu(), ccy) + " per GPU × "
                + cluster.gpuCount() + (hold.capexStillDue() > 0 ? ", due " + analysis.schedule().startDate() : ", paid (sunk)"));
        row(rows, "IRR " + SINCE_PURCHASE, m.irr().display(1), m.irr().note());
        row(rows, "NPV at " + hurdle + " " + SINCE_PURCHASE, Formats.money(m.npvAtHurdle(), ccy),
                "history compounded to " + a.valuationDate() + "; decides nothing");
        row(rows, "Payback " + SINCE_PURCHASE, monthsOr(m.paybackMonths()), "discounted: " + monthsOr(m.discountedPaybackMonths()));
        row(rows, "MOIC " + SINCE_PURCHASE, m.moic().isPresent() ? String.format(Locale.US, "%.2f×", m.moic().getAsDouble()) : "n/a",
                "annualized total return (the source article's measure, not an IRR): " + percentOr(m.annualizedTotalReturn(), "n/a"));
        taxAndLoanRows(rows, analysis, a, " " + SINCE_PURCHASE);
        return rows;
    }

    /**
     * The after-tax and equity views, when the assumptions give a tax rate or a loan: whole-life figures beside the
     * pre-tax, unlevered ones that decide ({@code label} marks an owned cluster's as since purchase).
     */
    private static void taxAndLoanRows(List<Map<String, Object>> rows, ClusterAnalysis analysis, Assumptions a, String label) {
        String ccy = a.currency();
        String hurdle = Formats.percent(a.hurdleRate(), 1);
        analysis.afterTax().ifPresent(t -> {
            String basis = "tax " + Formats.percent(t.taxRate(), 1) + ", depreciation over " + t.depreciationMonths() + " months"
                    + "; the pre-tax figures decide";
            row(rows, "After-tax IRR" + label, t.irr().display(1), basis);
            row(rows, "After-tax NPV at " + hurdle + " hurdle" + label, Formats.money(t.npvAtHurdle(), ccy), basis);
        });
        analysis.leverage().ifPresent(l -> {
            String basis = "loan " + Formats.money(l.loan(), ccy) + ", " + Formats.money(l.monthlyPayment(), ccy)
                    + " a month over " + l.termMonths() + " months" + "; the unlevered figures decide";
            row(rows, "Equity IRR (with the loan)" + label, l.equityIrr().display(1), basis);
            row(rows, "Equity NPV at " + hurdle + " hurdle" + label, Formats.money(l.equityNpvAtHurdle(), ccy), basis);
        });
    }

    private static List<Map<String, Object>> metrics(ClusterAnalysis analysis, Assumptions a) {
        ClusterMetrics m = analysis.metrics();
        if (m.hold().isPresent()) {
            return ownedMetrics(analysis, m.hold().get(), a);
        }
        Cluster cluster = analysis.cluster();
        String ccy = a.currency();
        String hurdle = Formats.percent(a.hurdleRate(), 1);
        List<Map<String, Object>> rows = new ArrayList<>();
        boolean ownUse = cluster.judgedForOwnUse();
        if (ownUse) {
            ownUseRows(rows, analysis, a);
        }
        // For own use the investment's figures follow, each labelled as the view that does not decide.
        String view = ownUse ? " " + INVESTMENT_VIEW : "";
        row(rows, "Capex", Formats.money(m.totalCapex(), ccy), Formats.money(cluster.capexPerGpu(), ccy) + " per GPU × " + cluster.gpuCount());
        row(rows, "IRR (annualized from monthly flows)" + view, m.irr().display(1), ownUse
                ? "renting the hours out: the other view, which does not decide" + (m.irr().note().isEmpty() ? "" : "; " + m.irr().note())
                : m.irr().note());
        row(rows, "NPV at " + hurdle + " hurdle" + view, Formats.money(m.npvAtHurdle(), ccy), "valued at " + a.valuationDate()
                + (ownUse && a.marketplaceFee() > 0 ? "; revenue net of the " + Formats.percent(a.marketplaceFee(), 1) + " marketplace fee" : ""));
        if (a.discountRate() != a.hurdleRate()) {
            row(rows, "NPV at " + Formats.percent(a.discountRate(), 1) + " discount rate" + view, Formats.money(m.npv(), ccy), "");
        }
        row(rows, "MIRR" + view, percentOr(m.mirr(), "n/a"), "finance and reinvestment at the discount rate");
        row(rows, "Payback" + view, monthsOr(m.paybackMonths()), "discounted: " + monthsOr(m.discountedPaybackMonths()));
        row(rows, "MOIC" + view, m.moic().isPresent() ? String.format(Locale.US, "%.2f×", m.moic().getAsDouble()) : "n/a",
                "annualized total return (the source article's measure, not an IRR): " + percentOr(m.annualizedTotalReturn(), "n/a"));
        row(rows, "Levelized cost per utilized GPU-hr" + view, perHour(m.levelizedCostPerGpuHour(), ccy),
                "against a levelized rental price of " + perHour(m.levelizedPricePerGpuHour(), ccy)
                        + (a.marketplaceFee() > 0 ? " net of the " + Formats.percent(a.marketplaceFee(), 1) + " marketplace fee" : ""));
        row(rows, "Break-even start price, NPV at " + hurdle + " = 0" + view, perHour(m.breakEvenStartPrice(), ccy),
                "assumed start price " + Formats.price(cluster.startPricePerGpuHour(), ccy) + "/GPU-hr");
        row(rows, "Break-even start price, IRR = 0" + view, perHour(m.breakEvenStartPriceZeroIrr(), ccy), "");
        row(rows, "Break-even utilization" + view, percentOr(m.breakEvenUtilization(), "n/a"),
                "assumed " + Formats.percent(cluster.utilization(), 0));
        taxAndLoanRows(rows, analysis, a, view);
        return rows;
    }

    /** The label of an own-use cluster's investment figures: shown beside the own-use ones, deciding nothing. */
    static final String INVESTMENT_VIEW = "(as an investment)";

    /**
     * The figures an own-use BUY or RENT rests on, first: the present costs of owning and of renting the same GPU-hours
     * at the hurdle, the saving, the levelized costs and the break-evens at which owning and renting cost the same.
     */
    private static void ownUseRows(List<Map<String, Object>> rows, ClusterAnalysis analysis, Assumptions a) {
        OwnUseComparison own = analysis.metrics().ownUse();
        Cluster cluster = analysis.cluster();
        String ccy = a.currency();
        String hurdle = Formats.percent(a.hurdleRate(), 1);
        String hours = String.format(Locale.US, "%,.0f", own.gpuHours());
        row(rows, "Present cost of owning the GPU-hours, at " + hurdle, Formats.money(own.costToOwn(), ccy),
                "capex, power and other opex, less residual" + (analysis.schedule().lessorContracts().isEmpty() ? "" : " and contract revenue")
                        + "; valued at " + a.valuationDate());
        row(rows, "Present cost of renting the same GPU-hours, at " + hurdle, Formats.money(own.costToRent(), ccy),
                hours + " GPU-hours on the cluster's price path; a renter pays no marketplace fee");
        row(rows, "Saving from owning (renting less owning)", Formats.money(own.savingFromOwning(), ccy),
                own.owningIsCheaper() ? "owning is cheaper: BUY" : "renting is cheaper: RENT");
        row(rows, "Cost of an owned GPU-hour", perHour(own.costToOwnPerGpuHour(), ccy),
                "against " + perHour(own.costToRentPerGpuHour(), ccy) + " rented (levelized at the hurdle)");
        row(rows, "Break-even start price, owning = renting", perHour(own.breakEvenStartPrice(), ccy),
                "assumed start price " + Formats.price(cluster.startPricePerGpuHour(), ccy) + "/GPU-hr");
        row(rows, "Break-even utilization, owning = renting", percentOr(own.breakEvenUtilization(), "n/a"),
                "assumed " + Formats.percent(cluster.utilization(), 0));
    }

    /** The contracts renting this cluster out, each with what it bills over the cluster's life. */
    private static List<Map<String, Object>> lessorContracts(ClusterAnalysis analysis, String ccy) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LessorBilling billing : LessorBilling.of(analysis.schedule())) {
            Lease lease = billing.contract();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", lease.contractId());
            row.put("counterparty", lease.counterparty().orElse("not given"));
            row.put("gpus", String.format(Locale.US, "%,d", lease.gpuCount()));
            row.put("rate", Formats.price(lease.ratePerGpuHour(), ccy) + "/GPU-hr");
            row.put("start", lease.startDate().toString());
            row.put("term", lease.termMonths() + " months");
            row.put("prepaid", Formats.percent(lease.prepaidShare(), 0));
            row.put("coveredMonths", String.valueOf(billing.coveredMonths()));
            row.put("revenue", Formats.money(billing.revenue(), ccy));
            rows.add(row);
        }
        return rows;
    }

    /**
     * BUY or RENT seen both ways, side by side: as an investment renting the hours out (NPV at the hurdle, IRR) and for
     * own use (present cost of owning the GPU-hours against renting them on the cluster's own path) and which one decides.
     * When they disagree, the reason above the table already ends with the engine's sentence saying why.
     */
    static Map<String, Object> basis(ClusterAnalysis analysis, Assumptions a) {
        ClusterMetrics m = analysis.metrics();
        OwnUseComparison own = m.ownUse();
        Cluster cluster = analysis.cluster();
        String ccy = a.currency();
        String hurdle = Formats.percent(a.hurdleRate(), 1);
        Map<String, Object> basis = new LinkedHashMap<>();
        basis.put("hurdle", hurdle);
        List<Map<String, Object>> views = new ArrayList<>();
        Map<String, Object> investment = new LinkedHashMap<>();
        investment.put("title", "Rent out: an investment selling the GPU-hours");
        investment.put("decision", Decisions.asInvestment(m).name());
        investment.put("deciding", cluster.use() == ClusterUse.RENT_OUT);
        investment.put("figures", "NPV " + Formats.money(m.npvAtHurdle(), ccy) + "; IRR " + m.irr().display(1));
        investment.put("fee", Formats.percent(a.marketplaceFee(), 1) + " of revenue: "
                + Formats.money(own.marketplaceFeeAtHurdle(), ccy));
        views.add(investment);
        Map<String, Object> ownUse = new LinkedHashMap<>();
        ownUse.put("title", "Own use: the GPU-hours replace renting them");
        ownUse.put("decision", Decisions.forOwnUse(m).name());
        ownUse.put("deciding", cluster.use() == ClusterUse.OWN_USE);
        ownUse.put("figures", "owning " + Formats.money(own.costToOwn(), ccy) + " against renting "
                + Formats.money(own.costToRent(), ccy) + " for " + String.format(Locale.US, "%,.0f", own.gpuHours()) + " GPU-hours");
        ownUse.put("fee", "none: a renter pays the market price");
        views.add(ownUse);
        basis.put("views", views);
        basis.put("use", cluster.use().label());
        basis.put("caption", "Present values at the " + hurdle + " hurdle, valued at " + a.valuationDate()
                + ", on the cluster's own price path (" + analysis.schedule().pricePath().describe(cluster.startPricePerGpuHour(), ccy)
                + "). The Fleet sheet's Use column (" + cluster.use().label() + ") sets the basis that decides.");
        return basis;
    }

    private static void row(List<Map<String, Object>> rows, String label, String value, String note) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("label", label);
        row.put("value", value);
        row.put("note", note == null ? "" : note);
        rows.add(row);
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
        analysis.schedule().impliedAnnualPriceChange().ifPresent(change -> text.append(" That is an implied average change of ")
                .append(Formats.percent(change, 1)).append(" a year, against the 40%-a-year falls seen in H100 rentals in 2023–2024."));
        // The break-evens of the basis that decides: an own-use memo never argues from the investment's, an owned
        // cluster's from its forward hold decision, never from the whole-life ones.
        boolean ownUse = cluster.judgedForOwnUse();
        OptionalDouble breakEvenPrice = ownUse ? m.ownUse().breakEvenStartPrice() : m.breakEvenStartPrice();
        OptionalDouble breakEvenUtilization = ownUse ? m.ownUse().breakEvenUtilization() : m.breakEvenUtilization();
        String met = ownUse ? " Owning the GPU-hours is cheaper than renting them from a start price of " : " The hurdle is met from a start price of ";
        String stops = ownUse ? " before renting becomes cheaper." : " before owning stops paying.";
        String clears = ownUse ? " for owning to be cheaper than renting." : " for owning to clear it.";
        Optional<StartPriceMargin> margin = StartPriceMargin.of(cluster.startPricePerGpuHour(), breakEvenPrice);
        if (m.hold().isPresent()) {
            holdContext(text, m.hold().get(), cluster, ccy);
        } else if (margin.isPresent()) {
            StartPriceMargin mg = margin.get();
            text.append(met).append(Formats.price(mg.breakEvenStartPrice(), ccy)).append("/GPU-hr; ");
            if (mg.clears()) {
                text.append("today's assumed ").append(Formats.price(mg.startPricePerGpuHour(), ccy))
                        .append(" could fall ").append(Formats.percent(mg.fallAllowed(), 1)).append(stops);
            } else {
                text.append("the market would have to pay ").append(Formats.percent(mg.riseNeeded(), 1)).append(" more than the assumed ")
                        .append(Formats.price(mg.startPricePerGpuHour(), ccy)).append(clears);
            }
        }
        if (m.hold().isEmpty() && breakEvenUtilization.isPresent()) {
            double u = breakEvenUtilization.getAsDouble();
            String assumed = " (assumed " + Formats.percent(cluster.utilization(), 0) + ")";
            if (u < 0) {
                // The contracts alone carry it: a negative utilization is no threshold to print.
                text.append(" At the assumed prices, any utilization would do").append(assumed).append('.');
            } else {
                text.append(" At the assumed prices, utilization must reach ").append(Formats.percent(u, 0)).append(assumed)
                        .append(u > 1 ? ", which no cluster can." : ".");
            }
        }
        return text.toString();
    }

    /** The owned cluster's margin to its HOLD/RESELL flip, from the valuation date on: what it could lose before selling wins. */
    private static void holdContext(StringBuilder text, HoldFigures hold, Cluster cluster, String ccy) {
        if (hold.lifeEnded()) {
            text.append(" Its useful life ended on ").append(hold.lifeEndedOn().orElseThrow())
                    .append(": every price above is realized, and none still to come can change the decision.");
            return;
        }
        OptionalDouble move = hold.startPriceMoveToFlip(cluster);
        if (move.isPresent() && hold.breakEvenStartPrice().getAsDouble() > 0) {
            String breakEven = Formats.price(hold.breakEvenStartPrice().getAsDouble(), ccy);
            boolean sale = hold.saleValue().isPresent();
            text.append(sale ? " Holding and selling are worth the same" : " Holding is worth nothing from the valuation date")
                    .append(" on the path starting at ").append(breakEven).append("/GPU-hr; ");
            if (hold.holdWins()) {
                text.append("every price from the valuation date on could fall ").append(Formats.percent(-move.getAsDouble(), 1))
                        .append(sale ? " before selling wins." : " before holding stops paying its running costs.");
            } else {
                text.append("every price from the valuation date on would have to be ").append(Formats.percent(move.getAsDouble(), 1))
                        .append(" higher for holding to win.");
            }
        } else if (move.isPresent() && hold.holdWins()) {
            text.append(" No market price would make selling win: the fixed revenue and residual alone are worth more than the sale.");
        }
        if (hold.breakEvenUtilization().isPresent()) {
            double u = hold.breakEvenUtilization().getAsDouble();
            String assumed = " (assumed " + Formats.percent(cluster.utilization(), 0) + ")";
            if (u < 0) {
                // Contracted revenue and residual alone decide it: a negative utilization is no threshold to print.
                text.append(hold.saleValue().isPresent() ? " At the assumed prices, holding beats selling at any utilization"
                        : " At the assumed prices, holding is worth something at any utilization").append(assumed).append('.');
            } else {
                text.append(hold.saleValue().isPresent() ? " At the assumed prices, holding and selling are worth the same at "
                                : " At the assumed prices, holding is worth nothing at ").append(Formats.percent(u, 0))
                        .append(" utilization").append(assumed).append(u > 1 ? ", which no cluster can reach." : ".");
            }
        }
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
