package gpuroi.engine;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HistogramTest {

    @Test
    void evenlySpreadValuesFillRoundBinsEqually() {
        // 0, 1, …, 9,999: the 0.5th..99.5th percentile span is 49.995..9,949.005; 24 bins need a width
        // of at least 412.4, so the round width is 500 and the bins run from 0 to 10,000 in 20 steps.
        double[] values = IntStream.range(0, 10_000).asDoubleStream().toArray();
        Histogram h = Histogram.ofSorted(values, 24).orElseThrow();

        assertThat(h.binWidth()).isEqualTo(500);
        assertThat(h.lowerEdge()).isEqualTo(0);
        assertThat(h.bins()).isEqualTo(20);
        assertThat(h.counts()).allMatch(c -> c == 500);
        assertThat(h.below()).isZero();
        assertThat(h.above()).isZero();
        assertThat(h.total()).isEqualTo(10_000);
    }

    @Test
    void extremeTailsAreCountedBesideTheBinsNotDropped() {
        double[] values = new double[1_000];
        Arrays.fill(values, 0, 998, 5.0);
        values[998] = 1e12;
        values[999] = 2e12;
        values[0] = -1e12;
        Arrays.sort(values);
        Histogram h = Histogram.ofSorted(values, 24).orElseThrow();

        assertThat(h.below()).isEqualTo(1);
        assertThat(h.above()).isEqualTo(2);
        assertThat(h.total()).isEqualTo(1_000);
        assertThat(h.binStart(h.bins())).isLessThan(1e6);
    }

    @Test
    void identicalValuesMakeOneNarrowBar() {
        double[] values = new double[50];
        Arrays.fill(values, -1_234_567.0);
        Histogram h = Histogram.ofSorted(values, 24).orElseThrow();

        assertThat(h.total()).isEqualTo(50);
        assertThat(h.counts().stream().filter(c -> c > 0)).containsExactly(50);
        assertThat(h.binWidth()).isGreaterThan(0).isLessThan(10);

        double[] zeros = new double[3];
        assertThat(Histogram.ofSorted(zeros, 24).orElseThrow().counts()).contains(3);
    }

    @Test
    void randomSamplesAreAllCountedInTheirBins() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(2_000);
            double scale = Math.pow(10, random.nextInt(-3, 9));
            double[] values = random.doubles(n, -scale, 3 * scale).sorted().toArray();
            int maxBins = 1 + random.nextInt(40);
            Histogram h = Histogram.ofSorted(values, maxBins).orElseThrow();

            assertThat(h.total()).isEqualTo(n);
            assertThat(h.bins()).isBetween(1, maxBins + 1);
            // Each value lies in the bin it was counted in: recount independently.
            int[] recount = new int[h.bins()];
            for (double v : values) {
                for (int b = 0; b < h.bins(); b++) {
                    boolean last = b == h.bins() - 1;
                    if (v >= h.binStart(b) && (v < h.binStart(b + 1) || last && v <= h.binStart(b + 1))) {
                        recount[b]++;
                        break;
                    }
                }
            }
            assertThat(Arrays.stream(recount).boxed().toList()).isEqualTo(h.counts());
            double leadingDigits = h.binWidth() / Math.pow(10, Math.floor(Math.log10(h.binWidth())));
            assertThat(leadingDigits).isIn(1.0, 2.0, 2.5, 5.0);
        }
    }

    @Test
    void noValuesNoHistogram() {
        assertThat(Histogram.ofSorted(new double[0], 24)).isEmpty();
    }

    @Test
    void binMiddleIsHalfWayAcross() {
        Histogram h = new Histogram(-10, 4, java.util.List.of(1, 2, 3), 0, 0);
        assertThat(h.binMiddle(1)).isCloseTo(-4, within(1e-12));
        assertThat(h.binStart(3)).isEqualTo(2);
    }
}
