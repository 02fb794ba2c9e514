package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.PricePath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DeclineCapexGridTest {
    private final Assumptions assumptions = Assumptions.defaults(WorkedExampleTest.VALUATION);
    private final Cluster cluster = WorkedExampleTest.workedExample().toBuilder()
            .residualShare(0.15).pricePath(new PricePath.AnnualDecline(0.3)).build();

    @Test
    void theCentreOfTheGridIsTheBaseCase() {
        DeclineCapexGrid grid = DeclineCapexGrid.over(cluster, assumptions, List.of(0.2, 0.3, 0.4),
                List.of(0.9 * cluster.capexPerGpu(), cluster.capexPerGpu(), 1.1 * cluster.capexPerGpu()));
        ClusterMetrics base = RoiEngine.analyze(cluster, assumptions).metrics();

        assertThat(grid.at(1, 1)).isEqualTo(base);
    }

    @Test
    void npvFallsWithTheDeclineAndWithCapex() {
        DeclineCapexGrid grid = DeclineCapexGrid.of(cluster, assumptions);
        for (int row = 0; row < grid.annualDeclines().size(); row++) {
            for (int column = 0; column < grid.capexPerGpu().size(); column++) {
                if (row > 0) {
                    assertThat(grid.at(row, column).npvAtHurdle()).isLessThan(grid.at(row - 1, column).npvAtHurdle());
                }
                if (column > 0) {
                    assertThat(grid.at(row, column).npvAtHurdle()).isLessThan(grid.at(row, column - 1).npvAtHurdle());
                }
            }
        }
    }

    @Test
    void atTheBreakEvenCapexOfEachRowNpvAtTheHurdleIsZero() {
        DeclineCapexGrid grid = DeclineCapexGrid.of(cluster, assumptions);
        for (int row = 0; row < grid.annualDeclines().size(); row++) {
            double capex = grid.breakEvenCapexPerGpu().get(row).getAsDouble();
            Cluster atContour = cluster.toBuilder().pricePath(new PricePath.AnnualDecline(grid.annualDeclines().get(row)))
                    .capexPerGpu(capex).build();
            assertThat(RoiEngine.analyze(atContour, assumptions).metrics().npvAtHurdle()).isCloseTo(0, within(1e-6));
        }
        // A faster decline leaves less room for capex.
        assertThat(grid.breakEvenCapexPerGpu().get(0).getAsDouble()).isGreaterThan(grid.breakEvenCapexPerGpu().get(5).getAsDouble());
    }

    @Test
    void withALessorContractTheBreakEvenCapexOfEachRowStillGivesZeroNpvAtTheHurdle() {
        Cluster rented = SensitivityTest.RENTED_OUT;
        Assumptions a = SensitivityTest.CONTRACT_ASSUMPTIONS;
        DeclineCapexGrid grid = DeclineCapexGrid.of(rented, a, SensitivityTest.CONTRACTS, SensitivityTest.QUOTES);
        DeclineCapexGrid marketOnly = DeclineCapexGrid.of(rented, a);

        for (int row = 0; row < grid.annualDeclines().size(); row++) {
            double capex = grid.breakEvenCapexPerGpu().get(row).getAsDouble();
            Cluster atContour = rented.toBuilder().pricePath(new PricePath.AnnualDecline(grid.annualDeclines().get(row)))
                    .capexPerGpu(capex).build();
            double npv = RoiEngine.analyzeWithContracts(atContour, a, SensitivityTest.CONTRACTS).metrics().npvAtHurdle();
            assertThat(npv).isCloseTo(0, within(1e-6));
            // The contract's revenue does not fall with the market, so it leaves more room for capex on a steep decline.
            if (grid.annualDeclines().get(row) >= 0.3) {
                assertThat(capex).isGreaterThan(marketOnly.breakEvenCapexPerGpu().get(row).getAsDouble());
            }
        }
    }
}
