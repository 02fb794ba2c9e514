package gpuroi.engine;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RandomStreamsTest {

    @Test
    void thePortableExpIsWithinThreeUlpOfStrictMathOverTheRangeTheSimulationUses() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 200_000; i++) {
            double x = -40 + 80 * random.nextDouble();
            double expected = StrictMath.exp(x);
            assertThat(RandomStreams.exp(x)).as("e^%s", x).isCloseTo(expected, within(3 * Math.ulp(expected)));
        }
        assertThat(RandomStreams.exp(0)).isEqualTo(1.0);
        assertThat(RandomStreams.exp(-800)).isZero();
        assertThat(RandomStreams.exp(800)).isInfinite();
    }

    @Test
    void theInverseNormalGivesTheNormalQuantiles() {
        assertThat(RandomStreams.inverseNormal(0.5)).isCloseTo(0, within(1e-12));
        assertThat(RandomStreams.inverseNormal(0.975)).isCloseTo(1.959963984540054, within(1e-8));
        assertThat(RandomStreams.inverseNormal(0.001)).isCloseTo(-3.090232306167813, within(1e-8));
    }

    @Test
    void streamsDifferByClusterAndByPathAndRepeatForTheSameTriple() {
        long first = RandomStreams.forPath(7, 0, 0).nextLong();
        assertThat(RandomStreams.forPath(7, 0, 0).nextLong()).isEqualTo(first);
        assertThat(RandomStreams.forPath(7, 0, 1).nextLong()).isNotEqualTo(first);
        assertThat(RandomStreams.forPath(7, 1, 0).nextLong()).isNotEqualTo(first);
        assertThat(RandomStreams.forPath(8, 0, 0).nextLong()).isNotEqualTo(first);
    }
}
