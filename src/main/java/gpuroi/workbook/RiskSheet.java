package gpuroi.workbook;

import gpuroi.engine.Histogram;
import gpuroi.engine.RiskProfile;
import gpuroi.model.Formats;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.AxisTickLabelPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import java.util.List;

/**
 * {@value WorkbookWriter#RISK_SHEET}: one row per cluster with what its Monte Carlo says, written only
 * when a run was asked for (--runs, or the Assumptions' Monte Carlo runs). NPVs are at the discount
 * rate; an IRR percentile that does not exist (no path has a single IRR) is written as "n/a".
 *
 * <p>Below that table, each cluster's NPV distribution: P5, P50 and P95, then the paths in each bin of
 * its {@link Histogram} (with those below and above the bins, so the paths add up to the runs), and
 * beside the tables of the first {@value #MAX_CHARTS} clusters a native column chart of the bins that
 * points at the table. More charts than that make the file heavy and the sheet unreadable.
 */
final class RiskSheet {
    static final int ID = 0;
    static final int RUNS = 1;
    static final int SEED = 2;
    static final int SAMPLER = 3;
    static final int NPV_P5 = 4;
    static final int NPV_P50 = 5;
    static final int NPV_P95 = 6;
    static final int IRR_P5 = 7;
    static final int IRR_P50 = 8;
    static final int IRR_P95 = 9;
    static final int PROBABILITY_OF_LOSS = 10;
    static final int PROBABILITY_BEATS_HURDLE = 11;
    static final int EXPECTED_SHORTFALL = 12;
    static final int DECISION_FLIP_SHARE = 13;

    static final String[] HEADERS = {
        "Cluster id", "Runs (paths)", "Seed", "Sampler", "NPV P5", "NPV P50", "NPV P95",
        "IRR P5", "IRR P50", "IRR P95", "Probability of loss", "Probability NPV at hurdle > 0",
        "Expected shortfall (mean NPV of worst 5%)", "Decision flip share",
    };
    private static final int[] WIDTHS = {18, 14, 14, 14, 14, 14, 14, 10, 10, 10, 12, 14, 18, 12};

    /** Clusters whose NPV distribution gets a chart beside its table. */
    static final int MAX_CHARTS = 12;

    // Columns of a histogram table.
    static final int BIN_FROM = 0;
    static final int BIN_TO = 1;
    static final int BIN_PATHS = 2;
    static final int BIN_SHARE = 3;
    /** Rows from a cluster's block title to its bin header: title, percentiles. */
    static final int BIN_HEADER_OFFSET = 2;
    /** Rows of the chart beside a table, at least. */
    private static final int CHART_ROWS = 18;
    private static final byte[] BAR_BLUE = {(byte) 0x44, (byte) 0x72, (byte) 0xC4};

    private RiskSheet() {
    }

    /**
     * @param sheet     the sheet, possibly streaming
     * @param drawingOn the same sheet in the XSSF model, which holds the drawing and its charts
     * @return the first row below everything written, for a table added after it
     */
    static int write(Sheet sheet, XSSFSheet drawingOn, List<RiskProfile> risks, OutputStyles styles) {
        OutputCells.headerRow(sheet, 0, HEADERS, WIDTHS, styles);
        int[] widths = WIDTHS.clone();
        for (int i = 0; i < risks.size(); i++) {
            RiskProfile r = risks.get(i);
            Row row = sheet.createRow(1 + i);
            OutputCells.text(row, ID, r.clusterId(), styles.text);
            OutputCells.number(row, RUNS, r.paths(), styles.integer);
            OutputCells.number(row, SEED, r.seed(), styles.integer);
            OutputCells.text(row, SAMPLER, r.sampler().label(), styles.text);
            OutputCells.number(row, NPV_P5, r.npv().p5(), styles.money);
            OutputCells.number(row, NPV_P50, r.npv().p50(), styles.money);
            OutputCells.number(row, NPV_P95, r.npv().p95(), styles.money);
            OutputCells.optional(row, IRR_P5, r.irr().p5(), "n/a", styles.percent, styles.text);
            OutputCells.optional(row, IRR_P50, r.irr().p50(), "n/a", styles.percent, styles.text);
            OutputCells.optional(row, IRR_P95, r.irr().p95(), "n/a", styles.percent, styles.text);
            OutputCells.number(row, PROBABILITY_OF_LOSS, r.probabilityOfLoss(), styles.percent);
            OutputCells.number(row, PROBABILITY_BEATS_HURDLE, r.probabilityOfBeatingHurdle(), styles.percent);
            OutputCells.number(row, EXPECTED_SHORTFALL, r.expectedShortfallNpv(), styles.money);
            OutputCells.number(row, DECISION_FLIP_SHARE, r.decisionFlipShare(), styles.percent);
            widths[ID] = Math.max(widths[ID], Math.min(40, r.clusterId().length() + 2));
        }
        OutputCells.widths(sheet, widths);
        sheet.createFreezePane(1, 1);
        return distributions(sheet, drawingOn, risks, styles, distributionsRow(risks.size()));
    }

    /** The first row of the NPV distributions, below the per-cluster table and a blank row. */
    static int distributionsRow(int clusters) {
        return clusters + 2;
    }

    private static int distributions(Sheet sheet, XSSFSheet drawingOn, List<RiskProfile> risks, OutputStyles styles, int first) {
        OutputCells.text(sheet.createRow(first), 0, "NPV distribution at the discount rate per cluster: paths in each bin"
                + (risks.size() > MAX_CHARTS ? "; charts beside the first " + MAX_CHARTS + " of " + risks.size() + " clusters"
                        : "; a chart beside each table"), styles.sectionTitle);
        XSSFDrawing drawing = drawingOn.createDrawingPatriarch();
        int r = first + 2;
        for (int i = 0; i < risks.size(); i++) {
            r = distribution(sheet, i < MAX_CHARTS ? drawing : null, risks.get(i), styles, r) + 1;
        }
        return r;
    }

    /** One cluster's block; returns the row after it. */
    private static int distribution(Sheet sheet, XSSFDrawing drawing, RiskProfile risk, OutputStyles styles, int first) {
        Histogram histogram = risk.npvHistogram();
        OutputCells.text(sheet.createRow(first), 0, risk.clusterId() + ": NPV over " + String.format(java.util.Locale.US, "%,d",
                risk.paths()) + " paths (seed " + risk.seed() + ")", styles.sectionTitle);
        Row percentiles = sheet.createRow(first + 1);
        OutputCells.text(percentiles, 0, "P5 / P50 / P95", styles.text);
        OutputCells.number(percentiles, 1, risk.npv().p5(), styles.money);
        OutputCells.number(percentiles, 2, risk.npv().p50(), styles.money);
        OutputCells.number(percentiles, 3, risk.npv().p95(), styles.money);
        int headerRow = first + BIN_HEADER_OFFSET;
        OutputCells.headerRow(sheet, headerRow, new String[] {"Bin from", "Bin to", "Paths", "Share of paths"},
                new int[] {WIDTHS[0], WIDTHS[1], WIDTHS[2], WIDTHS[3]}, styles);
        int firstBin = headerRow + 1;
        Double[] binFrom = new Double[histogram.bins()];
        Double[] paths = new Double[histogram.bins()];
        for (int b = 0; b < histogram.bins(); b++) {
            Row row = sheet.createRow(firstBin + b);
            int count = histogram.counts().get(b);
            binFrom[b] = histogram.binStart(b);
            paths[b] = (double) count;
            OutputCells.number(row, BIN_FROM, histogram.binStart(b), styles.money);
            OutputCells.number(row, BIN_TO, histogram.binStart(b + 1), styles.money);
            OutputCells.number(row, BIN_PATHS, count, styles.integer);
            OutputCells.number(row, BIN_SHARE, (double) count / risk.paths(), styles.percent);
        }
        int lastBin = firstBin + histogram.bins() - 1;
        Row below = sheet.createRow(lastBin + 1);
        OutputCells.text(below, BIN_FROM, "below", styles.text);
        OutputCells.number(below, BIN_TO, histogram.lowerEdge(), styles.money);
        OutputCells.number(below, BIN_PATHS, histogram.below(), styles.integer);
        OutputCells.number(below, BIN_SHARE, (double) histogram.below() / risk.paths(), styles.percent);
        Row above = sheet.createRow(lastBin + 2);
        OutputCells.number(above, BIN_FROM, histogram.binStart(histogram.bins()), styles.money);
        OutputCells.text(above, BIN_TO, "and above", styles.text);
        OutputCells.number(above, BIN_PATHS, histogram.above(), styles.integer);
        OutputCells.number(above, BIN_SHARE, (double) histogram.above() / risk.paths(), styles.percent);
        Row total = sheet.createRow(lastBin + 3);
        OutputCells.text(total, BIN_FROM, "All paths", styles.header);
        OutputCells.formula(total, BIN_PATHS, "SUM(" + OutputCells.relative(firstBin, BIN_PATHS) + ":"
                + OutputCells.relative(lastBin + 2, BIN_PATHS) + ")", histogram.total(), styles.integer);
        OutputCells.formula(total, BIN_SHARE, "SUM(" + OutputCells.relative(firstBin, BIN_SHARE) + ":"
                + OutputCells.relative(lastBin + 2, BIN_SHARE) + ")", (double) histogram.total() / risk.paths(), styles.percent);
        int end = lastBin + 4;
        if (drawing != null) {
            chart(drawing, risk, binFrom, paths, firstBin, lastBin, styles, first);
            end = Math.max(end, first + CHART_ROWS + 1);
        }
        return end;
    }

    private static void chart(XSSFDrawing drawing, RiskProfile risk, Double[] binFrom, Double[] paths, int firstBin, int lastBin,
                              OutputStyles styles, int first) {
        String sheetName = WorkbookWriter.RISK_SHEET;
        XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, BIN_SHARE + 2, first, BIN_SHARE + 11, first + CHART_ROWS));
        chart.setTitleText(risk.clusterId() + ": NPV, paths per bin");
        chart.setTitleOverlay(false);
        XDDFCategoryAxis npvAxis = chart.createCategoryAxis(AxisPosition.BOTTOM);
        npvAxis.setTitle("NPV, bin from (" + styles.currency + ")");
        npvAxis.setTickLabelPosition(AxisTickLabelPosition.LOW);
        npvAxis.setNumberFormat("\"" + Formats.currencyPrefix(styles.currency) + "\"#,##0");
        XDDFValueAxis pathsAxis = chart.createValueAxis(AxisPosition.LEFT);
        pathsAxis.setTitle("Paths");
        pathsAxis.setCrosses(AxisCrosses.AUTO_ZERO);
        pathsAxis.setCrossBetween(AxisCrossBetween.BETWEEN);
        XDDFNumericalDataSource<Double> x = XDDFDataSourcesFactory.fromArray(binFrom,
                OutputCells.columnRange(sheetName, firstBin, lastBin, BIN_FROM));
        XDDFNumericalDataSource<Double> y = XDDFDataSourcesFactory.fromArray(paths,
                OutputCells.columnRange(sheetName, firstBin, lastBin, BIN_PATHS));
        XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, npvAxis, pathsAxis);
        bars.setBarDirection(BarDirection.COL);
        bars.setVaryColors(false);
        bars.setGapWidth(10);
        XDDFBarChartData.Series series = (XDDFBarChartData.Series) bars.addSeries(x, y);
        series.setTitle("Paths", null);
        XDDFShapeProperties shape = new XDDFShapeProperties();
        shape.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(BAR_BLUE)));
        series.setShapeProperties(shape);
        // Not chart.plot(bars): that also copies the series into an embedded workbook a chart inside a
        // spreadsheet never saves; plotting the series writes the same chart XML.
        for (int s = 0; s < bars.getSeriesCount(); s++) {
            bars.getSeries(s).plot();
        }
    }
}
