package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.Lease;
import gpuroi.model.MarketQuote;
import gpuroi.model.PricePath;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The engine's results over annual price decline × capex per GPU, the second pair of inputs the
 * source argues about (a 40%/yr fall against a $50k purchase), with the break-even contour: for each
 * decline, the capex per GPU at which NPV at the hurdle rate is 0. Each row prices the cluster on a
 * geometric decline, replacing its own path. The contour is exact, not interpolated: capex enters NPV
 * linearly (at t = 0, and through the residual share at the end of life), so two runs per row fix it.
 * {@link Sensitivity#startPriceByUtilization} and {@link ClusterMetrics#breakEvenStartPrice()} give the
 * start price × utilization counterpart. With lessor contracts a row re-prices the uncommitted
 * GPU-hours only; contract revenue stays as signed.
 *
 * @param annualDeclines   one per row
 * @param capexPerGpu      one per column
 * @param cells            {@code cells.get(row).get(column)}: the metrics at that decline and capex
 * @param breakEvenCapexPerGpu per row, the capex per GPU at which NPV at the hurdle rate is 0; empty when capex
 *                             does not move NPV (a residual share of 100% at a zero hurdle) or when it would be negative
 */
public record DeclineCapexGrid(List<Double> annualDeclines, List<Double> capexPerGpu, List<List<ClusterMetrics>> cells,
                               List<OptionalDouble> breakEvenCapexPerGpu) {
    /** Declines of the default grid: flat, the blended base as a rate (≈ 12.9%), 20%, 30% and the 40% bear case, 50%. */
    public static final List<Double> DEFAULT_DECLINES = List.of(0.0, 1 - Math.pow(0.5, 1 / 5.0), 0.2, 0.3, 0.4, 0.5);

    public DeclineCapexGrid {
        annualDeclines = List.copyOf(annualDeclines);
        capexPerGpu = List.copyOf(capexPerGpu);
        cells = cells.stream().map(List::copyOf).toList();
        breakEvenCapexPerGpu = List.copyOf(breakEvenCapexPerGpu);
    }

    public ClusterMetrics at(int row, int column) {
        return cells.get(row).get(column);
    }

    /** {@link #DEFAULT_DECLINES} × the cluster's capex times {@link Sensitivity#DEFAULT_FACTORS}, on the market path alone. */
    public static DeclineCapexGrid of(Cluster cluster, Assumptions assumptions) {
        return over(cluster, assumptions, DEFAULT_DECLINES, defaultCapexPerGpu(cluster));
    }

    /** The default grid, each cell analysed as {@link RoiEngine#analyzeWithContracts} analyses the cluster. */
    public static DeclineCapexGrid of(Cluster cluster, Assumptions assumptions, List<Lease> lessorContracts,
                                      List<MarketQuote> quotes) {
        return over(cluster, assumptions, lessorContracts, quotes, DEFAULT_DECLINES, defaultCapexPerGpu(cluster));
    }

    /** The grid over the given declines (rows) and capex per GPU (columns). */
    public static DeclineCapexGrid over(Cluster cluster, Assumptions assumptions, List<Double> annualDeclines,
                                        List<Double> capexPerGpu) {
        return grid(cluster, annualDeclines, capexPerGpu, variant -> RoiEngine.analyze(variant, assumptions).metrics());
    }

    public static DeclineCapexGrid over(Cluster cluster, Assumptions assumptions, List<Lease> lessorContracts,
                                        List<MarketQuote> quotes, List<Double> annualDeclines, List<Double> capexPerGpu) {
        return grid(cluster, annualDeclines, capexPerGpu,
                variant -> RoiEngine.analyzeWithContracts(variant, assumptions, lessorContracts).metrics());
    }

    /** The capex per GPU of the default columns: the cluster's own times {@link Sensitivity#DEFAULT_FACTORS}. */
    static List<Double> defaultCapexPerGpu(Cluster cluster) {
        return Sensitivity.DEFAULT_FACTORS.stream().map(f -> cluster.capexPerGpu() * f).toList();
    }

    /**
     * The capex per GPU at which NPV at the hurdle rate is 0, from NPV at a capex of 0 and of 1 per GPU;
     * empty when capex does not lower NPV or the break-even would be negative.
     */
    static OptionalDouble breakEvenCapexPerGpu(double npvAtZeroCapex, double npvAtUnitCapex) {
        double npvPerDollar = npvAtUnitCapex - npvAtZeroCapex;
        double breakEven = npvPerDollar < 0 ? -npvAtZeroCapex / npvPerDollar : Double.NaN;
        return breakEven >= 0 ? OptionalDouble.of(breakEven) : OptionalDouble.empty();
    }

    private static DeclineCapexGrid grid(Cluster cluster, List<Double> annualDeclines, List<Double> capexPerGpu,
                                         Function<Cluster, ClusterMetrics> engine) {
        List<List<ClusterMetrics>> rows = new ArrayList<>(annualDeclines.size());
        List<OptionalDouble> contour = new ArrayList<>(annualDeclines.size());
        for (double decline : annualDeclines) {
            Cluster.Builder onDecline = cluster.toBuilder().pricePath(new PricePath.AnnualDecline(decline));
            List<ClusterMetrics> row = new ArrayList<>(capexPerGpu.size());
            for (double capex : capexPerGpu) {
                row.add(engine.apply(onDecline.capexPerGpu(capex).build()));
            }
            rows.add(row);
            contour.add(breakEvenCapexPerGpu(engine.apply(onDecline.capexPerGpu(0).build()).npvAtHurdle(),
                    engine.apply(onDecline.capexPerGpu(1).build()).npvAtHurdle()));
        }
        return new DeclineCapexGrid(annualDeclines, capexPerGpu, rows, contour);
    }
}
