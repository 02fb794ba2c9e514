package gpuroi.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One cluster or purchase lot, as the monthly model sees it. Money is in the portfolio currency;
 * per-GPU figures are multiplied by {@link #gpuCount}.
 *
 * @param id                       unique name of the cluster
 * @param gpuModel                 e.g. "H100 SXM"
 * @param gpuCount                 GPUs in the lot (≥ 1)
 * @param capexPerGpu              all-in purchase cost per GPU (server share, network, install)
 * @param status                   owned (bought on {@code startDate}) or planned
 * @param startDate                purchase date; empty for a planned cluster means "at the valuation date"
 * @param lifeMonths               useful life in months (5 years = 60)
 * @param residualShare            resale value at the end of life as a share of capex
 * @param powerKwPerGpu            electrical draw per GPU including its server share, kW
 * @param pue                      power usage effectiveness of the facility (≥ 1)
 * @param electricityPerKwh        price of one kWh
 * @param otherOpexPerGpuMonth     colocation, staff, support… per GPU and month
 * @param utilization              share of hours billed, 0..1
 * @param startPricePerGpuHour     rental price at the start of the path, per GPU-hour
 * @param pricePath                shape of the price over time; empty means the portfolio default
 * @param secondaryPricePerGpu     what one GPU would fetch sold today; empty when unknown
 * @param use                      who uses the GPU-hours: the basis of BUY or RENT (rent out by default)
 */
public record Cluster(
        String id,
        String gpuModel,
        int gpuCount,
        double capexPerGpu,
        ClusterStatus status,
        Optional<LocalDate> startDate,
        int lifeMonths,
        double residualShare,
        double powerKwPerGpu,
        double pue,
        double electricityPerKwh,
        double otherOpexPerGpuMonth,
        double utilization,
        double startPricePerGpuHour,
        Optional<PricePath> pricePath,
        OptionalDouble secondaryPricePerGpu,
        ClusterUse use) {

    public static final int MAX_LIFE_MONTHS = 600;
    /**
     * Largest amount per GPU (capex, resale price, opex per month): a thousand times any GPU sold.
     * Bounded so that every sum over GPUs and months stays a finite double; 1e308 is a typo.
     */
    public static final double MAX_MONEY = 1e9;

    /**
     * Every field a cluster's validation can refuse, so that each reader of clusters (the Fleet sheet,
     * the quote command) can be checked to point every one of them at its own cell or flag.
     */
    public static final Set<Field> FIELDS = Collections.unmodifiableSet(EnumSet.of(Field.CLUSTER_ID, Field.GPU_MODEL,
            Field.GPU_COUNT, Field.CAPEX_PER_GPU, Field.STATUS, Field.PURCHASE_DATE, Field.USEFUL_LIFE, Field.RESIDUAL_VALUE,
            Field.POWER_PER_GPU, Field.PUE, Field.ELECTRICITY_PRICE, Field.OTHER_OPEX_PER_GPU_MONTH, Field.UTILIZATION,
            Field.START_PRICE_PER_GPU_HOUR, Field.SECONDARY_PRICE_PER_GPU));
    /** Largest rental price per GPU-hour, for the same reason. */
    public static final double MAX_PRICE_PER_GPU_HOUR = 1e6;

    public Cluster {
        startDate = Objects.requireNonNullElse(startDate, Optional.empty());
        pricePath = Objects.requireNonNullElse(pricePath, Optional.empty());
        secondaryPricePerGpu = Objects.requireNonNullElse(secondaryPricePerGpu, OptionalDouble.empty());
        use = Objects.requireNonNullElse(use, ClusterUse.RENT_OUT);
        String rawId = id;
        String rawModel = gpuModel;
        Optional<LocalDate> purchase = startDate;
        OptionalDouble secondary = secondaryPricePerGpu;
        Checks.all(
                () -> Checks.text(Field.CLUSTER_ID, rawId),
                () -> Checks.text(Field.GPU_MODEL, rawModel),
                () -> {
                    if (gpuCount < 1) {
                        throw new InvalidValueException(Field.GPU_COUNT, gpuCount, "a whole number of GPUs ≥ 1");
                    }
                },
                () -> Checks.between(Field.CAPEX_PER_GPU, capexPerGpu, 0, MAX_MONEY, "an amount from 0 to 1,000,000,000 per GPU"),
                () -> Checks.present(Field.STATUS, status),
                () -> {
                    if (status == ClusterStatus.OWNED && purchase.isEmpty()) {
                        throw new InvalidValueException(Field.PURCHASE_DATE, null, "the date an owned cluster was bought");
                    }
                },
                () -> {
                    if (lifeMonths < 1 || lifeMonths > MAX_LIFE_MONTHS) {
                        throw new InvalidValueException(Field.USEFUL_LIFE, lifeMonths + " months",
                                "1 to " + MAX_LIFE_MONTHS + " months (up to 50 years)");
                    }
                },
                () -> Checks.between(Field.RESIDUAL_VALUE, residualShare, 0, 10, "a share of capex from 0% to 1000%"),
                () -> Checks.between(Field.POWER_PER_GPU, powerKwPerGpu, 0, 100,
                        "kW per GPU from 0 to 100 (a figure in watts is a thousand times too big: 700 W is 0.7 kW)"),
                () -> Checks.between(Field.PUE, pue, 1, 5, "a power usage effectiveness from 1.0 to 5.0"),
                () -> Checks.between(Field.ELECTRICITY_PRICE, electricityPerKwh, 0, 100, "a price per kWh from 0 to 100"),
                () -> Checks.between(Field.OTHER_OPEX_PER_GPU_MONTH, otherOpexPerGpuMonth, 0, MAX_MONEY,
                        "an amount from 0 to 1,000,000,000 per GPU-month"),
                () -> Checks.between(Field.UTILIZATION, utilization, 0, 1, "a share of hours from 0% to 100%"),
                () -> Checks.between(Field.START_PRICE_PER_GPU_HOUR, startPricePerGpuHour, 0, MAX_PRICE_PER_GPU_HOUR,
                        "a price from 0 to 1,000,000 per GPU-hour"),
                () -> {
                    if (secondary.isPresent()) {
                        Checks.between(Field.SECONDARY_PRICE_PER_GPU, secondary.getAsDouble(), 0, MAX_MONEY,
                                "an amount from 0 to 1,000,000,000 per GPU");
                    }
                });
        id = id.strip();
        gpuModel = gpuModel.strip();
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    public double totalCapex() {
        return capexPerGpu * gpuCount;
    }

    public double lifeYears() {
        return lifeMonths / 12.0;
    }

    /**
     * Whether BUY or RENT is judged on the saving from owning the GPU-hours rather than on the investment's NPV: a planned
     * cluster whose hours its owner uses. An owned cluster is HOLD or RESELL whatever its Use.
     */
    public boolean judgedForOwnUse() {
        return status == ClusterStatus.PLANNED && use == ClusterUse.OWN_USE;
    }

    /** The cluster's start: its purchase date, or for a planned cluster without one, the valuation date. */
    public LocalDate startOn(LocalDate valuationDate) {
        return startDate.orElse(valuationDate);
    }

    public PricePath pricePathOr(PricePath fallback) {
        return pricePath.orElse(fallback);
    }

    public Builder toBuilder() {
        Builder b = new Builder(id);
        b.gpuModel = gpuModel;
        b.gpuCount = gpuCount;
        b.capexPerGpu = capexPerGpu;
        b.status = status;
        b.startDate = startDate.orElse(null);
        b.lifeMonths = lifeMonths;
        b.residualShare = residualShare;
        b.powerKwPerGpu = powerKwPerGpu;
        b.pue = pue;
        b.electricityPerKwh = electricityPerKwh;
        b.otherOpexPerGpuMonth = otherOpexPerGpuMonth;
        b.utilization = utilization;
        b.startPricePerGpuHour = startPricePerGpuHour;
        b.pricePath = pricePath.orElse(null);
        b.secondaryPricePerGpu = secondaryPricePerGpu.isPresent() ? secondaryPricePerGpu.getAsDouble() : null;
        b.use = use;
        return b;
    }

    /** Builds a cluster with the workbook contract's defaults for everything not set. */
    public static final class Builder {
        private String id;
        private String gpuModel = "GPU";
        private int gpuCount = 1;
        private double capexPerGpu;
        private ClusterStatus status = ClusterStatus.PLANNED;
        private LocalDate startDate;
        private int lifeMonths = 60;
        private double residualShare;
        private double powerKwPerGpu;
        private double pue = 1.0;
        private double electricityPerKwh;
        private double otherOpexPerGpuMonth;
        private double utilization = 1.0;
        private double startPricePerGpuHour;
        private PricePath pricePath;
        private Double secondaryPricePerGpu;
        private ClusterUse use = ClusterUse.RENT_OUT;

        private Builder(String id) {
            this.id = id;
        }

        public Builder id(String value) { id = value; return this; }
        public Builder gpuModel(String value) { gpuModel = value; return this; }
        public Builder gpuCount(int value) { gpuCount = value; return this; }
        public Builder capexPerGpu(double value) { capexPerGpu = value; return this; }
        public Builder status(ClusterStatus value) { status = value; return this; }
        public Builder startDate(LocalDate value) { startDate = value; return this; }
        public Builder lifeMonths(int value) { lifeMonths = value; return this; }
        public Builder residualShare(double value) { residualShare = value; return this; }
        public Builder powerKwPerGpu(double value) { powerKwPerGpu = value; return this; }
        public Builder pue(double value) { pue = value; return this; }
        public Builder electricityPerKwh(double value) { electricityPerKwh = value; return this; }
        public Builder otherOpexPerGpuMonth(double value) { otherOpexPerGpuMonth = value; return this; }
        public Builder utilization(double value) { utilization = value; return this; }
        public Builder startPricePerGpuHour(double value) { startPricePerGpuHour = value; return this; }
        public Builder pricePath(PricePath value) { pricePath = value; return this; }
        public Builder secondaryPricePerGpu(Double value) { secondaryPricePerGpu = value; return this; }
        public Builder use(ClusterUse value) { use = value; return this; }

        /** Life in years, which must come to a whole number of months (4.5 years = 54 months). */
        public Builder lifeYears(double years) {
            double months = years * 12;
            if (!Double.isFinite(months) || Math.abs(months - Math.rint(months)) > 1e-6) {
                throw new InvalidValueException(Field.USEFUL_LIFE, Formats.plain(years) + " years", "a whole number of months (e.g. 5 or 4.5 years)");
            }
            lifeMonths = (int) Math.max(Math.min(Math.rint(months), Integer.MAX_VALUE), Integer.MIN_VALUE);
            return this;
        }

        public Cluster build() {
            return new Cluster(id, gpuModel, gpuCount, capexPerGpu, status, Optional.ofNullable(startDate), lifeMonths,
                    residualShare, powerKwPerGpu, pue, electricityPerKwh, otherOpexPerGpuMonth, utilization,
                    startPricePerGpuHour, Optional.ofNullable(pricePath),
                    secondaryPricePerGpu == null ? OptionalDouble.empty() : OptionalDouble.of(secondaryPricePerGpu), use);
        }
    }
}
