package gpuroi.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What the market says about one GPU model, from the workbook's Market sheet. Every figure is
 * optional: a blank cell means "use the built-in catalog, or nothing".
 *
 * @param gpuModel                 e.g. "H100 SXM"
 * @param onDemandPricePerGpuHour  on-demand rental price today
 * @param reservedPricePerGpuHour  price of a reserved (contract) GPU-hour today
 * @param annualPriceDecline       expected yearly fall of the rental price, 0..1
 * @param newPricePerGpu           price of one new GPU (all-in share of a server)
 * @param secondaryPricePerGpu     what one used GPU fetches today
 * @param powerKwPerGpu            electrical draw per GPU including its server share, kW
 */
public record MarketQuote(
        String gpuModel,
        OptionalDouble onDemandPricePerGpuHour,
        OptionalDouble reservedPricePerGpuHour,
        OptionalDouble annualPriceDecline,
        OptionalDouble newPricePerGpu,
        OptionalDouble secondaryPricePerGpu,
        OptionalDouble powerKwPerGpu) {

    /**
     * Every field a quote's validation can refuse, so that its reader (the Market sheet) can be checked to
     * point every one of them at its own cell.
     */
    public static final Set<Field> FIELDS = Collections.unmodifiableSet(EnumSet.of(Field.GPU_MODEL,
            Field.ON_DEMAND_PRICE_PER_GPU_HOUR, Field.RESERVED_PRICE_PER_GPU_HOUR, Field.ANNUAL_PRICE_DECLINE,
            Field.NEW_PRICE_PER_GPU, Field.SECONDARY_PRICE_PER_GPU, Field.POWER_PER_GPU));

    public MarketQuote {
        onDemandPricePerGpuHour = Objects.requireNonNullElse(onDemandPricePerGpuHour, OptionalDouble.empty());
        reservedPricePerGpuHour = Objects.requireNonNullElse(reservedPricePerGpuHour, OptionalDouble.empty());
        annualPriceDecline = Objects.requireNonNullElse(annualPriceDecline, OptionalDouble.empty());
        newPricePerGpu = Objects.requireNonNullElse(newPricePerGpu, OptionalDouble.empty());
        secondaryPricePerGpu = Objects.requireNonNullElse(secondaryPricePerGpu, OptionalDouble.empty());
        powerKwPerGpu = Objects.requireNonNullElse(powerKwPerGpu, OptionalDouble.empty());
        String rawModel = gpuModel;
        OptionalDouble onDemand = onDemandPricePerGpuHour;
        OptionalDouble reserved = reservedPricePerGpuHour;
        OptionalDouble decline = annualPriceDecline;
        OptionalDouble newPrice = newPricePerGpu;
        OptionalDouble secondary = secondaryPricePerGpu;
        OptionalDouble power = powerKwPerGpu;
        Checks.all(
                () -> Checks.text(Field.GPU_MODEL, rawModel),
                () -> onDemand.ifPresent(v -> Checks.nonNegative(Field.ON_DEMAND_PRICE_PER_GPU_HOUR, v)),
                () -> reserved.ifPresent(v -> Checks.nonNegative(Field.RESERVED_PRICE_PER_GPU_HOUR, v)),
                () -> decline.ifPresent(v -> Checks.between(Field.ANNUAL_PRICE_DECLINE, v, 0, 0.999, "an annual decline from 0% to 99.9%")),
                () -> newPrice.ifPresent(v -> Checks.nonNegative(Field.NEW_PRICE_PER_GPU, v)),
                () -> secondary.ifPresent(v -> Checks.nonNegative(Field.SECONDARY_PRICE_PER_GPU, v)),
                () -> power.ifPresent(v -> Checks.between(Field.POWER_PER_GPU, v, 0, 100,
                        "kW per GPU from 0 to 100 (a figure in watts is a thousand times too big: 700 W is 0.7 kW)")));
        gpuModel = gpuModel.strip();
    }

    /** Whether this quote is about the given model, matched as leniently as the catalog matches names. */
    public boolean isFor(String model) {
        return GpuCatalog.sameModel(gpuModel, model);
    }
}
