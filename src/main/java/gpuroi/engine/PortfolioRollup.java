package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.Lease;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The portfolio as entered (planned clusters bought, owned ones held, lessee contracts kept), added
 * up, and the recommended changes ranked by what they are worth.
 *
 * @param totalCapex       Σ capex of every cluster, owned and planned
 * @param plannedCapex     Σ capex of the planned clusters: the cash still to commit
 * @param totalNpv         Σ cluster NPVs at the discount rate − Σ lessee contracts' KEEP cost at the discount rate
 * @param totalNpvAtHurdle the same at the hurdle rate
 * @param months           one row per calendar month from the valuation month to the last flow or contract month
 * @param actions          every recommendation that changes something (BUY, RENT, RESELL, RESELL_CAPACITY,
 *                         TERMINATE), largest NPV gain at the hurdle first
 */
public record PortfolioRollup(
        double totalCapex,
        double plannedCapex,
        double totalNpv,
        double totalNpvAtHurdle,
        List<MonthPosition> months,
        List<RankedAction> actions) {

    /** Rows are capped at 50 years, the longest life a cluster may have. */
    public static final int MAX_MONTHS = 600;

    public PortfolioRollup {
        months = List.copyOf(months);
        actions = List.copyOf(actions);
    }

    /**
     * One calendar month. A flow counts in the month of its date (a month-end flow dated the first of
     * the next month counts in that next month).
     *
     * @param month             the calendar month
     * @param netFlow           Σ cluster net flows − Σ lessee contract payments (KEEP)
     * @param cashNeeded        Σ of the negative flows alone, as a positive amount: what must be funded
     * @param gpusOwned         GPUs of clusters whose life covers the month (planned ones from their start)
     * @param gpusContractedOut GPUs under lessor contracts running in the month
     * @param gpusRentedIn      GPUs under lessee contracts running in the month
     * @param gpusNeeded        GPUs those lessee contracts are needed for
     */
    public record MonthPosition(YearMonth month, double netFlow, double cashNeeded, int gpusOwned, int gpusContractedOut,
                                int gpusRentedIn, int gpusNeeded) {
    }

    /**
     * A recommended change and its value.
     *
     * @param subject         cluster or contract id
     * @param action          the decision's name, e.g. RESELL or TERMINATE
     * @param npvGainAtHurdle BUY: its NPV; RENT: the loss buying would make; RESELL: sale value − hold value;
     *                        RESELL_CAPACITY / TERMINATE: KEEP cost − the option's cost
     * @param reason          the decision's own reason
     */
    public record RankedAction(String subject, String action, double npvGainAtHurdle, String reason) {
    }

    public static PortfolioRollup of(Assumptions assumptions, List<ClusterAnalysis> clusters, List<ContractAnalysis> contracts) {
        double capex = 0;
        double planned = 0;
        double npv = 0;
        double npvAtHurdle = 0;
        List<RankedAction> actions = new ArrayList<>();
        for (ClusterAnalysis c : clusters) {
            capex += c.cluster().totalCapex();
            planned += c.cluster().status() == ClusterStatus.PLANNED ? c.cluster().totalCapex() : 0;
            npv += c.metrics().npv();
            npvAtHurdle += c.metrics().npvAtHurdle();
            Decision d = c.recommendation().decision();
            double gain = switch (d) {
                case BUY -> c.metrics().npvAtHurdle();
                case RENT -> -c.metrics().npvAtHurdle();
                case RESELL -> c.metrics().saleValueNow().orElse(0) - c.metrics().remainingValueAtHurdle();
                case HOLD -> Double.NaN;
            };
            if (d != Decision.HOLD) {
                actions.add(new RankedAction(c.cluster().id(), d.name(), gain, c.recommendation().reason()));
            }
        }
        for (ContractAnalysis k : contracts) {
            npv -= k.keepCostAtDiscountRate();
            npvAtHurdle -= k.keepCost();
            if (k.decision() != ContractDecision.KEEP) {
                actions.add(new RankedAction(k.contract().contractId(), k.decision().name(), k.npvGainAtHurdle(), k.reason()));
            }
        }
        actions.sort(Comparator.comparingDouble(RankedAction::npvGainAtHurdle).reversed());
        return new PortfolioRollup(capex, planned, npv, npvAtHurdle, months(assumptions, clusters, contracts), actions);
    }

    private static List<MonthPosition> months(Assumptions assumptions, List<ClusterAnalysis> clusters,
                                              List<ContractAnalysis> contracts) {
        YearMonth first = YearMonth.from(assumptions.valuationDate());
        TreeMap<YearMonth, double[]> flows = new TreeMap<>();
        YearMonth last = first.minusMonths(1);
        for (ClusterAnalysis c : clusters) {
            for (MonthlyCashFlow m : c.schedule().months()) {
                if (!m.history()) {
                    add(flows, YearMonth.from(m.date()), m.net());
                }
            }
            last = later(last, YearMonth.from(c.schedule().last().date()));
            for (Lease l : c.schedule().lessorContracts()) {
                last = later(last, YearMonth.from(l.endDate()));
            }
        }
        for (ContractAnalysis k : contracts) {
            for (ContractAnalysis.Payment p : k.keepPayments()) {
                add(flows, YearMonth.from(p.date()), -p.amount());
            }
            last = later(last, YearMonth.from(k.contract().endDate()));
        }
        YearMonth cap = first.plusMonths(MAX_MONTHS - 1);
        last = last.isAfter(cap) ? cap : last;
        List<MonthPosition> rows = new ArrayList<>();
        for (YearMonth ym = first; !ym.isAfter(last); ym = ym.plusMonths(1)) {
            double[] f = flows.getOrDefault(ym, new double[2]);
            int owned = 0;
            int out = 0;
            for (ClusterAnalysis c : clusters) {
                Cluster cluster = c.cluster();
                YearMonth start = YearMonth.from(c.schedule().startDate());
                if (!ym.isBefore(start) && ym.isBefore(start.plusMonths(cluster.lifeMonths()))) {
                    owned += cluster.gpuCount();
                }
                for (Lease l : c.schedule().lessorContracts()) {
                    out += running(l, ym) ? l.gpuCount() : 0;
                }
            }
            int in = 0;
            int needed = 0;
            for (ContractAnalysis k : contracts) {
                if (running(k.contract(), ym)) {
                    in += k.contract().gpuCount();
                    needed += k.contract().gpusNeeded();
                }
            }
            rows.add(new MonthPosition(ym, f[0], f[1], owned, out, in, needed));
        }
        return rows;
    }

    private static boolean running(Lease l, YearMonth ym) {
        return !ym.isBefore(YearMonth.from(l.startDate())) && !ym.isAfter(YearMonth.from(l.endDate()));
    }

    private static YearMonth later(YearMonth a, YearMonth b) {
        return b.isAfter(a) ? b : a;
    }

    /** f[0] = net, f[1] = cash needed (negative flows, as a positive amount). */
    private static void add(Map<YearMonth, double[]> flows, YearMonth month, double amount) {
        double[] f = flows.computeIfAbsent(month, k -> new double[2]);
        f[0] += amount;
        f[1] += amount < 0 ? -amount : 0;
    }
}
