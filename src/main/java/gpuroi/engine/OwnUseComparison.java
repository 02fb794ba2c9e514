package gpuroi.engine;

import java.util.OptionalDouble;

/**
 * A cluster's GPU-hours judged for own use: the present cost of owning them against the present cost of
 * renting the same hours at the cluster's own price path (its start price and path, gross: a renter pays
 * no marketplace fee). Both are at the hurdle rate, valued at the valuation date over the whole life, as
 * NPV at the hurdle is, so {@code costToRent − costToOwn} is that NPV with the fee added back:
 * {@code savingFromOwning = npvAtHurdle + marketplaceFeeAtHurdle}.
 *
 * @param gpuHours                the GPU-hours the owner uses over the life: uncommitted GPUs · 730 · utilization
 *                                (hours a lessor contract takes are the lessee's, not the owner's), undiscounted
 * @param costToOwn               PV at the hurdle of capex + power + other opex − residual − lessor contract revenue
 * @param costToRent              PV at the hurdle of each month's {@code gpuHours} at that month's price on the cluster's path
 * @param savingFromOwning        {@code costToRent − costToOwn}: ≥ 0 means owning the hours is no dearer (BUY for own use)
 * @param marketplaceFeeAtHurdle  PV at the hurdle of the marketplace fee renting the same hours out would pay
 *                                ({@code costToRent ·} fee): what separates the own-use view from the investment's NPV
 * @param costToOwnPerGpuHour     {@code costToOwn} / PV of the hours: levelized cost of an owned GPU-hour
 * @param costToRentPerGpuHour    {@code costToRent} / PV of the hours: levelized price of a rented GPU-hour, gross
 * @param breakEvenStartPrice     start price (path shape fixed) at which renting costs as much as owning
 * @param breakEvenUtilization    utilization at which it does (may exceed 100%); owning is cheaper above it
 */
public record OwnUseComparison(double gpuHours, double costToOwn, double costToRent, double savingFromOwning,
                               double marketplaceFeeAtHurdle, OptionalDouble costToOwnPerGpuHour,
                               OptionalDouble costToRentPerGpuHour, OptionalDouble breakEvenStartPrice,
                               OptionalDouble breakEvenUtilization) {

    /** For own use, owning is the better way to get the hours: renting them costs at least as much. */
    public boolean owningIsCheaper() {
        return savingFromOwning >= 0;
    }

    static OwnUseComparison of(CashFlowSchedule schedule) {
        double hurdle = schedule.assumptions().hurdleRate();
        double gpus = schedule.cluster().gpuCount();
        double hours = 0;
        double costToOwn = 0;
        double costToRent = 0;
        double discountedHours = 0;
        double hoursAtUnitStartPrice = 0;
        double rentPerUtilization = 0;
        for (MonthlyCashFlow month : schedule.months()) {
            double factor = Returns.discountFactor(hurdle, (schedule.offsetMonths() + month.month()) / 12.0);
            costToOwn += factor * (month.capex() + month.power() + month.otherOpex() - month.residual() - month.contractRevenue());
            if (month.month() > 0) {
                double shape = schedule.pricePath().factorForMonth(month.month());
                hours += month.marketGpuHours();
                discountedHours += factor * month.marketGpuHours();
                costToRent += factor * month.marketGpuHours() * month.pricePerGpuHour();
                hoursAtUnitStartPrice += factor * month.marketGpuHours() * shape;
                rentPerUtilization += factor * (gpus - month.contractedGpus()) * CashFlowModel.HOURS_PER_MONTH * month.pricePerGpuHour();
            }
        }
        return new OwnUseComparison(hours, costToOwn, costToRent, costToRent - costToOwn,
                costToRent * schedule.assumptions().marketplaceFee(),
                ratio(costToOwn, discountedHours), ratio(costToRent, discountedHours),
                ratio(costToOwn, hoursAtUnitStartPrice), ratio(costToOwn, rentPerUtilization));
    }

    private static OptionalDouble ratio(double numerator, double denominator) {
        if (denominator <= 0 || !Double.isFinite(numerator / denominator)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(numerator / denominator);
    }
}
