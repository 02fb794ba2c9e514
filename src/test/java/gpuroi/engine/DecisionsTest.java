package gpuroi.engine;

import gpuroi.model.Cluster;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static gpuroi.engine.ClosedFormTest.CAPEX;
import static gpuroi.engine.ClosedFormTest.GPUS;
import static gpuroi.engine.ClosedFormTest.HURDLE;
import static gpuroi.engine.ClosedFormTest.MONTHLY_FLOW;
import static gpuroi.engine.ClosedFormTest.MONTHS;
import static gpuroi.engine.ClosedFormTest.PRICE;
import static gpuroi.engine.ClosedFormTest.UTILIZATION;
import static gpuroi.engine.ClosedFormTest.annuity;
import static gpuroi.engine.ClosedFormTest.annuityCluster;
import static gpuroi.engine.ClosedFormTest.assumptions;
import static gpuroi.engine.ClosedFormTest.monthly;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * BUY or RENT for a planned cluster, with the figures of its reason computed from the annuity
 * closed forms of {@link ClosedFormTest} rather than read back from the metrics.
 */
class DecisionsTest {
    static final double HURDLE_ANNUITY = annuity(monthly(HURDLE), MONTHS);

    static String dollars(double amount) {
        return (amount < 0 ? "−$" : "$") + String.format(Locale.US, "%,d", Math.round(Math.abs(amount)));
    }

    static String price(double amount) {
        return String.format(Locale.US, "$%.2f", amount);
    }

    static String percent(double fraction) {
        return String.format(Locale.US, "%.1f%%", fraction * 100);
    }

    static Recommendation recommend(Cluster cluster) {
        return RoiEngine.analyze(cluster, assumptions()).recommendation();
    }

    @Test
    void buyStatesTheIrrTheNpvTheLevelizedFiguresAndBothBreakEvens() {
        double npv = -CAPEX + MONTHLY_FLOW * HURDLE_ANNUITY;
        double levelizedCost = CAPEX / (GPUS * 730 * UTILIZATION * HURDLE_ANNUITY);
        double breakEvenUtilization = CAPEX / (GPUS * 730 * PRICE * HURDLE_ANNUITY);
        Recommendation r = recommend(annuityCluster().build());
        assertThat(r.decision()).isEqualTo(Decision.BUY);
        assertThat(r.reason())
                .startsWith("IRR 26.8% clears the 12.0% hurdle (NPV +" + dollars(npv) + " at 12.0%).")
                .contains("Owning costs " + price(levelizedCost) + " per utilized GPU-hr against an expected " + price(PRICE))
                .contains("renting would win below a start price of " + price(levelizedCost) + "/GPU-hr (now $2.40)")
                .endsWith(" or below " + percent(breakEvenUtilization) + " utilization.");
    }

    @Test
    void rentStatesThePriceAndUtilizationFromWhichBuyingWouldPay() {
        double lowPrice = 1.00;
        double npv = -CAPEX + GPUS * 730 * UTILIZATION * lowPrice * HURDLE_ANNUITY;
        double breakEvenPrice = CAPEX / (GPUS * 730 * UTILIZATION * HURDLE_ANNUITY);
        Recommendation r = recommend(annuityCluster().startPricePerGpuHour(lowPrice).build());
        assertThat(r.decision()).isEqualTo(Decision.RENT);
        assertThat(npv).isNegative();
        assertThat(r.reason())
                .contains("falls short of the 12.0% hurdle (NPV " + dollars(npv) + " at 12.0%)")
                .contains("buying pays only from a start price of " + price(breakEvenPrice) + "/GPU-hr (now $1.00)")
                // Break-even utilization at $1.00 is above 100%, so no utilization closes the gap.
                .endsWith(", and no utilization up to 100% closes the gap at this price.");
    }

    @Test
    void aClusterThatNeverEarnsHasNoIrrAndTheReasonSaysSo() {
        Recommendation r = recommend(annuityCluster().startPricePerGpuHour(0).otherOpexPerGpuMonth(10).build());
        assertThat(r.decision()).isEqualTo(Decision.RENT);
        assertThat(r.reason()).startsWith("There is no IRR (all cash flows are negative or zero");
    }

    @Test
    void anIdleClusterIsRentedAndTheReasonSaysNoHourIsBilledAndWhichUtilizationWouldPay() {
        // Same break-even utilization as the base annuity cluster: it does not depend on the assumed utilization.
        double breakEvenUtilization = CAPEX / (GPUS * 730 * PRICE * HURDLE_ANNUITY);
        Recommendation r = recommend(annuityCluster().utilization(0).build());
        assertThat(r.decision()).isEqualTo(Decision.RENT);
        assertThat(r.reason())
                .contains("No GPU-hour is ever billed at this utilization;")
                .endsWith(" no start price alone would make buying pay, as no GPU-hours are sold at the market price;"
                        + " it would pay from " + percent(breakEvenUtilization) + " utilization.")
                .doesNotContain("n/a");
    }

    @Test
    void exactlyBreakingEvenAtTheHurdleIsABuy() {
        // NPV ≥ 0 buys: at a start price a hair above the break-even the decision must be BUY.
        double breakEvenPrice = CAPEX / (GPUS * 730 * UTILIZATION * HURDLE_ANNUITY);
        assertThat(recommend(annuityCluster().startPricePerGpuHour(breakEvenPrice * (1 + 1e-9)).build()).decision()).isEqualTo(Decision.BUY);
        assertThat(recommend(annuityCluster().startPricePerGpuHour(breakEvenPrice * (1 - 1e-9)).build()).decision()).isEqualTo(Decision.RENT);
    }
}
