package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.Financing;
import gpuroi.model.PricePath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * One GPU bought for $24,000 on the valuation date, 12 months, earning $2,500 a month net, half
 * financed by a 12% loan: L = 12,000 at r = 1% a month.
 */
class LeverageTest {
    static final LocalDate VALUATION = LocalDate.of(2026, 1, 1);

    static Cluster gpu(int lifeMonths) {
        return Cluster.builder("levered").gpuModel("H100").capexPerGpu(24_000).lifeMonths(lifeMonths)
                .startPricePerGpuHour(2_500.0 / 730).pricePath(new PricePath.Flat()).build();
    }

    static Assumptions with(Financing f) {
        return new Assumptions(VALUATION, "USD", 0.1, 0.1, PricePath.ARTICLE_BLENDED, 0, 0).withFinancing(f);
    }

    /** P = 12,000 · 0.01 / (1 − 1.01^−12) = 1,066.1854; month 1: interest 120, principal 946.1854. */
    @Test
    void aFullyAmortizingLoanPaysALevelInstalmentAndLeavesNothingOwed() {
        double payment = 12_000 * 0.01 / (1 - Math.pow(1.01, -12));

        Leverage l = RoiEngine.analyze(gpu(12), with(new Financing(0.5, 0.12, OptionalDouble.of(1), 0))).leverage().orElseThrow();

        assertThat(l.loan()).isEqualTo(12_000);
        assertThat(l.monthlyPayment()).isCloseTo(payment, within(1e-9));
        assertThat(l.months().get(0).interest()).isCloseTo(120, within(1e-9));
        assertThat(l.months().get(0).principal()).isCloseTo(payment - 120, within(1e-9));
        assertThat(l.months()).hasSize(12);
        assertThat(l.months().get(11).payment()).isCloseTo(payment, within(1e-6));
        assertThat(l.months().get(11).closingBalance()).isZero();
        assertThat(l.equityFlows().get(0)).isEqualTo(-12_000);
        assertThat(l.equityFlows().get(5)).isCloseTo(2_500 - payment, within(1e-9));
        // Equity IRR: the rate at which −12,000 + Σ (2,500 − P)·(1 + i)^−m = 0.
        double i = Math.pow(1 + ((IrrResult.Unique) l.equityIrr()).annual(), 1.0 / 12) - 1;
        double atIrr = -12_000;
        for (int m = 1; m <= 12; m++) {
            atIrr += (2_500 - payment) / Math.pow(1 + i, m);
        }
        assertThat(atIrr).isCloseTo(0, within(1e-6));
    }

    /** With a 50% balloon B = 6,000: P = (12,000 − 6,000 · 1.01^−12) · 0.01 / (1 − 1.01^−12), and B is paid with the last one. */
    @Test
    void aBalloonIsRepaidWithTheLastInstalment() {
        double v = Math.pow(1.01, -12);
        double payment = (12_000 - 6_000 * v) * 0.01 / (1 - v);

        Leverage l = RoiEngine.analyze(gpu(12), with(new Financing(0.5, 0.12, OptionalDouble.of(1), 0.5))).leverage().orElseThrow();

        assertThat(l.monthlyPayment()).isCloseTo(payment, within(1e-9));
        double owedAfter11 = 12_000 * Math.pow(1.01, 11) - payment * (Math.pow(1.01, 11) - 1) / 0.01;
        assertThat(l.months().get(10).closingBalance()).isCloseTo(owedAfter11, within(1e-6));
        assertThat(l.months().get(11).payment()).isCloseTo(payment + 6_000, within(1e-6));
    }

    /** A 2-year loan on a 12-month life: the balance after 11 instalments is repaid in month 12. */
    @Test
    void aLoanOutlivingTheClusterIsRepaidInItsLastMonth() {
        double v = Math.pow(1.01, -24);
        double payment = 12_000 * 0.01 / (1 - v);
        double balanceAfter11 = 12_000 * Math.pow(1.01, 11) - payment * (Math.pow(1.01, 11) - 1) / 0.01;

        Leverage l = RoiEngine.analyze(gpu(12), with(new Financing(0.5, 0.12, OptionalDouble.of(2), 0))).leverage().orElseThrow();

        assertThat(l.termMonths()).isEqualTo(24);
        assertThat(l.months().get(11).openingBalance()).isCloseTo(balanceAfter11, within(1e-6));
        assertThat(l.months().get(11).payment()).isCloseTo(balanceAfter11 * 1.01, within(1e-6));
        assertThat(l.months().get(11).closingBalance()).isZero();
    }

    @Test
    void withoutFinancingThereIsNoEquityView() {
        assertThat(RoiEngine.analyze(gpu(12), new Assumptions(VALUATION, "USD", 0.1, 0.1, PricePath.ARTICLE_BLENDED, 0, 0))
                .leverage()).isEmpty();
    }
}
