package gpuroi.workbook;

import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.IrrResult;
import gpuroi.engine.SensitivityFigures;
import gpuroi.engine.ClusterFigures;
import gpuroi.engine.Tornado;
import gpuroi.model.Assumptions;
import gpuroi.model.ClusterStatus;
import gpuroi.model.Formats;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Color;
import org.apache.poi.ss.usermodel.ColorScaleFormatting;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.ConditionalFormattingThreshold.RangeType;
import org.apache.poi.ss.usermodel.ExtendedColor;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

/**
 * {@value WorkbookWriter#SENSITIVITY_SHEET}: a block per cluster with NPV at the hurdle and IRR over
 * start price × utilization, the break-even start price of each row and the break-even contour drawn
 * between the cells whose NPV differs in sign, NPV over annual decline × capex per GPU with the
 * break-even capex of each row (planned clusters), and the tornado table. Cells hold values, the
 * engine's result for each pair of inputs ({@link SensitivityFigures}); colours are conditional
 * formats, so the grids read at a glance in Excel and LibreOffice alike.
 *
 * <p>A fleet of more than {@value #MAX_CLUSTERS} clusters gets blocks for the {@value #MAX_CLUSTERS}
 * largest by capex (in fleet order), and the sheet and the notes say so: every block is some 300
 * cells, and thousands of them would double the workbook for grids nobody scrolls through.
 */
final class SensitivitySheet {
    static final int MAX_CLUSTERS = 200;

    /** Rows above the first block: title, legend, scope, blank. */
    static final int FIRST_BLOCK_ROW = 4;
    /** Rows of one block, blank line included. */
    static final int BLOCK_ROWS = 22;

    // Offsets of a block's rows from its first row.
    static final int TITLE = 0;
    static final int GRID_CAPTION = 1;
    static final int GRID_HEADER = 2;
    static final int GRID_FIRST_ROW = 3;
    static final int LOWER_CAPTION = 11;
    static final int LOWER_HEADER = 12;
    static final int LOWER_FIRST_ROW = 13;

    // Columns: the left grids (NPV; decline × capex) and, beside them, the IRR grid and the tornado.
    static final int LABEL = 0;
    static final int FIRST_VALUE = 1;
    static final int BREAK_EVEN = 8;
    static final int RIGHT_LABEL = 10;
    static final int RIGHT_FIRST_VALUE = 11;

    // Tornado columns, from RIGHT_LABEL.
    static final int TORNADO_INPUT = RIGHT_LABEL;
    static final int TORNADO_BASE = RIGHT_LABEL + 1;
    static final int TORNADO_LOW = RIGHT_LABEL + 2;
    static final int TORNADO_HIGH = RIGHT_LABEL + 3;
    static final int TORNADO_NPV_LOW = RIGHT_LABEL + 4;
    static final int TORNADO_NPV_HIGH = RIGHT_LABEL + 5;
    static final int TORNADO_SWING = RIGHT_LABEL + 6;

    /** Two lines: the break-even titles wrap. */
    private static final float HEADER_HEIGHT_POINTS = 30f;
    private static final int[] WIDTHS = {24, 13, 13, 13, 13, 13, 13, 13, 16, 3, 28, 13, 13, 13, 13, 13, 13, 13};

    // Excel's own red, white and green of its three-colour scales.
    private static final byte[] RED = {(byte) 0xF8, (byte) 0x69, (byte) 0x6B};
    private static final byte[] WHITE = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
    private static final byte[] GREEN = {(byte) 0x63, (byte) 0xBE, (byte) 0x7B};
    private static final byte[] BAR_BLUE = {(byte) 0x63, (byte) 0x8E, (byte) 0xC6};

    // Sides of a cell on the break-even contour.
    private static final int TOP = 1;
    private static final int BOTTOM = 2;
    private static final int LEFT = 4;
    private static final int RIGHT = 8;

    /** Which clusters get a block, in fleet order, and the line that says so. */
    record Scope(List<Integer> shown, int fleetSize) {
        Scope {
            shown = List.copyOf(shown);
        }

        boolean complete() {
            return shown.size() == fleetSize;
        }

        String describe() {
            if (complete()) {
                return "Every cluster of the fleet (" + fleetSize + ") has a block, in fleet order.";
            }
            return "The " + shown.size() + " largest of the fleet's " + String.format(java.util.Locale.US, "%,d", fleetSize)
                    + " clusters by total capex have a block, in fleet order: a block per cluster would add some 300 cells"
                    + " each for grids nobody scrolls through. Every cluster's grids and tornado are in convert --json"
                    + " (\"sensitivity\", \"tornado\").";
        }
    }

    /** Every cluster when the fleet has at most {@value #MAX_CLUSTERS}, else the largest by capex. */
    static Scope scope(List<ClusterAnalysis> clusters) {
        if (clusters.size() <= MAX_CLUSTERS) {
            return new Scope(IntStream.range(0, clusters.size()).boxed().toList(), clusters.size());
        }
        List<Integer> largest = IntStream.range(0, clusters.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -clusters.get(i).cluster().totalCapex())
                        .thenComparingInt(i -> i))
                .limit(MAX_CLUSTERS).sorted().toList();
        return new Scope(largest, clusters.size());
    }

    private final Sheet sheet;
    private final OutputStyles styles;
    private final Assumptions assumptions;
    private final Workbook workbook;
    private final Map<GridStyleKey, CellStyle> gridStyles = new HashMap<>();
    private Font bold;
    private final CellStyle headerPrice;
    private final CellStyle headerPercent;
    private final CellStyle headerMoney;

    private SensitivitySheet(Sheet sheet, Assumptions assumptions, OutputStyles styles) {
        this.sheet = sheet;
        this.styles = styles;
        this.assumptions = assumptions;
        this.workbook = sheet.getWorkbook();
        headerPrice = headerWithFormat(styles.pricePerHour);
        headerPercent = headerWithFormat(styles.percent);
        headerMoney = headerWithFormat(styles.money);
    }

    static void write(Sheet sheet, List<ClusterAnalysis> clusters, Scope scope, ClusterFigures computed, Assumptions assumptions,
                      OutputStyles styles) {
        List<SensitivityFigures> figures = scope.shown().stream().map(i -> computed.forCluster(clusters.get(i))).toList();
        new SensitivitySheet(sheet, assumptions, styles).write(clusters, scope, figures);
    }

    private void write(List<ClusterAnalysis> clusters, Scope scope, List<SensitivityFigures> figures) {
        String hurdle = Formats.percent(assumptions.hurdleRate(), 1);
        OutputCells.text(sheet.createRow(0), 0, "Sensitivity: NPV at the " + hurdle + " hurdle and IRR when the inputs are wrong",
                styles.sectionTitle);
        OutputCells.text(sheet.createRow(1), 0, "Colours: NPV red below 0, white at 0, green above; IRR red below the " + hurdle
                + " hurdle, green above. Thick black lines: the break-even contour, between neighbouring cells whose NPV at the"
                + " hurdle differs in sign (the IRR crosses the hurdle there too); the break-even column gives the exact start"
                + " price (or capex) of each row at which NPV at the hurdle is 0 (negative: the contracts alone clear the hurdle)."
                + " For an owned cluster the grids, break-evens and tornado measure hold value minus sale (holding against"
                + " selling now, over the months still to come) and the IRR of holding, the figures its HOLD/RESELL decision"
                + " rests on. Bold, double-boxed: the base case. Values, not formulas: each cell is the engine's result for that pair of"
                + " inputs, everything else as assumed (see " + WorkbookWriter.NOTES_SHEET + ").", styles.text);
        OutputCells.text(sheet.createRow(2), 0, scope.describe(), styles.text);
        if (clusters.isEmpty()) {
            OutputCells.text(sheet.createRow(FIRST_BLOCK_ROW), 0, "No clusters: nothing to vary.", styles.text);
        }
        for (int b = 0; b < figures.size(); b++) {
            block(FIRST_BLOCK_ROW + b * BLOCK_ROWS, clusters.get(scope.shown().get(b)), figures.get(b));
        }
        OutputCells.widths(sheet, WIDTHS);
        sheet.createFreezePane(1, 1);
    }

    private void block(int first, ClusterAnalysis analysis, SensitivityFigures figures) {
        String hurdle = Formats.percent(assumptions.hurdleRate(), 1);
        SensitivityFigures.StartPriceByUtilization grid = figures.startPriceByUtilization();
        var cluster = analysis.cluster();
        OutputCells.text(sheet.createRow(first + TITLE), LABEL, cluster.id() + " — " + cluster.gpuModel() + ", "
                + cluster.gpuCount() + " GPUs — " + analysis.recommendation().decision().name()
                + (analysis.schedule().lessorContracts().isEmpty() ? ""
                        : " (with its lessor contracts: start price and utilization move only the GPU-hours not under contract)"),
                styles.sectionTitle);

        // An owned cluster's figures are forward: holding against selling now, not NPV since purchase.
        boolean owned = cluster.status() == ClusterStatus.OWNED;
        Row caption = sheet.createRow(first + GRID_CAPTION);
        OutputCells.text(caption, LABEL, (owned ? "Hold value minus sale at the " + hurdle + " hurdle" : "NPV at the " + hurdle + " hurdle")
                + ": start price per GPU-hour (columns) × utilization (rows)", styles.text);
        OutputCells.text(caption, RIGHT_LABEL, (owned ? "IRR of holding (the sale forgone as the investment)" : "IRR")
                + ": start price per GPU-hour (columns) × utilization (rows)", styles.text);
        Row header = sheet.createRow(first + GRID_HEADER);
        header.setHeightInPoints(HEADER_HEIGHT_POINTS);
        OutputCells.text(header, LABEL, "Utilization \\ start price", styles.header);
        OutputCells.text(header, RIGHT_LABEL, "Utilization \\ start price", styles.header);
        for (int c = 0; c < grid.startPrices().size(); c++) {
            OutputCells.number(header, FIRST_VALUE + c, grid.startPrices().get(c), headerPrice);
            OutputCells.number(header, RIGHT_FIRST_VALUE + c, grid.startPrices().get(c), headerPrice);
        }
        OutputCells.text(header, BREAK_EVEN, owned ? "Break-even price (hold = sell)" : "Break-even price (NPV = 0)", styles.header);

        double[][] npv = matrix(grid.npvAtHurdle());
        int[][] contour = contour(npv);
        for (int r = 0; r < npv.length; r++) {
            Row row = sheet.createRow(first + GRID_FIRST_ROW + r);
            OutputCells.number(row, LABEL, grid.utilizations().get(r), headerPercent);
            OutputCells.number(row, RIGHT_LABEL, grid.utilizations().get(r), headerPercent);
            for (int c = 0; c < npv[r].length; c++) {
                boolean base = r == grid.baseRow() && c == grid.baseColumn();
                OutputCells.number(row, FIRST_VALUE + c, npv[r][c], gridStyle(styles.money, contour[r][c], base));
                IrrResult irr = grid.irr().get(r).get(c);
                if (irr.annualRate().isPresent()) {
                    OutputCells.number(row, RIGHT_FIRST_VALUE + c, irr.annualRate().getAsDouble(),
                            gridStyle(styles.percent, contour[r][c], base));
                } else {
                    OutputCells.text(row, RIGHT_FIRST_VALUE + c, irr instanceof IrrResult.Ambiguous ? "ambiguous" : "no IRR",
                            gridStyle(styles.text, contour[r][c], base));
                }
            }
            optional(row, BREAK_EVEN, grid.breakEvenStartPrice().get(r), styles.pricePerHour);
        }
        int gridTop = first + GRID_FIRST_ROW;
        int gridBottom = gridTop + npv.length - 1;
        colourScale(new CellRangeAddress(gridTop, gridBottom, FIRST_VALUE, FIRST_VALUE + npv[0].length - 1), 0, maxAbs(npv, 0));
        colourScale(new CellRangeAddress(gridTop, gridBottom, RIGHT_FIRST_VALUE, RIGHT_FIRST_VALUE + npv[0].length - 1),
                assumptions.hurdleRate(), irrSpread(grid.irr(), assumptions.hurdleRate()));

        lowerHalf(first, figures, hurdle, owned);
    }

    /** The decline × capex grid on the left and the tornado on the right, sharing rows. */
    private void lowerHalf(int first, SensitivityFigures figures, String hurdle, boolean owned) {
        Row caption = sheet.createRow(first + LOWER_CAPTION);
        var decline = figures.declineByCapex();
        OutputCells.text(caption, LABEL, decline.isPresent()
                ? "NPV at the " + hurdle + " hurdle: annual price decline (rows, replacing the price path) × capex per GPU (columns)"
                : "Decline × capex: not shown for an owned cluster (its capex is spent and does not decide HOLD or RESELL)"
                        + " or one without capex.", styles.text);
        OutputCells.text(caption, RIGHT_LABEL, "Tornado: " + (owned ? "hold value minus sale" : "NPV") + " at the " + hurdle
                + " hurdle with one input at −"
                + Formats.percent(Tornado.DEFAULT_RELATIVE_MOVE, 0) + " and +" + Formats.percent(Tornado.DEFAULT_RELATIVE_MOVE, 0)
                + " (or its low and high in the Risk sheet), the others as assumed; widest swing first", styles.text);
        Row header = sheet.createRow(first + LOWER_HEADER);
        header.setHeightInPoints(HEADER_HEIGHT_POINTS);
        double[][] npv = decline.map(d -> matrix(d.npvAtHurdle())).orElse(new double[0][0]);
        int[][] contour = contour(npv);
        if (decline.isPresent()) {
            OutputCells.text(header, LABEL, "Annual decline \\ capex per GPU", styles.header);
            for (int c = 0; c < decline.get().capexPerGpu().size(); c++) {
                OutputCells.number(header, FIRST_VALUE + c, decline.get().capexPerGpu().get(c), headerMoney);
            }
            OutputCells.text(header, BREAK_EVEN, "Break-even capex per GPU (NPV = 0)", styles.header);
        }
        String[] tornadoHeaders = owned
                ? new String[] {"Input", "Base", "Low", "High", "Hold − sale at low", "Hold − sale at high", "Swing"}
                : new String[] {"Input", "Base", "Low", "High", "NPV at low", "NPV at high", "Swing"};
        for (int i = 0; i < tornadoHeaders.length; i++) {
            OutputCells.text(header, TORNADO_INPUT + i, tornadoHeaders[i], styles.header);
        }
        List<Tornado.Bar> bars = figures.tornado();
        int rows = Math.max(npv.length, bars.size());
        for (int r = 0; r < rows; r++) {
            Row row = sheet.createRow(first + LOWER_FIRST_ROW + r);
            if (r < npv.length) {
                OutputCells.number(row, LABEL, decline.get().annualDeclines().get(r), headerPercent);
                for (int c = 0; c < npv[r].length; c++) {
                    OutputCells.number(row, FIRST_VALUE + c, npv[r][c], gridStyle(styles.money, contour[r][c], false));
                }
                optional(row, BREAK_EVEN, decline.get().breakEvenCapexPerGpu().get(r), styles.money);
            }
            if (r < bars.size()) {
                Tornado.Bar bar = bars.get(r);
                CellStyle unit = unitStyle(bar.input());
                OutputCells.text(row, TORNADO_INPUT, label(bar.input()), styles.text);
                OutputCells.number(row, TORNADO_BASE, bar.base(), unit);
                OutputCells.number(row, TORNADO_LOW, bar.low(), unit);
                OutputCells.number(row, TORNADO_HIGH, bar.high(), unit);
                OutputCells.number(row, TORNADO_NPV_LOW, bar.npvAtLow(), styles.money);
                OutputCells.number(row, TORNADO_NPV_HIGH, bar.npvAtHigh(), styles.money);
                OutputCells.number(row, TORNADO_SWING, bar.swing(), styles.money);
            }
        }
        if (npv.length > 0) {
            int top = first + LOWER_FIRST_ROW;
            colourScale(new CellRangeAddress(top, top + npv.length - 1, FIRST_VALUE, FIRST_VALUE + npv[0].length - 1), 0, maxAbs(npv, 0));
        }
        if (!bars.isEmpty()) {
            int top = first + LOWER_FIRST_ROW;
            dataBar(new CellRangeAddress(top, top + bars.size() - 1, TORNADO_SWING, TORNADO_SWING));
        }
    }

    /**
     * The sides of each cell that lie on the break-even contour: a side is marked when the neighbour
     * across it has NPV of the other sign (≥ 0 clears the hurdle, as the decisions count it).
     */
    static int[][] contour(double[][] npv) {
        int[][] sides = new int[npv.length][];
        for (int r = 0; r < npv.length; r++) {
            sides[r] = new int[npv[r].length];
            for (int c = 0; c < npv[r].length; c++) {
                boolean clears = npv[r][c] >= 0;
                if (r > 0 && (npv[r - 1][c] >= 0) != clears) {
                    sides[r][c] |= TOP;
                }
                if (r + 1 < npv.length && (npv[r + 1][c] >= 0) != clears) {
                    sides[r][c] |= BOTTOM;
                }
                if (c > 0 && (npv[r][c - 1] >= 0) != clears) {
                    sides[r][c] |= LEFT;
                }
                if (c + 1 < npv[r].length && (npv[r][c + 1] >= 0) != clears) {
                    sides[r][c] |= RIGHT;
                }
            }
        }
        return sides;
    }

    private record GridStyleKey(short format, int contourSides, boolean base) {
        // Written out rather than generated, which costs a start-up's first use of them some milliseconds.
        @Override
        public boolean equals(Object other) {
            return other instanceof GridStyleKey key && format == key.format && contourSides == key.contourSides && base == key.base;
        }

        @Override
        public int hashCode() {
            return (format * 16 + contourSides) * 2 + (base ? 1 : 0);
        }
    }

    /** A grid cell's style: its number format, thick sides on the contour, and the base case bold and double-boxed. */
    private CellStyle gridStyle(CellStyle format, int contourSides, boolean base) {
        return gridStyles.computeIfAbsent(new GridStyleKey(format.getIndex(), contourSides, base), k -> {
            CellStyle style = workbook.createCellStyle();
            style.cloneStyleFrom(format);
            BorderStyle other = base ? BorderStyle.DOUBLE : BorderStyle.NONE;
            style.setBorderTop((contourSides & TOP) != 0 ? BorderStyle.THICK : other);
            style.setBorderBottom((contourSides & BOTTOM) != 0 ? BorderStyle.THICK : other);
            style.setBorderLeft((contourSides & LEFT) != 0 ? BorderStyle.THICK : other);
            style.setBorderRight((contourSides & RIGHT) != 0 ? BorderStyle.THICK : other);
            if (base) {
                if (bold == null) {
                    bold = workbook.createFont();
                    bold.setBold(true);
                }
                style.setFont(bold);
            }
            return style;
        });
    }

    private CellStyle headerWithFormat(CellStyle format) {
        CellStyle style = workbook.createCellStyle();
        style.cloneStyleFrom(styles.header);
        style.setDataFormat(format.getDataFormat());
        return style;
    }

    private void optional(Row row, int column, OptionalDouble value, CellStyle style) {
        OutputCells.optional(row, column, value, "n/a", style, styles.text);
    }

    /** Red at {@code middle − spread}, white at {@code middle}, green at {@code middle + spread}; beyond, the end colours. */
    private void colourScale(CellRangeAddress range, double middle, double spread) {
        SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
        ConditionalFormattingRule rule = formatting.createConditionalFormattingColorScaleRule();
        ColorScaleFormatting scale = rule.getColorScaleFormatting();
        scale.setNumControlPoints(3);
        double[] points = {middle - spread, middle, middle + spread};
        for (int i = 0; i < 3; i++) {
            scale.getThresholds()[i].setRangeType(RangeType.NUMBER);
            scale.getThresholds()[i].setValue(points[i]);
        }
        scale.setColors(new Color[] {colour(RED), colour(WHITE), colour(GREEN)});
        formatting.addConditionalFormatting(new CellRangeAddress[] {range}, rule);
    }

    private void dataBar(CellRangeAddress range) {
        SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
        ConditionalFormattingRule rule = formatting.createConditionalFormattingRule(colour(BAR_BLUE));
        rule.getDataBarFormatting().getMinThreshold().setRangeType(RangeType.NUMBER);
        rule.getDataBarFormatting().getMinThreshold().setValue(0.0);
        rule.getDataBarFormatting().getMaxThreshold().setRangeType(RangeType.MAX);
        formatting.addConditionalFormatting(new CellRangeAddress[] {range}, rule);
    }

    private ExtendedColor colour(byte[] rgb) {
        ExtendedColor colour = workbook.getCreationHelper().createExtendedColor();
        colour.setRGB(rgb);
        return colour;
    }

    private static double[][] matrix(List<List<Double>> rows) {
        return rows.stream().map(row -> row.stream().mapToDouble(Double::doubleValue).toArray()).toArray(double[][]::new);
    }

    /** The largest distance from {@code middle}, at least 1 so a flat grid still has a scale. */
    private static double maxAbs(double[][] values, double middle) {
        double max = 0;
        for (double[] row : values) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v - middle));
            }
        }
        return max > 0 ? max : 1;
    }

    private static double irrSpread(List<List<IrrResult>> irr, double hurdle) {
        double max = 0;
        for (List<IrrResult> row : irr) {
            for (IrrResult cell : row) {
                if (cell.annualRate().isPresent()) {
                    max = Math.max(max, Math.abs(cell.annualRate().getAsDouble() - hurdle));
                }
            }
        }
        return max > 0 ? max : 0.01;
    }

    private CellStyle unitStyle(Tornado.Input input) {
        return switch (input) {
            case START_PRICE_PER_GPU_HOUR, ELECTRICITY_PER_KWH -> styles.pricePerHour;
            case UTILIZATION, ANNUAL_PRICE_DECLINE, RESIDUAL_SHARE, HURDLE_RATE -> styles.percent;
            case CAPEX_PER_GPU, SECONDARY_PRICE_PER_GPU -> styles.money;
            case OTHER_OPEX_PER_GPU_MONTH -> styles.moneyCents;
        };
    }

    static String label(Tornado.Input input) {
        return switch (input) {
            case START_PRICE_PER_GPU_HOUR -> "Start price per GPU-hour";
            case UTILIZATION -> "Utilization";
            case CAPEX_PER_GPU -> "Capex per GPU";
            case ANNUAL_PRICE_DECLINE -> "Annual price decline";
            case ELECTRICITY_PER_KWH -> "Electricity per kWh";
            case OTHER_OPEX_PER_GPU_MONTH -> "Other opex per GPU-month";
            case RESIDUAL_SHARE -> "Residual value (share of capex)";
            case HURDLE_RATE -> "Hurdle rate";
            case SECONDARY_PRICE_PER_GPU -> "Secondary price per GPU";
        };
    }
}
