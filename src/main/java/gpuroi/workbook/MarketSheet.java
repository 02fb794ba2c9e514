package gpuroi.workbook;

import gpuroi.model.Field;
import gpuroi.model.InvalidValueException;
import gpuroi.model.MarketQuote;
import gpuroi.model.Quantities.Per;
import gpuroi.workbook.HeaderMatcher.HeaderRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Sheet;

/** The Market sheet: one row per GPU model, every figure optional. */
final class MarketSheet {
    static final Column MODEL = Column.required("GPU model", "model", "gpu", "gpu type", "type", "sku");
    static final Column ON_DEMAND = Column.optional("On-demand price", "on demand", "on demand price per gpu hr",
            "on demand price per gpu hour", "on demand rate", "on demand per gpu hr", "rental price", "market price")
            .countedPer(Per.GPU_HOUR);
    static final Column RESERVED = Column.optional("Reserved price", "reserved", "reserved price per gpu hr", "reserved rate",
            "contract price", "reserved 1 yr", "1 year contract price", "one year contract price").countedPer(Per.GPU_HOUR);
    static final Column DECLINE = Column.optional("Annual price decline", "annual decline", "price decline", "decline per year",
            "yearly decline", "price decline per year");
    static final Column NEW_PRICE = Column.optional("New price per GPU", "new price", "list price", "price new", "new",
            "list price per gpu").countedPer(Per.GPU);
    static final Column SECONDARY = Column.optional("Secondary price per GPU", "secondary price", "used price", "resale price",
            "used price per gpu", "resale price per gpu", "secondary").countedPer(Per.GPU);
    static final Column POWER = Column.optional("Power per GPU", "power", "power kw", "kw per gpu", "power draw").countedPer(Per.GPU);

    static final List<Column> COLUMNS = List.of(MODEL, ON_DEMAND, RESERVED, DECLINE, NEW_PRICE, SECONDARY, POWER);

    /** The column each quote field is read from, so a quote the model refuses is reported at its cell. */
    static final Map<Field, Column> COLUMN_OF_FIELD = Collections.unmodifiableMap(new EnumMap<>(Map.of(
            Field.GPU_MODEL, MODEL,
            Field.ON_DEMAND_PRICE_PER_GPU_HOUR, ON_DEMAND,
            Field.RESERVED_PRICE_PER_GPU_HOUR, RESERVED,
            Field.ANNUAL_PRICE_DECLINE, DECLINE,
            Field.NEW_PRICE_PER_GPU, NEW_PRICE,
            Field.SECONDARY_PRICE_PER_GPU, SECONDARY,
            Field.POWER_PER_GPU, POWER)));

    private final CellReader reader;
    private final Sheet sheet;
    private final String currency;

    MarketSheet(CellReader reader, Sheet sheet) {
        this(reader, sheet, "USD");
    }

    /** @param currency the workbook's currency, to show prices in */
    MarketSheet(CellReader reader, Sheet sheet, String currency) {
        this.reader = reader;
        this.sheet = sheet;
        this.currency = currency;
    }

    private InputCells cells = new InputCells();

    /** Records into {@code cells} each row's on-demand price cell, for the contracts' links to it. */
    MarketSheet recordingCellsIn(InputCells cells) {
        this.cells = cells;
        return this;
    }

    List<MarketQuote> read() {
        List<MarketQuote> quotes = new ArrayList<>();
        HeaderRow header = Tables.header(reader, sheet, COLUMNS);
        if (header == null) {
            return quotes;
        }
        Map<MarketQuote, String> modelCells = new LinkedHashMap<>();
        int lastRow = Tables.lastDataRow(reader, sheet, header);
        for (int r = header.rowIndex() + 1; r <= lastRow; r++) {
            TableRow row = new TableRow(reader, sheet, r, header);
            if (row.isEmptyRow()) {
                continue;
            }
            Optional<MarketQuote> quote = readRow(row);
            if (quote.isEmpty()) {
                continue;
            }
            String earlier = modelCells.entrySet().stream().filter(e -> e.getKey().isFor(quote.get().gpuModel()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (earlier != null) {
                row.problem(MODEL, "one Market row per GPU model (" + quote.get().gpuModel() + " is already in " + earlier + ")");
                continue;
            }
            modelCells.put(quote.get(), row.ref(MODEL));
            cells.marketOnDemand(quote.get().gpuModel(), row.cell(ON_DEMAND));
            quotes.add(quote.get());
        }
        return quotes;
    }

    private Optional<MarketQuote> readRow(TableRow row) {
        String model = row.required(MODEL, row.text(MODEL), "a GPU model such as H100 SXM");
        var onDemand = row.amount(ON_DEMAND, "a price per GPU-hour such as 2.95 or $2.95/hr").value();
        var reserved = row.amount(RESERVED, "a price per GPU-hour such as 2.10 or $2.10/hr").value();
        var decline = row.percent(DECLINE, "an annual decline such as 40% or 0.4").value();
        var newPrice = row.amount(NEW_PRICE, "a price per GPU such as 38,750 or $38.75k").value();
        var secondary = row.amount(SECONDARY, "a price per GPU such as 23,500 or $23.5k").value();
        var power = row.amount(POWER, "kW per GPU such as 1.1").value();
        if (row.failed() || model == null) {
            return Optional.empty();
        }
        try {
            MarketQuote quote = new MarketQuote(model, CellReader.toOptional(onDemand), CellReader.toOptional(reserved),
                    CellReader.toOptional(decline), CellReader.toOptional(newPrice), CellReader.toOptional(secondary),
                    CellReader.toOptional(power));
            String who = "Market " + model + ": ";
            onDemand.ifPresent(v -> Plausibility.pricePerGpuHour(reader, row.ref(ON_DEMAND), who, "on-demand price", model, v, currency));
            reserved.ifPresent(v -> Plausibility.pricePerGpuHour(reader, row.ref(RESERVED), who, "reserved price", model, v, currency));
            newPrice.ifPresent(v -> Plausibility.capexPerGpu(reader, row.ref(NEW_PRICE), who, "new price per GPU", model, v, currency));
            power.ifPresent(v -> Plausibility.powerKwPerGpu(reader, row.ref(POWER), who, v));
            return Optional.of(quote);
        } catch (InvalidValueException e) {
            row.problem(COLUMN_OF_FIELD, e);
            return Optional.empty();
        }
    }
}
