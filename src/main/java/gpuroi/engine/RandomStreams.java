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

    /** The stream of a path's price jumps, apart from its main stream so that turning jumps on moves no other draw. */
    static SplittableRandom forJumps(long seed, int clusterIndex, long pathIndex) {
        return forPath(mix64(seed ^ 0x3C6EF372FE94F82BL), clusterIndex, pathIndex);
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A uniform strictly inside (0, 1). */
    /** 0, 1, …, n − 1 in an order drawn from {@code random} (Fisher–Yates): the strata a Latin hypercube assigns to paths. */
    static int[] permutation(SplittableRandom random, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = p[i];
            p[i] = p[j];
            p[j] = swap;
        }
        return p;
    }

    static double uniform(SplittableRandom random) {
        return ((random.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
    }

    static double normal(SplittableRandom random) {
        return inverseNormal(uniform(random));
    }

    /** 2^(j/64) for j = 0..63, from StrictMath, so the same on every machine. */
    private static final double[] TWO_TO_J_OVER_64 = new double[64];
    private static final double SIXTY_FOUR_OVER_LN2 = 64 / 6.93147180559945309417e-01;
    /** ln 2 / 64 split as fdlibm splits ln 2: a high part with trailing zero bits, so n·high is exact, and the rest. */
    private static final double LN2_64_HI = 6.93147180369123816490e-01 / 64;
    private static final double LN2_64_LO = 1.90821492927058770002e-10 / 64;

    static {
        for (int j = 0; j < 64; j++) {
            TWO_TO_J_OVER_64[j] = StrictMath.pow(2, j / 64.0);
        }
    }

    /**
     * e^x in plain Java arithmetic (which is strict in Java 17, so bit-identical everywhere) and several
     * times faster than {@link StrictMath#exp}, which dominated the path simulation: x = (64·k + j)·ln2/64 + r
     * with |r| ≤ ln2/128 (Cody–Waite split of ln2/64), e^x = 2^k · 2^(j/64) · e^r, with e^r by its Taylor
     * series to the r⁶ term (truncation below 1e-17) and 2^(j/64) from a table. Within 3 ulp of
     * {@link StrictMath#exp}.
     */
    static double exp(double x) {
        if (x > 709.78) {
            return Double.POSITIVE_INFINITY;
        }
        if (x < -745.2) {
            return 0;
        }
        double n = Math.rint(x * SIXTY_FOUR_OVER_LN2);
        double r = (x - n * LN2_64_HI) - n * LN2_64_LO;
        int whole = (int) n;
        int j = whole & 63;
        int k = whole >> 6;
        double p = r + r * r * (1 / 2.0 + r * (1 / 6.0 + r * (1 / 24.0 + r * (1 / 120.0 + r * (1 / 720.0)))));
        double t = TWO_TO_J_OVER_64[j];
        double mantissa = t + t * p;
        if (k > -1020 && k < 1020) {
            return mantissa * Double.longBitsToDouble((long) (k + 1023) << 52);
        }
        return Math.scalb(mantissa, k);
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
