package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Formats;
import gpuroi.model.GpuCatalog;
import gpuroi.model.MarketQuote;
import gpuroi.model.PricePath;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The on-demand market price path of one GPU model, from the valuation date: month j (j = 1 for the
 * month after the valuation date) costs {@code startPricePerGpuHour · path.factorForMonth(j)}.
 *
 * @param gpuModel              the model priced
 * @param startPricePerGpuHour  on-demand price per GPU-hour at the valuation date
 * @param path                  the Market sheet's annual decline when given, else the portfolio's default path
 * @param source                where the start price came from
 * @param description           a sentence naming the price, its path and their sources
 */
public record MarketPrice(String gpuModel, double startPricePerGpuHour, PricePath path, Source source, String description) {

    /** Where a market price came from, most trusted first. */
    public enum Source {
        /** The workbook's Market row for the model. */
        MARKET_SHEET,
        /** The built-in catalog ({@link GpuCatalog}), dated and sourced there. */
        CATALOG,
        /** Neither knows the model: the contract's own rate stands in for the market. */
        CONTRACT_RATE
    }

    /** Price per GPU-hour of month j after the valuation date (price at the month's midpoint). */
    public double priceForMonth(int month) {
        return startPricePerGpuHour * path.factorForMonth(month);
    }

    /**
     * The market path for a model: the Market row's on-demand price and annual decline, else the
     * catalog's on-demand price, else {@code fallbackPricePerGpuHour}; shaped by the Market row's
     * decline when given, else by the portfolio's default path.
     */
    public static MarketPrice forModel(String gpuModel, List<MarketQuote> quotes, Assumptions assumptions,
                                       double fallbackPricePerGpuHour) {
        return find(gpuModel, quotes, assumptions).orElseGet(() -> {
            double start = fallbackPricePerGpuHour;
            Shape shape = shape(gpuModel, quotes, assumptions);
            return new MarketPrice(gpuModel, start, shape.path, Source.CONTRACT_RATE,
                    "no Market row or catalog entry for " + gpuModel + ", so the contract rate "
                            + Formats.price(start, assumptions.currency()) + "/GPU-hr stands in for the market, " + shape.text);
        });
    }

    /** The market path from the Market sheet or the catalog; empty when neither prices the model. */
    public static Optional<MarketPrice> find(String gpuModel, List<MarketQuote> quotes, Assumptions assumptions) {
        Optional<MarketQuote> quote = quotes.stream().filter(q -> q.isFor(gpuModel)).findFirst();
        OptionalDouble quoted = quote.map(MarketQuote::onDemandPricePerGpuHour).orElse(OptionalDouble.empty());
        Optional<GpuCatalog.Entry> entry = GpuCatalog.lookup(gpuModel);
        String currency = assumptions.currency();
        double start;
        Source source;
        String priceText;
        if (quoted.isPresent()) {
            start = quoted.getAsDouble();
            source = Source.MARKET_SHEET;
            priceText = "on-demand " + Formats.price(start, currency) + "/GPU-hr from the Market sheet";
        } else if (entry.isPresent()) {
            start = entry.get().onDemandPricePerGpuHour();
            source = Source.CATALOG;
            priceText = "on-demand " + Formats.price(start, currency) + "/GPU-hr from the built-in catalog ("
                    + entry.get().model() + ": " + entry.get().source() + ")";
        } else {
            return Optional.empty();
        }
        Shape shape = shape(gpuModel, quotes, assumptions);
        return Optional.of(new MarketPrice(gpuModel, start, shape.path, source, priceText + ", " + shape.text));
    }

    private record Shape(PricePath path, String text) {
    }

    private static Shape shape(String gpuModel, List<MarketQuote> quotes, Assumptions assumptions) {
        OptionalDouble decline = quotes.stream().filter(q -> q.isFor(gpuModel)).findFirst()
                .map(MarketQuote::annualPriceDecline).orElse(OptionalDouble.empty());
        if (decline.isPresent()) {
            return new Shape(new PricePath.AnnualDecline(decline.getAsDouble()),
                    "falling " + Formats.percent(decline.getAsDouble(), 0) + " a year (Market sheet)");
        }
        PricePath path = assumptions.defaultPricePath();
        return new Shape(path, "shaped by the default price path " + path.spec());
    }
}
