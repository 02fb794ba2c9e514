package gpuroi.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How a Monte Carlo figure spreads over its paths, as a risk tool draws it: equal-width bins with
 * round edges spanning the 0.5th to the 99.5th percentile, so one extreme path does not squeeze
 * the picture into a single bar. Paths outside that span are counted in {@code below} and
 * {@code above}, not dropped: {@code below + sum(counts) + above} is the number of values.
 *
 * @param lowerEdge the left edge of the first bin
 * @param binWidth  the width of every bin (&gt; 0)
 * @param counts    values in each bin; a bin holds [left, right), the last one also its right edge
 * @param below     values left of the first bin
 * @param above     values right of the last bin
 */
public record Histogram(double lowerEdge, double binWidth, List<Integer> counts, int below, int above) {
    /** Bins a risk chart shows: enough to see the shape of 10,000 paths, few enough to read. */
    public static final int DEFAULT_BINS = 24;
    /** Share of paths left outside the bins at each end at most. */
    static final double TRIMMED_SHARE = 0.005;

    public Histogram {
        if (!(binWidth > 0) || !Double.isFinite(lowerEdge)) {
            throw new IllegalArgumentException("a histogram needs a finite left edge and a positive bin width");
        }
        counts = List.copyOf(counts);
    }

    public int bins() {
        return counts.size();
    }

    /** The left edge of bin {@code i}; {@code binStart(bins())} is the right edge of the last bin. */
    public double binStart(int i) {
        return lowerEdge + i * binWidth;
    }

    public double binMiddle(int i) {
        return lowerEdge + (i + 0.5) * binWidth;
    }

    /** Values counted: in the bins and either side of them. */
    public int total() {
        return below + above + counts.stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * The histogram of values already sorted in increasing order, in at most {@code maxBins} bins
     * of a round width (1, 2, 2.5 or 5 times a power of ten). Empty input has no histogram.
     */
    public static Optional<Histogram> ofSorted(double[] sorted, int maxBins) {
        if (sorted.length == 0) {
            return Optional.empty();
        }
        if (maxBins < 1) {
            throw new IllegalArgumentException("a histogram needs at least one bin, not " + maxBins);
        }
        double low = RiskProfile.Percentiles.at(sorted, TRIMMED_SHARE);
        double high = RiskProfile.Percentiles.at(sorted, 1 - TRIMMED_SHARE);
        double width = roundWidth((high - low) / maxBins, Math.max(Math.abs(low), Math.abs(high)));
        double lowerEdge = Math.floor(low / width) * width;
        int bins = Math.max(1, (int) Math.ceil((high - lowerEdge) / width - 1e-9));
        if (lowerEdge + bins * width < high) {
            bins++;
        }
        bins = Math.min(bins, maxBins + 1);
        double upperEdge = lowerEdge + bins * width;
        int[] counts = new int[bins];
        int below = 0;
        int above = 0;
        for (double value : sorted) {
            if (value < lowerEdge) {
                below++;
            } else if (value > upperEdge) {
                above++;
            } else {
                counts[Math.min(bins - 1, (int) ((value - lowerEdge) / width))]++;
            }
        }
        return Optional.of(new Histogram(lowerEdge, width, Arrays.stream(counts).boxed().toList(), below, above));
    }

    /**
     * The smallest round width (1, 2, 2.5, 5 × 10^k) at least {@code raw}; when every value is the
     * same, a width a millionth of their size (or 1 when they are all 0), so the single bar has a place.
     */
    static double roundWidth(double raw, double magnitude) {
        if (!(raw > 0)) {
            return magnitude > 0 ? roundWidth(magnitude * 1e-6, 0) : 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= raw * (1 - 1e-12)) {
                return step * power;
            }
        }
        return 10 * power;
    }
}
