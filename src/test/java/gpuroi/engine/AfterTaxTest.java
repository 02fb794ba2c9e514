package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.PricePath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * One GPU bought for $12,000 on the valuation date, 12 months of life, earning exactly $2,000 a
 * month (730 h at $2,000/730), no running costs, taxed at 25%.
 */
class AfterTaxTest {
    static final LocalDate VALUATION = LocalDate.of(2026, 1, 1);

    static Cluster.Builder gpu() {
        return Cluster.builder("taxed").gpuModel("H100").capexPerGpu(12_000).lifeMonths(12)
                .startPricePerGpuHour(2_000.0 / 730).pricePath(new PricePath.Flat());
    }

    static Assumptions taxed(OptionalDouble years) {
        return new Assumptions(VALUATION, "USD", 0, 0.12, PricePath.ARTICLE_BLENDED, 0, 0).withTax(0.25, years);
    }

    /** Depreciation 1,000 a month; taxable 2,000 − 1,000; tax 250; after tax 1,750 a month. */
    @Test
    void straightLineDepreciationOverTheGivenYearsShieldsPartOfTheIncome() {
        AfterTax t = RoiEngine.analyze(gpu().build(), taxed(OptionalDouble.of(1))).afterTax().orElseThrow();
        double v = Math.pow(1.12, -1.0 / 12);
        double annuity = v * (1 - Math.pow(v, 12)) / (1 - v);

        assertThat(t.depreciationMonths()).isEqualTo(12);
        assertThat(t.flows().get(0)).isEqualTo(-12_000);
        for (int m = 1; m <= 12; m++) {
            assertThat(t.taxByMonth().get(m)).isCloseTo(250, within(1e-9));
            assertThat(t.flows().get(m)).isCloseTo(1_750, within(1e-9));
        }
        assertThat(t.npv()).isCloseTo(-12_000 + 12 * 1_750, within(1e-6));
        assertThat(t.npvAtHurdle()).isCloseTo(-12_000 + 1_750 * annuity, within(1e-6));
        double monthlyIrr = Math.pow(1 + ((IrrResult.Unique) t.irr()).annual(), 1.0 / 12) - 1;
        double atIrr = -12_000;
        for (int m = 1; m <= 12; m++) {
            atIrr += 1_750 / Math.pow(1 + monthlyIrr, m);
        }
        assertThat(atIrr).isCloseTo(0, within(1e-6));
    }

    /**
     * Over 2 years, 500 a month is written off (tax 375) and the last month books the 6,000 left as a
     * loss against a residual of 0: tax 375 − 25% × 6,000 = −1,125. Total tax is still 25% × (24,000 − 12,000).
     */
    @Test
    void aDepreciationPeriodLongerThanTheLifeWritesOffTheRestAtTheEnd() {
        AfterTax t = RoiEngine.analyze(gpu().build(), taxed(OptionalDouble.of(2))).afterTax().orElseThrow();

        assertThat(t.taxByMonth().get(1)).isCloseTo(375, within(1e-9));
        assertThat(t.taxByMonth().get(12)).isCloseTo(-1_125, within(1e-9));
        assertThat(t.taxByMonth().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(3_000, within(1e-6));
    }

    /** Without a period the life is used; the 10% residual (1,200) is a taxable gain over a book value of 0. */
    @Test
    void theResidualsGainOverBookValueIsTaxedInTheLastMonth() {
        AfterTax t = RoiEngine.analyze(gpu().residualShare(0.1).build(), taxed(OptionalDouble.empty())).afterTax().orElseThrow();

        assertThat(t.depreciationMonths()).isEqualTo(12);
        assertThat(t.taxByMonth().get(12)).isCloseTo(0.25 * (1_000 + 1_200), within(1e-9));
        assertThat(t.flows().get(12)).isCloseTo(2_000 + 1_200 - 550, within(1e-9));
    }

    @Test
    void withoutATaxRateThereIsNoAfterTaxView() {
        Assumptions pretax = new Assumptions(VALUATION, "USD", 0, 0.12, PricePath.ARTICLE_BLENDED, 0, 0);

        assertThat(RoiEngine.analyze(gpu().build(), pretax).afterTax()).isEmpty();
    }
}
