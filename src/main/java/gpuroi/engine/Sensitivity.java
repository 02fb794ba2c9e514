package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.Lease;
import gpuroi.model.MarketQuote;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * How a cluster's result moves when the two inputs investors argue about most, the start price and
 * the utilization, are wrong: the full engine re-run on a grid centred on the base case.
 *
 * <p>With lessor contracts the grid moves the market only: the contracted GPUs bill their contract
 * rate whatever the start price and whether used or not, so a column changes the price of the
 * uncommitted GPU-hours and a row their utilization; the contract revenue stays as signed. A cluster
 * let out for its whole life therefore shows the same figures in every cell.
 * {@link SensitivityFigures} gives the same NPVs and IRRs without a full run per cell.
 */
public final class Sensitivity {
    private Sensitivity() {
    }

    /** Multipliers of the base value on each axis: −30% to +30% in steps of 10%, the base in the middle. */
    public static final List<Double> DEFAULT_FACTORS = List.of(0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3);

    /**
     * The engine's results over start price × utilization.
     *
     * @param startPrices  start prices per GPU-hour, one per column
     * @param utilizations utilizations, one per row; capped at 100%, so high rows may repeat
     * @param cells        {@code cells.get(row).get(column)}: the metrics at that utilization and start price
     */
    public record Grid(List<Double> startPrices, List<Double> utilizations, List<List<ClusterMetrics>> cells) {
        public Grid {
            startPrices = List.copyOf(startPrices);
            utilizations = List.copyOf(utilizations);
            cells = cells.stream().map(List::copyOf).toList();
        }

        public ClusterMetrics at(int row, int column) {
            return cells.get(row).get(column);
        }
    }

    /** The grid with {@link #DEFAULT_FACTORS} on both axes (7 × 7 runs of the engine), on the market path alone. */
    public static Grid startPriceByUtilization(Cluster cluster, Assumptions assumptions) {
        return startPriceByUtilizationOver(cluster, assumptions, DEFAULT_FACTORS, DEFAULT_FACTORS);
    }

    /**
     * The grid with {@link #DEFAULT_FACTORS} on both axes, each cell analysed as {@link
     * RoiEngine#analyzeWithContracts} analyses the cluster itself, so the centre is exactly the cluster's base case.
     */
    public static Grid startPriceByUtilization(Cluster cluster, Assumptions assumptions, List<Lease> lessorContracts,
                                               List<MarketQuote> quotes) {
        return startPriceByUtilizationOver(cluster, assumptions, lessorContracts, quotes, DEFAULT_FACTORS, DEFAULT_FACTORS);
    }

    /** The grid over the given multipliers of the cluster's start price (columns) and utilization (rows). */
    public static Grid startPriceByUtilizationOver(Cluster cluster, Assumptions assumptions,
                                                   List<Double> priceFactors, List<Double> utilizationFactors) {
        return grid(cluster, priceFactors, utilizationFactors, variant -> RoiEngine.analyze(variant, assumptions).metrics());
    }

    public static Grid startPriceByUtilizationOver(Cluster cluster, Assumptions assumptions, List<Lease> lessorContracts,
                                                   List<MarketQuote> quotes, List<Double> priceFactors,
                                                   List<Double> utilizationFactors) {
        return grid(cluster, priceFactors, utilizationFactors,
                variant -> RoiEngine.analyzeWithContracts(variant, assumptions, lessorContracts).metrics());
    }

    private static Grid grid(Cluster cluster, List<Double> priceFactors, List<Double> utilizationFactors,
                             Function<Cluster, ClusterMetrics> engine) {
        List<Double> prices = prices(cluster, priceFactors);
        List<Double> utilizations = utilizations(cluster, utilizationFactors);
        List<List<ClusterMetrics>> rows = new ArrayList<>(utilizations.size());
        for (double utilization : utilizations) {
            List<ClusterMetrics> row = new ArrayList<>(prices.size());
            for (double price : prices) {
                row.add(engine.apply(cluster.toBuilder().startPricePerGpuHour(price).utilization(utilization).build()));
            }
            rows.add(row);
        }
        return new Grid(prices, utilizations, rows);
    }

    /** The start prices of the columns: the cluster's own times each factor. */
    static List<Double> prices(Cluster cluster, List<Double> priceFactors) {
        return priceFactors.stream().map(f -> cluster.startPricePerGpuHour() * f).toList();
    }

    /** The utilizations of the rows: the cluster's own times each factor, capped at 100%. */
    static List<Double> utilizations(Cluster cluster, List<Double> utilizationFactors) {
        return utilizationFactors.stream().map(f -> Math.min(1.0, cluster.utilization() * f)).toList();
    }
}
