package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.Field;
import gpuroi.model.InvalidValueException;
import gpuroi.model.Lease;
import gpuroi.model.LeaseRole;
import gpuroi.model.PricePath;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The default monthly model of docs/model.md ("The defaults"): capex at t = 0, each month's net
 * flow at the month's end, price at the month's midpoint, residual value in the last month, power
 * paid for all hours, 730 hours a month.
 *
 * <p>Lessor contracts fix part of the revenue. A contract covers the cluster's month m when that
 * month's midpoint lies in the contract's term, so a term of T months covers exactly T months
 * whatever the two start dates; months outside the cluster's life are ignored. In a covered month
 * the contracted GPUs bill rate · 730 · (1 − prepaid share) whether used or not; the prepaid share of
 * the covered months' value arrives as a lump in the first covered month, at its end, as a lessee pays
 * its prepayment with its first month ({@link Timing}). Overlapping contracts add up; the uncommitted
 * GPUs earn the market path at the cluster's utilization. A month dated on the valuation date is still
 * to come, not history.
 */
public final class CashFlowModel {
    /** 8,760 hours a year over 12 months. */
    public static final double HOURS_PER_MONTH = 730.0;

    private CashFlowModel() {
    }

    public static CashFlowSchedule schedule(Cluster cluster, Assumptions assumptions) {
        return schedule(cluster, assumptions, List.of());
    }

    /**
     * The cluster's schedule with the lessor contracts that rent it out.
     *
     * @throws InvalidValueException when contracts overlapping in some month rent out more GPUs than the cluster has
     * @throws IllegalArgumentException when a contract is not a lessor contract of this cluster
     */
    public static CashFlowSchedule schedule(Cluster cluster, Assumptions assumptions, List<Lease> lessorContracts) {
        PricePath path = cluster.pricePathOr(assumptions.defaultPricePath());
        LocalDate valuationDate = assumptions.valuationDate();
        LocalDate start = cluster.startOn(valuationDate);
        double offsetMonths = monthsBetween(valuationDate, start);
        int life = cluster.lifeMonths();
        double gpus = cluster.gpuCount();
        double power = gpus * cluster.powerKwPerGpu() * cluster.pue() * HOURS_PER_MONTH * cluster.electricityPerKwh();
        double otherOpex = gpus * cluster.otherOpexPerGpuMonth();
        double capex = cluster.totalCapex();
        double residual = capex * cluster.residualShare();
        double rate = assumptions.discountRate();
        ContractMonths contracts = ContractMonths.of(cluster, start, lessorContracts);

        List<MonthlyCashFlow> months = new ArrayList<>(life + 1);
        MonthlyCashFlow purchase = MonthlyCashFlow.month(0, start)
                .history(Timing.isHistory(start, valuationDate))
                .capex(capex)
                .discountFactor(Returns.discountFactor(rate, offsetMonths / 12.0))
                .build();
        months.add(purchase);
        double cumulative = purchase.cumulative();
        for (int m = 1; m <= life; m++) {
            int contracted = contracts.gpus[m];
            double marketHours = (gpus - contracted) * HOURS_PER_MONTH * cluster.utilization();
            double price = cluster.startPricePerGpuHour() * path.factorForMonth(m);
            LocalDate date = start.plusMonths(m);
            MonthlyCashFlow month = MonthlyCashFlow.month(m, date)
                    .history(Timing.isHistory(date, valuationDate))
                    .pricePerGpuHour(price)
                    .marketGpuHours(marketHours)
                    .contracted(contracted, contracts.revenue[m])
                    .utilizedGpuHours(marketHours + contracted * HOURS_PER_MONTH)
                    .revenue(marketHours * (1 - assumptions.marketplaceFee()) * price + contracts.revenue[m])
                    .power(power)
                    .otherOpex(otherOpex)
                    .residual(m == life ? residual : 0)
                    .cumulativeBefore(cumulative)
                    .discountFactor(Returns.discountFactor(rate, (offsetMonths + m) / 12.0))
                    .build();
            months.add(month);
            cumulative = month.cumulative();
        }
        return new CashFlowSchedule(cluster, assumptions, path, start, offsetMonths, months, lessorContracts);
    }

    /** Contracted GPUs and contract revenue per cluster month (index = month, 1..life). */
    private record ContractMonths(int[] gpus, double[] revenue) {
        static ContractMonths of(Cluster cluster, LocalDate clusterStart, List<Lease> contracts) {
            int life = cluster.lifeMonths();
            int[] gpus = new int[life + 1];
            double[] revenue = new double[life + 1];
            List<List<String>> who = new ArrayList<>(life + 1);
            for (int m = 0; m <= life; m++) {
                who.add(new ArrayList<>());
            }
            for (Lease contract : contracts) {
                if (contract.role() != LeaseRole.LESSOR || !contract.clusterId().orElse("").equals(cluster.id())) {
                    throw new IllegalArgumentException("contract " + contract.contractId() + " does not rent out cluster " + cluster.id());
                }
                double monthlyValue = contract.ratePerGpuHour() * contract.gpuCount() * HOURS_PER_MONTH;
                int first = -1;
                int covered = 0;
                for (int m = 1; m <= life; m++) {
                    if (covers(contract, clusterStart, m)) {
                        first = first < 0 ? m : first;
                        covered++;
                        gpus[m] += contract.gpuCount();
                        revenue[m] += monthlyValue * (1 - contract.prepaidShare());
                        who.get(m).add(contract.contractId());
                    }
                }
                if (first > 0) {
                    revenue[first] += contract.prepaidShare() * monthlyValue * covered;
                }
            }
            for (int m = 1; m <= life; m++) {
                if (gpus[m] > cluster.gpuCount()) {
                    throw new InvalidValueException(Field.CONTRACTED_GPUS,
                            gpus[m] + " GPUs of cluster " + cluster.id() + " in " + clusterStart.plusMonths(m - 1).getMonth()
                                    + " " + clusterStart.plusMonths(m - 1).getYear() + " (contracts " + String.join(", ", who.get(m)) + ")",
                            "at most the " + cluster.gpuCount() + " GPUs of the cluster under contract at any time");
                }
            }
            return new ContractMonths(gpus, revenue);
        }
    }

    /** Whether a lessor contract covers cluster month m (1..life): the month's midpoint lies in the contract's term. */
    public static boolean covers(Lease contract, LocalDate clusterStart, int month) {
        double from = monthsBetween(clusterStart, contract.startDate());
        double midpoint = month - 0.5;
        return midpoint >= from && midpoint < from + contract.termMonths();
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
