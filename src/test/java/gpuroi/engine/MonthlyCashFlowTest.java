package gpuroi.engine;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A month built by name derives its net, running total and discounted flow from the amounts it was given. */
class MonthlyCashFlowTest {

    private static final LocalDate END_OF_MONTH_3 = LocalDate.of(2025, 4, 1);

    @Test
    void theNetFlowIsRevenueLessPowerOtherOpexAndCapexPlusResidual() {
        MonthlyCashFlow month = MonthlyCashFlow.month(3, END_OF_MONTH_3)
                .revenue(10_000).power(2_500).otherOpex(500).capex(1_000).residual(4_000)
                .cumulativeBefore(-50_000).discountFactor(0.9)
                .build();

        // 10,000 − 2,500 − 500 − 1,000 + 4,000 = 10,000; −50,000 + 10,000 = −40,000; 10,000 · 0.9 = 9,000
        assertThat(month.net()).isCloseTo(10_000, within(1e-9));
        assertThat(month.cumulative()).isCloseTo(-40_000, within(1e-9));
        assertThat(month.discounted()).isCloseTo(9_000, within(1e-9));
    }

    @Test
    void aPurchaseMonthIsTheCapexAloneAndEveryOtherAmountIsZero() {
        MonthlyCashFlow purchase = MonthlyCashFlow.month(0, END_OF_MONTH_3).capex(300_000).discountFactor(1).build();

        assertThat(purchase.net()).isEqualTo(-300_000);
        assertThat(purchase.cumulative()).isEqualTo(-300_000);
        assertThat(purchase.revenue()).isZero();
        assertThat(purchase.pricePerGpuHour()).isZero();
        assertThat(purchase.contractedGpus()).isZero();
        assertThat(purchase.history()).isFalse();
    }

    @Test
    void theNamedAmountsLandInTheirOwnComponents() {
        MonthlyCashFlow month = MonthlyCashFlow.month(7, END_OF_MONTH_3).history(true).pricePerGpuHour(2.5)
                .marketGpuHours(700).utilizedGpuHours(1_430).contracted(1, 1_200).build();

        assertThat(month.month()).isEqualTo(7);
        assertThat(month.date()).isEqualTo(END_OF_MONTH_3);
        assertThat(month.history()).isTrue();
        assertThat(month.pricePerGpuHour()).isEqualTo(2.5);
        assertThat(month.marketGpuHours()).isEqualTo(700);
        assertThat(month.utilizedGpuHours()).isEqualTo(1_430);
        assertThat(month.contractedGpus()).isEqualTo(1);
        assertThat(month.contractRevenue()).isEqualTo(1_200);
    }
}
