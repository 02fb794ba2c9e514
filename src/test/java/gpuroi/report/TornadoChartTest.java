package gpuroi.report;

import java.util.Optional;
import gpuroi.engine.SensitivityFigures;
import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.RoiEngine;
import gpuroi.engine.Tornado;
import gpuroi.model.Cluster;
import gpuroi.model.Formats;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The tornado in a cluster memo: always there, the widest input first, its swing in words and in the chart. */
class TornadoChartTest {
    /** The worked example at 90% utilization: +20% would pass 100%, so the capped utilization swings less than the price. */
    private final Cluster cluster = MemoFixtures.workedExample("tornado").toBuilder().utilization(0.90).build();
    private final ClusterAnalysis analysis = RoiEngine.analyze(cluster, MemoFixtures.ASSUMPTIONS);

    private static double npvAtHurdle(Cluster c) {
        return RoiEngine.analyze(c, MemoFixtures.ASSUMPTIONS).metrics().npvAtHurdle();
    }

    @Test
    void theStartPriceIsNamedFirstWithItsRangeAndTheSwingOfTheEngineRunsAtThatRange() throws Exception {
        String text = MemoFixtures.flatText(MemoRenderer.builtIn(Paper.A4).clusterMemo(analysis, SensitivityFigures.of(analysis), Optional.empty(), MemoFixtures.ASSUMPTIONS, MemoFixtures.CONTEXT));

        // $2.00/GPU-hr moved ±20%: NPV at the hurdle at $1.60 and at $2.40, each a run of the engine.
        double atLow = npvAtHurdle(cluster.toBuilder().startPricePerGpuHour(1.60).build());
        double atHigh = npvAtHurdle(cluster.toBuilder().startPricePerGpuHour(2.40).build());
        assertThat(text).contains("The start price moves NPV at the 10.0% hurdle most: by " + Formats.money(atHigh - atLow, "USD")
                + " as it goes from $1.60 to $2.40/GPU-hr (NPV " + Formats.money(atLow, "USD") + " to " + Formats.money(atHigh, "USD") + ").");
        assertThat(text).contains("Start price $1.60–$2.40/GPU-hr");
        assertThat(text).contains("Utilization 72%–100%");
        assertThat(text).contains("Capex per GPU $16,000–$24,000");
        assertThat(text.indexOf("Start price $1.60–$2.40/GPU-hr")).isLessThan(text.indexOf("Utilization 72%–100%"));
        assertThat(text).contains("What moves NPV most");
    }

    @Test
    void revenueIsLinearInTheStartPriceSoItsSwingFollowsFromTheBreakEvenPrice() {
        // NPV(p) = slope × (p − p*) with p* the break-even start price: a ±20% move swings NPV by 0.4·p·NPV(p)/(p − p*).
        double price = cluster.startPricePerGpuHour();
        double breakEven = analysis.metrics().breakEvenStartPrice().getAsDouble();
        double expected = 0.4 * price * analysis.metrics().npvAtHurdle() / (price - breakEven);

        List<Tornado.Bar> bars = Tornado.of(cluster, MemoFixtures.ASSUMPTIONS);

        assertThat(bars.get(0).input()).isEqualTo(Tornado.Input.START_PRICE_PER_GPU_HOUR);
        assertThat(bars.get(0).swing()).isCloseTo(expected, within(0.01));
        assertThat(TornadoSection.label(bars.get(0), "USD")).isEqualTo("Start price $1.60–$2.40/GPU-hr");
    }

    @Test
    void theBarsAreListedForTheTemplateWidestFirst() {
        @SuppressWarnings("unchecked")
        var tornado = (java.util.Map<String, Object>) ClusterMemoModel.of(analysis, SensitivityFigures.of(analysis), java.util.Optional.empty(),
                MemoFixtures.ASSUMPTIONS, MemoFixtures.CONTEXT,
                Paper.A4, new java.util.HashMap<>()).get("tornado");
        @SuppressWarnings("unchecked")
        var rows = (List<java.util.Map<String, Object>>) tornado.get("bars");
        List<Tornado.Bar> bars = Tornado.of(cluster, MemoFixtures.ASSUMPTIONS);

        assertThat(rows).hasSize(bars.size());
        for (int i = 0; i < bars.size(); i++) {
            assertThat(rows.get(i).get("swing")).isEqualTo(Formats.money(bars.get(i).swing(), "USD"));
        }
        assertThat(tornado.get("chart")).isEqualTo("chart:tornado");
    }
}
