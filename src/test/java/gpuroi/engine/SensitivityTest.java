package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.Lease;
import gpuroi.model.MarketQuote;
import gpuroi.model.PricePath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;

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

    /** A planned 16-GPU hall with 6 GPUs let out for 24 months, 30% prepaid, and a Market quote for its model. */
    static final Assumptions CONTRACT_ASSUMPTIONS = new Assumptions(LocalDate.of(2025, 1, 1), "USD", 0.08, 0.12,
            PricePath.ARTICLE_BLENDED, LessorContractTest.FEE, 0);
    static final Cluster RENTED_OUT = Cluster.builder("new-hall").gpuModel("H100").gpuCount(16).capexPerGpu(30_000).lifeMonths(48)
            .powerKwPerGpu(1.1).pue(1.3).electricityPerKwh(0.09).otherOpexPerGpuMonth(150).utilization(0.55)
            .startPricePerGpuHour(2.20).build();
    static final List<Lease> CONTRACTS = List.of(LessorContractTest.lessor("anchor", "new-hall", 6, 2.60, LocalDate.of(2025, 4, 1), 24, 0.3));
    static final List<MarketQuote> QUOTES = List.of(new MarketQuote("H100", OptionalDouble.of(2.40), OptionalDouble.of(1.90),
            OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()));

    @Test
    void theCentreOfTheGridOfARentedOutClusterIsItsAnalysedBaseCaseContractAndQuotesIncluded() {
        ClusterMetrics base = RoiEngine.analyzeWithContracts(RENTED_OUT, CONTRACT_ASSUMPTIONS, CONTRACTS).metrics();

        Sensitivity.Grid grid = Sensitivity.startPriceByUtilization(RENTED_OUT, CONTRACT_ASSUMPTIONS, CONTRACTS, QUOTES);

        assertThat(grid.at(3, 3)).isEqualTo(base);
        // The market-only grid misses the contract's revenue: its centre is another cluster.
        Sensitivity.Grid marketOnly = Sensitivity.startPriceByUtilization(RENTED_OUT, CONTRACT_ASSUMPTIONS);
        assertThat(marketOnly.at(3, 3).npvAtHurdle()).isNotCloseTo(base.npvAtHurdle(), within(1.0));
    }

    /**
     * The contracted GPUs bill their rate whatever the market does, so a column moves the price of
     * the uncommitted GPU-hours only: NPV grows by (start price step) × the PV of one uncommitted,
     * utilized GPU-hour's revenue per unit of price, which a cluster without the contract exceeds by
     * exactly the share of those hours the contract takes.
     */
    @Test
    void startPriceMovesOnlyTheMarketMonthsOfARentedOutCluster() {
        Sensitivity.Grid rented = Sensitivity.startPriceByUtilization(RENTED_OUT, CONTRACT_ASSUMPTIONS, CONTRACTS, QUOTES);
        Sensitivity.Grid free = Sensitivity.startPriceByUtilization(RENTED_OUT, CONTRACT_ASSUMPTIONS, List.of(), QUOTES);

        double rentedStep = rented.at(3, 4).npvAtHurdle() - rented.at(3, 3).npvAtHurdle();
        double freeStep = free.at(3, 4).npvAtHurdle() - free.at(3, 3).npvAtHurdle();
        // 6 of 16 GPUs are let out for 24 of 48 months: the start price reaches fewer GPU-hours.
        assertThat(rentedStep).isPositive().isLessThan(freeStep);
        assertThat(rentedStep).isGreaterThan(freeStep * (1 - 6.0 / 16));
    }
}
