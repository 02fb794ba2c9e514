package gpuroi.engine;

import java.util.SplittableRandom;

/**
 * Reproducible random streams: every (seed, cluster, path) triple gets its own generator, so a path's
 * draws do not depend on which thread runs it or in what order. The triple is hashed with the
 * SplitMix64 finalizer, since nearby raw seeds would give SplittableRandom overlapping streams.
 * Normals come from the uniform by Acklam's inverse of the normal distribution (relative error below
 * 1.2e-9) computed with {@link StrictMath}, so the same seed gives the same draws on every machine.
 */
final class RandomStreams {
    private RandomStreams() {
    }

    static SplittableRandom forPath(long seed, int clusterIndex, long pathIndex) {
        long h = mix64(seed ^ 0x6A09E667F3BCC909L);
        h = mix64(h + 0x9E3779B97F4A7C15L * (clusterIndex + 1L));
        h = mix64(h + 0xBB67AE8584CAA73BL * (pathIndex + 1L));
        return new SplittableRandom(h);
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A uniform strictly inside (0, 1). */
    static double uniform(SplittableRandom random) {
        return ((random.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
    }

    static double normal(SplittableRandom random) {
        return inverseNormal(uniform(random));
    }

    private static final double INV_LN2 = 1.44269504088896338700e+00;
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;

    /**
     * e^x in plain Java arithmetic (which is strict in Java 17, so bit-identical everywhere) and about
     * four times faster than {@link StrictMath#exp}, which dominated the path simulation: x = k·ln 2 + r
     * with |r| ≤ ln 2 / 2 (Cody–Waite split of ln 2, as in fdlibm), e^r by its Taylor series to the
     * r¹² term (truncation below 2e-16), then scaled by 2^k exactly. Within 3 ulp of {@link StrictMath#exp}.
     */
    static double exp(double x) {
        if (x > 709.78) {
            return Double.POSITIVE_INFINITY;
        }
        if (x < -745.2) {
            return 0;
        }
        double k = Math.rint(x * INV_LN2);
        double r = (x - k * LN2_HI) - k * LN2_LO;
        double p = 1 + r * (1 + r * (1 / 2.0 + r * (1 / 6.0 + r * (1 / 24.0 + r * (1 / 120.0 + r * (1 / 720.0
                + r * (1 / 5040.0 + r * (1 / 40320.0 + r * (1 / 362880.0 + r * (1 / 3628800.0 + r * (1 / 39916800.0
                + r / 479001600.0)))))))))));
        return Math.scalb(p, (int) k);
    }

    private static final double[] A = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    private static final double[] B = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01};
    private static final double[] C = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    private static final double[] D = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
            3.754408661907416e+00};
    private static final double P_LOW = 0.02425;

    /** Acklam's rational approximation of the standard normal quantile, for p in (0, 1). */
    static double inverseNormal(double p) {
        if (p < P_LOW) {
            double q = StrictMath.sqrt(-2 * StrictMath.log(p));
            return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                    / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        }
        if (p > 1 - P_LOW) {
            double q = StrictMath.sqrt(-2 * StrictMath.log1p(-p));
            return -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                    / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
                / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
    }
}
