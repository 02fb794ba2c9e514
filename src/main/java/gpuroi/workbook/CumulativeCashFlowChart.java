package gpuroi.workbook;

import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.MonthlyCashFlow;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import gpuroi.model.Formats;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.AxisTickLabelPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.DisplayBlanks;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@value WorkbookWriter#CHART_SHEET}: a native line chart of each cluster's cumulative net cash
 * flow by month, whose series point at {@value WorkbookWriter#CASH_FLOWS_SHEET} (so it follows a
 * recalculation). Series caches come from the engine, never from reading cells back, so the chart
 * works with a streaming cash-flow sheet too. A chart of thousands of lines helps nobody: the
 * first {@value #MAX_SERIES} clusters are drawn and the sheet says so.
 */
final class CumulativeCashFlowChart {
    static final int MAX_SERIES = 12;

    /** Twelve colours that stay apart on screen and in print. */
    private static final int[][] PALETTE = {
        {31, 119, 180}, {255, 127, 14}, {44, 160, 44}, {214, 39, 40}, {148, 103, 189}, {140, 86, 75},
        {227, 119, 194}, {127, 127, 127}, {188, 189, 34}, {23, 190, 207}, {0, 0, 128}, {128, 0, 0},
    };

    private CumulativeCashFlowChart() {
    }

    /**
     * @param sheet      where the caption row goes (possibly a streaming sheet)
     * @param drawingOn  the same sheet in the XSSF model, which holds the drawing and its chart
     */
    static void write(Sheet sheet, XSSFSheet drawingOn, List<ClusterAnalysis> clusters, CashFlowLayout layout,
                      OutputStyles styles) {
        Row caption = sheet.createRow(0);
        if (clusters.isEmpty()) {
            OutputCells.text(caption, 0, "No clusters: nothing to chart.", styles.text);
            return;
        }
        int shown = Math.min(MAX_SERIES, clusters.size());
        OutputCells.text(caption, 0, "Cumulative net cash flow by month"
                + (shown < clusters.size() ? " — the first " + shown + " of " + clusters.size() + " clusters" : "")
                + " (data: " + WorkbookWriter.CASH_FLOWS_SHEET + ", column \"Cumulative net\")", styles.sectionTitle);

        // Excel labels a line chart's axis with the first series' categories: put the longest first.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < shown; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> -clusters.get(i).schedule().months().size()));

        XSSFDrawing drawing = drawingOn.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, 2, 16, 32);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText("Cumulative net cash flow (" + styles.currency + ")");
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.RIGHT);
        // Clusters of different lives end at different months: a shorter line stops, it does not fall to zero.
        chart.displayBlanksAs(DisplayBlanks.GAP);

        XDDFCategoryAxis monthAxis = chart.createCategoryAxis(AxisPosition.BOTTOM);
        monthAxis.setTitle("Month");
        // Month labels along the bottom edge, not on the zero line through the middle of the losses.
        monthAxis.setTickLabelPosition(AxisTickLabelPosition.LOW);
        XDDFValueAxis moneyAxis = chart.createValueAxis(AxisPosition.LEFT);
        moneyAxis.setTitle("Cumulative net (" + styles.currency + ")");
        moneyAxis.setCrosses(AxisCrosses.AUTO_ZERO);

        moneyAxis.setNumberFormat("\"" + Formats.currencyPrefix(styles.currency) + "\"#,##0");

        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, monthAxis, moneyAxis);
        data.setVaryColors(false);
        int colour = 0;
        for (int i : order) {
            ClusterAnalysis analysis = clusters.get(i);
            CashFlowLayout.Block block = layout.block(i);
            List<MonthlyCashFlow> months = analysis.schedule().months();
            Double[] monthNumbers = new Double[months.size()];
            Double[] cumulative = new Double[months.size()];
            for (int m = 0; m < months.size(); m++) {
                monthNumbers[m] = (double) months.get(m).month();
                cumulative[m] = months.get(m).cumulative();
            }
            XDDFNumericalDataSource<Double> x = XDDFDataSourcesFactory.fromArray(monthNumbers,
                    OutputCells.columnRange(WorkbookWriter.CASH_FLOWS_SHEET, block.firstRow(), block.lastRow(), CashFlowSheet.MONTH));
            XDDFNumericalDataSource<Double> y = XDDFDataSourcesFactory.fromArray(cumulative,
                    OutputCells.columnRange(WorkbookWriter.CASH_FLOWS_SHEET, block.firstRow(), block.lastRow(), CashFlowSheet.CUMULATIVE));
            XDDFLineChartData.Series series = (XDDFLineChartData.Series) data.addSeries(x, y);
            series.setTitle(analysis.cluster().id(), null);
            series.setSmooth(false);
            series.setMarkerStyle(MarkerStyle.NONE);
            // Explicit strokes: without them LibreOffice draws a series with no marker as nothing at all.
            XDDFLineProperties line = new XDDFLineProperties(new XDDFSolidFillProperties(
                    rgb(PALETTE[colour++ % PALETTE.length])));
            line.setWidth(2.0);
            XDDFShapeProperties shape = new XDDFShapeProperties();
            shape.setLineProperties(line);
            series.setShapeProperties(shape);
        }
        // Not chart.plot(data): that also copies every series into an embedded workbook that a chart inside
        // a spreadsheet never saves (it reads its cells through the ranges above), a tenth of a small
        // conversion's writing. Plotting each series writes the same chart XML.
        for (int s = 0; s < data.getSeriesCount(); s++) {
            data.getSeries(s).plot();
        }
    }

    private static XDDFColor rgb(int[] rgb) {
        return XDDFColor.from(new byte[] {(byte) rgb[0], (byte) rgb[1], (byte) rgb[2]});
    }
}
