package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SensitivityTest {
    private final Cluster cluster = WorkedExampleTest.workedExample();
    private final Assumptions assumptions = Assumptions.defaults(WorkedExampleTest.VALUATION);

    @Test
    void theCentreOfTheGridIsTheBaseCase() {
        Sensitivity.Grid grid = Sensitivity.startPriceByUtilization(cluster, assumptions);
        ClusterMetrics base = WorkedExampleTest.analysis().metrics();

        assertThat(grid.startPrices()).hasSize(7);
        assertThat(grid.utilizations()).hasSize(7);
        assertThat(grid.startPrices().get(3)).isEqualTo(2.00);
        assertThat(grid.utilizations().get(3)).isEqualTo(0.80);
        assertThat(grid.at(3, 3).npvAtHurdle()).isEqualTo(base.npvAtHurdle());
        assertThat(grid.at(3, 3).irr().annualRate().getAsDouble()).isCloseTo(0.0173859500, within(1e-9));
    }

    @Test
    void npvRisesWithStartPriceAndWithUtilization() {
        Sensitivity.Grid grid = Sensitivity.startPriceByUtilization(cluster, assumptions);
        for (int row = 0; row < 7; row++) {
            for (int column = 1; column < 7; column++) {
                assertThat(grid.at(row, column).npvAtHurdle()).isGreaterThan(grid.at(row, column - 1).npvAtHurdle());
            }
        }
        for (int column = 0; column < 7; column++) {
            for (int row = 1; row < 7; row++) {
                assertThat(grid.at(row, column).npvAtHurdle()).isGreaterThan(grid.at(row - 1, column).npvAtHurdle());
            }
        }
    }

    @Test
    void utilizationAboveOneHundredPercentIsCapped() {
        Cluster busy = cluster.toBuilder().utilization(0.95).build();
        Sensitivity.Grid grid = Sensitivity.startPriceByUtilization(busy, assumptions);
        assertThat(grid.utilizations()).allSatisfy(u -> assertThat(u).isLessThanOrEqualTo(1.0));
        assertThat(grid.utilizations().get(6)).isEqualTo(1.0);
    }
}
