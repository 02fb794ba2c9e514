package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.MarketQuote;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What renting a cluster's GPU-hours instead of owning them would cost: the on-demand market path
 * (Market sheet, else catalog) and the reserved price (Market sheet only; a reservation fixes it, so
 * it stays flat).
 *
 * @param onDemand                 the on-demand path, when the Market sheet or the catalog prices the model
 * @param reservedPricePerGpuHour  the Market sheet's reserved price, when given
 */
public record RentalReference(Optional<MarketPrice> onDemand, OptionalDouble reservedPricePerGpuHour) {
    public static final RentalReference NONE = new RentalReference(Optional.empty(), OptionalDouble.empty());

    public static RentalReference forModel(String gpuModel, List<MarketQuote> quotes, Assumptions assumptions) {
        OptionalDouble reserved = quotes.stream().filter(q -> q.isFor(gpuModel)).findFirst()
                .map(MarketQuote::reservedPricePerGpuHour).orElse(OptionalDouble.empty());
        return new RentalReference(MarketPrice.find(gpuModel, quotes, assumptions), reserved);
    }
}
