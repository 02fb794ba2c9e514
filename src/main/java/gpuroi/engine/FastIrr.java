package gpuroi.engine;

/**
 * The annual IRR of monthly flows for ranking thousands of Monte Carlo paths. Flows that change sign
 * once (the usual invest-then-earn path) have exactly one root (Descartes), found here by Newton's
 * method on u = ln(1 + r) in x = e^(−u), safeguarded by bisection inside the bracket that
 * {@link IrrSolver} would search: no allocation, a handful of Horner passes. Flows with several sign
 * changes get a coarse scan instead of the solver's fine one.
 */
final class FastIrr {
    private static final double U_MIN = Math.log1p(IrrSolver.MIN_ANNUAL_RATE) / 12;
    private static final double U_MAX = Math.log1p(IrrSolver.MAX_ANNUAL_RATE) / 12;
    private static final int SCAN_INTERVALS = 32;

    private FastIrr() {
    }

    /** The annual IRR when the flows have exactly one; NaN when they have none or several. */
    static double annual(double[] net) {
        int signChanges = 0;
        double previous = 0;
        for (double flow : net) {
            if (flow != 0) {
                if (previous != 0 && Math.signum(flow) != Math.signum(previous)) {
                    signChanges++;
                }
                previous = flow;
            }
        }
        if (signChanges == 0) {
            return Double.NaN;
        }
        if (signChanges == 1) {
            double atZero = value(net, 0);
            if (atZero == 0) {
                return 0;
            }
            if (Math.signum(atZero) != Math.signum(value(net, U_MAX))) {
                return root(net, 0, U_MAX);
            }
            if (Math.signum(atZero) != Math.signum(value(net, U_MIN))) {
                return root(net, U_MIN, 0);
            }
            return Double.NaN;
        }
        // Norström's bounds, as IrrSolver uses them: the roots with r > 0 are at most the sign changes of
        // the running total, those with r < 0 at most the sign changes of the total taken from the end.
        if (runningTotalSignChanges(net, true) <= 1 && runningTotalSignChanges(net, false) <= 1) {
            double atZero = value(net, 0);
            if (atZero == 0) {
                return 0;
            }
            boolean positiveRoot = Math.signum(atZero) != Math.signum(value(net, U_MAX));
            boolean negativeRoot = Math.signum(atZero) != Math.signum(value(net, U_MIN));
            if (positiveRoot == negativeRoot) {
                return Double.NaN;
            }
            return positiveRoot ? root(net, 0, U_MAX) : root(net, U_MIN, 0);
        }
        return scannedSingleRoot(net);
    }

    private static int runningTotalSignChanges(double[] net, boolean fromTheStart) {
        int changes = 0;
        double total = 0;
        double previous = 0;
        for (int i = 0; i < net.length; i++) {
            total += net[fromTheStart ? i : net.length - 1 - i];
            if (total != 0) {
                if (previous != 0 && Math.signum(total) != Math.signum(previous)) {
                    changes++;
                }
                previous = total;
            }
        }
        return changes;
    }

    /**
     * Several sign changes (months losing money late in life, then the residual): a coarse scan of
     * {@value #SCAN_INTERVALS} intervals over the bracket, and the rate only when exactly one interval
     * changes sign. Coarser than {@link IrrSolver}'s scan, so two roots closer than 1/{@value #SCAN_INTERVALS}
     * of the range would pass as one; the percentiles themselves are re-solved by {@link IrrSolver}.
     */
    private static double scannedSingleRoot(double[] net) {
        double found = Double.NaN;
        double previousU = U_MIN;
        double previousValue = value(net, U_MIN);
        for (int i = 1; i <= SCAN_INTERVALS; i++) {
            double u = U_MIN + (U_MAX - U_MIN) * i / SCAN_INTERVALS;
            double v = value(net, u);
            if (previousValue == 0 || (v != 0 && Math.signum(v) != Math.signum(previousValue))) {
                if (!Double.isNaN(found)) {
                    return Double.NaN;
                }
                found = previousValue == 0 ? Math.expm1(12 * previousU) : root(net, previousU, u);
            }
            previousU = u;
            previousValue = v;
        }
        return found;
    }

    /** Safeguarded Newton for the root in (lo, hi), where the value changes sign; annual rate. */
    private static double root(double[] net, double lo, double hi) {
        double signAtLo = Math.signum(value(net, lo));
        // Newton's first step from u = 0, f(0) / Σ k·aₖ, is a duration-weighted guess close to most roots.
        double weighted = 0;
        double sum = 0;
        for (int k = 0; k < net.length; k++) {
            weighted += k * net[k];
            sum += net[k];
        }
        double guess = weighted != 0 ? sum / weighted : Double.NaN;
        double u = guess > Math.min(lo, hi) && guess < Math.max(lo, hi) ? guess : 0.5 * (lo + hi);
        for (int iteration = 0; iteration < 100; iteration++) {
            double x = Math.exp(-u);
            double p = 0;
            double dp = 0;
            for (int k = net.length - 1; k >= 0; k--) {
                dp = dp * x + p;
                p = p * x + net[k];
            }
            if (p == 0) {
                break;
            }
            if (Math.signum(p) == signAtLo) {
                lo = u;
            } else {
                hi = u;
            }
            // d/du of Σ aₖ·xᵏ is −x · Σ k·aₖ·x^(k−1)
            double slope = -x * dp;
            double next = slope != 0 ? u - p / slope : Double.NaN;
            if (!(next > Math.min(lo, hi) && next < Math.max(lo, hi))) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - u) <= 1e-15 * Math.max(1, Math.abs(u))) {
                u = next;
                break;
            }
            u = next;
        }
        return Math.expm1(12 * u);
    }

    private static double value(double[] net, double u) {
        double x = Math.exp(-u);
        double sum = 0;
        for (int k = net.length - 1; k >= 0; k--) {
            sum = sum * x + net[k];
        }
        return sum;
    }
}
