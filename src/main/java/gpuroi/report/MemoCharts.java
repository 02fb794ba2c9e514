package gpuroi.report;

import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.MonthlyCashFlow;
import gpuroi.model.Formats;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * The memo's charts, built with JFreeChart and drawn as vectors into the PDF by {@link ChartElements}.
 * Each is laid out on a {@link #WIDTH_PX} × {@link #HEIGHT_PX} grid and scaled to its printed size.
 */
final class MemoCharts {
    /** The grid charts are laid out on; the template prints them at the same aspect ratio. */
    static final int WIDTH_PX = 640;
    static final int HEIGHT_PX = 215;

    private static final Color INK = new Color(0x22, 0x2b, 0x36);
    private static final Color PRICE = new Color(0x1f, 0x6f, 0xb2);
    private static final Color COST = new Color(0xc0, 0x39, 0x2b);
    private static final Color GOOD = new Color(0x2e, 0x7d, 0x32);
    private static final Color GRID = new Color(0xdd, 0xe1, 0xe6);
    private static final StandardChartTheme THEME = theme();

    private MemoCharts() {
    }

    /** The monthly rental price against the levelized cost of a utilized GPU-hour. */
    static JFreeChart pricePathAgainstCost(ClusterAnalysis analysis, String currency) {
        XYSeries price = new XYSeries("Rental price per GPU-hr");
        for (MonthlyCashFlow month : analysis.schedule().months()) {
            if (month.month() > 0) {
                price.add(month.month(), month.pricePerGpuHour());
            }
        }
        XYSeriesCollection data = new XYSeriesCollection(price);
        analysis.metrics().levelizedCostPerGpuHour().ifPresent(cost -> {
            XYSeries line = new XYSeries("Levelized cost " + Formats.price(cost, currency) + "/GPU-hr");
            line.add(1, cost);
            line.add(analysis.schedule().months().size() - 1, cost);
            data.addSeries(line);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(null, "Month from start", "Price per GPU-hour",
                data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = style(chart);
        plot.getRenderer().setSeriesPaint(0, PRICE);
        plot.getRenderer().setSeriesPaint(1, COST);
        plot.getRenderer().setSeriesStroke(1, new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setAutoRangeIncludesZero(true);
        y.setNumberFormatOverride(currencyFormat(currency, "#,##0.00"));
        return chart;
    }

    /** Cumulative undiscounted cash flow by month, with the payback month marked. */
    static JFreeChart cumulativeCashFlow(ClusterAnalysis analysis, String currency) {
        XYSeries cumulative = new XYSeries("Cumulative net cash flow");
        for (MonthlyCashFlow month : analysis.schedule().months()) {
            cumulative.add(month.month(), month.cumulative());
        }
        JFreeChart chart = ChartFactory.createXYLineChart(null, "Month from start", "Cumulative cash flow",
                new XYSeriesCollection(cumulative), PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = style(chart);
        plot.getRenderer().setSeriesPaint(0, PRICE);
        ValueMarker zero = new ValueMarker(0, INK, new BasicStroke(0.8f));
        plot.addRangeMarker(zero);
        analysis.metrics().paybackMonths().ifPresent(months -> {
            ValueMarker payback = new ValueMarker(months, GOOD, new BasicStroke(1.4f));
            payback.setLabel("payback " + Formats.months(months));
            payback.setLabelFont(THEME.getRegularFont());
            payback.setLabelPaint(GOOD);
            payback.setLabelBackgroundColor(new Color(255, 255, 255, 0));
            payback.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
            payback.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            payback.setLabelOffset(new RectangleInsets(2, 4, 6, 4));
            plot.addDomainMarker(payback);
        });
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(currencyFormat(currency, "#,##0"));
        return chart;
    }

    private static XYPlot style(JFreeChart chart) {
        THEME.apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDefaultStroke(new BasicStroke(1.8f));
        renderer.setAutoPopulateSeriesStroke(false);
        plot.setRenderer(renderer);
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setLowerMargin(0);
        x.setUpperMargin(0.01);
        return plot;
    }

    /** Tick labels in the memo's currency, with the true minus sign the rest of the memo uses. */
    private static DecimalFormat currencyFormat(String currency, String pattern) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.US);
        symbols.setMinusSign('−');
        String prefix = Formats.currencyPrefix(currency).replace("'", "''");
        DecimalFormat format = new DecimalFormat("'" + prefix + "'" + pattern, symbols);
        format.setNegativePrefix("−" + Formats.currencyPrefix(currency));
        return format;
    }

    /** Chart text in the bundled font, so charts look the same on machines without system fonts. */
    private static StandardChartTheme theme() {
        Font base = awtFont("/fonts/DejaVuSans.ttf");
        Font bold = awtFont("/fonts/DejaVuSans-Bold.ttf");
        StandardChartTheme theme = new StandardChartTheme("gpu-roi memo");
        theme.setExtraLargeFont(bold.deriveFont(14f));
        theme.setLargeFont(bold.deriveFont(11f));
        theme.setRegularFont(base.deriveFont(10f));
        theme.setSmallFont(base.deriveFont(9f));
        theme.setAxisLabelPaint(INK);
        theme.setTickLabelPaint(INK);
        theme.setLegendItemPaint(INK);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        return theme;
    }

    private static Font awtFont(String resource) {
        try (InputStream in = MemoCharts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("the bundled chart font could not be read; the jar is damaged", e);
        }
    }

}
