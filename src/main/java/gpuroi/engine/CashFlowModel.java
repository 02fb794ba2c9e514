package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.PricePath;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The default monthly model of {@code domain.md}, "Conventions": capex at t = 0, each month's net
 * flow at the month's end, price at the month's midpoint, residual value in the last month, power
 * paid for all hours, 730 hours a month.
 */
public final class CashFlowModel {
    /** 8,760 hours a year over 12 months. */
    public static final double HOURS_PER_MONTH = 730.0;

    private CashFlowModel() {
    }

    public static CashFlowSchedule schedule(Cluster cluster, Assumptions assumptions) {
        PricePath path = cluster.pricePathOr(assumptions.defaultPricePath());
        LocalDate valuationDate = assumptions.valuationDate();
        LocalDate start = cluster.startOn(valuationDate);
        double offsetMonths = monthsBetween(valuationDate, start);
        double gpus = cluster.gpuCount();
        double utilizedHours = gpus * HOURS_PER_MONTH * cluster.utilization();
        double revenuePerPriceUnit = utilizedHours * (1 - assumptions.marketplaceFee());
        double power = gpus * cluster.powerKwPerGpu() * cluster.pue() * HOURS_PER_MONTH * cluster.electricityPerKwh();
        double otherOpex = gpus * cluster.otherOpexPerGpuMonth();
        double capex = cluster.totalCapex();
        double residual = capex * cluster.residualShare();
        double rate = assumptions.discountRate();

        List<MonthlyCashFlow> months = new ArrayList<>(cluster.lifeMonths() + 1);
        double cumulative = -capex;
        double factor0 = Returns.discountFactor(rate, offsetMonths / 12.0);
        months.add(new MonthlyCashFlow(0, start, start.isBefore(valuationDate), 0, 0, 0, 0, 0, capex, 0,
                -capex, cumulative, factor0, -capex * factor0));
        for (int m = 1; m <= cluster.lifeMonths(); m++) {
            double price = cluster.startPricePerGpuHour() * path.factorForMonth(m);
            double revenue = revenuePerPriceUnit * price;
            double residualNow = m == cluster.lifeMonths() ? residual : 0;
            double net = revenue - power - otherOpex + residualNow;
            cumulative += net;
            LocalDate date = start.plusMonths(m);
            double factor = Returns.discountFactor(rate, (offsetMonths + m) / 12.0);
            months.add(new MonthlyCashFlow(m, date, date.isBefore(valuationDate), price, utilizedHours, revenue, power,
                    otherOpex, 0, residualNow, net, cumulative, factor, net * factor));
        }
        return new CashFlowSchedule(cluster, assumptions, path, start, offsetMonths, months);
    }

    /**
     * Months from one date to another: whole calendar months, plus the remaining days as a share of
     * the next month's length. Negative when {@code to} is earlier.
     */
    public static double monthsBetween(LocalDate from, LocalDate to) {
        long whole = ChronoUnit.MONTHS.between(from, to);
        LocalDate anchor = from.plusMonths(whole);
        long days = ChronoUnit.DAYS.between(anchor, to);
        if (days == 0) {
            return whole;
        }
        LocalDate neighbour = days > 0 ? anchor.plusMonths(1) : anchor.minusMonths(1);
        double monthLength = Math.abs(ChronoUnit.DAYS.between(anchor, neighbour));
        return whole + days / monthLength;
    }
}
