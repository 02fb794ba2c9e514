package gpuroi.workbook;

import gpuroi.model.Formats;
import gpuroi.model.GpuCatalog;
import java.util.Optional;

/**
 * Warnings at the cell for values far outside anything real: a capex of 62 per H100 (a misread
 * thousands separator), a rent of 285 per GPU-hour, 700 kW per GPU. The model accepts them, so
 * without a warning they would flow into the results as quietly as a right number. The bounds are
 * wide on purpose: a warning must mean "look at this cell", never "prices moved this year".
 * Figures are compared with the built-in {@link GpuCatalog}, which is in USD; a workbook in
 * another currency is compared as it is (the bounds are wide enough for that).
 */
final class Plausibility {
    private Plausibility() {
    }

    /** Capex per GPU below this share of the catalog's new price is implausible. */
    static final double CAPEX_LOW = 0.10;
    /** Capex per GPU above this multiple of the catalog's new price is implausible. */
    static final double CAPEX_HIGH = 5;
    /** A rental price per GPU-hour below this share of the catalog's on-demand price is implausible. */
    static final double RENT_LOW = 0.05;
    /** A rental price per GPU-hour above this multiple of the catalog's on-demand price is implausible. */
    static final double RENT_HIGH = 10;
    static final double POWER_LOW_KW = 0.1;
    static final double POWER_HIGH_KW = 5;
    /** From here a power per GPU reads as watts (a 50 W GPU is no data-centre GPU). */
    private static final double WATTS_LIKE = 50;
    /** Above this the facility would spend twice the GPUs' power on cooling; values below 1 are refused by the model. */
    static final double PUE_HIGH = 3.0;

    /**
     * Capex per GPU against the catalog's new price for the model.
     *
     * @param who   whose value, e.g. {@code cluster h100-a: }
     * @param shown how the value came about, e.g. {@code capex per GPU} or {@code capex per GPU (total capex ÷ 64 GPUs)}
     */
    static void capexPerGpu(CellReader reader, String where, String who, String shown, String model, double value, String currency) {
        catalog(model).ifPresent(e -> {
            String figure = "the catalog's new " + e.model() + " price " + Formats.money(e.newPricePerGpu(), "USD");
            String valueText = shown + " " + Formats.money(value, currency);
            if (below(value, CAPEX_LOW * e.newPricePerGpu())) {
                warn(reader, where, who + valueText + " is below " + Formats.percent(CAPEX_LOW, 0) + " of " + figure
                        + "; check the cell (a misread thousands separator, or a price in thousands?)", currency);
            } else if (above(value, CAPEX_HIGH * e.newPricePerGpu())) {
                warn(reader, where, who + valueText + " is above " + Formats.plain(CAPEX_HIGH) + "× " + figure
                        + "; check the cell (a total for the cluster typed as a price per GPU?)", currency);
            }
        });
    }

    /**
     * A rental price per GPU-hour (a start price, a contract rate, a market quote) against the
     * catalog's on-demand price for the model.
     *
     * @param label what the price is, e.g. {@code start rental price}
     */
    static void pricePerGpuHour(CellReader reader, String where, String who, String label, String model, double value, String currency) {
        catalog(model).ifPresent(e -> {
            String figure = "the catalog's on-demand " + e.model() + " price " + Formats.price(e.onDemandPricePerGpuHour(), "USD") + "/GPU-hr";
            String valueText = label + " " + Formats.price(value, currency) + "/GPU-hr";
            if (below(value, RENT_LOW * e.onDemandPricePerGpuHour())) {
                warn(reader, where, who + valueText + " is below " + Formats.percent(RENT_LOW, 0) + " of " + figure
                        + "; check the cell (a price in cents, or per GPU-second?)", currency);
            } else if (above(value, RENT_HIGH * e.onDemandPricePerGpuHour())) {
                warn(reader, where, who + valueText + " is above " + Formats.plain(RENT_HIGH) + "× " + figure
                        + "; check the cell (a price per node, per day or in cents?)", currency);
            }
        });
    }

    /** Power per GPU, whatever the model: no data-centre GPU with its server share draws under 0.1 kW or over 5 kW. */
    static void powerKwPerGpu(CellReader reader, String where, String who, double kw) {
        if (below(kw, POWER_LOW_KW)) {
            reader.note(InputNote.Kind.WARNING, where, who + "power per GPU " + Formats.plain(kw) + " kW is below "
                    + Formats.plain(POWER_LOW_KW) + " kW; check the cell (0 leaves power uncosted; a figure in MW?)");
        } else if (above(kw, POWER_HIGH_KW)) {
            String hint = kw >= WATTS_LIKE ? "watts typed in a kW column? " + Formats.plain(kw) + " W is " + Formats.plain(kw / 1000) + " kW"
                    : "the draw of a whole server rather than of one GPU?";
            reader.note(InputNote.Kind.WARNING, where, who + "power per GPU " + Formats.plain(kw) + " kW is above "
                    + Formats.plain(POWER_HIGH_KW) + " kW; check the cell (" + hint + ")");
        }
    }

    /** PUE above {@link #PUE_HIGH}: no data centre runs that inefficiently. */
    static void pue(CellReader reader, String where, String who, double pue) {
        if (above(pue, PUE_HIGH)) {
            reader.note(InputNote.Kind.WARNING, where, who + "PUE " + Formats.plain(pue) + " is above " + Formats.plain(PUE_HIGH)
                    + " (typical data centres run at 1.1 to 1.6); check the cell");
        }
    }

    /** A value exactly at a bound passes, even where the bound (5% of $1.60) is a hair off in binary. */
    private static boolean below(double value, double bound) {
        return value < bound * (1 - 1e-9);
    }

    private static boolean above(double value, double bound) {
        return value > bound * (1 + 1e-9);
    }

    private static Optional<GpuCatalog.Entry> catalog(String model) {
        return model == null ? Optional.empty() : GpuCatalog.lookup(model);
    }

    private static void warn(CellReader reader, String where, String message, String currency) {
        reader.note(InputNote.Kind.WARNING, where, message + ("USD".equalsIgnoreCase(currency) ? ""
                : "; the catalog is in USD and this comparison ignores currency (the bounds are wide)"));
    }
}
