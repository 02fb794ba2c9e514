package gpuroi.engine;

import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The start-price margin is break-even / price − 1 when the price falls short, 1 − break-even / price when it clears. */
class StartPriceMarginTest {
    @Test
    void aPriceFivePercentBelowTheBreakEvenNeedsTheMarketToPayFivePointTwoPercentMore() {
        // price = 95% of break-even: the market must pay 1 / 0.95 − 1 = 5.263% more, not 5.0%.
        StartPriceMargin m = StartPriceMargin.of(1.90, OptionalDouble.of(2.00)).orElseThrow();
        assertThat(m.clears()).isFalse();
        assertThat(m.riseNeeded()).isCloseTo(0.0526315789, within(1e-9));
    }

    @Test
    void aPriceAboveTheBreakEvenCanFallByOneMinusTheirRatio() {
        // break-even $1.00 under a $4.00 price: the price can fall 75% before the hurdle is missed.
        StartPriceMargin m = StartPriceMargin.of(4.00, OptionalDouble.of(1.00)).orElseThrow();
        assertThat(m.clears()).isTrue();
        assertThat(m.fallAllowed()).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void noMarginExistsWithoutAPositivePriceOrABreakEven() {
        assertThat(StartPriceMargin.of(0, OptionalDouble.of(1))).isEmpty();
        assertThat(StartPriceMargin.of(2, OptionalDouble.empty())).isEmpty();
        assertThat(StartPriceMargin.of(2, OptionalDouble.of(-0.5))).isEmpty();
    }
}
