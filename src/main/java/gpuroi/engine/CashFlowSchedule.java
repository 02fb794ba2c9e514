package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.Lease;
import gpuroi.model.PricePath;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A cluster's monthly cash flows under the default monthly model (see {@link CashFlowModel}).
 *
 * @param cluster       the cluster modelled
 * @param assumptions   the portfolio assumptions used
 * @param pricePath     the path actually applied (the cluster's own, else the default)
 * @param startDate     date of month 0
 * @param offsetMonths  months from the valuation date to the start (negative for a cluster bought earlier)
 * @param months        month 0 (capex) to month 12·life, in order
 * @param lessorContracts the contracts renting this cluster out that shaped its revenue (empty: market only)
 */
public record CashFlowSchedule(
        Cluster cluster,
        Assumptions assumptions,
        PricePath pricePath,
        LocalDate startDate,
        double offsetMonths,
        List<MonthlyCashFlow> months,
        List<Lease> lessorContracts) {

    public CashFlowSchedule {
        months = List.copyOf(months);
        lessorContracts = List.copyOf(lessorContracts);
    }

    /** Net flow of each month, index = month. */
    public double[] netFlows() {
        double[] net = new double[months.size()];
        for (int m = 0; m < net.length; m++) {
            net[m] = months.get(m).net();
        }
        return net;
    }

    /**
     * The average yearly change of the rental price from month 1 to the last month, compounded
     * ({@code (last / first)^(12 / (months − 1)) − 1}, negative for a fall): the figure the memo's market context
     * cites beside the path. Empty with a single month or no price in month 1.
     */
    public OptionalDouble impliedAnnualPriceChange() {
        MonthlyCashFlow first = months.get(1);
        MonthlyCashFlow last = months.get(months.size() - 1);
        if (last.month() <= 1 || first.pricePerGpuHour() <= 0) {
            return OptionalDouble.empty();
        }
        double years = (last.month() - 1) / 12.0;
        return OptionalDouble.of(Math.pow(last.pricePerGpuHour() / first.pricePerGpuHour(), 1 / years) - 1);
    }

    public List<LocalDate> dates() {
        List<LocalDate> dates = new ArrayList<>(months.size());
        for (MonthlyCashFlow month : months) {
            dates.add(month.date());
        }
        return dates;
    }

    /** Net present value at an annual rate, valued at the valuation date (history compounds forward). */
    public double npvAtValuationDate(double annualRate) {
        return npvAtValuationDate(annualRate, netFlows(), offsetMonths);
    }

    /** The same for any monthly net flows (month 0 first) of a cluster starting {@code offsetMonths} after the valuation date. */
    static double npvAtValuationDate(double annualRate, double[] netFlows, double offsetMonths) {
        return Returns.npvMonthly(annualRate, netFlows) * Returns.discountFactor(annualRate, offsetMonths / 12.0);
    }

    public double totalRevenue() {
        return months.stream().mapToDouble(MonthlyCashFlow::revenue).sum();
    }

    public double totalOperatingCost() {
        return months.stream().mapToDouble(m -> m.power() + m.otherOpex()).sum();
    }

    public MonthlyCashFlow last() {
        return months.get(months.size() - 1);
    }
}
