package gpuroi.engine;

import java.time.LocalDate;

/**
 * The one timing convention of clusters and contracts alike (docs/model.md, "Timing"): every flow falls at the end
 * of a month, a prepayment with the first month of the term; a flow dated before the valuation date is history and
 * one dated on it or later is still to come.
 */
public final class Timing {
    private Timing() {
    }

    /** Whether a flow on this date is history: strictly before the valuation date. A flow on the valuation date is not. */
    public static boolean isHistory(LocalDate flowDate, LocalDate valuationDate) {
        return flowDate.isBefore(valuationDate);
    }

    /**
     * Years from the valuation date to the end of month {@code month} of a cluster starting {@code offsetMonths} after
     * it (negative for one bought earlier): where that month's flow is discounted to.
     */
    public static double yearsFromValuation(double offsetMonths, int month) {
        return (offsetMonths + month) / 12.0;
    }

    /**
     * The market month whose price applies to a flow this many months after the valuation date: month j covers
     * (j − 1, j], and a flow on the valuation date takes month 1's price.
     */
    public static int marketMonth(double monthsFromValuation) {
        return Math.max(1, (int) Math.ceil(monthsFromValuation - 1e-9));
    }
}
