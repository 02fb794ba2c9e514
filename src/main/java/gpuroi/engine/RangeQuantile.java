package gpuroi.engine;

import gpuroi.model.ValueRange;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The quantile function of a {@link ValueRange}, so that a uniform draw (plain or Latin hypercube)
 * becomes a value of the range. Triangular has a closed form; PERT (a Beta with α, β in [1, 5]) is
 * tabulated once: its density is integrated with the trapezoid rule on a fine grid and the
 * cumulative table is inverted by linear interpolation, accurate to about 1e-7 of the range.
 */
final class RangeQuantile {
    private static final int GRID_INTERVALS = 8192;

    private final ValueRange range;
    private final double[] cumulative;

    private RangeQuantile(ValueRange range, double[] cumulative) {
        this.range = range;
        this.cumulative = cumulative;
    }

    /** Tables already built, since every cluster of a run usually shares its ranges; the table is a pure function of the range. */
    private static final Map<ValueRange, RangeQuantile> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 256;

    /** {@link #of}, reusing the table of an equal range built before. */
    static RangeQuantile cached(ValueRange range) {
        RangeQuantile known = CACHE.get(range);
        if (known != null) {
            return known;
        }
        RangeQuantile built = of(range);
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(range, built);
        return built;
    }

    static RangeQuantile of(ValueRange range) {
        if (range.isFixed() || range.shape() == ValueRange.Shape.TRIANGULAR) {
            return new RangeQuantile(range, null);
        }
        double width = range.high() - range.low();
        double alpha = 1 + 4 * (range.mostLikely() - range.low()) / width;
        double beta = 1 + 4 * (range.high() - range.mostLikely()) / width;
        double[] cumulative = new double[GRID_INTERVALS + 1];
        double previous = density(0, alpha, beta);
        for (int i = 1; i <= GRID_INTERVALS; i++) {
            double next = density((double) i / GRID_INTERVALS, alpha, beta);
            cumulative[i] = cumulative[i - 1] + 0.5 * (previous + next);
            previous = next;
        }
        double total = cumulative[GRID_INTERVALS];
        for (int i = 0; i <= GRID_INTERVALS; i++) {
            cumulative[i] /= total;
        }
        return new RangeQuantile(range, cumulative);
    }

    private static double density(double x, double alpha, double beta) {
        return StrictMath.pow(x, alpha - 1) * StrictMath.pow(1 - x, beta - 1);
    }

    /** The value below which a share {@code u} (0..1) of the range's distribution lies. */
    double at(double u) {
        double low = range.low();
        double high = range.high();
        if (range.isFixed()) {
            return low;
        }
        double mode = range.mostLikely();
        if (cumulative == null) {
            double split = (mode - low) / (high - low);
            return u < split
                    ? low + Math.sqrt(u * (high - low) * (mode - low))
                    : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
        }
        int lo = 0;
        int hi = GRID_INTERVALS;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] <= u) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double span = cumulative[hi] - cumulative[lo];
        double within = span > 0 ? (u - cumulative[lo]) / span : 0;
        return low + (high - low) * (lo + within) / GRID_INTERVALS;
    }
}
