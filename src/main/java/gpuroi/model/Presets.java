package gpuroi.model;

import java.util.List;

/**
 * Named input sets. {@code article-h100} is the source article's case ("$2 H100s: How the GPU
 * Rental Bubble Burst", Oct 2024): one H100 at $50,000 all-in, 5-year life, 100% utilization, no
 * resale value, rent falling linearly to 50% over 5 years ("blended"), and, as the domain brief
 * reconstructs it, about $0.09/hr of power (0.7 kW × PUE 1.3 × $0.10/kWh).
 */
public final class Presets {
    private Presets() {
    }

    public static final String ARTICLE_H100 = "article-h100";

    /*
     * What a cluster gets for a running-cost input nobody gave, in a workbook's Fleet row and in `quote` alike, so
     * the same bare cluster has the same NPV in both: power per GPU from the catalog (0 kW for a model it does not
     * know), no facility overhead and no electricity price, i.e. power not costed, as in the source article.
     */
    /** PUE of a cluster that gives none. */
    public static final double DEFAULT_PUE = 1.0;
    /** Electricity price per kWh of a cluster that gives none: power is not costed. */
    public static final double DEFAULT_ELECTRICITY_PER_KWH = 0.0;
    /** Other opex per GPU-month of a cluster that gives none. */
    public static final double DEFAULT_OTHER_OPEX_PER_GPU_MONTH = 0.0;

    /** Power per GPU of a cluster that gives none (and has no Market row for its model): the catalog's, else 0 kW. */
    public static double defaultPowerKwPerGpu(String gpuModel) {
        return GpuCatalog.lookup(gpuModel).map(GpuCatalog.Entry::powerKwPerGpu).orElse(0.0);
    }

    /** The article's three price points: expected loss below, market-beating return above $2.85. */
    public static final List<Double> ARTICLE_PRICES = List.of(1.65, 2.85, 4.50);

    public static Cluster articleH100(double startPricePerGpuHour) {
        return articleH100Builder().startPricePerGpuHour(startPricePerGpuHour).build();
    }

    public static Cluster.Builder articleH100Builder() {
        return Cluster.builder("article-h100")
                .gpuModel("H100 SXM")
                .gpuCount(1)
                .capexPerGpu(50_000)
                .lifeMonths(60)
                .status(ClusterStatus.PLANNED)
                .utilization(1.0)
                .residualShare(0)
                .powerKwPerGpu(0.7)
                .pue(1.3)
                .electricityPerKwh(0.10)
                .otherOpexPerGpuMonth(0)
                .startPricePerGpuHour(2.85)
                .pricePath(PricePath.ARTICLE_BLENDED);
    }
}
