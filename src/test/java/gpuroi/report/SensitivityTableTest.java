package gpuroi.report;

import java.util.Optional;
import gpuroi.engine.SensitivityFigures;
import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.Decision;
import gpuroi.engine.RoiEngine;
import gpuroi.engine.Sensitivity;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The sensitivity table's colours say which way the cluster's own decision goes at each point. */
class SensitivityTableTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Object> baseCell(Map<String, Object> model) {
        Map<String, Object> table = (Map<String, Object>) model.get("sensitivity");
        for (Map<String, Object> row : (List<Map<String, Object>>) table.get("rows")) {
            for (Map<String, Object> cell : (List<Map<String, Object>>) row.get("cells")) {
                if (Boolean.TRUE.equals(cell.get("base"))) {
                    return cell;
                }
            }
        }
        throw new AssertionError("no base cell");
    }

    private static boolean green(String color) {
        int red = Integer.parseInt(color.substring(1, 3), 16);
        int green = Integer.parseInt(color.substring(3, 5), 16);
        return green > red;
    }

    private static Map<String, Object> model(ClusterAnalysis analysis) {
        return ClusterMemoModel.of(analysis, SensitivityFigures.of(analysis), Optional.empty(), MemoFixtures.ASSUMPTIONS, MemoFixtures.CONTEXT,
                Paper.A4, new HashMap<>());
    }

    @Test
    void theBaseCaseCellShowsTheEngineIrrAndIsRedForRent() {
        ClusterAnalysis analysis = MemoFixtures.analysis("w");
        Map<String, Object> cell = baseCell(model(analysis));

        assertThat(cell.get("text")).isEqualTo("1.7%");
        assertThat(green((String) cell.get("color"))).isFalse();
    }

    @Test
    void anOwnedClusterIsColouredByHoldingAgainstSellingNotByTheOriginalPurchase() {
        Cluster owned = MemoFixtures.workedExample("owned").toBuilder()
                .status(ClusterStatus.OWNED).startDate(LocalDate.of(2025, 7, 1)).secondaryPricePerGpu(1_000.0).build();
        ClusterAnalysis hold = RoiEngine.analyze(owned, MemoFixtures.ASSUMPTIONS);
        ClusterAnalysis resell = RoiEngine.analyze(owned.toBuilder().secondaryPricePerGpu(19_000.0).build(), MemoFixtures.ASSUMPTIONS);

        assertThat(hold.recommendation().decision()).isEqualTo(Decision.HOLD);
        assertThat(resell.recommendation().decision()).isEqualTo(Decision.RESELL);
        assertThat(green((String) baseCell(model(hold)).get("color"))).isTrue();
        assertThat(green((String) baseCell(model(resell)).get("color"))).isFalse();
        @SuppressWarnings("unchecked")
        String caption = (String) ((Map<String, Object>) model(hold).get("sensitivity")).get("caption");
        assertThat(caption).contains("HOLD").contains("RESELL");
        assertThat(Sensitivity.startPriceByUtilization(owned, MemoFixtures.ASSUMPTIONS).at(3, 3).remainingValueAtHurdle())
                .isEqualTo(hold.metrics().remainingValueAtHurdle());
    }
}
