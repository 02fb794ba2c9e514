package gpuroi.report;

import gpuroi.engine.ClusterAnalysis;
import java.util.Optional;
import gpuroi.engine.SensitivityFigures;
import gpuroi.engine.ClusterMetrics;
import gpuroi.engine.RoiEngine;
import gpuroi.model.Cluster;
import gpuroi.model.Formats;
import gpuroi.model.PricePath;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The sensitivity heat maps: each row's break-even is the engine's for that variant, and the contour brackets it. */
class HeatMapTest {
    private final Cluster cluster = MemoFixtures.workedExample("heat");
    private static final List<Double> FACTORS = List.of(0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3);

    private static ClusterMetrics metrics(Cluster c) {
        return RoiEngine.analyze(c, MemoFixtures.ASSUMPTIONS).metrics();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> model, String grid) {
        return (List<Map<String, Object>>) ((Map<String, Object>) model.get(grid)).get("rows");
    }

    private ClusterAnalysis analysis() {
        return RoiEngine.analyze(cluster, MemoFixtures.ASSUMPTIONS);
    }

    private Map<String, Object> model() {
        ClusterAnalysis analysis = RoiEngine.analyze(cluster, MemoFixtures.ASSUMPTIONS);
        return ClusterMemoModel.of(analysis, SensitivityFigures.of(analysis), Optional.empty(), MemoFixtures.ASSUMPTIONS,
                MemoFixtures.CONTEXT, Paper.A4, new HashMap<>());
    }

    @Test
    void eachUtilizationRowStatesTheBreakEvenStartPriceOfThatVariant() throws Exception {
        String text = MemoFixtures.flatText(MemoRenderer.builtIn(Paper.A4)
                .clusterMemo(analysis(), SensitivityFigures.of(analysis()), Optional.empty(), MemoFixtures.ASSUMPTIONS, MemoFixtures.CONTEXT));
        String table = text.substring(text.indexOf("Sensitivity: IRR by start price and utilization"));

        for (double factor : FACTORS) {
            double utilization = Math.min(1.0, 0.80 * factor);
            double breakEven = metrics(cluster.toBuilder().utilization(utilization).build()).breakEvenStartPrice().getAsDouble();
            // The row: its utilization, seven IRRs, then the break-even price.
            assertThat(table).containsPattern(Pattern.quote(Formats.percent(utilization, 0)) + "( \\S+){7} "
                    + Pattern.quote(Formats.price(breakEven, "USD") + "/hr"));
        }
        assertThat(table).contains("NPV = 0 from", "NPV at the 10.0% hurdle", "break-even contour");
        // The base case is the worked example's own break-even, $2.16/GPU-hr at 80%.
        assertThat(table).containsPattern("80%( \\S+){7} \\$2\\.16/hr");
    }

    @Test
    void theContourRunsBetweenTheTwoPricesThatBracketEachRowsBreakEven() {
        List<Map<String, Object>> rows = rows(model(), "sensitivity");
        int crossings = 0;
        for (int d = 0; d < rows.size(); d++) {
            double utilization = Math.min(1.0, 0.80 * FACTORS.get(FACTORS.size() - 1 - d));
            double breakEven = metrics(cluster.toBuilder().utilization(utilization).build()).breakEvenStartPrice().getAsDouble();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> cells = (List<Map<String, Object>>) rows.get(d).get("cells");
            for (int col = 0; col < cells.size(); col++) {
                double price = 2.00 * FACTORS.get(col);
                boolean lineOnTheRight = ((String) cells.get(col).get("edges")).contains("edge-right");
                boolean bracketed = col + 1 < cells.size() && price < breakEven && breakEven <= 2.00 * FACTORS.get(col + 1);
                assertThat(lineOnTheRight).as("row %d, column %d", d, col).isEqualTo(bracketed);
                crossings += lineOnTheRight ? 1 : 0;
            }
        }
        assertThat(crossings).as("the worked example's break-evens fall inside the grid on some rows").isPositive();
    }

    @Test
    void eachDeclineRowStatesTheCapexAtWhichNpvAtTheHurdleIsZero() throws Exception {
        List<Map<String, Object>> rows = rows(model(), "declineCapex");
        List<Double> declines = List.of(0.0, 1 - Math.pow(0.5, 1 / 5.0), 0.2, 0.3, 0.4, 0.5);
        assertThat(rows).hasSize(declines.size());
        String text = MemoFixtures.flatText(MemoRenderer.builtIn(Paper.A4)
                .clusterMemo(analysis(), SensitivityFigures.of(analysis()), Optional.empty(), MemoFixtures.ASSUMPTIONS, MemoFixtures.CONTEXT));
        String table = text.substring(text.indexOf("Sensitivity: IRR by annual price decline and capex"));
        for (int r = 0; r < declines.size(); r++) {
            String shown = (String) rows.get(r).get("breakEven");
            assertThat(rows.get(r).get("decline")).isEqualTo(Formats.percent(declines.get(r), 1));
            assertThat(table).containsPattern(Pattern.quote(Formats.percent(declines.get(r), 1)) + "( \\S+){7} " + Pattern.quote(shown));
            // Independently: the engine at that capex on that decline has NPV at the hurdle 0 (to the dollar the memo rounds to).
            double capex = Double.parseDouble(shown.replace("$", "").replace(",", ""));
            Cluster atBreakEven = cluster.toBuilder().pricePath(new PricePath.AnnualDecline(declines.get(r))).capexPerGpu(capex).build();
            assertThat(metrics(atBreakEven).npvAtHurdle()).as("decline %s", declines.get(r)).isCloseTo(0, within(1.0));
        }
    }
}
