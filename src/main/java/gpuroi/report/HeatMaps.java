package gpuroi.report;

import gpuroi.engine.IrrResult;
import gpuroi.engine.SensitivityFigures;
import gpuroi.engine.Tornado;
import gpuroi.model.Assumptions;
import gpuroi.model.Formats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.IntFunction;

/**
 * The sensitivity grids as heat maps for the template: XHTML tables rather than charts, so every
 * figure stays crisp, selectable text in print and costs no drawing. Each cell is coloured by the
 * figure that decides (NPV at the hurdle rate, or holding less selling for an owned cluster) in
 * three steps either side of zero, with round step edges the legend names; the break-even contour
 * is drawn as a line along the cell edges where that figure changes sign, and each row states its
 * exact break-even (start price, or capex per GPU) from the engine, which the line only brackets.
 */
final class HeatMaps {
    /** Light to deep: a figure below zero. */
    private static final String[] BELOW = {"#f9d9d9", "#f0a8a8", "#e06c6c"};
    /** Light to deep: a figure at zero or above. */
    private static final String[] ABOVE = {"#d9efda", "#a4d8a7", "#62b867"};

    private HeatMaps() {
    }

    /**
     * IRR by start price (columns) and utilization (rows, highest first), and per row the start price at which the
     * deciding figure is 0 at that utilization: NPV at the hurdle rate for a planned cluster, holding less selling for an
     * owned one, and for a planned cluster judged for own use the saving from owning (the cells then show that saving).
     * Every figure is the pipeline's ({@link SensitivityFigures}); this only lays them out.
     */
    static Map<String, Object> startPriceByUtilization(SensitivityFigures figures, Assumptions a) {
        String ccy = a.currency();
        SensitivityFigures.StartPriceByUtilization grid = figures.startPriceByUtilization();
        boolean holdOrSell = figures.measure() == Tornado.Measure.HOLD_MINUS_SALE;
        Optional<SensitivityFigures.OwnUse> own = figures.ownUse();
        boolean ownUse = own.isPresent();
        int rows = grid.utilizations().size();
        int columns = grid.startPrices().size();
        // Rows are shown highest utilization first, so display row d is grid row rows − 1 − d.
        double[][] margin = new double[rows][columns];
        for (int d = 0; d < rows; d++) {
            int row = rows - 1 - d;
            for (int col = 0; col < columns; col++) {
                margin[d][col] = ownUse ? own.get().savingFromOwning().get(row).get(col) : grid.npvAtHurdle().get(row).get(col);
            }
        }
        Bands bands = Bands.of(margin, ccy);
        List<Map<String, Object>> rowModels = new ArrayList<>();
        for (int d = 0; d < rows; d++) {
            int row = rows - 1 - d;
            List<Map<String, Object>> cellModels = new ArrayList<>();
            for (int col = 0; col < columns; col++) {
                Map<String, Object> c = ownUse ? savingCell(margin, d, col, bands, ccy)
                        : cell(grid.irr().get(row).get(col), margin[d][col], margin, d, col, bands, ccy);
                c.put("base", row == grid.baseRow() && col == grid.baseColumn());
                cellModels.add(c);
            }
            Map<String, Object> rowModel = new LinkedHashMap<>();
            rowModel.put("utilization", Formats.percent(grid.utilizations().get(row), 0));
            rowModel.put("cells", cellModels);
            rowModel.put("breakEven", perHour(ownUse ? own.get().breakEvenStartPrice().get(row) : grid.breakEvenStartPrice().get(row), ccy));
            rowModels.add(rowModel);
        }
        String hurdle = Formats.percent(a.hurdleRate(), 1);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("prices", grid.startPrices().stream().map(p -> Formats.price(p, ccy)).toList());
        s.put("rows", rowModels);
        s.put("tableClass", ownUse ? "heat small" : "heat");
        s.put("breakEvenHeader", holdOrSell ? "Hold = sale at" : ownUse ? "Own = rent at" : "NPV = 0 from");
        s.put("title", holdOrSell ? "Sensitivity: IRR of holding by start price and utilization"
                : ownUse ? "Sensitivity: saving from owning by start price and utilization"
                : "Sensitivity: IRR by start price and utilization");
        s.put("legendTitle", holdOrSell ? "Holding less selling now, at " + hurdle
                : ownUse ? "Renting less owning the GPU-hours, at " + hurdle : "NPV at the " + hurdle + " hurdle");
        s.put("legend", bands.legend());
        if (ownUse) {
            s.put("caption", "Saving from owning (the present cost of renting the same GPU-hours, gross, less that of owning them, at"
                    + " the " + hurdle + " hurdle) for each start price (columns) and utilization (rows), everything else as assumed;"
                    + " green cells: owning is cheaper (BUY for own use), red cells: renting is (RENT). The dark line runs where that"
                    + " flips; the right-hand column is the exact start price at which owning and renting cost the same at each"
                    + " utilization. Deeper colours are further from the point where the decision flips. The outlined cell is the"
                    + " base case.");
            return s;
        }
        s.put("caption", (holdOrSell ? "IRR of holding (the sale proceeds forgone, then the flows still to come)" : "IRR")
                + " for each start price (columns) and utilization (rows), everything else as assumed; "
                + (holdOrSell
                        ? "green cells: holding is worth more at the " + hurdle + " hurdle than selling now (HOLD), red cells: selling wins "
                                + "(RESELL). The dark line runs where that flips. The right-hand column is, at each utilization, the start "
                                + "price at which holding and selling are worth the same; only the months from the valuation date move. "
                        : "green cells clear the " + hurdle + " hurdle (NPV ≥ 0, BUY), red cells do not (RENT). The dark line is the "
                                + "break-even contour, where NPV at the hurdle changes sign; the right-hand column is the exact start "
                                + "price at which it is 0 at each utilization. ")
                + "Deeper colours are further from the point where the decision flips. The outlined cell is the base case.");
        return s;
    }

    /**
     * IRR by annual price decline (rows; the cluster's own path replaced by a steady decline) and
     * capex per GPU (columns), coloured by NPV at the hurdle rate, and per row the capex per GPU at
     * which that NPV is 0.
     */
    static Map<String, Object> declineByCapex(SensitivityFigures.DeclineByCapex grid, Assumptions a) {
        return declineByCapex(grid, a, false);
    }

    /**
     * As above; {@code ownUse} says the cluster is judged for own use, so the caption says plainly that this grid is the
     * investment's (renting the hours out, net of the fee) and decides nothing.
     */
    static Map<String, Object> declineByCapex(SensitivityFigures.DeclineByCapex grid, Assumptions a, boolean ownUse) {
        String ccy = a.currency();
        int rows = grid.annualDeclines().size();
        int columns = grid.capexPerGpu().size();
        double[][] margin = new double[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int col = 0; col < columns; col++) {
                margin[r][col] = grid.npvAtHurdle().get(r).get(col);
            }
        }
        Bands bands = Bands.of(margin, ccy);
        List<Map<String, Object>> rowModels = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            List<Map<String, Object>> cellModels = new ArrayList<>();
            for (int col = 0; col < columns; col++) {
                Map<String, Object> c = cell(grid.irr().get(r).get(col), margin[r][col], margin, r, col, bands, ccy);
                c.put("base", false);
                cellModels.add(c);
            }
            OptionalDouble breakEven = grid.breakEvenCapexPerGpu().get(r);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("decline", Formats.percent(grid.annualDeclines().get(r), 1));
            row.put("cells", cellModels);
            row.put("breakEven", breakEven.isPresent() ? Formats.money(breakEven.getAsDouble(), ccy) : "none");
            rowModels.add(row);
        }
        String hurdle = Formats.percent(a.hurdleRate(), 1);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("capex", grid.capexPerGpu().stream().map(c -> Formats.money(c, ccy)).toList());
        s.put("rows", rowModels);
        s.put("breakEvenHeader", "NPV = 0 at");
        s.put("legendTitle", "NPV at the " + hurdle + " hurdle");
        s.put("legend", bands.legend());
        s.put("caption", "IRR for each capex per GPU (columns) when the rental price falls by the same share every year (rows) from "
                + "the assumed start price, in place of the cluster's own price path; colours and line as above, by NPV at the "
                + hurdle + " hurdle. The right-hand column is the capex per GPU at which that NPV is exactly 0 (none: no capex "
                + "clears the hurdle at that decline)."
                + (ownUse ? " This grid measures the cluster as an investment renting the hours out, net of the marketplace fee;"
                        + " it is judged for own use, so the grid shows the other view and does not decide BUY or RENT." : ""));
        return s;
    }

    /** An own-use cell: the saving from owning, its colour and contour edges. */
    private static Map<String, Object> savingCell(double[][] margin, int r, int col, Bands bands, String ccy) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("text", Formats.money(margin[r][col], ccy));
        c.put("npv", Formats.money(margin[r][col], ccy));
        c.put("color", bands.color(margin[r][col]));
        c.put("edges", edges(margin, r, col));
        return c;
    }

    /** One cell: its IRR, NPV, colour, and which of its edges the break-even line runs along. */
    private static Map<String, Object> cell(IrrResult irr, double npvAtHurdle, double[][] margin, int r, int col, Bands bands,
                                            String ccy) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("text", irr.annualRate().isPresent() ? Formats.percent(irr.annualRate().getAsDouble(), 1) : "—");
        c.put("npv", Formats.money(npvAtHurdle, ccy));
        c.put("color", bands.color(margin[r][col]));
        c.put("edges", edges(margin, r, col));
        return c;
    }

    /**
     * CSS classes for the cell's sides where its neighbour falls on the other side of zero: the
     * line they draw together is the contour, a staircase between the cells around the sign change.
     */
    static String edges(double[][] margin, int r, int col) {
        boolean positive = margin[r][col] >= 0;
        IntFunction<Boolean> differs = k -> switch (k) {
            case 0 -> r > 0 && (margin[r - 1][col] >= 0) != positive;
            case 1 -> col + 1 < margin[r].length && (margin[r][col + 1] >= 0) != positive;
            case 2 -> r + 1 < margin.length && (margin[r + 1][col] >= 0) != positive;
            default -> col > 0 && (margin[r][col - 1] >= 0) != positive;
        };
        String[] names = {"edge-top", "edge-right", "edge-bottom", "edge-left"};
        List<String> classes = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            if (differs.apply(k)) {
                classes.add(names[k]);
            }
        }
        return String.join(" ", classes);
    }

    private static String perHour(OptionalDouble price, String ccy) {
        return price.isPresent() ? Formats.price(price.getAsDouble(), ccy) + "/hr" : "none";
    }

    /**
     * Three colour steps either side of zero, each a round amount wide (1, 2, 2.5 or 5 times a power
     * of ten) chosen so the largest |figure| falls in the third step.
     */
    record Bands(double step, String currency) {
        static Bands of(double[][] values, String currency) {
            double maxAbs = 0;
            for (double[] row : values) {
                for (double v : row) {
                    maxAbs = Math.max(maxAbs, Math.abs(v));
                }
            }
            return new Bands(roundStep(Math.max(1, maxAbs / BELOW.length)), currency);
        }

        static double roundStep(double raw) {
            double power = Math.pow(10, Math.floor(Math.log10(raw)));
            for (double step : new double[] {1, 2, 2.5, 5}) {
                if (step * power >= raw * (1 - 1e-12)) {
                    return step * power;
                }
            }
            return 10 * power;
        }

        String color(double value) {
            int level = (int) Math.min(BELOW.length - 1, Math.floor(Math.abs(value) / step));
            return value >= 0 ? ABOVE[level] : BELOW[level];
        }

        /** The swatches from deepest red to deepest green, each with the range it stands for. */
        List<Map<String, Object>> legend() {
            List<Map<String, Object>> swatches = new ArrayList<>();
            int steps = BELOW.length;
            for (int k = steps - 1; k >= 0; k--) {
                String label = k == steps - 1
                        ? money(-k * step) + " or less"
                        : money(-(k + 1) * step) + " to " + money(-k * step);
                swatches.add(swatch(BELOW[k], label));
            }
            for (int k = 0; k < steps; k++) {
                String label = k == steps - 1
                        ? money(k * step) + " or more"
                        : money(k * step) + " to " + money((k + 1) * step);
                swatches.add(swatch(ABOVE[k], label));
            }
            return swatches;
        }

        private String money(double amount) {
            return Formats.money(amount, currency);
        }

        private static Map<String, Object> swatch(String color, String label) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("color", color);
            m.put("label", label);
            return m;
        }
    }
}
