package gpuroi.engine;

import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Computes {@link ClusterMetrics} from a schedule; every formula is the one named in its javadoc. */
public final class Metrics {
    private Metrics() {
    }

    public static ClusterMetrics of(CashFlowSchedule schedule) {
        Cluster cluster = schedule.cluster();
        double discountRate = schedule.assumptions().discountRate();
        double hurdleRate = schedule.assumptions().hurdleRate();
        double[] net = schedule.netFlows();
        List<MonthlyCashFlow> months = schedule.months();

        IrrResult irr = IrrSolver.periodic(net, 12);
        IrrResult xirr = IrrSolver.xirr(schedule.dates(), net);
        double npv = schedule.npvAtValuationDate(discountRate);
        double npvAtHurdle = schedule.npvAtValuationDate(hurdleRate);

        double monthlyDiscount = Returns.periodicRate(discountRate, 12);
        OptionalDouble monthlyMirr = Returns.mirr(net, monthlyDiscount, monthlyDiscount);
        OptionalDouble mirr = finite(monthlyMirr.isPresent()
                ? OptionalDouble.of(Returns.annualize(monthlyMirr.getAsDouble(), 12))
                : OptionalDouble.empty());

        double[] cumulative = new double[net.length];
        double[] discountedCumulative = new double[net.length];
        double running = 0;
        double discountedRunning = 0;
        for (int m = 0; m < net.length; m++) {
            running += net[m];
            discountedRunning += months.get(m).discounted();
            cumulative[m] = running;
            discountedCumulative[m] = discountedRunning;
        }
        OptionalDouble payback = payback(cumulative);
        OptionalDouble discountedPayback = payback(discountedCumulative);

        double capex = cluster.totalCapex();
        double inflowsAfterPurchase = running + capex;
        OptionalDouble moic = finite(capex > 0 ? OptionalDouble.of(inflowsAfterPurchase / capex) : OptionalDouble.empty());
        OptionalDouble totalReturn = finite(moic.isPresent() && moic.getAsDouble() >= 0
                ? OptionalDouble.of(Math.pow(moic.getAsDouble(), 1.0 / cluster.lifeYears()) - 1)
                : OptionalDouble.empty());

        Levelized atHurdle = Levelized.of(schedule, hurdleRate);
        Levelized undiscounted = Levelized.of(schedule, 0.0);

        double remaining = 0;
        for (MonthlyCashFlow month : months) {
            if (month.history()) {
                continue;
            }
            double factor = Returns.discountFactor(hurdleRate, Timing.yearsFromValuation(schedule.offsetMonths(), month.month()));
            if (month.month() > 0) {
                remaining += month.net() * factor;
            }
        }
        double saleShare = cluster.gpuCount() * (1 - schedule.assumptions().resaleFee());
        OptionalDouble saleValue = cluster.secondaryPricePerGpu().isPresent()
                ? OptionalDouble.of(cluster.secondaryPricePerGpu().getAsDouble() * saleShare)
                : OptionalDouble.empty();
        OptionalDouble breakEvenSecondary = ratio(Math.max(remaining, 0), saleShare);
        Optional<HoldFigures> hold = Optional.empty();
        if (cluster.status() == ClusterStatus.OWNED) {
            HoldFigures figures = HoldFigures.of(schedule);
            hold = Optional.of(figures);
            remaining = figures.holdValue();
            saleValue = figures.saleValue();
            breakEvenSecondary = figures.breakEvenSecondaryPrice();
        }

        return new ClusterMetrics(irr, xirr, npv, npvAtHurdle, mirr, payback, discountedPayback, moic, totalReturn,
                ratio(atHurdle.cost, atHurdle.utilizedHours),
                ratio(atHurdle.revenue, atHurdle.utilizedHours),
                ratio(atHurdle.costNotCoveredByContracts(), atHurdle.revenuePerStartPrice),
                ratio(undiscounted.costNotCoveredByContracts(), undiscounted.revenuePerStartPrice),
                ratio(atHurdle.costNotCoveredByContracts(), atHurdle.revenuePerUtilization),
                capex, schedule.totalRevenue(), schedule.totalOperatingCost(), schedule.last().residual(),
                remaining, saleValue, breakEvenSecondary, OwnUseComparison.of(schedule), hold);
    }

    /**
     * Months until the cumulative flow turns ≥ 0 for good, interpolated linearly within the month
     * in which it last crosses; empty when it ends below zero.
     */
    static OptionalDouble payback(double[] cumulative) {
        int lastNegative = -1;
        for (int m = cumulative.length - 1; m >= 0; m--) {
            if (cumulative[m] < 0) {
                lastNegative = m;
                break;
            }
        }
        if (lastNegative == cumulative.length - 1) {
            return OptionalDouble.empty();
        }
        if (lastNegative < 0) {
            return OptionalDouble.of(0);
        }
        double shortfall = -cumulative[lastNegative];
        double nextFlow = cumulative[lastNegative + 1] - cumulative[lastNegative];
        return OptionalDouble.of(lastNegative + shortfall / nextFlow);
    }

    private static OptionalDouble ratio(double numerator, double denominator) {
        if (denominator <= 0 || !Double.isFinite(numerator / denominator)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(numerator / denominator);
    }

    /**
     * Present values at one rate, valued at the purchase: the cost of owning (capex + opex − residual),
     * billed GPU-hours, revenue, contract revenue, and the market revenue per unit of start price and
     * of utilization. Contract revenue depends on neither and market revenue is linear in both, so
     * NPV = contract revenue − cost + p0 · revenuePerStartPrice (and likewise for utilization): the
     * break-evens are closed-form.
     */
    private record Levelized(double cost, double utilizedHours, double revenue, double contractRevenue,
                             double revenuePerStartPrice, double revenuePerUtilization) {
        double costNotCoveredByContracts() {
            return cost - contractRevenue;
        }

        static Levelized of(CashFlowSchedule schedule, double annualRate) {
            Cluster cluster = schedule.cluster();
            double feeKept = 1 - schedule.assumptions().marketplaceFee();
            double monthly = 1.0 / (1.0 + Returns.periodicRate(annualRate, 12));
            double factor = 1.0;
            double cost = 0;
            double hours = 0;
            double revenue = 0;
            double contractRevenue = 0;
            double perStartPrice = 0;
            double perUtilization = 0;
            for (MonthlyCashFlow month : schedule.months()) {
                cost += factor * (month.capex() + month.power() + month.otherOpex() - month.residual());
                if (month.month() > 0) {
                    double shape = schedule.pricePath().factorForMonth(month.month());
                    double uncommittedHours = (cluster.gpuCount() - month.contractedGpus()) * CashFlowModel.HOURS_PER_MONTH;
                    hours += factor * month.utilizedGpuHours();
                    revenue += factor * month.revenue();
                    contractRevenue += factor * month.contractRevenue();
                    perStartPrice += factor * month.marketGpuHours() * feeKept * shape;
                    perUtilization += factor * uncommittedHours * feeKept * month.pricePerGpuHour();
                }
                factor *= monthly;
            }
            return new Levelized(cost, hours, revenue, contractRevenue, perStartPrice, perUtilization);
        }
    }

    /**
     * A ratio to capex has no meaningful value when capex is a rounding error (1e-308 per GPU):
     * absent, as for zero capex, rather than infinite.
     */
    private static OptionalDouble finite(OptionalDouble value) {
        return value.isPresent() && !Double.isFinite(value.getAsDouble()) ? OptionalDouble.empty() : value;
    }
}
