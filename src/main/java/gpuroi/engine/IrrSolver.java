package gpuroi.engine;

import gpuroi.model.Formats;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Internal rate of return that brackets its roots instead of guessing.
 *
 * <p>The solver works on u = ln(1 + r), the continuously compounded rate per period, where the
 * net present value Σ aᵢ·e^(−tᵢ·u) is smooth on the whole real line. Descartes' rule of signs
 * (which holds for sums of exponentials too) bounds the number of roots by the number of sign
 * changes in the flows: with one sign change there is exactly one root, found by Brent's method
 * in a bracket from −99.99% to +1,000,000% a year; with several, the range is scanned on a fine
 * grid and every root found is reported, so an ambiguous IRR is never passed off as the IRR.
 *
 * <p>Evaluation is scaled so that no power overflows: for u &lt; 0 the sum is multiplied by
 * e^(t_max·u), which changes neither its sign nor its roots.
 */
public final class IrrSolver {
    /** Lowest annual rate searched: −99.99% a year (almost everything lost). */
    public static final double MIN_ANNUAL_RATE = -0.9999;
    /** Highest annual rate searched: +1,000,000% a year. */
    public static final double MAX_ANNUAL_RATE = 1e4;

    private static final int SCAN_INTERVALS_PER_SIDE = 1000;
    private static final double DAYS_PER_YEAR = 365.0;

    private IrrSolver() {
    }

    /**
     * IRR of flows at equal periods t = 0, 1, 2, …, annualized as (1 + r)^periodsPerYear − 1.
     * With {@code periodsPerYear = 1} this is a spreadsheet's IRR().
     */
    public static IrrResult periodic(double[] flows, int periodsPerYear) {
        double[] times = new double[flows.length];
        for (int i = 0; i < times.length; i++) {
            times[i] = i;
        }
        return solve(flows, times, periodsPerYear, true);
    }

    /** XIRR: annual rate for flows on dates, with year fractions Act/365 from the first date, as spreadsheets do. */
    public static IrrResult xirr(List<LocalDate> dates, double[] amounts) {
        if (dates.size() != amounts.length) {
            throw new IllegalArgumentException("XIRR needs one date per amount: " + dates.size() + " dates, " + amounts.length + " amounts");
        }
        if (dates.isEmpty()) {
            return new IrrResult.None("there are no cash flows");
        }
        LocalDate first = dates.get(0);
        double[] years = new double[amounts.length];
        for (int i = 0; i < years.length; i++) {
            years[i] = ChronoUnit.DAYS.between(first, dates.get(i)) / DAYS_PER_YEAR;
        }
        return dated(amounts, years);
    }

    /** Annual IRR of amounts at arbitrary times given in years (any order). */
    public static IrrResult dated(double[] amounts, double[] years) {
        return solve(amounts, years, 1, false);
    }

    private static IrrResult solve(double[] amounts, double[] times, int periodsPerYear, boolean equallySpaced) {
        if (amounts.length != times.length) {
            throw new IllegalArgumentException("one time per amount is needed");
        }
        for (int i = 0; i < amounts.length; i++) {
            if (!Double.isFinite(amounts[i]) || !Double.isFinite(times[i])) {
                return new IrrResult.None("a cash flow or its date is not a finite number");
            }
        }
        Flows flows = equallySpaced ? Flows.periodic(amounts) : Flows.dated(amounts, times);
        if (flows.allZero()) {
            return new IrrResult.None("every cash flow is zero");
        }
        int signChanges = flows.signChanges();
        if (signChanges == 0) {
            return new IrrResult.None(flows.firstSign() > 0
                    ? "all cash flows are positive or zero: nothing is invested, so no rate of return exists"
                    : "all cash flows are negative or zero: the investment never pays back any cash, so no rate of return exists");
        }
        double uMin = Math.log1p(MIN_ANNUAL_RATE) / periodsPerYear;
        double uMax = Math.log1p(MAX_ANNUAL_RATE) / periodsPerYear;
        // Descartes: the roots on the whole line are at most the sign changes of the flows, so one
        // sign change means three points bracket the only root. For equally spaced flows Norström's
        // bound is sharper on each side of zero: roots with r > 0 are at most the sign changes of the
        // running total, roots with r < 0 at most those of the running total taken from the end.
        // A side with at most one root needs only its two end points; any other side is scanned.
        boolean singleRoot = signChanges == 1;
        boolean scanNegativeSide = !singleRoot && !(equallySpaced && flows.runningTotalSignChanges(true) <= 1);
        boolean scanPositiveSide = !singleRoot && !(equallySpaced && flows.runningTotalSignChanges(false) <= 1);
        List<Double> roots = findRoots(flows, points(uMin, uMax, scanNegativeSide, scanPositiveSide));
        if (roots.isEmpty()) {
            if (singleRoot) {
                boolean rootAboveRange = Math.signum(flows.value(uMax)) != flows.firstSign();
                return new IrrResult.None(rootAboveRange
                        ? "the IRR is above " + Formats.percent(MAX_ANNUAL_RATE, 0) + " a year"
                        : "the IRR is below " + Formats.percent(MIN_ANNUAL_RATE, 2) + " a year: nearly all the money invested is lost");
            }
            return new IrrResult.None("the cash flows change sign " + signChanges + " times but no rate between "
                    + Formats.percent(MIN_ANNUAL_RATE, 2) + " and " + Formats.percent(MAX_ANNUAL_RATE, 0)
                    + " a year makes their present value zero");
        }
        if (roots.size() == 1) {
            double periodic = Math.expm1(roots.get(0));
            double annual = Math.expm1(roots.get(0) * periodsPerYear);
            String note = signChanges == 1 ? ""
                    : "the cash flows change sign " + signChanges + " times; only one rate in range makes their present value zero";
            return new IrrResult.Unique(annual, periodic, note);
        }
        List<Double> annualRates = new ArrayList<>();
        for (double u : roots) {
            annualRates.add(Math.expm1(u * periodsPerYear));
        }
        return new IrrResult.Ambiguous(annualRates, "the cash flows change sign " + signChanges + " times and "
                + roots.size() + " different rates make their present value zero, so no single IRR describes them; compare NPV or MIRR instead");
    }

    /** Search points from uMin to uMax, always including 0; a scanned side gets a fine uniform grid. */
    private static double[] points(double uMin, double uMax, boolean scanNegativeSide, boolean scanPositiveSide) {
        int n = SCAN_INTERVALS_PER_SIDE;
        List<Double> points = new ArrayList<>();
        points.add(uMin);
        for (int i = 1; scanNegativeSide && i < n; i++) {
            points.add(uMin - uMin * i / n);
        }
        points.add(0.0);
        for (int i = 1; scanPositiveSide && i < n; i++) {
            points.add(uMax * i / n);
        }
        points.add(uMax);
        double[] result = new double[points.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = points.get(i);
        }
        return result;
    }

    /** Roots in each interval of the sorted points where the value changes sign; 0 is always a point. */
    private static List<Double> findRoots(Flows flows, double[] points) {
        List<Double> roots = new ArrayList<>();
        double[] values = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            values[i] = flows.value(points[i]);
        }
        for (int i = 0; i < points.length; i++) {
            if (values[i] == 0) {
                roots.add(points[i]);
            }
            if (i + 1 < points.length && values[i] != 0 && values[i + 1] != 0
                    && Math.signum(values[i]) != Math.signum(values[i + 1])) {
                roots.add(brent(flows::value, points[i], points[i + 1], values[i], values[i + 1]));
            }
        }
        return roots;
    }

    /**
     * Brent's method (R. P. Brent, 1973, as in netlib's zeroin): inverse quadratic interpolation
     * safeguarded by bisection, so it converges whenever the bracket holds a sign change.
     */
    static double brent(DoubleUnaryOperator f, double ax, double bx, double fax, double fbx) {
        final double eps = Math.ulp(1.0);
        final double tol = 1e-16;
        double a = ax;
        double b = bx;
        double fa = fax;
        double fb = fbx;
        double c = a;
        double fc = fa;
        double d = b - a;
        double e = d;
        for (int iteration = 0; iteration < 500; iteration++) {
            if (Math.abs(fc) < Math.abs(fb)) {
                a = b;
                b = c;
                c = a;
                fa = fb;
                fb = fc;
                fc = fa;
            }
            double tol1 = 2 * eps * Math.abs(b) + 0.5 * tol;
            double xm = 0.5 * (c - b);
            if (Math.abs(xm) <= tol1 || fb == 0) {
                return b;
            }
            if (Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
                double s = fb / fa;
                double p;
                double q;
                if (a == c) {
                    p = 2 * xm * s;
                    q = 1 - s;
                } else {
                    q = fa / fc;
                    double r = fb / fc;
                    p = s * (2 * xm * q * (q - r) - (b - a) * (r - 1));
                    q = (q - 1) * (r - 1) * (s - 1);
                }
                if (p > 0) {
                    q = -q;
                } else {
                    p = -p;
                }
                double previousStep = e;
                e = d;
                if (2 * p < 3 * xm * q - Math.abs(tol1 * q) && p < Math.abs(0.5 * previousStep * q)) {
                    d = p / q;
                } else {
                    d = xm;
                    e = d;
                }
            } else {
                d = xm;
                e = d;
            }
            a = b;
            fa = fb;
            b += Math.abs(d) > tol1 ? d : Math.copySign(tol1, xm);
            fb = f.applyAsDouble(b);
            if (Math.signum(fb) == Math.signum(fc)) {
                c = a;
                fc = fa;
                d = b - a;
                e = d;
            }
        }
        return b;
    }

    /** Flows sorted by time, with the scaled present-value function used by the search. */
    private static final class Flows {
        private final double[] amounts;
        private final double[] times;
        private final boolean equallySpaced;
        private final double tMin;
        private final double tMax;

        private Flows(double[] amounts, double[] times, boolean equallySpaced) {
            this.amounts = amounts;
            this.times = times;
            this.equallySpaced = equallySpaced;
            this.tMin = times.length == 0 ? 0 : times[0];
            this.tMax = times.length == 0 ? 0 : times[times.length - 1];
        }

        static Flows periodic(double[] amounts) {
            double[] times = new double[amounts.length];
            Arrays.setAll(times, i -> i);
            return new Flows(amounts.clone(), times, true);
        }

        static Flows dated(double[] amounts, double[] times) {
            Integer[] order = new Integer[amounts.length];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (i, j) -> Double.compare(times[i], times[j]));
            double[] a = new double[amounts.length];
            double[] t = new double[amounts.length];
            for (int k = 0; k < order.length; k++) {
                a[k] = amounts[order[k]];
                t[k] = times[order[k]];
            }
            return new Flows(a, t, false);
        }

        boolean allZero() {
            for (double a : amounts) {
                if (a != 0) {
                    return false;
                }
            }
            return true;
        }

        /** Sign changes after merging flows that fall at the same time, ignoring zeros. */
        int signChanges() {
            int changes = 0;
            double previousSign = 0;
            int i = 0;
            while (i < amounts.length) {
                double sum = 0;
                int j = i;
                while (j < amounts.length && times[j] == times[i]) {
                    sum += amounts[j++];
                }
                double sign = Math.signum(sum);
                if (sign != 0) {
                    if (previousSign != 0 && sign != previousSign) {
                        changes++;
                    }
                    previousSign = sign;
                }
                i = j;
            }
            return changes;
        }

        /**
         * Sign changes of the running total of the flows, ignoring zeros, summed from the first flow
         * or (for the bound on negative rates) from the last. By Descartes' rule applied to
         * P(x)/(1 − x) = Σ Sₖxᵏ, this bounds the roots with discount factor x in (0, 1).
         */
        int runningTotalSignChanges(boolean fromTheEnd) {
            int changes = 0;
            double previousSign = 0;
            double total = 0;
            for (int k = 0; k < amounts.length; k++) {
                total += amounts[fromTheEnd ? amounts.length - 1 - k : k];
                double sign = Math.signum(total);
                if (sign != 0) {
                    if (previousSign != 0 && sign != previousSign) {
                        changes++;
                    }
                    previousSign = sign;
                }
            }
            return changes;
        }

        double firstSign() {
            for (double a : amounts) {
                if (a != 0) {
                    return Math.signum(a);
                }
            }
            return 0;
        }

        /** Σ aᵢ·e^(−tᵢ·u), multiplied by a positive factor that keeps every power ≤ 1. */
        double value(double u) {
            if (equallySpaced) {
                // Horner in x = e^(−u) for u ≥ 0, or in 1/x (from the last flow) for u < 0.
                double x = Math.exp(-Math.abs(u));
                double sum = 0;
                if (u >= 0) {
                    for (int i = amounts.length - 1; i >= 0; i--) {
                        sum = sum * x + amounts[i];
                    }
                } else {
                    for (double amount : amounts) {
                        sum = sum * x + amount;
                    }
                }
                return sum;
            }
            double reference = u < 0 ? tMax : tMin;
            double sum = 0;
            for (int i = 0; i < amounts.length; i++) {
                sum += amounts[i] * Math.exp(-(times[i] - reference) * u);
            }
            return sum;
        }
    }
}
