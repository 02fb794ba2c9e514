package gpuroi.engine;

import java.time.LocalDate;

/**
 * One month of a cluster's cash flows; month 0 is the purchase (capex only). Every amount is for
 * the whole cluster, in the portfolio currency; costs are positive numbers subtracted in {@code net}.
 *
 * @param month              0 for the purchase, then 1..life in months
 * @param date               when the month's flow falls: the purchase date for month 0, else the month's end
 * @param history            the flow falls before the valuation date
 * @param pricePerGpuHour    the path's price at the month's midpoint (0 for month 0)
 * @param utilizedGpuHours   billed GPU-hours: uncommitted GPUs · 730 · utilization, plus contracted GPUs · 730
 * @param revenue            market revenue (uncommitted GPUs · 730 · utilization · price · (1 − marketplace fee))
 *                           plus {@code contractRevenue}
 * @param power              GPUs · kW · PUE · 730 · $/kWh, paid whether the GPUs are busy or idle
 * @param otherOpex          GPUs · other opex per GPU-month
 * @param capex              purchase cost (month 0 only)
 * @param residual           resale value at the end of life (last month only)
 * @param net                revenue − power − other opex − capex + residual
 * @param cumulative         running sum of {@code net}
 * @param discountFactor     (1 + discount rate)^(−years from the valuation date to {@code date})
 * @param discounted         {@code net · discountFactor}
 * @param contractedGpus     GPUs rented out under lessor contracts this month (0 without contracts)
 * @param contractRevenue    contract billing, rate · contracted GPUs · 730 · (1 − prepaid share), plus any
 *                           prepayment received in the contract's first month (no marketplace fee: billed directly)
 * @param marketGpuHours     uncommitted GPUs · 730 · utilization: the hours sold at the market price path
 */
public record MonthlyCashFlow(
        int month,
        LocalDate date,
        boolean history,
        double pricePerGpuHour,
        double utilizedGpuHours,
        double revenue,
        double power,
        double otherOpex,
        double capex,
        double residual,
        double net,
        double cumulative,
        double discountFactor,
        double discounted,
        int contractedGpus,
        double contractRevenue,
        double marketGpuHours) {
}
