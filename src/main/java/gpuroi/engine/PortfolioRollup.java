package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.ClusterUse;
import gpuroi.model.Lease;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The portfolio added up on one footing, from the valuation date at the hurdle rate: what each cluster and contract
 * is worth from today (history is realized and left out), as entered and following the decisions, and the
 * recommended changes ranked by what they are worth. Whole-life cluster figures, history included, are kept apart
 * and labelled as such; they are never added to forward ones.
 *
 * @param totalCapex                     Σ capex of every cluster, owned and planned
 * @param plannedCapex                   Σ capex of the planned clusters
 * @param capexToCommit                  Σ capex of the planned clusters the decisions buy (BUY)
 * @param clusters                       each cluster's forward position, in input order
 * @param clustersValueAsEntered         Σ of the clusters' {@link ClusterPosition#valueAsEntered()}
 * @param clustersValueOfDecisions       Σ of the clusters' {@link ClusterPosition#valueOfDecision()}
 * @param contractsKeepCost              Σ lessee contracts' KEEP cost at the hurdle rate
 * @param contractsChosenCost            Σ lessee contracts' chosen option's cost at the hurdle rate
 * @param valueAsEntered                 clustersValueAsEntered − contractsKeepCost: planned bought, owned held, contracts kept
 * @param valueFollowingDecisions        clustersValueOfDecisions − contractsChosenCost: every decision followed
 * @param clustersNpvSincePurchase       Σ whole-life cluster NPVs at the discount rate (realized + expected), not a decision figure
 * @param clustersNpvAtHurdleSincePurchase the same at the hurdle rate
 * @param months                         one row per calendar month from the valuation month to the last flow or contract month
 * @param actions                        every recommendation that changes something (BUY, RENT, RESELL, RESELL_CAPACITY,
 *                                       TERMINATE; not the RESELL of a cluster past its useful life), largest gain
 *                                       at the hurdle first
 */
public record PortfolioRollup(
        double totalCapex,
        double plannedCapex,
        double capexToCommit,
        List<ClusterPosition> clusters,
        double clustersValueAsEntered,
        double clustersValueOfDecisions,
        double contractsKeepCost,
        double contractsChosenCost,
        double valueAsEntered,
        double valueFollowingDecisions,
        double clustersNpvSincePurchase,
        double clustersNpvAtHurdleSincePurchase,
        List<MonthPosition> months,
        List<RankedAction> actions) {

    /** Rows are capped at 50 years, the longest life a cluster may have. */
    public static final int MAX_MONTHS = 600;

    public PortfolioRollup {
        clusters = List.copyOf(clusters);
        months = List.copyOf(months);
        actions = List.copyOf(actions);
    }

    /** The most cash any one month needs funded (0 when no month needs any): the figure ROI Portfolio and the JSON show. */
    public double peakMonthlyCashNeeded() {
        return months.stream().mapToDouble(MonthPosition::cashNeeded).max().orElse(0);
    }

    /** What a cluster's decision does with capital. */
    public enum CapitalRole {
        /** BUY: capex to commit, earning more than the hurdle. */
        COMMIT,
        /** HOLD: the hardware's sale value stays invested in it. */
        KEEP,
        /** RESELL: the sale value is freed for other uses. */
        FREE,
        /** RENT: capex not committed; buying would earn less than the hurdle. */
        NOT_COMMIT
    }

    /**
     * One cluster from the valuation date, at the hurdle rate.
     *
     * @param id               cluster id
     * @param decision         the cluster's decision
     * @param role             what the decision does with capital
     * @param capital          planned: its capex (committed or not); owned: the sale value now, net of fees, that holding
     *                         keeps invested or reselling frees (0 without a secondary price)
     * @param valueAsEntered   planned: NPV at the hurdle if bought (for own use: the saving from owning the GPU-hours
     *                         over renting them, {@link OwnUseComparison#savingFromOwning()}); owned: the value of holding
     * @param valueOfDecision  BUY: valueAsEntered; RENT: 0 (nothing bought); owned: the better of holding and a
     *                         sale now (holding when no secondary price is known)
     * @param alternativeValue the value of the other choice: RENT/BUY the other's (0 or valueAsEntered); HOLD the sale value
     *                         (empty without one); RESELL the value of holding. Owned figures are {@link HoldFigures}';
     *                         a cluster whose useful life has ended is RESELL with every figure 0 and no alternative
     * @param gainOverAlternative valueOfDecision − alternativeValue; empty when the alternative is not known
     */
    public record ClusterPosition(String id, Decision decision, CapitalRole role, double capital, double valueAsEntered,
                                  double valueOfDecision, OptionalDouble alternativeValue, OptionalDouble gainOverAlternative) {

        static ClusterPosition of(ClusterAnalysis c) {
            Decision d = c.recommendation().decision();
            String id = c.cluster().id();
            double npv = c.metrics().npvAtHurdle();
            double capex = c.cluster().totalCapex();
            if (c.cluster().status() == ClusterStatus.PLANNED) {
                // The figure the decision weighed: for own use the GPU-hours replace renting them, so buying is worth
                // the saving over renting them (no marketplace fee), not the NPV of selling them.
                double bought = c.cluster().use() == ClusterUse.OWN_USE ? c.metrics().ownUse().savingFromOwning() : npv;
                boolean buy = d == Decision.BUY;
                double value = buy ? bought : 0;
                double alternative = buy ? 0 : bought;
                return new ClusterPosition(id, d, buy ? CapitalRole.COMMIT : CapitalRole.NOT_COMMIT, capex, bought, value,
                        OptionalDouble.of(alternative), OptionalDouble.of(value - alternative));
            }
            // The forward figures that decide HOLD/RESELL, so the portfolio adds up what the decision weighed.
            HoldFigures figures = c.metrics().hold().orElseThrow();
            if (figures.lifeEnded()) {
                // Every flow is realized, the residual booked as its sale at the end of life: nothing to hold or to sell now.
                return new ClusterPosition(id, d, CapitalRole.FREE, 0, 0, 0, OptionalDouble.empty(), OptionalDouble.empty());
            }
            double hold = figures.holdValue();
            OptionalDouble sale = figures.saleValue();
            double saleOrZero = sale.orElse(0);
            if (d == Decision.RESELL && sale.isPresent()) {
                return new ClusterPosition(id, d, CapitalRole.FREE, saleOrZero, hold, saleOrZero, OptionalDouble.of(hold),
                        OptionalDouble.of(saleOrZero - hold));
            }
            return new ClusterPosition(id, d, CapitalRole.KEEP, saleOrZero, hold, hold, sale,
                    sale.isPresent() ? OptionalDouble.of(hold - saleOrZero) : OptionalDouble.empty());
        }
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
     * @param npvGainAtHurdle BUY: its NPV (own use: the saving from owning); RENT: the loss buying would make; RESELL: sale value − hold value;
     *                        RESELL_CAPACITY / TERMINATE: KEEP cost − the option's cost
     * @param reason          the decision's own reason
     */
    public record RankedAction(String subject, String action, double npvGainAtHurdle, String reason) {
    }

    public static PortfolioRollup of(Assumptions assumptions, List<ClusterAnalysis> clusters, List<ContractAnalysis> contracts) {
        double capex = 0;
        double planned = 0;
        double toCommit = 0;
        double asEntered = 0;
        double ofDecisions = 0;
        double npv = 0;
        double npvAtHurdle = 0;
        List<ClusterPosition> positions = new ArrayList<>();
        List<RankedAction> actions = new ArrayList<>();
        for (ClusterAnalysis c : clusters) {
            ClusterPosition position = ClusterPosition.of(c);
            positions.add(position);
            capex += c.cluster().totalCapex();
            planned += c.cluster().status() == ClusterStatus.PLANNED ? c.cluster().totalCapex() : 0;
            toCommit += position.role() == CapitalRole.COMMIT ? c.cluster().totalCapex() : 0;
            asEntered += position.valueAsEntered();
            ofDecisions += position.valueOfDecision();
            npv += c.metrics().npv();
            npvAtHurdle += c.metrics().npvAtHurdle();
            Decision d = c.recommendation().decision();
            // A cluster past its useful life was, in the model, sold for its residual at the end of life: its RESELL
            // changes nothing now (its warning note says so), so it is not a recommended change.
            boolean lifeEnded = c.metrics().hold().map(HoldFigures::lifeEnded).orElse(false);
            if (d != Decision.HOLD && !lifeEnded) {
                actions.add(new RankedAction(c.cluster().id(), d.name(), position.gainOverAlternative().orElse(0),
                        c.recommendation().reason()));
            }
        }
        double keep = 0;
        double chosen = 0;
        for (ContractAnalysis k : contracts) {
            keep += k.keepCost();
            chosen += k.chosenCost();
            if (k.decision() != ContractDecision.KEEP) {
                actions.add(new RankedAction(k.contract().contractId(), k.decision().name(), k.npvGainAtHurdle(), k.reason()));
            }
        }
        actions.sort(Comparator.comparingDouble(RankedAction::npvGainAtHurdle).reversed());
        return new PortfolioRollup(capex, planned, toCommit, positions, asEntered, ofDecisions, keep, chosen,
                asEntered - keep, ofDecisions - chosen, npv, npvAtHurdle, months(assumptions, clusters, contracts), actions);
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
