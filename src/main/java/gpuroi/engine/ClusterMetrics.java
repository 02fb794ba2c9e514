package gpuroi.engine;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Every figure the engine reports for one cluster. Rates are annual fractions, money is in the
 * portfolio currency, prices per GPU-hour. An empty value means "does not exist" (a payback that
 * never comes, a break-even that no price reaches), never a made-up number.
 *
 * <p>The IRR, NPVs, payback, MOIC and start-price / utilization break-evens are whole-life figures: for an owned
 * cluster they run from its purchase, history included ("since purchase, realized + expected"), and decide
 * nothing; its HOLD/RESELL decision and the figures that argue it are in {@link #hold()}.
 *
 * @param irr                         IRR of the monthly flows, annualized (1 + r)^12 − 1
 * @param xirr                        IRR of the same flows on their dates, Act/365
 * @param npv                         NPV at the discount rate, at the valuation date
 * @param npvAtHurdle                 NPV at the hurdle rate, at the valuation date
 * @param mirr                        modified IRR, annualized; finance and reinvestment at the discount rate
 * @param paybackMonths               months from purchase until the cumulative flow stays ≥ 0, interpolated
 * @param discountedPaybackMonths     the same on flows discounted at the discount rate
 * @param moic                        Σ net inflows after the purchase / capex
 * @param annualizedTotalReturn       MOIC^(1/life years) − 1: the source article's measure, not an IRR
 * @param levelizedCostPerGpuHour     PV(capex + opex − residual) / PV(utilized GPU-hours) at the hurdle rate
 * @param levelizedPricePerGpuHour    PV(revenue after fees) / PV(utilized GPU-hours) at the hurdle rate
 * @param breakEvenStartPrice         start price (path shape fixed) at which NPV at the hurdle rate is 0
 * @param breakEvenStartPriceZeroIrr  start price at which the IRR is 0 (undiscounted flows sum to 0)
 * @param breakEvenUtilization        utilization at which NPV at the hurdle rate is 0 (may exceed 100%)
 * @param totalCapex                  purchase cost of the cluster
 * @param totalRevenue                revenue over the life, after marketplace fees
 * @param totalOperatingCost          power and other opex over the life
 * @param residualValue               resale value at the end of life
 * @param remainingValueAtHurdle      PV at the hurdle rate, at the valuation date, of the flows still to come after the
 *                                    purchase; for an owned cluster {@link HoldFigures#holdValue()} (capex still due included)
 * @param saleValueNow                secondary price × GPUs × (1 − resale fee), when a secondary price is known (for an
 *                                    owned cluster {@link HoldFigures#saleValue()}: empty once its life has ended)
 * @param breakEvenSecondaryPrice     the secondary price per GPU at which selling now equals holding
 * @param owningCostAtHurdle          PV at the hurdle rate, at the valuation date, of capex + opex − residual still to come
 * @param rentingCostOnDemandAtHurdle PV at the hurdle rate of renting the same billed GPU-hours still to come at the
 *                                    on-demand market path; empty when no market price is known
 * @param rentingCostReservedAtHurdle the same at the Market sheet's reserved price, held flat; empty when none is given
 * @param hold                        the forward HOLD/RESELL figures of an owned cluster; empty for a planned one
 */
public record ClusterMetrics(
        IrrResult irr,
        IrrResult xirr,
        double npv,
        double npvAtHurdle,
        OptionalDouble mirr,
        OptionalDouble paybackMonths,
        OptionalDouble discountedPaybackMonths,
        OptionalDouble moic,
        OptionalDouble annualizedTotalReturn,
        OptionalDouble levelizedCostPerGpuHour,
        OptionalDouble levelizedPricePerGpuHour,
        OptionalDouble breakEvenStartPrice,
        OptionalDouble breakEvenStartPriceZeroIrr,
        OptionalDouble breakEvenUtilization,
        double totalCapex,
        double totalRevenue,
        double totalOperatingCost,
        double residualValue,
        double remainingValueAtHurdle,
        OptionalDouble saleValueNow,
        OptionalDouble breakEvenSecondaryPrice,
        double owningCostAtHurdle,
        OptionalDouble rentingCostOnDemandAtHurdle,
        OptionalDouble rentingCostReservedAtHurdle,
        Optional<HoldFigures> hold) {
}
