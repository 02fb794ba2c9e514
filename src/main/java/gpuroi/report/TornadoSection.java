package gpuroi.report;

import gpuroi.engine.Tornado;
import gpuroi.model.Assumptions;
import gpuroi.model.Formats;
import org.jfree.chart.JFreeChart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;

/** The tornado in words and as a chart: which input moves NPV at the hurdle rate most, and by how much. */
final class TornadoSection {
    private TornadoSection() {
    }

    /**
     * The template's {@code tornado}: {@code chart}, {@code sentence}, {@code caption} and {@code bars}
     * (each {@code label}, {@code npvAtLow}, {@code npvAtHigh}, {@code swing}); the chart is put in {@code charts}.
     */
    static Map<String, Object> of(List<Tornado.Bar> bars, double baseNpvAtHurdle, Assumptions a, Map<String, JFreeChart> charts) {
        return of(bars, Tornado.Measure.NPV_AT_HURDLE, baseNpvAtHurdle, a, charts);
    }

    /**
     * As {@link #of(List, double, Assumptions, Map)} for the measure the bars move: for an owned cluster hold value minus
     * sale, the figure its HOLD/RESELL decision turns on, over the inputs still to come.
     */
    static Map<String, Object> of(List<Tornado.Bar> bars, Tornado.Measure measure, double base, Assumptions a,
                                  Map<String, JFreeChart> charts) {
        double baseNpvAtHurdle = base;
        String ccy = a.currency();
        String hurdle = Formats.percent(a.hurdleRate(), 1);
        boolean hold = measure == Tornado.Measure.HOLD_MINUS_SALE;
        boolean ownUse = measure == Tornado.Measure.OWN_USE_SAVING;
        List<String> labels = bars.stream().map(b -> label(b, ccy)).toList();
        charts.put("tornado", MemoCharts.tornado(bars, labels, baseNpvAtHurdle,
                hold ? "Hold value minus sale, at the " + hurdle + " hurdle"
                        : ownUse ? "Saving from owning (renting less owning), at the " + hurdle + " hurdle"
                        : "NPV at the " + hurdle + " hurdle", hurdle, ccy));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            Tornado.Bar bar = bars.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("label", labels.get(i));
            row.put("npvAtLow", Formats.money(bar.npvAtLow(), ccy));
            row.put("npvAtHigh", Formats.money(bar.npvAtHigh(), ccy));
            row.put("swing", Formats.money(bar.swing(), ccy));
            rows.add(row);
        }
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("chart", ChartElements.SCHEME + "tornado");
        t.put("title", hold ? "What moves holding against selling most"
                : ownUse ? "What moves the saving from owning most" : "What moves NPV most");
        t.put("bars", rows);
        t.put("sentence", hold ? holdSentence(bars, hurdle, ccy) : ownUse ? ownUseSentence(bars, hurdle, ccy) : sentence(bars, hurdle, ccy));
        t.put("caption", ownUse
                ? "The saving from owning (present cost of renting the same GPU-hours on the cluster's price path, gross, less the"
                + " present cost of owning them, both at the " + hurdle + " hurdle) when one input at a time moves "
                + Formats.percent(Tornado.DEFAULT_RELATIVE_MOVE, 0) + " below and above its assumed value (or over the Risk sheet's"
                + " range), everything else as assumed (utilization capped at 100%), widest swing first. Light bars: the input at its"
                + " low value; dark bars: at its high value; the red line is the base case (" + Formats.money(baseNpvAtHurdle, ccy)
                + "), the black line 0, where owning and renting the hours cost the same."
                : hold
                ? "Hold value minus sale (both at the valuation date, holding at the " + hurdle + " hurdle) when one input still to come"
                + " moves " + Formats.percent(Tornado.DEFAULT_RELATIVE_MOVE, 0) + " below and above its assumed value (or over the"
                + " Risk sheet's range), everything else as assumed, widest swing first; the capex already paid is sunk and has no bar."
                + " Light bars: the input at its low value; dark bars: at its high value; the red line is the base case ("
                + Formats.money(baseNpvAtHurdle, ccy) + "), the black line 0, where holding and selling are worth the same."
                : "NPV at the " + hurdle + " hurdle when one input at a time moves " + Formats.percent(Tornado.DEFAULT_RELATIVE_MOVE, 0)
                + " below and above its assumed value (or over the low to high range the workbook's Risk sheet gives), everything else as assumed (utilization capped at 100%), widest swing first. "
                + "Light bars: the input at its low value; dark bars: at its high value; the red line is the base case ("
                + Formats.money(baseNpvAtHurdle, ccy) + "), the black line NPV 0, where the hurdle is just met.");
        return t;
    }

    /** "The start price moves NPV at the 10.0% hurdle most: by $X as it goes from … (NPV … to …). Next: …" */
    static String sentence(List<Tornado.Bar> bars, String hurdle, String ccy) {
        if (bars.isEmpty()) {
            return "";
        }
        return widest(bars, "NPV at the " + hurdle + " hurdle", "NPV ", ccy);
    }

    /** "The start price moves the saving from owning the GPU-hours most: by $X as it goes from … ($… to $…). Next: …" */
    static String ownUseSentence(List<Tornado.Bar> bars, String hurdle, String ccy) {
        if (bars.isEmpty()) {
            return "";
        }
        return widest(bars, "the saving from owning the GPU-hours (at the " + hurdle + " hurdle)", "", ccy);
    }

    /** "The utilization moves hold value minus sale most: by $X as it goes from … ($… to $…). Next: …" */
    static String holdSentence(List<Tornado.Bar> bars, String hurdle, String ccy) {
        if (bars.isEmpty()) {
            return "Nothing still to come moves the decision: every flow is realized.";
        }
        return widest(bars, "hold value minus sale (at the " + hurdle + " hurdle)", "", ccy);
    }

    /** The widest bar in words, with the figure it moves ({@code measure}) at its low and high, then the next two. */
    private static String widest(List<Tornado.Bar> bars, String measure, String rangePrefix, String ccy) {
        Tornado.Bar top = bars.get(0);
        StringBuilder s = new StringBuilder("The ").append(inSentence(top.input()))
                .append(" moves ").append(measure).append(" most: by ").append(Formats.money(top.swing(), ccy))
                .append(" as it goes from ").append(values(top, ccy, " to ")).append(" (").append(rangePrefix)
                .append(Formats.money(top.npvAtLow(), ccy)).append(" to ").append(Formats.money(top.npvAtHigh(), ccy)).append(").");
        List<String> next = new ArrayList<>();
        for (Tornado.Bar bar : bars.subList(1, Math.min(3, bars.size()))) {
            next.add(inSentence(bar.input()) + " (" + Formats.money(bar.swing(), ccy) + ")");
        }
        if (!next.isEmpty()) {
            s.append(" Next: ").append(String.join(", ", next)).append('.');
        }
        return s.toString();
    }

    /** The input's name and its low–high values: {@code Start price $1.60–$2.40/GPU-hr}. */
    static String label(Tornado.Bar bar, String ccy) {
        return name(bar.input()) + " " + values(bar, ccy, "–");
    }

    static String name(Tornado.Input input) {
        return switch (input) {
            case START_PRICE_PER_GPU_HOUR -> "Start price";
            case UTILIZATION -> "Utilization";
            case CAPEX_PER_GPU -> "Capex per GPU";
            case ANNUAL_PRICE_DECLINE -> "Annual price decline";
            case ELECTRICITY_PER_KWH -> "Electricity";
            case OTHER_OPEX_PER_GPU_MONTH -> "Other opex";
            case RESIDUAL_SHARE -> "Residual value";
            case HURDLE_RATE -> "Hurdle rate";
            case SECONDARY_PRICE_PER_GPU -> "Secondary price per GPU";
        };
    }

    /** The name inside a sentence: "capex per GPU", not "Capex per GPU" or "capex per gpu". */
    private static String inSentence(Tornado.Input input) {
        String name = name(input);
        return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }

    private static String values(Tornado.Bar bar, String ccy, String between) {
        DoubleFunction<String> format = switch (bar.input()) {
            case START_PRICE_PER_GPU_HOUR, ELECTRICITY_PER_KWH -> v -> Formats.price(v, ccy);
            case CAPEX_PER_GPU, OTHER_OPEX_PER_GPU_MONTH, SECONDARY_PRICE_PER_GPU -> v -> Formats.money(v, ccy);
            case UTILIZATION, RESIDUAL_SHARE -> v -> Formats.percent(v, 0);
            case ANNUAL_PRICE_DECLINE, HURDLE_RATE -> v -> Formats.percent(v, 1);
        };
        String unit = switch (bar.input()) {
            case START_PRICE_PER_GPU_HOUR -> "/GPU-hr";
            case ELECTRICITY_PER_KWH -> "/kWh";
            case OTHER_OPEX_PER_GPU_MONTH -> "/GPU-month";
            case RESIDUAL_SHARE -> " of capex";
            case ANNUAL_PRICE_DECLINE -> " a year";
            default -> "";
        };
        return format.apply(bar.low()) + between + format.apply(bar.high()) + unit;
    }
}
