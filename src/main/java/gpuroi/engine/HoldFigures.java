package gpuroi.engine;

import gpuroi.model.Cluster;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The figures that decide HOLD or RESELL for an owned cluster, all judged from the valuation date: what
 * was paid and earned before it is realized and decides nothing.
 *
 * <p>Holding is worth the present value at the hurdle rate, at the valuation date, of every flow not yet
 * realized: the capex when the purchase is still to be paid (a cluster bought after the valuation date),
 * each remaining month's rent less its costs, and the residual at the end of life. Selling is worth the
 * secondary price × GPUs × (1 − resale fee) now. Market revenue is linear in the start price and in the
 * utilization, so each break-even is closed-form: the value at which holding and selling are worth the same.
 *
 * <p>A cluster whose useful life ended before the valuation date has nothing left to hold: its residual
 * was booked as its sale at the end of life, so a sale now is not counted a second time.
 *
 * @param holdValue               PV at the hurdle rate of the flows still to come (capex still due, remaining
 *                                rent less costs, residual); 0 when the life has ended
 * @param saleValue               secondary price × GPUs × (1 − resale fee); empty when no secondary price is given
 *                                or the life has ended
 * @param holdMinusSale           {@code holdValue − saleValue} (a missing sale counts as 0): what the HOLD/RESELL
 *                                decision turns on, what the owned cluster's tornado and sensitivity move
 * @param holdIrr                 annual IRR of holding: the sale proceeds forgone at the valuation date as the
 *                                investment, then the flows still to come at their times from it
 * @param breakEvenStartPrice     start price of the path (its shape fixed) at which holding and selling are worth
 *                                the same; below it selling wins. Empty when no GPU-hour is sold at the market from now
 * @param breakEvenUtilization    utilization at which holding and selling are worth the same (may lie outside 0–100%)
 * @param breakEvenSecondaryPrice secondary price per GPU, before the resale fee, above which selling wins
 * @param capexStillDue           capex of a purchase still to be paid at or after the valuation date (0 when paid)
 * @param lifeEndedOn             the end of the useful life, when it falls before the valuation date
 */
public record HoldFigures(
        double holdValue,
        OptionalDouble saleValue,
        double holdMinusSale,
        IrrResult holdIrr,
        OptionalDouble breakEvenStartPrice,
        OptionalDouble breakEvenUtilization,
        OptionalDouble breakEvenSecondaryPrice,
        double capexStillDue,
        Optional<LocalDate> lifeEndedOn) {

    /** Whether holding wins: it is worth at least the sale (always, when no sale is assessed). */
    public boolean holdWins() {
        return saleValue.isEmpty() ? lifeEndedOn.isEmpty() : holdValue >= saleValue.getAsDouble();
    }

    /**
     * How far the whole price path (today's price with it) must move for the decision to flip:
     * {@code breakEvenStartPrice / start price − 1}, negative for a fall; empty without a break-even or a start price.
     */
    public OptionalDouble startPriceMoveToFlip(Cluster cluster) {
        double start = cluster.startPricePerGpuHour();
        return breakEvenStartPrice.isPresent() && start > 0
                ? OptionalDouble.of(breakEvenStartPrice.getAsDouble() / start - 1)
                : OptionalDouble.empty();
    }

    /** Whether the useful life ended before the valuation date. */
    public boolean lifeEnded() {
        return lifeEndedOn.isPresent();
    }

    /** The figures of a schedule (an owned cluster's; a planned one's would be judged as if already bought). */
    public static HoldFigures of(CashFlowSchedule schedule) {
        Cluster cluster = schedule.cluster();
        double hurdle = schedule.assumptions().hurdleRate();
        double feeKept = 1 - schedule.assumptions().marketplaceFee();
        MonthlyCashFlow last = schedule.last();
        if (last.history()) {
            IrrResult none = new IrrResult.None("its useful life ended on " + last.date() + ", before the valuation date");
            return new HoldFigures(0, OptionalDouble.empty(), 0, none, OptionalDouble.empty(), OptionalDouble.empty(),
                    OptionalDouble.empty(), 0, Optional.of(last.date()));
        }
        double saleShare = cluster.gpuCount() * (1 - schedule.assumptions().resaleFee());
        OptionalDouble sale = cluster.secondaryPricePerGpu().isPresent()
                ? OptionalDouble.of(cluster.secondaryPricePerGpu().getAsDouble() * saleShare)
                : OptionalDouble.empty();
        int future = (int) schedule.months().stream().filter(m -> !m.history()).count();
        double[] amounts = new double[future + 1];
        double[] years = new double[future + 1];
        amounts[0] = -sale.orElse(0);
        int k = 1;
        double hold = 0;
        double capexDue = 0;
        double perStartPrice = 0;
        double perUtilization = 0;
        for (MonthlyCashFlow month : schedule.months()) {
            if (month.history()) {
                continue;
            }
            double monthsFromValuation = schedule.offsetMonths() + month.month();
            double factor = Returns.discountFactor(hurdle, monthsFromValuation / 12.0);
            hold += factor * month.net();
            capexDue += month.capex();
            if (month.month() > 0) {
                double uncommittedHours = (cluster.gpuCount() - month.contractedGpus()) * CashFlowModel.HOURS_PER_MONTH;
                perStartPrice += factor * month.marketGpuHours() * feeKept * schedule.pricePath().factorForMonth(month.month());
                perUtilization += factor * uncommittedHours * feeKept * month.pricePerGpuHour();
            }
            amounts[k] = month.net();
            years[k] = monthsFromValuation / 12.0;
            k++;
        }
        double gap = sale.orElse(0) - hold;
        IrrResult holdIrr = sale.isPresent()
                ? IrrSolver.dated(amounts, years)
                : new IrrResult.None("no secondary price was given, so holding forgoes no sale proceeds");
        return new HoldFigures(hold, sale, hold - sale.orElse(0), holdIrr,
                shifted(cluster.startPricePerGpuHour(), gap, perStartPrice),
                shifted(cluster.utilization(), gap, perUtilization),
                saleShare > 0 ? OptionalDouble.of(Math.max(hold, 0) / saleShare) : OptionalDouble.empty(),
                capexDue, Optional.empty());
    }

    /**
     * PV at the hurdle rate, at the valuation date, of the flows still to come: {@link #holdValue()} without the rest,
     * for the tornado and the Monte Carlo.
     */
    static double holdValue(CashFlowSchedule schedule) {
        double hurdle = schedule.assumptions().hurdleRate();
        double value = 0;
        for (MonthlyCashFlow month : schedule.months()) {
            if (!month.history()) {
                value += Returns.discountFactor(hurdle, (schedule.offsetMonths() + month.month()) / 12.0) * month.net();
            }
        }
        return value;
    }

    /** {@link #holdMinusSale()} without the rest (no IRR), for the tornado. */
    static double holdMinusSale(CashFlowSchedule schedule) {
        Cluster cluster = schedule.cluster();
        if (schedule.last().history()) {
            return 0;
        }
        double sale = cluster.secondaryPricePerGpu().orElse(0) * cluster.gpuCount() * (1 - schedule.assumptions().resaleFee());
        return holdValue(schedule) - sale;
    }

    /** The input value at which a figure linear in it, moving {@code slope} per unit, closes {@code gap}; empty when flat. */
    private static OptionalDouble shifted(double base, double gap, double slope) {
        if (slope <= 0) {
            return OptionalDouble.empty();
        }
        double value = base + gap / slope;
        return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
    }
}
