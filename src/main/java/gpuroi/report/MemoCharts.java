package gpuroi.report;

import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.Histogram;
import gpuroi.engine.MonthlyCashFlow;
import gpuroi.engine.Tornado;
import gpuroi.model.Formats;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultIntervalCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
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
import java.text.NumberFormat;
import java.util.List;
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
    private static final Color LOW = new Color(0x9e, 0xc5, 0xe6);
    private static final Color BAD = new Color(0xe5, 0x73, 0x73);
    private static final Color FAIR = new Color(0x7b, 0xc4, 0x7f);
    private static final Color MUTED = new Color(0x5b, 0x66, 0x73);
    private static final Color TRANSPARENT = new Color(255, 255, 255, 0);
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
        boolean owned = analysis.metrics().hold().isPresent();
        analysis.metrics().levelizedCostPerGpuHour().ifPresent(cost -> {
            // An owned cluster's levelized cost spreads capex already spent: a whole-life figure, not the hold decision's.
            XYSeries line = new XYSeries("Levelized cost " + Formats.price(cost, currency) + "/GPU-hr"
                    + (owned ? " since purchase" : ""));
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
        markValuationDate(analysis, plot);
        return chart;
    }

    /**
     * An owned cluster's charts run from its purchase: a line at the valuation date parts the realized months (left)
     * from those still to come, which alone decide HOLD or RESELL.
     */
    private static void markValuationDate(ClusterAnalysis analysis, XYPlot plot) {
        if (analysis.metrics().hold().isEmpty() || analysis.schedule().offsetMonths() >= 0) {
            return;
        }
        double month = -analysis.schedule().offsetMonths();
        ValueMarker valuation = new ValueMarker(month, MUTED, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {3f, 3f}, 0f));
        valuation.setLabel("realized ← valuation date " + analysis.schedule().assumptions().valuationDate() + " → expected");
        valuation.setLabelFont(THEME.getRegularFont());
        valuation.setLabelPaint(MUTED);
        valuation.setLabelBackgroundColor(Color.WHITE);
        valuation.setLabelAnchor(RectangleAnchor.TOP);
        valuation.setLabelTextAnchor(TextAnchor.TOP_CENTER);
        valuation.setLabelOffset(new RectangleInsets(2, 4, 2, 4));
        plot.addDomainMarker(valuation);
        // Keep the line in view when the life ended before the valuation date.
        if (plot.getDomainAxis().getUpperBound() < month) {
            plot.getDomainAxis().setUpperBound(month + 1);
        }
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
        markValuationDate(analysis, plot);
        return chart;
    }

    /**
     * A tornado: for each input (widest swing first, top down) a bar from the base NPV at the hurdle to
     * the NPV with the input at its low value, and one to the NPV at its high value; vertical lines at
     * the base NPV and at 0, where the hurdle is just met. {@code labels} name each bar with its range.
     */
    static JFreeChart tornado(List<Tornado.Bar> bars, List<String> labels, double baseNpvAtHurdle, String hurdle, String currency) {
        return tornado(bars, labels, baseNpvAtHurdle, "NPV at the " + hurdle + " hurdle", hurdle, currency);
    }

    /** As above, the value axis named {@code axisLabel} (an owned cluster's bars measure hold value minus sale). */
    static JFreeChart tornado(List<Tornado.Bar> bars, List<String> labels, double baseNpvAtHurdle, String axisLabel, String hurdle,
                              String currency) {
        int n = bars.size();
        Comparable<?>[] categories = labels.toArray(new Comparable<?>[0]);
        Number[][] lowStarts = new Number[1][n];
        Number[][] lowEnds = new Number[1][n];
        Number[][] highStarts = new Number[1][n];
        Number[][] highEnds = new Number[1][n];
        for (int i = 0; i < n; i++) {
            Tornado.Bar bar = bars.get(i);
            lowStarts[0][i] = Math.min(baseNpvAtHurdle, bar.npvAtLow());
            lowEnds[0][i] = Math.max(baseNpvAtHurdle, bar.npvAtLow());
            highStarts[0][i] = Math.min(baseNpvAtHurdle, bar.npvAtHigh());
            highEnds[0][i] = Math.max(baseNpvAtHurdle, bar.npvAtHigh());
        }
        CategoryAxis inputs = new CategoryAxis(null);
        NumberAxis npv = new NumberAxis(axisLabel);
        CategoryPlot plot = new CategoryPlot(
                new DefaultIntervalCategoryDataset(new Comparable<?>[] {"input at its low value"}, categories, lowStarts, lowEnds),
                inputs, npv, new IntervalBarRenderer());
        plot.setDataset(1, new DefaultIntervalCategoryDataset(new Comparable<?>[] {"input at its high value"}, categories,
                highStarts, highEnds));
        plot.setRenderer(1, new IntervalBarRenderer());
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        JFreeChart chart = onWhite(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(GRID);
        Color[] paints = {LOW, PRICE};
        for (int k = 0; k < 2; k++) {
            IntervalBarRenderer renderer = (IntervalBarRenderer) plot.getRenderer(k);
            renderer.setSeriesPaint(0, paints[k]);
            renderer.setShadowVisible(false);
            renderer.setBarPainter(new StandardBarPainter());
            renderer.setDrawBarOutline(false);
            renderer.setItemMargin(0);
        }
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        inputs.setCategoryMargin(0.35);
        // A strip above the widest bar, where the base line's label can stand clear of the bars.
        inputs.setLowerMargin(0.09);
        inputs.setUpperMargin(0.02);
        inputs.setMaximumCategoryLabelWidthRatio(0.38f);
        inputs.setMaximumCategoryLabelLines(2);
        npv.setNumberFormatOverride(currencyFormat(currency, "#,##0"));
        npv.setAutoRangeIncludesZero(true);
        plot.addRangeMarker(line(0, INK, 0.9f, null, false));
        plot.addRangeMarker(line(baseNpvAtHurdle, COST, 1.2f, "base " + Formats.money(baseNpvAtHurdle, currency), true));
        return chart;
    }

    /**
     * How a Monte Carlo figure spreads over the paths: a bar per bin, red where the bin lies below
     * {@code threshold} (0 for NPV, the hurdle for IRR) and green from it up (a bin it cuts split in two
     * at the line, both parts the bin's height), a solid line at the
     * threshold, dashed lines at P5, P50 and P95 and a blue one at the deterministic value.
     *
     * @param belowName   the legend's name for the red bars, {@code aboveName} for the green
     * @param percentiles P5, P50, P95; any may be NaN when the figure has none
     * @param deterministic the deterministic value, NaN when there is none
     */
    static JFreeChart distribution(Histogram histogram, String axisLabel, NumberFormat ticks, double threshold,
                                   String belowName, String aboveName, double[] percentiles, double deterministic,
                                   String deterministicLabel) {
        XYIntervalSeries below = new XYIntervalSeries(belowName);
        XYIntervalSeries above = new XYIntervalSeries(aboveName);
        for (int i = 0; i < histogram.bins(); i++) {
            int count = histogram.counts().get(i);
            double left = histogram.binStart(i);
            double right = histogram.binStart(i + 1);
            if (left < threshold && threshold < right) {
                // The bin the threshold cuts is drawn in both colours, split at the threshold line.
                below.add((left + threshold) / 2, left, threshold, count, 0, count);
                above.add((threshold + right) / 2, threshold, right, count, 0, count);
            } else {
                (right <= threshold ? below : above).add(histogram.binMiddle(i), left, right, count, 0, count);
            }
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(below);
        data.addSeries(above);
        NumberAxis x = new NumberAxis(axisLabel);
        NumberAxis y = new NumberAxis("Paths");
        XYBarRenderer bars = new XYBarRenderer();
        XYPlot plot = new XYPlot(data, x, y, bars);
        JFreeChart chart = onWhite(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(GRID);
        bars.setShadowVisible(false);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setDrawBarOutline(true);
        bars.setDefaultOutlinePaint(Color.WHITE);
        bars.setDefaultOutlineStroke(new BasicStroke(0.6f));
        bars.setSeriesPaint(0, BAD);
        bars.setSeriesPaint(1, FAIR);
        bars.setSeriesOutlinePaint(0, Color.WHITE);
        bars.setSeriesOutlinePaint(1, Color.WHITE);
        bars.setAutoPopulateSeriesOutlinePaint(false);
        x.setNumberFormatOverride(ticks);
        x.setAutoRangeIncludesZero(false);
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        y.setUpperMargin(0.22);
        plot.addDomainMarker(line(threshold, INK, 1.0f, null, false));
        String[] names = {"P5", "P50", "P95"};
        for (int k = 0; k < 3; k++) {
            if (!Double.isNaN(percentiles[k])) {
                ValueMarker marker = line(percentiles[k], MUTED, 0.9f, names[k], true);
                marker.setStroke(new BasicStroke(0.9f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
                plot.addDomainMarker(marker);
            }
        }
        if (!Double.isNaN(deterministic)) {
            ValueMarker base = line(deterministic, PRICE, 1.4f, deterministicLabel, false);
            base.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            base.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            base.setLabelOffset(new RectangleInsets(16, 4, 2, 4));
            plot.addDomainMarker(base);
        }
        return chart;
    }

    /** A straight line across the plot at {@code value}, labelled at its top (or its foot when {@code top} is false). */
    private static ValueMarker line(double value, Color color, float width, String label, boolean top) {
        ValueMarker marker = new ValueMarker(value, color, new BasicStroke(width));
        if (label != null) {
            marker.setLabel(label);
            marker.setLabelFont(THEME.getSmallFont());
            marker.setLabelPaint(color);
            marker.setLabelBackgroundColor(TRANSPARENT);
            marker.setLabelAnchor(top ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.BOTTOM_RIGHT);
            marker.setLabelTextAnchor(top ? TextAnchor.TOP_LEFT : TextAnchor.BOTTOM_LEFT);
            marker.setLabelOffset(new RectangleInsets(2, 4, 2, 4));
        }
        return marker;
    }

    /** Percent tick labels with the true minus sign: {@code 0.125 → 12.5%}. */
    static NumberFormat percentFormat() {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.US);
        symbols.setMinusSign('−');
        return new DecimalFormat("0.#%", symbols);
    }

    /** Money tick labels in the memo's currency, whole units. */
    static NumberFormat moneyFormat(String currency) {
        return currencyFormat(currency, "#,##0");
    }

    /** A chart of the memo's theme around {@code plot}, with a legend, on white, without a plot outline. */
    private static JFreeChart onWhite(Plot plot) {
        JFreeChart chart = new JFreeChart(null, THEME.getRegularFont(), plot, true);
        THEME.apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setBackgroundPaint(Color.WHITE);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
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
