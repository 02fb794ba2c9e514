package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.Lease;
import gpuroi.model.PricePath;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the sensitivity sheet and {@code --json} show for one analysed cluster: NPV at the hurdle rate
 * and IRR over start price × utilization with the break-even start price of each row, NPV at the
 * hurdle over annual price decline × capex per GPU with the break-even capex of each row, and the
 * tornado of {@link Tornado} (±20%).
 *
 * <p>These are the figures a full engine run per cell gives ({@link Sensitivity}, {@link DeclineCapexGrid},
 * with the cluster's lessor contracts), at a small part of the cost, because the model is linear
 * where the grids move it: each month's market revenue is proportional to start price × utilization
 * (contract revenue, fixed by the contract, does not move), and capex enters the flows at month 0 and
 * through the residual. So one extra schedule at a start price and utilization of 1 gives every cell's
 * monthly flows, whose NPV is then taken exactly as {@link Metrics} takes it and whose IRR is the same root
 * (see {@link #irr}); the base cell gets the base case's own flows and solver, so it equals the analysis bit for bit. A decline row needs two
 * schedules (capex 0 and 1 per GPU).
 *
 * @param clusterId               the cluster
 * @param startPriceByUtilization NPV and IRR over start price (columns) × utilization (rows)
 * @param declineByCapex          NPV over annual decline (rows) × capex per GPU (columns); empty for an owned
 *                                cluster, whose capex is spent and does not decide HOLD or RESELL, or one
 *                                without capex
 * @param tornado                 NPV swings at ±20% of each input, widest first
 * @param measure                 what the start price × utilization grid and the tornado measure: NPV at the hurdle
 *                                rate for a planned cluster; for an owned one hold value minus sale
 *                                ({@link HoldFigures#holdMinusSale()}), with the IRR of holding in the IRR grid and the
 *                                start price at which holding and selling are worth the same as each row's break-even
 * @param base                    the measure at the base case (the tornado's centre line)
 * @param ownUse                  for a planned cluster judged for own use, the figures its BUY or RENT turns on: the
 *                                saving from owning over start price × utilization, and the tornado of that saving;
 *                                empty for any other cluster
 *
 * <p>An owned cluster's grids and tornado move only what is still to come: its history is realized in every cell.
 */
public record SensitivityFigures(String clusterId, StartPriceByUtilization startPriceByUtilization,
                                 Optional<DeclineByCapex> declineByCapex, List<Tornado.Bar> tornado,
                                 Tornado.Measure measure, double base, Optional<OwnUse> ownUse) {
    public SensitivityFigures {
        tornado = List.copyOf(tornado);
    }

    /**
     * What an own-use BUY or RENT turns on, over the same axes as {@link #startPriceByUtilization()}.
     *
     * @param savingFromOwning    {@code savingFromOwning.get(row).get(column)}: the present cost of renting the same GPU-hours
     *                            less that of owning them ({@link OwnUseComparison#savingFromOwning()}), at the hurdle rate
     * @param breakEvenStartPrice per row, the start price at which owning and renting cost the same
     *                            ({@link OwnUseComparison#breakEvenStartPrice()})
     * @param tornado             swings of the saving at each input's low and high value, widest first
     */
    public record OwnUse(List<List<Double>> savingFromOwning, List<OptionalDouble> breakEvenStartPrice, List<Tornado.Bar> tornado) {
        public OwnUse {
            savingFromOwning = savingFromOwning.stream().map(List::copyOf).toList();
            breakEvenStartPrice = List.copyOf(breakEvenStartPrice);
            tornado = List.copyOf(tornado);
        }
    }

    /**
     * @param startPrices         one per column: the cluster's start price × {@link Sensitivity#DEFAULT_FACTORS}
     * @param utilizations        one per row: its utilization × the same factors, capped at 100%
     * @param npvAtHurdle         {@code npvAtHurdle.get(row).get(column)}
     * @param irr                 the annual IRR of each cell, or why there is none
     * @param breakEvenStartPrice per row, the start price at which NPV at the hurdle rate is 0, as
     *                            {@link ClusterMetrics#breakEvenStartPrice()} defines it; empty when the start price
     *                            moves nothing (no uncommitted GPU-hour is billed)
     */
    public record StartPriceByUtilization(List<Double> startPrices, List<Double> utilizations, List<List<Double>> npvAtHurdle,
                                          List<List<IrrResult>> irr, List<OptionalDouble> breakEvenStartPrice) {
        public StartPriceByUtilization {
            startPrices = List.copyOf(startPrices);
            utilizations = List.copyOf(utilizations);
            npvAtHurdle = npvAtHurdle.stream().map(List::copyOf).toList();
            irr = irr.stream().map(List::copyOf).toList();
            breakEvenStartPrice = List.copyOf(breakEvenStartPrice);
        }

        /** The row and the column of the base case: where both factors are 1. */
        public int baseRow() {
            return Sensitivity.DEFAULT_FACTORS.indexOf(1.0);
        }

        public int baseColumn() {
            return Sensitivity.DEFAULT_FACTORS.indexOf(1.0);
        }
    }

    /**
     * @param annualDeclines       one per row: {@link DeclineCapexGrid#DEFAULT_DECLINES}, each replacing the cluster's path
     * @param capexPerGpu          one per column: the cluster's capex per GPU × {@link Sensitivity#DEFAULT_FACTORS}
     * @param npvAtHurdle          {@code npvAtHurdle.get(row).get(column)}
     * @param irr                  the annual IRR of each cell, or why there is none
     * @param breakEvenCapexPerGpu per row, the capex per GPU at which NPV at the hurdle rate is 0 (see {@link DeclineCapexGrid})
     */
    public record DeclineByCapex(List<Double> annualDeclines, List<Double> capexPerGpu, List<List<Double>> npvAtHurdle,
                                 List<List<IrrResult>> irr, List<OptionalDouble> breakEvenCapexPerGpu) {
        public DeclineByCapex {
            annualDeclines = List.copyOf(annualDeclines);
            capexPerGpu = List.copyOf(capexPerGpu);
            npvAtHurdle = npvAtHurdle.stream().map(List::copyOf).toList();
            irr = irr.stream().map(List::copyOf).toList();
            breakEvenCapexPerGpu = List.copyOf(breakEvenCapexPerGpu);
        }
    }

    /** The figures of an analysed cluster, with the lessor contracts its schedule was built with. */
    public static SensitivityFigures of(ClusterAnalysis base) {
        Cluster cluster = base.cluster();
        Assumptions assumptions = base.schedule().assumptions();
        List<Lease> lessorContracts = base.schedule().lessorContracts();
        Tornado.Measure measure = Tornado.measure(cluster);
        return new SensitivityFigures(cluster.id(),
                measure == Tornado.Measure.HOLD_MINUS_SALE ? holdByStartPriceAndUtilization(base.schedule())
                        : startPriceByUtilization(base.schedule()),
                declineByCapex(cluster, assumptions, lessorContracts),
                Tornado.of(cluster, assumptions, lessorContracts, List.of(), base.tornadoRangesWithDefaults()),
                measure, Tornado.baseValue(cluster, assumptions, lessorContracts), ownUse(base));
    }

    /**
     * The own-use figures of a cluster judged for own use. The cost of owning moves with utilization (power, and the hours
     * a lessor contract leaves) but not with the start price, and the cost of renting the same hours is proportional to
     * the start price on a path of fixed shape: so one schedule per utilization gives its row, the base row being the
     * analysis's own.
     */
    private static Optional<OwnUse> ownUse(ClusterAnalysis base) {
        Cluster cluster = base.cluster();
        if (!cluster.judgedForOwnUse()) {
            return Optional.empty();
        }
        Assumptions assumptions = base.schedule().assumptions();
        List<Lease> lessorContracts = base.schedule().lessorContracts();
        List<Double> prices = Sensitivity.prices(cluster, Sensitivity.DEFAULT_FACTORS);
        List<Double> utilizations = Sensitivity.utilizations(cluster, Sensitivity.DEFAULT_FACTORS);
        int baseRow = Sensitivity.DEFAULT_FACTORS.indexOf(1.0);
        double startPrice = cluster.startPricePerGpuHour();
        List<List<Double>> saving = new ArrayList<>(utilizations.size());
        List<OptionalDouble> breakEven = new ArrayList<>(utilizations.size());
        for (int row = 0; row < utilizations.size(); row++) {
            OwnUseComparison own = row == baseRow ? base.metrics().ownUse()
                    : OwnUseComparison.of(CashFlowModel.schedule(cluster.toBuilder().utilization(utilizations.get(row)).build(),
                            assumptions, lessorContracts));
            List<Double> cells = new ArrayList<>(prices.size());
            for (double price : prices) {
                // At the cluster's own start price the comparison's own figure, bit for bit; elsewhere renting scales with the price.
                cells.add(price == startPrice ? own.savingFromOwning() : own.costToRent() * (price / startPrice) - own.costToOwn());
            }
            saving.add(cells);
            breakEven.add(own.breakEvenStartPrice());
        }
        List<Tornado.Bar> tornado = Tornado.of(cluster, assumptions, lessorContracts, base.tornadoRangesWithDefaults(),
                Tornado.Measure.OWN_USE_SAVING);
        return Optional.of(new OwnUse(saving, breakEven, tornado));
    }

    /**
     * An owned cluster's grid: hold value minus sale, the IRR of holding and the break-even start price of each row,
     * over start price × utilization. Only the months still to come move: the market revenue of each is proportional to
     * start price × utilization, so one schedule at 1 × 1 gives every cell's flows.
     */
    private static StartPriceByUtilization holdByStartPriceAndUtilization(CashFlowSchedule base) {
        Cluster cluster = base.cluster();
        Assumptions assumptions = base.assumptions();
        double hurdle = assumptions.hurdleRate();
        HoldFigures hold = HoldFigures.of(base);
        double sale = hold.saleValue().orElse(0);
        double[] perPriceUtilization = marketRevenue(CashFlowModel.schedule(
                cluster.toBuilder().startPricePerGpuHour(1).utilization(1).build(), assumptions, base.lessorContracts()));
        List<MonthlyCashFlow> future = base.months().stream().filter(m -> !m.history()).toList();
        double[] years = new double[future.size() + 1];
        double[] baseFlows = new double[future.size() + 1];
        double[] unitFlows = new double[future.size() + 1];
        double holdPerPriceUtilization = 0;
        for (int k = 0; k < future.size(); k++) {
            MonthlyCashFlow month = future.get(k);
            years[k + 1] = (base.offsetMonths() + month.month()) / 12.0;
            baseFlows[k + 1] = month.net();
            unitFlows[k + 1] = perPriceUtilization[month.month()];
            holdPerPriceUtilization += Returns.discountFactor(hurdle, years[k + 1]) * unitFlows[k + 1];
        }
        double baseProduct = cluster.startPricePerGpuHour() * cluster.utilization();
        List<Double> prices = Sensitivity.prices(cluster, Sensitivity.DEFAULT_FACTORS);
        List<Double> utilizations = Sensitivity.utilizations(cluster, Sensitivity.DEFAULT_FACTORS);
        List<List<Double>> values = new ArrayList<>(utilizations.size());
        List<List<IrrResult>> irr = new ArrayList<>(utilizations.size());
        List<OptionalDouble> breakEven = new ArrayList<>(utilizations.size());
        double[] flows = new double[baseFlows.length];
        for (double utilization : utilizations) {
            List<Double> valueRow = new ArrayList<>(prices.size());
            List<IrrResult> irrRow = new ArrayList<>(prices.size());
            for (double price : prices) {
                double shift = price * utilization - baseProduct;
                valueRow.add(shift == 0 ? hold.holdMinusSale() : hold.holdMinusSale() + shift * holdPerPriceUtilization);
                if (hold.saleValue().isEmpty() || hold.lifeEnded()) {
                    irrRow.add(hold.holdIrr());
                    continue;
                }
                flows[0] = -sale;
                for (int k = 1; k < flows.length; k++) {
                    flows[k] = baseFlows[k] + shift * unitFlows[k];
                }
                irrRow.add(shift == 0 ? hold.holdIrr() : IrrSolver.dated(flows, years));
            }
            values.add(valueRow);
            irr.add(irrRow);
            double perStartPrice = utilization * holdPerPriceUtilization;
            double price = (baseProduct - hold.holdMinusSale() / holdPerPriceUtilization) / utilization;
            breakEven.add(perStartPrice > 0 && Double.isFinite(price) ? OptionalDouble.of(price) : OptionalDouble.empty());
        }
        return new StartPriceByUtilization(prices, utilizations, values, irr, breakEven);
    }

    private static StartPriceByUtilization startPriceByUtilization(CashFlowSchedule base) {
        Cluster cluster = base.cluster();
        Assumptions assumptions = base.assumptions();
        double hurdle = assumptions.hurdleRate();
        double[] baseNet = base.netFlows();
        double[] revenuePerPriceUtilization = marketRevenue(CashFlowModel.schedule(
                cluster.toBuilder().startPricePerGpuHour(1).utilization(1).build(), assumptions, base.lessorContracts()));
        double baseProduct = cluster.startPricePerGpuHour() * cluster.utilization();
        double npvPerPriceUtilization = CashFlowSchedule.npvAtValuationDate(hurdle, revenuePerPriceUtilization, base.offsetMonths());
        double npvWithoutMarket = base.npvAtValuationDate(hurdle) - baseProduct * npvPerPriceUtilization;

        List<Double> prices = Sensitivity.prices(cluster, Sensitivity.DEFAULT_FACTORS);
        List<Double> utilizations = Sensitivity.utilizations(cluster, Sensitivity.DEFAULT_FACTORS);
        List<List<Double>> npv = new ArrayList<>(utilizations.size());
        List<List<IrrResult>> irr = new ArrayList<>(utilizations.size());
        List<OptionalDouble> breakEven = new ArrayList<>(utilizations.size());
        double[] net = new double[baseNet.length];
        for (double utilization : utilizations) {
            List<Double> npvRow = new ArrayList<>(prices.size());
            List<IrrResult> irrRow = new ArrayList<>(prices.size());
            for (double price : prices) {
                // Exactly 0 at the base case, whose flows are then the analysis's own.
                double shift = price * utilization - baseProduct;
                for (int m = 0; m < net.length; m++) {
                    net[m] = baseNet[m] + shift * revenuePerPriceUtilization[m];
                }
                npvRow.add(CashFlowSchedule.npvAtValuationDate(hurdle, net, base.offsetMonths()));
                irrRow.add(shift == 0 ? IrrSolver.periodic(net, 12) : irr(net));
            }
            npv.add(npvRow);
            irr.add(irrRow);
            double perStartPrice = utilization * npvPerPriceUtilization;
            double price = -npvWithoutMarket / perStartPrice;
            breakEven.add(perStartPrice > 0 && Double.isFinite(price) ? OptionalDouble.of(price) : OptionalDouble.empty());
        }
        return new StartPriceByUtilization(prices, utilizations, npv, irr, breakEven);
    }

    /**
     * The IRR {@link IrrSolver#periodic} gives, for 49 cells a cluster: flows that change sign once have exactly one
     * root (Descartes), which {@link FastIrr}'s safeguarded Newton finds in a few passes; any other flows, and a root
     * outside the solver's range, go to the solver itself, which scans for every root and says why there is none.
     */
    private static IrrResult irr(double[] net) {
        if (signChanges(net) == 1) {
            double annual = FastIrr.annual(net);
            if (!Double.isNaN(annual)) {
                return new IrrResult.Unique(annual, Math.expm1(Math.log1p(annual) / 12), "");
            }
        }
        return IrrSolver.periodic(net, 12);
    }

    private static int signChanges(double[] flows) {
        int changes = 0;
        double previous = 0;
        for (double flow : flows) {
            if (flow != 0) {
                if (previous != 0 && (flow > 0) != (previous > 0)) {
                    changes++;
                }
                previous = flow;
            }
        }
        return changes;
    }

    /** Each month's revenue from the uncommitted GPUs (the market), month 0 first. */
    private static double[] marketRevenue(CashFlowSchedule schedule) {
        double[] revenue = new double[schedule.months().size()];
        for (MonthlyCashFlow month : schedule.months()) {
            revenue[month.month()] = month.revenue() - month.contractRevenue();
        }
        return revenue;
    }

    private static Optional<DeclineByCapex> declineByCapex(Cluster cluster, Assumptions assumptions, List<Lease> lessorContracts) {
        if (cluster.status() == ClusterStatus.OWNED || cluster.capexPerGpu() <= 0) {
            return Optional.empty();
        }
        List<Double> capexPerGpu = DeclineCapexGrid.defaultCapexPerGpu(cluster);
        List<List<Double>> npv = new ArrayList<>();
        List<List<IrrResult>> irr = new ArrayList<>();
        List<OptionalDouble> breakEven = new ArrayList<>();
        for (double decline : DeclineCapexGrid.DEFAULT_DECLINES) {
            Cluster.Builder onDecline = cluster.toBuilder().pricePath(new PricePath.AnnualDecline(decline));
            // Capex enters the flows linearly (the purchase, and the residual as a share of it), so two schedules give
            // every column's flows and NPV.
            CashFlowSchedule zeroCapex = CashFlowModel.schedule(onDecline.capexPerGpu(0).build(), assumptions, lessorContracts);
            CashFlowSchedule unitCapex = CashFlowModel.schedule(onDecline.capexPerGpu(1).build(), assumptions, lessorContracts);
            double npvAtZeroCapex = zeroCapex.npvAtValuationDate(assumptions.hurdleRate());
            double npvAtUnitCapex = unitCapex.npvAtValuationDate(assumptions.hurdleRate());
            double npvPerDollar = npvAtUnitCapex - npvAtZeroCapex;
            npv.add(capexPerGpu.stream().map(capex -> npvAtZeroCapex + capex * npvPerDollar).toList());
            breakEven.add(DeclineCapexGrid.breakEvenCapexPerGpu(npvAtZeroCapex, npvAtUnitCapex));
            double[] atZero = zeroCapex.netFlows();
            double[] atUnit = unitCapex.netFlows();
            List<IrrResult> irrRow = new ArrayList<>(capexPerGpu.size());
            for (double capex : capexPerGpu) {
                double[] net = new double[atZero.length];
                for (int m = 0; m < net.length; m++) {
                    net[m] = atZero[m] + capex * (atUnit[m] - atZero[m]);
                }
                irrRow.add(irr(net));
            }
            irr.add(irrRow);
        }
        return Optional.of(new DeclineByCapex(DeclineCapexGrid.DEFAULT_DECLINES, capexPerGpu, npv, irr, breakEven));
    }
}
