package gpuroi.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Compounding conventions: annual ↔ periodic rates, discount factors, NPVs and MIRR's edge cases. */
class ReturnsTest {

    @Test
    void annualizingAndDeannualizingAreInverseCompoundings() {
        assertThat(Returns.annualize(0.01, 12)).isCloseTo(Math.pow(1.01, 12) - 1, within(1e-15));
        assertThat(Returns.periodicRate(0.10, 12)).isCloseTo(Math.pow(1.10, 1.0 / 12) - 1, within(1e-15));
        for (double r = -0.9; r < 5; r += 0.37) {
            assertThat(Returns.annualize(Returns.periodicRate(r, 12), 12)).isCloseTo(r, within(1e-14));
        }
    }

    @Test
    void discountFactorsDiscountForwardAndCompoundBackward() {
        assertThat(Returns.discountFactor(0.10, 1)).isCloseTo(1 / 1.1, within(1e-15));
        assertThat(Returns.discountFactor(0.10, -1.5)).isCloseTo(Math.pow(1.1, 1.5), within(1e-14));
        assertThat(Returns.discountFactor(0.10, 0)).isEqualTo(1.0);
    }

    @Test
    void monthlyNpvDiscountsMonthMByOnePlusRToTheMinusMOverTwelve() {
        double[] flows = {-1000, 300, 0, 400, 500};
        double expected = -1000 + 300 / Math.pow(1.08, 1 / 12.0) + 400 / Math.pow(1.08, 3 / 12.0) + 500 / Math.pow(1.08, 4 / 12.0);
        assertThat(Returns.npvMonthly(0.08, flows)).isCloseTo(expected, within(1e-10));
        assertThat(Returns.npv(0.08, flows, new double[] {0, 1 / 12.0, 2 / 12.0, 3 / 12.0, 4 / 12.0})).isCloseTo(expected, within(1e-10));
        assertThat(Returns.npvMonthly(0, flows)).isCloseTo(200, within(1e-12));
    }

    @Test
    void mirrIsEmptyWithoutBothAnOutflowAndAnInflowOrWithASinglePeriod() {
        assertThat(Returns.mirr(new double[] {100, 200}, 0.1, 0.1)).isEmpty();
        assertThat(Returns.mirr(new double[] {-100, -200}, 0.1, 0.1)).isEmpty();
        assertThat(Returns.mirr(new double[] {-100}, 0.1, 0.1)).isEmpty();
    }

    @Test
    void mirrOfTwoFlowsIsTheirSimpleReturnWhateverTheRates() {
        // −100 then +121 two periods later: (121/100)^(1/2) − 1 = 10%, no intermediate flow to reinvest.
        assertThat(Returns.mirr(new double[] {-100, 0, 121}, 0.05, 0.30).getAsDouble()).isCloseTo(0.10, within(1e-14));
    }
}
