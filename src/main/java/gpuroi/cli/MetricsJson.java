package gpuroi.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gpuroi.engine.ClusterMetrics;
import gpuroi.engine.Histogram;
import gpuroi.engine.IrrResult;
import gpuroi.engine.HoldFigures;
import gpuroi.engine.RiskProfile;
import gpuroi.engine.SensitivityFigures;
import gpuroi.engine.Tornado;

import java.util.List;
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
        m.hold().ifPresent(hold -> putHold(node, hold));
    }

    /**
     * An owned cluster's decision figures, from the valuation date ({@code holdValue}, {@code saleValue},
     * {@code holdMinusSale}, {@code holdIrr}, {@code breakEvenHoldStartPrice}, {@code breakEvenHoldUtilization},
     * {@code capexStillDue}, {@code lifeEndedOn}), and {@code wholeLifeBasis} saying what its irr, xirr, npv,
     * npvAtHurdle and NPV break-evens are: since purchase, realized + expected, deciding nothing.
     */
    static void putHold(ObjectNode node, HoldFigures hold) {
        node.put("decisionBasis", "forward from the valuation date: hold value at the hurdle against the sale net of fees");
        node.put("wholeLifeBasis", "since purchase (realized + expected)");
        node.put("holdValue", hold.holdValue());
        putOptional(node, "saleValue", hold.saleValue());
        node.put("holdMinusSale", hold.holdMinusSale());
        putIrr(node, "holdIrr", hold.holdIrr());
        putOptional(node, "breakEvenHoldStartPrice", hold.breakEvenStartPrice());
        putOptional(node, "breakEvenHoldUtilization", hold.breakEvenUtilization());
        node.put("capexStillDue", hold.capexStillDue());
        hold.lifeEndedOn().ifPresentOrElse(d -> node.put("lifeEndedOn", d.toString()), () -> node.putNull("lifeEndedOn"));
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
        putHoldRisk(node, r);
        putHistogram(node.putObject("npvHistogram"), r.npvHistogram());
        r.irrHistogram().ifPresentOrElse(h -> putHistogram(node.putObject("irrHistogram"), h), () -> node.putNull("irrHistogram"));
    }

    /** An owned cluster's hold value over the paths ({@code holdValueP5}…); its NPV and IRR percentiles are since purchase. */
    static void putHoldRisk(ObjectNode node, RiskProfile r) {
        r.holdValue().ifPresent(hold -> {
            node.put("holdValueP5", hold.p5());
            node.put("holdValueP50", hold.p50());
            node.put("holdValueP95", hold.p95());
        });
    }

    /** Bin i spans [lowerEdge + i·binWidth, lowerEdge + (i+1)·binWidth); below + Σ counts + above = the paths. */
    static void putHistogram(ObjectNode node, Histogram h) {
        node.put("lowerEdge", h.lowerEdge());
        node.put("binWidth", h.binWidth());
        ArrayNode counts = node.putArray("counts");
        h.counts().forEach(counts::add);
        node.put("below", h.below());
        node.put("above", h.above());
    }

    /**
     * A cluster's {@code sensitivity}: NPV at the hurdle ({@code npvAtHurdle[row][column]}) and IRR ({@code null}
     * where there is none) over {@code startPrices} (columns) × {@code utilizations} (rows), the break-even start
     * price of each row, and for a planned cluster {@code declineByCapex}; {@code null} where a figure does not exist.
     */
    static void putSensitivity(ObjectNode node, SensitivityFigures figures) {
        SensitivityFigures.StartPriceByUtilization grid = figures.startPriceByUtilization();
        doubles(node.putArray("startPrices"), grid.startPrices());
        doubles(node.putArray("utilizations"), grid.utilizations());
        ArrayNode npv = node.putArray("npvAtHurdle");
        grid.npvAtHurdle().forEach(row -> doubles(npv.addArray(), row));
        ArrayNode irr = node.putArray("irr");
        for (List<IrrResult> row : grid.irr()) {
            ArrayNode cells = irr.addArray();
            row.forEach(cell -> optional(cells, cell.annualRate()));
        }
        ArrayNode breakEven = node.putArray("breakEvenPrice");
        grid.breakEvenStartPrice().forEach(price -> optional(breakEven, price));
        node.put("baseRow", grid.baseRow());
        node.put("baseColumn", grid.baseColumn());
        figures.declineByCapex().ifPresentOrElse(d -> {
            ObjectNode decline = node.putObject("declineByCapex");
            doubles(decline.putArray("annualDeclines"), d.annualDeclines());
            doubles(decline.putArray("capexPerGpu"), d.capexPerGpu());
            ArrayNode cells = decline.putArray("npvAtHurdle");
            d.npvAtHurdle().forEach(row -> doubles(cells.addArray(), row));
            ArrayNode capex = decline.putArray("breakEvenCapexPerGpu");
            d.breakEvenCapexPerGpu().forEach(c -> optional(capex, c));
        }, () -> node.putNull("declineByCapex"));
    }

    /** The tornado's bars, widest first: {@code input}, {@code base}, {@code low}, {@code high}, NPVs at the hurdle and the swing. */
    static void putTornado(ArrayNode bars, List<Tornado.Bar> tornado) {
        for (Tornado.Bar bar : tornado) {
            ObjectNode b = bars.addObject();
            b.put("input", bar.input().name());
            b.put("base", bar.base());
            b.put("low", bar.low());
            b.put("high", bar.high());
            b.put("npvAtLow", bar.npvAtLow());
            b.put("npvAtHigh", bar.npvAtHigh());
            b.put("swing", bar.swing());
        }
    }

    private static void doubles(ArrayNode array, List<Double> values) {
        values.forEach(array::add);
    }

    private static void optional(ArrayNode array, OptionalDouble value) {
        if (value.isPresent()) {
            array.add(value.getAsDouble());
        } else {
            array.addNull();
        }
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
