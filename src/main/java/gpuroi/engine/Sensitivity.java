package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * How a cluster's result moves when the two inputs investors argue about most, the start price and
 * the utilization, are wrong: the full engine re-run on a grid centred on the base case.
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

    /** The grid with {@link #DEFAULT_FACTORS} on both axes (7 × 7 runs of the engine). */
    public static Grid startPriceByUtilization(Cluster cluster, Assumptions assumptions) {
        return startPriceByUtilization(cluster, assumptions, DEFAULT_FACTORS, DEFAULT_FACTORS);
    }

    public static Grid startPriceByUtilization(Cluster cluster, Assumptions assumptions,
                                               List<Double> priceFactors, List<Double> utilizationFactors) {
        List<Double> prices = priceFactors.stream().map(f -> cluster.startPricePerGpuHour() * f).toList();
        List<Double> utilizations = utilizationFactors.stream().map(f -> Math.min(1.0, cluster.utilization() * f)).toList();
        List<List<ClusterMetrics>> rows = new ArrayList<>(utilizations.size());
        for (double utilization : utilizations) {
            List<ClusterMetrics> row = new ArrayList<>(prices.size());
            for (double price : prices) {
                Cluster variant = cluster.toBuilder().startPricePerGpuHour(price).utilization(utilization).build();
                row.add(RoiEngine.analyze(variant, assumptions).metrics());
            }
            rows.add(row);
        }
        return new Grid(prices, utilizations, rows);
    }
}
