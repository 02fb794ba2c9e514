package gpuroi.engine;

import gpuroi.model.Cluster;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static gpuroi.engine.HoldDecisionTest.COSTS;
import static gpuroi.engine.HoldDecisionTest.HURDLE;
import static gpuroi.engine.HoldDecisionTest.REVENUE_PER_PRICE;
import static gpuroi.engine.HoldDecisionTest.REVENUE_PER_UTILIZATION;
import static gpuroi.engine.HoldDecisionTest.assumptions;
import static gpuroi.engine.HoldDecisionTest.holdValue;
import static gpuroi.engine.HoldDecisionTest.owned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * An owned cluster's tornado and start price × utilization grid measure what decides it, hold value minus sale, over
 * the inputs still to come: the mid-life cluster of {@link HoldDecisionTest}, a sale at 15,000 a GPU (142,500 net).
 */
class OwnedSensitivityTest {
    static final double SALE = 142_500;

    static SensitivityFigures figures(Cluster cluster) {
        return SensitivityFigures.of(RoiEngine.analyze(cluster, assumptions()));
    }

    @Test
    void theTornadoHasNoCapexBarAndASecondaryPriceBar() {
        SensitivityFigures f = figures(owned(15_000).build());
        assertThat(f.measure()).isEqualTo(Tornado.Measure.HOLD_MINUS_SALE);
        List<Tornado.Input> inputs = f.tornado().stream().map(Tornado.Bar::input).toList();
        assertThat(inputs).doesNotContain(Tornado.Input.CAPEX_PER_GPU)
                .contains(Tornado.Input.SECONDARY_PRICE_PER_GPU, Tornado.Input.UTILIZATION, Tornado.Input.START_PRICE_PER_GPU_HOUR);
        assertThat(f.base()).isCloseTo(holdValue(HoldDecisionTest.NET, HURDLE) - SALE, within(1e-6));
    }

    @Test
    void eachBarEndIsTheHandHoldValueLessTheSale() {
        Map<Tornado.Input, Tornado.Bar> bars = figures(owned(15_000).build()).tornado().stream()
                .collect(Collectors.toMap(Tornado.Bar::input, b -> b));
        Tornado.Bar utilization = bars.get(Tornado.Input.UTILIZATION);
        assertThat(utilization.npvAtLow()).isCloseTo(holdValue(0.56 * REVENUE_PER_UTILIZATION - COSTS, HURDLE) - SALE, within(1e-6));
        assertThat(utilization.npvAtHigh()).isCloseTo(holdValue(0.84 * REVENUE_PER_UTILIZATION - COSTS, HURDLE) - SALE, within(1e-6));
        Tornado.Bar price = bars.get(Tornado.Input.START_PRICE_PER_GPU_HOUR);
        assertThat(price.npvAtLow()).isCloseTo(holdValue(1.60 * REVENUE_PER_PRICE - COSTS, HURDLE) - SALE, within(1e-6));
        Tornado.Bar secondary = bars.get(Tornado.Input.SECONDARY_PRICE_PER_GPU);
        assertThat(secondary.npvAtLow()).isCloseTo(holdValue(HoldDecisionTest.NET, HURDLE) - 12_000 * 9.5, within(1e-6));
        assertThat(secondary.npvAtHigh()).isCloseTo(holdValue(HoldDecisionTest.NET, HURDLE) - 18_000 * 9.5, within(1e-6));
    }

    @Test
    void aClusterStillToBePaidKeepsItsCapexBar() {
        Cluster onOrder = OwnedBeforePurchaseTest.owned(5_000).build();
        List<Tornado.Input> inputs = SensitivityFigures.of(RoiEngine.analyze(onOrder, OwnedBeforePurchaseTest.assumptions()))
                .tornado().stream().map(Tornado.Bar::input).toList();
        assertThat(inputs).contains(Tornado.Input.CAPEX_PER_GPU);
    }

    @Test
    void aFinishedClusterHasNoBarsAtAll() {
        Cluster finished = RealizedHistoryMonteCarloTest.finished().build();
        assertThat(SensitivityFigures.of(RoiEngine.analyze(finished, RealizedHistoryMonteCarloTest.assumptions())).tornado()).isEmpty();
    }

    @Test
    void theGridCellsAreHoldMinusSaleAndTheRowBreakEvensAreWhereHoldingAndSellingMeet() {
        Cluster cluster = owned(15_000).build();
        SensitivityFigures.StartPriceByUtilization grid = figures(cluster).startPriceByUtilization();
        for (int r = 0; r < grid.utilizations().size(); r++) {
            double u = grid.utilizations().get(r);
            for (int c = 0; c < grid.startPrices().size(); c++) {
                double p = grid.startPrices().get(c);
                double net = 10 * 730 * u * p * 0.9 - COSTS;
                assertThat(grid.npvAtHurdle().get(r).get(c)).as("row %d column %d", r, c)
                        .isCloseTo(holdValue(net, HURDLE) - SALE, within(1e-6));
            }
            double breakEven = grid.breakEvenStartPrice().get(r).getAsDouble();
            Cluster at = owned(15_000).utilization(u).build();
            assertThat(RoiEngine.analyze(at.toBuilder().startPricePerGpuHour(breakEven * (1 + 1e-9)).build(), assumptions())
                    .recommendation().decision()).isEqualTo(Decision.HOLD);
            assertThat(RoiEngine.analyze(at.toBuilder().startPricePerGpuHour(breakEven * (1 - 1e-9)).build(), assumptions())
                    .recommendation().decision()).isEqualTo(Decision.RESELL);
        }
        int base = grid.baseRow();
        assertThat(grid.irr().get(base).get(base)).isEqualTo(
                RoiEngine.analyze(cluster, assumptions()).metrics().hold().orElseThrow().holdIrr());
    }
}
