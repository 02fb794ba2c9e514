package gpuroi.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.RiskProfile;
import gpuroi.engine.SensitivityFigures;
import gpuroi.pipeline.QuoteJob;
import gpuroi.engine.ClusterMetrics;
import gpuroi.engine.IrrResult;
import gpuroi.engine.MonthlyCashFlow;
import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.Formats;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Renders a quote as an aligned text table for people or as JSON for scripts. Text rounds for
 * reading (cents, one decimal of a percent); JSON keeps full precision, rates as annual fractions.
 */
final class QuoteReport {
    private static final int WRAP = 100;

    private final ClusterAnalysis analysis;
    private final List<ClusterAnalysis> articlePricePoints;
    private final boolean withSchedule;

    private final java.util.Optional<RiskProfile> risk;

    private final java.util.Optional<SensitivityFigures> figures;

    /** The report of a quote's result; {@link #json()} needs its sensitivity figures. */
    QuoteReport(QuoteJob.Result result, boolean withSchedule) {
        this.analysis = result.analysis();
        this.articlePricePoints = result.pricePoints();
        this.withSchedule = withSchedule;
        this.risk = result.risk();
        this.figures = result.figures();
    }

    private String riskText(RiskProfile r, String cur) {
        StringBuilder out = new StringBuilder("\n  Risk (Monte Carlo, ").append(String.format(Locale.ROOT, "%,d", r.paths()))
                .append(" paths, seed ").append(r.seed()).append(", ").append(r.sampler().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .append("; --volatility and the other risk flags, else the defaults of RiskInputs):\n");
        out.append("    NPV P5 / P50 / P95      ").append(Formats.money(r.npv().p5(), cur)).append(" / ")
                .append(Formats.money(r.npv().p50(), cur)).append(" / ").append(Formats.money(r.npv().p95(), cur)).append('\n');
        out.append("    IRR P5 / P50 / P95      ").append(percentOr(r.irr().p5(), "n/a")).append(" / ")
                .append(percentOr(r.irr().p50(), "n/a")).append(" / ").append(percentOr(r.irr().p95(), "n/a"));
        if (r.pathsWithoutSingleIrr() > 0) {
            out.append(" (").append(r.pathsWithoutSingleIrr()).append(" paths without a single IRR left out)");
        }
        out.append('\n');
        out.append("    Probability of loss     ").append(Formats.percent(r.probabilityOfLoss(), 1))
                .append(" (IRR < 0; NPV at 0% < 0 where a path has no single IRR)\n");
        out.append("    Beats the hurdle        ").append(Formats.percent(r.probabilityOfBeatingHurdle(), 1)).append(" (NPV at the hurdle > 0)\n");
        out.append("    Expected shortfall      ").append(Formats.money(r.expectedShortfallNpv(), cur)).append(" (mean NPV of the worst 5%)\n");
        out.append("    Decision flips          ").append(Formats.percent(r.decisionFlipShare(), 1)).append(" of paths away from ")
                .append(r.baseDecision()).append('\n');
        return out.toString();
    }

    String text() {
        Cluster c = analysis.cluster();
        Assumptions a = analysis.schedule().assumptions();
        ClusterMetrics m = analysis.metrics();
        String cur = a.currency();
        StringBuilder out = new StringBuilder();
        out.append("gpuroi quote: ").append(c.id()).append(" — ").append(c.gpuCount()).append(" × ").append(c.gpuModel())
                .append(", ").append(c.status().label().toLowerCase(Locale.ROOT))
                .append(c.status() == ClusterStatus.PLANNED ? ", basis: " + c.use().label() : "")
                .append(", valued at ").append(a.valuationDate()).append(" in ").append(cur).append("\n\n");
        out.append("  ").append(analysis.recommendation().decision()).append('\n');
        wrap(out, analysis.recommendation().reason(), "  ");
        out.append('\n');

        String hurdle = Formats.percent(a.hurdleRate(), 1);
        String discount = Formats.percent(a.discountRate(), 1);
        TextTable metrics = new TextTable(2, "Metric", "Value");
        // An owned cluster: the decision's figures first, from the valuation date; the whole-life ones after, so labelled.
        String since = m.hold().isPresent() ? ", since purchase" : "";
        m.hold().ifPresent(hold -> {
            if (hold.lifeEnded()) {
                metrics.row("Value of holding at " + hurdle, "nothing left to hold (life ended " + hold.lifeEndedOn().orElseThrow() + ")");
                return;
            }
            metrics.row("Value of holding at " + hurdle + " (from valuation date)", Formats.money(hold.holdValue(), cur));
            if (hold.capexStillDue() > 0) {
                metrics.row("  of which capex still due", Formats.money(-hold.capexStillDue(), cur));
            }
            metrics.row("Sale value now (after resale fee)", hold.saleValue().isPresent()
                    ? Formats.money(hold.saleValue().getAsDouble(), cur) : "not given");
            metrics.row("IRR of holding (sale forgone, then flows to come)", irrText(hold.holdIrr()));
            metrics.row("Start price at which hold = sale", priceOr(hold.breakEvenStartPrice(), cur));
            metrics.row("Utilization at which hold = sale", utilizationOr(hold.breakEvenUtilization()));
            metrics.row("Secondary price per GPU that flips HOLD/RESELL", priceOr(hold.breakEvenSecondaryPrice(), cur));
        });
        if (m.hold().isPresent()) {
            metrics.row("Since purchase (realized + expected):", "");
        }
        metrics.row("IRR (monthly flows, annualized" + since + ")", irrText(m.irr()));
        metrics.row("XIRR (dated flows, Act/365" + since + ")", irrText(m.xirr()));
        metrics.row("NPV at the " + discount + " discount rate" + since, Formats.money(m.npv(), cur));
        if (a.hurdleRate() != a.discountRate()) {
            metrics.row("NPV at the " + hurdle + " hurdle rate" + since, Formats.money(m.npvAtHurdle(), cur));
        }
        metrics.row("MIRR (finance and reinvest at " + discount + ")", percentOr(m.mirr(), "n/a"));
        metrics.row("Payback", monthsOr(m.paybackMonths()));
        metrics.row("Discounted payback at " + discount, monthsOr(m.discountedPaybackMonths()));
        metrics.row("MOIC (inflows after purchase / capex)", m.moic().isPresent() ? String.format(Locale.ROOT, "%.2f×", m.moic().getAsDouble()) : "n/a (no capex)");
        metrics.row("Annualized total return (article's measure)", percentOr(m.annualizedTotalReturn(), "n/a (lost more than the capex)"));
        metrics.row("Levelized cost per utilized GPU-hr at " + hurdle, priceOr(m.levelizedCostPerGpuHour(), cur));
        metrics.row("Levelized price per utilized GPU-hr (after fees)", priceOr(m.levelizedPricePerGpuHour(), cur));
        metrics.row("Break-even start price (NPV at " + hurdle + " = 0" + since + ")", priceOr(m.breakEvenStartPrice(), cur));
        metrics.row("Break-even start price (IRR = 0" + since + ")", priceOr(m.breakEvenStartPriceZeroIrr(), cur));
        metrics.row("Break-even utilization (NPV at " + hurdle + " = 0" + since + ")", utilizationOr(m.breakEvenUtilization()));
        if (c.status() == ClusterStatus.PLANNED) {
            metrics.row("Own use: present cost of owning the GPU-hours", Formats.money(m.ownUse().costToOwn(), cur));
            metrics.row("Own use: present cost of renting them (no fee)", Formats.money(m.ownUse().costToRent(), cur));
        }
        metrics.row("Capex / revenue / operating cost over life", Formats.money(m.totalCapex(), cur) + " / "
                + Formats.money(m.totalRevenue(), cur) + " / " + Formats.money(m.totalOperatingCost(), cur));
        out.append(metrics.render("  "));
        if (!m.irr().note().isEmpty()) {
            wrap(out, "* " + m.irr().note() + ".", "  ");
        }
        out.append('\n');

        TextTable inputs = new TextTable(2, "Input", "Value");
        inputs.row("GPUs × capex per GPU", c.gpuCount() + " × " + Formats.money(c.capexPerGpu(), cur) + " = " + Formats.money(c.totalCapex(), cur));
        inputs.row(c.status() == ClusterStatus.OWNED ? "Bought on" : "Starts on", analysis.schedule().startDate().toString());
        inputs.row("Useful life", Formats.plain(c.lifeYears()) + " years (" + c.lifeMonths() + " months), residual " + Formats.percent(c.residualShare(), 0) + " of capex");
        inputs.row("Utilization", Formats.percent(c.utilization(), 1) + " of 730 hours a month");
        inputs.row("Price path", analysis.schedule().pricePath().describe(c.startPricePerGpuHour(), cur));
        double powerPerGpuHour = c.powerKwPerGpu() * c.pue() * c.electricityPerKwh();
        inputs.row("Power", Formats.plain(c.powerKwPerGpu()) + " kW × PUE " + Formats.plain(c.pue()) + " × "
                + Formats.price(c.electricityPerKwh(), cur) + "/kWh = " + String.format(Locale.ROOT, "%s%.3f", Formats.currencyPrefix(cur), powerPerGpuHour)
                + "/GPU-hr, paid busy or idle");
        inputs.row("Other opex", Formats.price(c.otherOpexPerGpuMonth(), cur) + " per GPU-month");
        inputs.row("Marketplace fee", Formats.percent(a.marketplaceFee(), 1) + " of revenue");
        inputs.row("Discount / hurdle rate", discount + " / " + hurdle + " a year");
        if (c.secondaryPricePerGpu().isPresent()) {
            inputs.row("Secondary price", Formats.money(c.secondaryPricePerGpu().getAsDouble(), cur) + " per GPU, resale fee " + Formats.percent(a.resaleFee(), 1));
        }
        out.append(inputs.render("  "));

        if (!articlePricePoints.isEmpty()) {
            out.append("\n  The article's price points, same inputs:\n");
            TextTable points = new TextTable(1, "Start price", "True IRR", "Article's measure", "NPV at " + hurdle, "Decision");
            for (ClusterAnalysis point : articlePricePoints) {
                ClusterMetrics pm = point.metrics();
                points.row(Formats.price(point.cluster().startPricePerGpuHour(), cur) + "/hr", irrText(pm.irr()),
                        percentOr(pm.annualizedTotalReturn(), "n/a"), Formats.money(pm.npvAtHurdle(), cur),
                        point.recommendation().decision().name());
            }
            out.append(points.render("  "));
            out.append("  Break-even start price for the article's measure (= IRR 0): ")
                    .append(priceOr(m.breakEvenStartPriceZeroIrr(), cur)).append("/hr\n\n");
            wrap(out, "Why two returns? The article's \"IRR\" (10% at $2.85, 20%+ at $4.50, a loss below $1.65) is the "
                    + "annualized total return (Σ net inflows / capex)^(1/" + Formats.plain(c.lifeYears()) + ") − 1, which treats all "
                    + "the cash as if it arrived at the end of the life. The true IRR credits each monthly flow when it "
                    + "arrives, so it is much higher for the same inputs. Decisions here use NPV at the hurdle rate, "
                    + "which agrees with the true IRR.", "  ");
        }
        risk.ifPresent(r -> out.append(riskText(r, cur)));
        if (withSchedule) {
            out.append('\n').append(scheduleTable(cur));
        }
        return out.toString();
    }

    private String scheduleTable(String cur) {
        TextTable t = new TextTable(2, "Month", "Date", "Price/hr", "Revenue", "Power", "Other opex", "Capex", "Residual", "Net", "Cumulative", "Discounted");
        for (MonthlyCashFlow f : analysis.schedule().months()) {
            t.row(String.valueOf(f.month()), f.date().toString(), f.month() == 0 ? "" : String.format(Locale.ROOT, "%.4f", f.pricePerGpuHour()),
                    cents(f.revenue()), cents(f.power()), cents(f.otherOpex()), cents(f.capex()), cents(f.residual()),
                    cents(f.net()), cents(f.cumulative()), cents(f.discounted()));
        }
        return "  Monthly cash flows (" + cur + ", history before the valuation date included):\n" + t.render("  ");
    }

    String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        Cluster c = analysis.cluster();
        Assumptions a = analysis.schedule().assumptions();
        root.put("id", c.id());
        root.put("status", c.status().name().toLowerCase(Locale.ROOT));
        root.put("decision", analysis.recommendation().decision().name());
        root.put("reason", analysis.recommendation().reason());
        MetricsJson.put(root, analysis.metrics());
        MetricsJson.putUse(root, analysis);
        ObjectNode inputs = root.putObject("inputs");
        inputs.put("gpuModel", c.gpuModel());
        inputs.put("gpus", c.gpuCount());
        inputs.put("capexPerGpu", c.capexPerGpu());
        inputs.put("startDate", analysis.schedule().startDate().toString());
        inputs.put("lifeMonths", c.lifeMonths());
        inputs.put("residualShare", c.residualShare());
        inputs.put("utilization", c.utilization());
        inputs.put("startPricePerGpuHour", c.startPricePerGpuHour());
        inputs.put("pricePath", analysis.schedule().pricePath().spec());
        inputs.put("pricePathDescription", analysis.schedule().pricePath().describe(c.startPricePerGpuHour(), a.currency()));
        inputs.put("powerKwPerGpu", c.powerKwPerGpu());
        inputs.put("pue", c.pue());
        inputs.put("electricityPerKwh", c.electricityPerKwh());
        inputs.put("otherOpexPerGpuMonth", c.otherOpexPerGpuMonth());
        MetricsJson.putOptional(inputs, "secondaryPricePerGpu", c.secondaryPricePerGpu());
        inputs.put("valuationDate", a.valuationDate().toString());
        inputs.put("currency", a.currency());
        inputs.put("discountRate", a.discountRate());
        inputs.put("hurdleRate", a.hurdleRate());
        inputs.put("marketplaceFee", a.marketplaceFee());
        inputs.put("resaleFee", a.resaleFee());
        if (!articlePricePoints.isEmpty()) {
            ArrayNode points = root.putArray("articlePricePoints");
            for (ClusterAnalysis point : articlePricePoints) {
                ObjectNode p = points.addObject();
                p.put("startPricePerGpuHour", point.cluster().startPricePerGpuHour());
                p.put("decision", point.recommendation().decision().name());
                MetricsJson.put(p, point.metrics());
            }
        }
        risk.ifPresent(r -> {
            ObjectNode node = root.putObject("risk");
            node.put("paths", r.paths());
            node.put("seed", r.seed());
            node.put("sampler", r.sampler().name());
            node.put("npvP5", r.npv().p5());
            node.put("npvP50", r.npv().p50());
            node.put("npvP95", r.npv().p95());
            node.put("meanNpv", r.meanNpv());
            MetricsJson.putOptional(node, "irrP5", r.irr().p5());
            MetricsJson.putOptional(node, "irrP50", r.irr().p50());
            MetricsJson.putOptional(node, "irrP95", r.irr().p95());
            node.put("pathsWithoutSingleIrr", r.pathsWithoutSingleIrr());
            node.put("probabilityOfLoss", r.probabilityOfLoss());
            node.put("probabilityOfBeatingHurdle", r.probabilityOfBeatingHurdle());
            node.put("expectedShortfallNpv", r.expectedShortfallNpv());
            node.put("decisionFlipShare", r.decisionFlipShare());
            MetricsJson.putHoldRisk(node, r);
            MetricsJson.putHistogram(node.putObject("npvHistogram"), r.npvHistogram());
            r.irrHistogram().ifPresentOrElse(h -> MetricsJson.putHistogram(node.putObject("irrHistogram"), h),
                    () -> node.putNull("irrHistogram"));
        });
        SensitivityFigures figures = this.figures.orElseThrow(() -> new IllegalStateException("a JSON quote shows the sensitivity figures"));
        MetricsJson.putSensitivity(root.putObject("sensitivity"), figures);
        MetricsJson.putTornado(root.putArray("tornado"), figures.tornado());
        if (withSchedule) {
            ArrayNode months = root.putArray("months");
            for (MonthlyCashFlow f : analysis.schedule().months()) {
                ObjectNode row = months.addObject();
                row.put("month", f.month());
                row.put("date", f.date().toString());
                row.put("history", f.history());
                row.put("pricePerGpuHour", f.pricePerGpuHour());
                row.put("revenue", f.revenue());
                row.put("power", f.power());
                row.put("otherOpex", f.otherOpex());
                row.put("capex", f.capex());
                row.put("residual", f.residual());
                row.put("net", f.net());
                row.put("cumulative", f.cumulative());
                row.put("discounted", f.discounted());
            }
        }
        try {
            return mapper.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String irrText(IrrResult irr) {
        return irr.display(2) + (irr.note().isEmpty() ? "" : " *");
    }

    private static String percentOr(OptionalDouble value, String otherwise) {
        return value.isPresent() ? Formats.percent(value.getAsDouble(), 2) : otherwise;
    }

    private static String priceOr(OptionalDouble value, String currency) {
        return value.isPresent() ? Formats.price(value.getAsDouble(), currency) : "n/a";
    }

    private static String monthsOr(OptionalDouble value) {
        return value.isPresent() ? Formats.months(value.getAsDouble()) : "never";
    }

    private static String utilizationOr(OptionalDouble value) {
        if (value.isEmpty()) {
            return "n/a (no rent at this price)";
        }
        return Formats.percent(value.getAsDouble(), 1) + (value.getAsDouble() > 1 ? " (unreachable)" : "");
    }

    private static String cents(double value) {
        return value == 0 ? "" : String.format(Locale.ROOT, "%,.2f", value);
    }

    private static void wrap(StringBuilder out, String text, String indent) {
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > WRAP) {
                out.append(line).append('\n');
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        out.append(line).append('\n');
    }
}
