package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.PricePath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A cluster whose flows are a level monthly annuity: flat price, no power or other opex, no
 * residual, no fees. Every metric then has a textbook closed form, written out below; capex is
 * chosen so that the monthly IRR is a known r.
 *
 * <pre>
 *   c        = GPUs · 730 · u · p                       (net flow of every month)
 *   a(q, N)  = (1 − (1 + q)^−N) / q                     (annuity factor)
 *   capex    = c · a(r, N)                              ⇒ monthly IRR = r
 *   NPV(R)   = −capex + c · a(q, N),  q = (1 + R)^(1/12) − 1
 *   payback  = capex / c months (the cumulative is linear)
 *   MOIC     = N · c / capex
 *   levelized cost = capex / (GPUs · 730 · u · a(h, N)), h the monthly hurdle
 *   break-even start price (NPV at hurdle 0) = the levelized cost
 *   break-even start price (IRR 0)           = capex / (N · GPUs · 730 · u)
 *   break-even utilization                   = capex / (GPUs · 730 · p · a(h, N))
 * </pre>
 */
class ClosedFormTest {
    static final LocalDate VALUATION = LocalDate.of(2026, 3, 31);
    static final int GPUS = 8;
    static final int MONTHS = 48;
    static final double UTILIZATION = 0.75;
    static final double PRICE = 2.40;
    static final double MONTHLY_IRR = 0.02;
    static final double DISCOUNT = 0.08;
    static final double HURDLE = 0.12;

    static final double MONTHLY_FLOW = GPUS * 730 * UTILIZATION * PRICE;
    static final double CAPEX = MONTHLY_FLOW * annuity(MONTHLY_IRR, MONTHS);

    static double annuity(double monthlyRate, int months) {
        return monthlyRate == 0 ? months : (1 - Math.pow(1 + monthlyRate, -months)) / monthlyRate;
    }

    static double monthly(double annualRate) {
        return Math.pow(1 + annualRate, 1.0 / 12) - 1;
    }

    static Cluster.Builder annuityCluster() {
        return Cluster.builder("annuity")
                .gpuCount(GPUS)
                .capexPerGpu(CAPEX / GPUS)
                .lifeMonths(MONTHS)
                .utilization(UTILIZATION)
                .startPricePerGpuHour(PRICE)
                .pricePath(new PricePath.Flat());
    }

    static Assumptions assumptions() {
        return Assumptions.defaults(VALUATION).withRates(DISCOUNT, HURDLE);
    }

    static ClusterMetrics metrics(Cluster cluster) {
        return RoiEngine.analyze(cluster, assumptions()).metrics();
    }

    @Test
    void irrIsTheMonthlyRateTheCapexWasBuiltFromAnnualized() {
        ClusterMetrics m = metrics(annuityCluster().build());
        assertThat(m.irr().annualRate().getAsDouble()).isCloseTo(Math.pow(1 + MONTHLY_IRR, 12) - 1, within(1e-10));
        assertThat(((IrrResult.Unique) m.irr()).periodic()).isCloseTo(MONTHLY_IRR, within(1e-12));
    }

    @Test
    void npvIsTheAnnuityValueLessCapexAtBothRates() {
        ClusterMetrics m = metrics(annuityCluster().build());
        double npvAtDiscount = -CAPEX + MONTHLY_FLOW * annuity(monthly(DISCOUNT), MONTHS);
        double npvAtHurdle = -CAPEX + MONTHLY_FLOW * annuity(monthly(HURDLE), MONTHS);
        assertThat(m.npv()).isCloseTo(npvAtDiscount, within(1e-9 * CAPEX));
        assertThat(m.npvAtHurdle()).isCloseTo(npvAtHurdle, within(1e-9 * CAPEX));
    }

    @Test
    void paybackIsCapexOverTheMonthlyFlow() {
        ClusterMetrics m = metrics(annuityCluster().build());
        assertThat(m.paybackMonths().getAsDouble()).isCloseTo(CAPEX / MONTHLY_FLOW, within(1e-9));
    }

    @Test
    void moicAndTotalReturnAreTheUndiscountedRatio() {
        ClusterMetrics m = metrics(annuityCluster().build());
        double moic = MONTHS * MONTHLY_FLOW / CAPEX;
        assertThat(m.moic().getAsDouble()).isCloseTo(moic, within(1e-12));
        assertThat(m.annualizedTotalReturn().getAsDouble()).isCloseTo(Math.pow(moic, 12.0 / MONTHS) - 1, within(1e-12));
        assertThat(m.totalRevenue()).isCloseTo(MONTHS * MONTHLY_FLOW, within(1e-6));
        assertThat(m.totalOperatingCost()).isZero();
    }

    @Test
    void mirrReinvestsTheAnnuityAtTheDiscountRate() {
        // FV of the inflows at month N over the capex, N-th root, annualized.
        double q = monthly(DISCOUNT);
        double futureValue = MONTHLY_FLOW * (Math.pow(1 + q, MONTHS) - 1) / q;
        double monthlyMirr = Math.pow(futureValue / CAPEX, 1.0 / MONTHS) - 1;
        ClusterMetrics m = metrics(annuityCluster().build());
        assertThat(m.mirr().getAsDouble()).isCloseTo(Math.pow(1 + monthlyMirr, 12) - 1, within(1e-10));
    }

    @Test
    void levelizedCostIsCapexOverThePresentValueOfUtilizedHoursAndLevelizedPriceIsThePrice() {
        ClusterMetrics m = metrics(annuityCluster().build());
        double utilizedHoursPerMonth = GPUS * 730 * UTILIZATION;
        double levelizedCost = CAPEX / (utilizedHoursPerMonth * annuity(monthly(HURDLE), MONTHS));
        assertThat(m.levelizedCostPerGpuHour().getAsDouble()).isCloseTo(levelizedCost, within(1e-9));
        assertThat(m.levelizedPricePerGpuHour().getAsDouble()).isCloseTo(PRICE, within(1e-12));
    }

    @Test
    void breakEvenStartPriceIsTheLevelizedCostAndGivesZeroNpvAtTheHurdle() {
        double expected = CAPEX / (GPUS * 730 * UTILIZATION * annuity(monthly(HURDLE), MONTHS));
        ClusterMetrics m = metrics(annuityCluster().build());
        assertThat(m.breakEvenStartPrice().getAsDouble()).isCloseTo(expected, within(1e-9));

        ClusterMetrics atBreakEven = metrics(annuityCluster().startPricePerGpuHour(m.breakEvenStartPrice().getAsDouble()).build());
        assertThat(atBreakEven.npvAtHurdle()).isCloseTo(0, within(1e-9 * CAPEX));
        assertThat(atBreakEven.irr().annualRate().getAsDouble()).isCloseTo(HURDLE, within(1e-9));
    }

    @Test
    void breakEvenUtilizationGivesZeroNpvAtTheHurdle() {
        double expected = CAPEX / (GPUS * 730 * PRICE * annuity(monthly(HURDLE), MONTHS));
        ClusterMetrics m = metrics(annuityCluster().build());
        assertThat(m.breakEvenUtilization().getAsDouble()).isCloseTo(expected, within(1e-12));

        ClusterMetrics atBreakEven = metrics(annuityCluster().utilization(expected).build());
        assertThat(atBreakEven.npvAtHurdle()).isCloseTo(0, within(1e-9 * CAPEX));
    }

    @Test
    void zeroIrrBreakEvenPriceSpreadsCapexEvenlyOverTheUtilizedHoursAndGivesZeroIrr() {
        double expected = CAPEX / (MONTHS * GPUS * 730 * UTILIZATION);
        ClusterMetrics m = metrics(annuityCluster().build());
        assertThat(m.breakEvenStartPriceZeroIrr().getAsDouble()).isCloseTo(expected, within(1e-12));

        ClusterMetrics atBreakEven = metrics(annuityCluster().startPricePerGpuHour(expected).build());
        assertThat(atBreakEven.irr().annualRate().getAsDouble()).isCloseTo(0, within(1e-9));
        assertThat(atBreakEven.moic().getAsDouble()).isCloseTo(1, within(1e-12));
        assertThat(atBreakEven.annualizedTotalReturn().getAsDouble()).isCloseTo(0, within(1e-12));
    }

    @Test
    void aPlannedClusterStartingLaterIsDiscountedBackToTheValuationDateButKeepsItsIrr() {
        // Starting 9 whole months after the valuation date: NPV = NPV at start · (1 + R)^(−9/12).
        Cluster later = annuityCluster().startDate(VALUATION.plusMonths(9)).build();
        ClusterAnalysis analysis = RoiEngine.analyze(later, assumptions());
        double atStart = -CAPEX + MONTHLY_FLOW * annuity(monthly(DISCOUNT), MONTHS);
        assertThat(analysis.schedule().offsetMonths()).isEqualTo(9);
        assertThat(analysis.schedule().months()).noneMatch(MonthlyCashFlow::history);
        assertThat(analysis.metrics().npv()).isCloseTo(atStart * Math.pow(1 + DISCOUNT, -9 / 12.0), within(1e-9 * CAPEX));
        assertThat(analysis.metrics().irr().annualRate().getAsDouble()).isCloseTo(Math.pow(1 + MONTHLY_IRR, 12) - 1, within(1e-10));
        assertThat(analysis.metrics().breakEvenStartPrice().getAsDouble())
                .isCloseTo(CAPEX / (GPUS * 730 * UTILIZATION * annuity(monthly(HURDLE), MONTHS)), within(1e-9));
    }

    @Test
    void theDecisionIsBuyBecauseTheIrrClearsTheHurdle() {
        // Monthly 2% is 26.8% a year, above the 12% hurdle.
        ClusterAnalysis analysis = RoiEngine.analyze(annuityCluster().build(), assumptions());
        assertThat(analysis.recommendation().decision()).isEqualTo(Decision.BUY);
        assertThat(analysis.recommendation().reason()).contains("IRR 26.8%").contains("12.0% hurdle");
    }
}
