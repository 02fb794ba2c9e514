package gpuroi.model;

import java.util.Objects;
import java.util.OptionalDouble;

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

    public MarketQuote {
        gpuModel = Checks.text("GPU model", gpuModel);
        onDemandPricePerGpuHour = nonNegative("on-demand price per GPU-hour", onDemandPricePerGpuHour);
        reservedPricePerGpuHour = nonNegative("reserved price per GPU-hour", reservedPricePerGpuHour);
        annualPriceDecline = Objects.requireNonNullElse(annualPriceDecline, OptionalDouble.empty());
        if (annualPriceDecline.isPresent()) {
            Checks.between("annual price decline", annualPriceDecline.getAsDouble(), 0, 0.999, "an annual decline from 0% to 99.9%");
        }
        newPricePerGpu = nonNegative("new price per GPU", newPricePerGpu);
        secondaryPricePerGpu = nonNegative("secondary price per GPU", secondaryPricePerGpu);
        powerKwPerGpu = Objects.requireNonNullElse(powerKwPerGpu, OptionalDouble.empty());
        if (powerKwPerGpu.isPresent()) {
            Checks.between("power per GPU", powerKwPerGpu.getAsDouble(), 0, 100, "kW per GPU from 0 to 100");
        }
    }

    /** Whether this quote is about the given model, matched as leniently as the catalog matches names. */
    public boolean isFor(String model) {
        return GpuCatalog.sameModel(gpuModel, model);
    }

    private static OptionalDouble nonNegative(String field, OptionalDouble value) {
        OptionalDouble v = Objects.requireNonNullElse(value, OptionalDouble.empty());
        if (v.isPresent()) {
            Checks.nonNegative(field, v.getAsDouble());
        }
        return v;
    }
}
