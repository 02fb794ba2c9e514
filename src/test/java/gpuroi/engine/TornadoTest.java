package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.PricePath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TornadoTest {
    private final Assumptions assumptions = Assumptions.defaults(WorkedExampleTest.VALUATION);
    private final Cluster cluster = WorkedExampleTest.workedExample().toBuilder()
            .powerKwPerGpu(1.0).pue(1.3).electricityPerKwh(0.08).otherOpexPerGpuMonth(100).residualShare(0.1)
            .pricePath(new PricePath.AnnualDecline(0.3)).build();

    @Test
    void aZeroRangeHasZeroSwingAndTheBaseNpvAtBothEnds() {
        double base = RoiEngine.analyze(cluster, assumptions).metrics().npvAtHurdle();
        Map<Tornado.Input, Tornado.Range> none = Map.of(
                Tornado.Input.START_PRICE_PER_GPU_HOUR, new Tornado.Range(2.0, 2.0),
                Tornado.Input.UTILIZATION, new Tornado.Range(0.8, 0.8),
                Tornado.Input.HURDLE_RATE, new Tornado.Range(0.10, 0.10));

        List<Tornado.Bar> bars = Tornado.of(cluster, assumptions, none);

        assertThat(bars).hasSize(3).allSatisfy(bar -> {
            assertThat(bar.swing()).isZero();
            assertThat(bar.npvAtLow()).isEqualTo(base);
        });
    }

    @Test
    void theDefaultMovesEveryInputByTwentyPercentAndPutsTheWidestBarFirst() {
        List<Tornado.Bar> bars = Tornado.of(cluster, assumptions);

        // Every input but the secondary price, which only an owned cluster has.
        assertThat(bars).hasSize(Tornado.Input.values().length - 1);
        assertThat(bars).isSortedAccordingTo((a, b) -> Double.compare(b.swing(), a.swing()));
        Tornado.Bar price = bars.stream().filter(b -> b.input() == Tornado.Input.START_PRICE_PER_GPU_HOUR).findFirst().orElseThrow();
        assertThat(price.low()).isCloseTo(1.6, within(1e-12));
        assertThat(price.high()).isCloseTo(2.4, within(1e-12));
        assertThat(price.npvAtHigh()).isGreaterThan(price.npvAtLow());
        Tornado.Bar capex = bars.stream().filter(b -> b.input() == Tornado.Input.CAPEX_PER_GPU).findFirst().orElseThrow();
        assertThat(capex.npvAtHigh()).isLessThan(capex.npvAtLow());
    }

    @Test
    void npvIsLinearInStartPriceSoTheSwingIsTheBreakEvenSlopeTimesTheRange() {
        ClusterMetrics base = RoiEngine.analyze(cluster, assumptions).metrics();
        Tornado.Bar price = Tornado.of(cluster, assumptions,
                Map.of(Tornado.Input.START_PRICE_PER_GPU_HOUR, new Tornado.Range(1.0, 3.0))).get(0);
        // NPV(p) = slope · (p − break-even), so NPV(3) − NPV(1) = 2 · NPV(base) / (2.00 − break-even).
        double slope = base.npvAtHurdle() / (2.0 - base.breakEvenStartPrice().getAsDouble());
        assertThat(price.swing()).isCloseTo(2 * Math.abs(slope), within(1e-6 * Math.abs(slope)));
    }

    @Test
    void utilizationIsCappedAtOneHundredPercent() {
        Tornado.Bar bar = Tornado.of(cluster, assumptions, Map.of(Tornado.Input.UTILIZATION, new Tornado.Range(0.5, 1.4))).get(0);
        assertThat(bar.high()).isEqualTo(1.0);
    }

    @Test
    void theAnnualDeclineMovesOnlyForAClusterOnAGeometricDecline() {
        Cluster blended = cluster.toBuilder().pricePath(PricePath.ARTICLE_BLENDED).build();
        assertThat(Tornado.of(blended, assumptions)).noneMatch(b -> b.input() == Tornado.Input.ANNUAL_PRICE_DECLINE);
        assertThatThrownBy(() -> Tornado.of(blended, assumptions,
                Map.of(Tornado.Input.ANNUAL_PRICE_DECLINE, new Tornado.Range(0.2, 0.4))))
                .hasMessageContaining("not a geometric decline");
    }

    @Test
    void withALessorContractEachEndOfABarIsTheEnginesNpvOfTheMovedClusterWithItsContract() {
        Cluster rented = SensitivityTest.RENTED_OUT;
        Assumptions a = SensitivityTest.CONTRACT_ASSUMPTIONS;

        List<Tornado.Bar> bars = Tornado.of(rented, a, SensitivityTest.CONTRACTS, SensitivityTest.QUOTES);

        assertThat(bars).isSortedAccordingTo((x, y) -> Double.compare(y.swing(), x.swing()));
        for (Tornado.Bar bar : bars) {
            double low = npv(rented, a, bar.input(), bar.low());
            double high = npv(rented, a, bar.input(), bar.high());
            assertThat(bar.npvAtLow()).as("%s low", bar.input()).isEqualTo(low);
            assertThat(bar.npvAtHigh()).as("%s high", bar.input()).isEqualTo(high);
            assertThat(bar.swing()).isEqualTo(Math.abs(high - low));
        }
        // The contract's GPU-hours do not move with the start price: a narrower bar than without it.
        double withContract = bars.stream().filter(b -> b.input() == Tornado.Input.START_PRICE_PER_GPU_HOUR).findFirst().orElseThrow().swing();
        double without = Tornado.of(rented, a).stream().filter(b -> b.input() == Tornado.Input.START_PRICE_PER_GPU_HOUR)
                .findFirst().orElseThrow().swing();
        assertThat(withContract).isLessThan(without);
    }

    /** The full engine on the moved cluster, written out input by input. */
    private static double npv(Cluster cluster, Assumptions a, Tornado.Input input, double value) {
        Cluster.Builder b = cluster.toBuilder();
        Assumptions at = a;
        switch (input) {
            case START_PRICE_PER_GPU_HOUR -> b.startPricePerGpuHour(value);
            case UTILIZATION -> b.utilization(value);
            case CAPEX_PER_GPU -> b.capexPerGpu(value);
            case ANNUAL_PRICE_DECLINE -> b.pricePath(new PricePath.AnnualDecline(value));
            case ELECTRICITY_PER_KWH -> b.electricityPerKwh(value);
            case OTHER_OPEX_PER_GPU_MONTH -> b.otherOpexPerGpuMonth(value);
            case RESIDUAL_SHARE -> b.residualShare(value);
            case HURDLE_RATE -> at = a.withRates(a.discountRate(), value);
        }
        return RoiEngine.analyzeWithContracts(b.build(), at, SensitivityTest.CONTRACTS).metrics().npvAtHurdle();
    }

    @Test
    void inputsNearTheModelsBoundsStayInsideThemSoEveryValidClusterGetsItsBars() {
        Cluster extreme = cluster.toBuilder().residualShare(9.5).electricityPerKwh(95).build();

        List<Tornado.Bar> bars = Tornado.of(extreme, assumptions);

        Tornado.Bar residual = bars.stream().filter(b -> b.input() == Tornado.Input.RESIDUAL_SHARE).findFirst().orElseThrow();
        Tornado.Bar electricity = bars.stream().filter(b -> b.input() == Tornado.Input.ELECTRICITY_PER_KWH).findFirst().orElseThrow();
        assertThat(residual.high()).isEqualTo(10.0);
        assertThat(electricity.high()).isEqualTo(100.0);
    }
}
