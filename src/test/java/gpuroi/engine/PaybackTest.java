package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.PricePath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Payback: months until the cumulative flow turns ≥ 0, interpolated linearly within the month.
 * When the cumulative turns positive and then dips below zero again, the engine counts the last
 * crossing (the money is only "paid back" once it stays paid back), as {@link Metrics#payback} documents.
 */
class PaybackTest {
    static final Assumptions ASSUMPTIONS = Assumptions.defaults(LocalDate.of(2026, 1, 1));

    @Test
    void paybackInterpolatesWithinTheMonthTheCumulativeCrosses() {
        // −1000, −600, −200, +200: crosses a half-way through month 3.
        assertThat(Metrics.payback(new double[] {-1000, -600, -200, 200}).getAsDouble()).isCloseTo(2.5, within(1e-12));
    }

    @Test
    void aCumulativeLandingExactlyOnZeroPaysBackAtThatMonthEnd() {
        assertThat(Metrics.payback(new double[] {-100, -50, 0, 10}).getAsDouble()).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void aCumulativeThatDipsNegativeAgainPaysBackOnlyAtTheLastCrossing() {
        // Positive at month 2, negative again in months 3–4, back above zero a fifth of the way into month 5.
        double[] cumulative = {-1000, -200, 100, -50, -100, 400};
        assertThat(Metrics.payback(cumulative).getAsDouble()).isCloseTo(4 + 100.0 / 500, within(1e-12));
    }

    @Test
    void aCumulativeThatEndsBelowZeroNeverPaysBack() {
        assertThat(Metrics.payback(new double[] {-1000, -500, -1})).isEmpty();
        assertThat(Metrics.payback(new double[] {-1000, 500, -1})).isEmpty();
    }

    @Test
    void aCumulativeThatIsNeverNegativePaysBackImmediately() {
        assertThat(Metrics.payback(new double[] {0, 10, 20}).getAsDouble()).isZero();
    }

    static Cluster.Builder tiny() {
        // Revenue 730 · (1000/730) · factor = 1000 · factor a month, other opex 100 a month.
        return Cluster.builder("tiny")
                .capexPerGpu(1_000)
                .lifeMonths(5)
                .otherOpexPerGpuMonth(100)
                .startPricePerGpuHour(1000.0 / 730);
    }

    @Test
    void theEngineReportsTheLastCrossingWhenIdleMonthsPullTheCumulativeBackBelowZero() {
        // Nets 1100, −100, −100, −100, 900: cumulative −1000, 100, 0, −100, −200, 700.
        Cluster cluster = tiny().pricePath(new PricePath.Custom(PricePath.Custom.Step.MONTHLY, List.of(1.2, 0.0, 0.0, 0.0, 1.0))).build();
        ClusterAnalysis analysis = RoiEngine.analyze(cluster, ASSUMPTIONS);
        assertThat(analysis.schedule().last().cumulative()).isCloseTo(700, within(1e-9));
        assertThat(analysis.metrics().paybackMonths().getAsDouble()).isCloseTo(4 + 200.0 / 900, within(1e-9));
    }

    @Test
    void theEngineReportsNeverWhenTheClusterDoesNotEarnItsCapexBack() {
        Cluster cluster = tiny().pricePath(new PricePath.Flat()).startPricePerGpuHour(0.2).build();
        ClusterMetrics m = RoiEngine.analyze(cluster, ASSUMPTIONS).metrics();
        assertThat(m.paybackMonths()).isEmpty();
        assertThat(m.discountedPaybackMonths()).isEmpty();
    }

    @Test
    void theEngineReportsImmediatePaybackForAClusterThatCostNothing() {
        Cluster cluster = tiny().capexPerGpu(0).pricePath(new PricePath.Flat()).build();
        ClusterMetrics m = RoiEngine.analyze(cluster, ASSUMPTIONS).metrics();
        assertThat(m.paybackMonths().getAsDouble()).isZero();
        assertThat(m.moic()).as("no capex, no multiple").isEmpty();
        assertThat(m.irr()).isInstanceOf(IrrResult.None.class);
    }

    @Test
    void discountedPaybackComesLaterThanPaybackAtAPositiveRate() {
        // Flat 900 a month on a 1,000 capex: payback 1000/900 months; discounted at 10% a year,
        // month 1 is worth 900·1.1^(−1/12) and month 2 closes the rest.
        Cluster cluster = tiny().pricePath(new PricePath.Flat()).build();
        ClusterMetrics m = RoiEngine.analyze(cluster, ASSUMPTIONS).metrics();
        double v = Math.pow(1.1, -1.0 / 12);
        double expectedDiscounted = 1 + (1000 - 900 * v) / (900 * v * v);
        assertThat(m.paybackMonths().getAsDouble()).isCloseTo(1000.0 / 900, within(1e-9));
        assertThat(m.discountedPaybackMonths().getAsDouble()).isCloseTo(expectedDiscounted, within(1e-9));
    }
}
