package gpuroi.workbook;

import gpuroi.model.Cancellation;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.ClusterUse;
import gpuroi.model.Formats;
import gpuroi.model.GpuCatalog;
import gpuroi.model.Field;
import gpuroi.model.InvalidValueException;
import gpuroi.model.MarketQuote;
import gpuroi.model.Presets;
import gpuroi.model.Quantities.Per;
import gpuroi.workbook.CellReader.Read;
import gpuroi.workbook.HeaderMatcher.HeaderRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Sheet;

/** The Fleet sheet: one row per cluster or purchase lot. */
final class FleetSheet {
    static final Column ID = Column.required("Cluster id", "cluster", "id", "cluster name", "name", "lot", "lot id", "cluster lot");
    static final Column MODEL = Column.required("GPU model", "model", "gpu", "gpu type", "type", "sku");
    static final Column COUNT = Column.required("GPU count", "gpus", "qty", "quantity", "count", "number of gpus", "no of gpus",
            "num gpus", "gpu qty", "units");
    static final Column CAPEX_PER_GPU = Column.optional("Capex per GPU", "price per gpu", "cost per gpu", "capex gpu",
            "unit price", "unit cost", "purchase price per gpu", "all in cost per gpu").countedPer(Per.GPU);
    static final Column TOTAL_CAPEX = Column.optional("Total capex", "capex total", "total cost", "total price",
            "total purchase price", "total investment", "investment").countedPer(Per.NOTHING);
    static final Column STATUS = Column.optional("Status", "state", "owned planned");
    static final Column PURCHASE_DATE = Column.optional("Purchase date", "purchased", "date", "start date", "planned date",
            "in service date", "acquisition date", "bought");
    static final Column LIFE = Column.optional("Useful life", "life", "life years", "useful life years", "lifetime");
    static final Column RESIDUAL = Column.optional("Residual value", "residual", "residual share", "salvage value",
            "residual value of capex", "end of life value");
    static final Column POWER = Column.optional("Power per GPU", "power", "power kw", "kw per gpu", "power draw", "power per gpu kw").countedPer(Per.GPU);
    static final Column PUE = Column.optional("PUE", "power usage effectiveness");
    static final Column ELECTRICITY = Column.optional("Electricity $/kWh", "electricity", "electricity price", "electricity per kwh",
            "electricity cost", "power price", "power cost", "energy price", "price per kwh").countedPer(Per.KWH);
    static final Column OTHER_OPEX = Column.optional("Other opex per GPU-month", "other opex", "opex per gpu month", "opex",
            "opex per gpu", "other opex per gpu", "colocation per gpu month").countedPer(Per.GPU_MONTH);
    static final Column UTILIZATION = Column.optional("Utilization", "utilisation", "util", "expected utilization", "occupancy");
    static final Column START_PRICE = Column.optional("Start rental price", "start price", "rental price", "rent",
            "start price per gpu hr", "start price per gpu hour", "price per gpu hr", "price per gpu hour", "rental price per gpu hr",
            "rent per gpu hr", "rental rate", "hourly rate", "on demand price").countedPer(Per.GPU_HOUR);
    static final Column PRICE_PATH = Column.optional("Price path", "path", "price curve", "price decline", "rent path");
    static final Column SECONDARY = Column.optional("Secondary price per GPU", "secondary price", "resale price",
            "resale price per gpu", "resale value per gpu", "secondary market price", "used price", "used price per gpu")
            .countedPer(Per.GPU);
    static final Column USE = Column.optional("Use", "purpose", "usage", "intended use", "use of the gpus", "rent out or own use");

    static final List<Column> COLUMNS = List.of(ID, MODEL, COUNT, CAPEX_PER_GPU, TOTAL_CAPEX, STATUS, PURCHASE_DATE, LIFE,
            RESIDUAL, POWER, PUE, ELECTRICITY, OTHER_OPEX, UTILIZATION, START_PRICE, PRICE_PATH, SECONDARY, USE);

    /**
     * Purchases before this are refused, not warned about: no GPU rented out today was bought then
     * (the H100 shipped in 2022), so such a date is a typo or a number in the wrong column, and
     * valuing a cluster on it would quietly report years of made-up history.
     */
    static final LocalDate EARLIEST_PURCHASE = LocalDate.of(2015, 1, 1);

    /** Relative gap allowed between total capex and capex per GPU × GPUs (rounding in the user's sheet). */
    private static final double CAPEX_TOLERANCE = 0.005;

    private final CellReader reader;
    private final Sheet sheet;
    private final LocalDate valuationDate;
    private final String currency;
    private final List<MarketQuote> market;
    private final HiddenRows hiddenRows;
    private final Set<Column> absentColumnsNoted = new HashSet<>();
    private final Map<String, String> skippedClusters = new LinkedHashMap<>();
    private InputCells cells = new InputCells();

    FleetSheet(CellReader reader, Sheet sheet, LocalDate valuationDate, String currency, List<MarketQuote> market) {
        this(reader, sheet, valuationDate, currency, market, HiddenRows.COUNT);
    }

    FleetSheet(CellReader reader, Sheet sheet, LocalDate valuationDate, String currency, List<MarketQuote> market,
               HiddenRows hiddenRows) {
        this.reader = reader;
        this.sheet = sheet;
        this.valuationDate = valuationDate;
        this.currency = currency;
        this.market = market;
        this.hiddenRows = hiddenRows;
    }

    /** Records into {@code cells} the cell each cluster's numbers were read from. */
    FleetSheet recordingCellsIn(InputCells cells) {
        this.cells = cells;
        return this;
    }

    /** The ids (lower case) of the hidden clusters left out by {@link HiddenRows#SKIP}, each with its row's first cell. */
    Map<String, String> skippedClusters() {
        return skippedClusters;
    }

    List<Cluster> read() {
        HeaderRow header = Tables.header(reader, sheet, COLUMNS);
        List<Cluster> clusters = new ArrayList<>();
        if (header == null) {
            return clusters;
        }
        if (!header.has(CAPEX_PER_GPU) && !header.has(TOTAL_CAPEX)) {
            reader.problem(sheet, Tables.rowRange(sheet, header), "no capex column",
                    "a column named " + CAPEX_PER_GPU.describe() + " or " + TOTAL_CAPEX.describe());
        }
        Map<String, String> idCells = new LinkedHashMap<>();
        int lastRow = Tables.lastDataRow(reader, sheet, header);
        for (int r = header.rowIndex() + 1; r <= lastRow; r++) {
            Cancellation.check("reading the Fleet sheet");
            TableRow row = new TableRow(reader, sheet, r, header);
            if (!row.isEmptyRow() && !row.isTotalsRow(ID) && !skipsHidden(row)) {
                readRow(row, idCells).ifPresent(clusters::add);
            }
        }
        if (clusters.isEmpty() && idCells.isEmpty()) {
            reader.problem(sheet, Tables.rowRange(sheet, header), skippedClusters.isEmpty() ? "no cluster rows below the header"
                            : "only hidden cluster rows, all left out by " + HiddenRows.OPTION,
                    "at least one row with a cluster id, GPU model, GPU count and capex"
                            + (skippedClusters.isEmpty() ? "" : " that is not hidden (or run without " + HiddenRows.OPTION + ")"));
        }
        return clusters;
    }

    /** Warns about a hidden row; true when it is left out, its id then remembered for the Leases sheet. */
    private boolean skipsHidden(TableRow row) {
        if (!HiddenRows.isHidden(sheet.getRow(row.rowNumber() - 1))) {
            return false;
        }
        String id = HiddenRows.shownText(row.cell(ID));
        String where = row.ref(ID);
        boolean skipped = hiddenRows.note(reader, sheet.getRow(row.rowNumber() - 1),
                id.isEmpty() ? "no cluster id" : "cluster " + id, where);
        if (skipped && !id.isEmpty()) {
            skippedClusters.putIfAbsent(id.toLowerCase(Locale.ROOT), where);
        }
        return skipped;
    }

    private Optional<Cluster> readRow(TableRow row, Map<String, String> idCells) {
        String id = row.required(ID, row.text(ID), "a cluster id (a unique name for this cluster)");
        if (id != null) {
            String earlier = idCells.putIfAbsent(id.toLowerCase(Locale.ROOT), row.ref(ID));
            if (earlier != null) {
                row.problemAndContinue(ID, "a cluster id not used before (already used in " + earlier + ")");
            }
        }
        String name = id == null ? "row " + row.rowNumber() : id;
        String model = row.required(MODEL, row.text(MODEL), "a GPU model such as H100 SXM");
        Integer count = row.required(COUNT, row.wholeNumber(COUNT, "a whole number of GPUs such as 8"), "a whole number of GPUs such as 8");
        Map<Field, Column> fields = new EnumMap<>(COLUMN_OF_FIELD);
        Double capexPerGpu = capexPerGpu(row, count, fields);

        Cluster.Builder b = Cluster.builder(id == null ? "?" : id);
        LocalDate purchaseDate = row.date(PURCHASE_DATE).value().orElse(null);
        if (purchaseDate != null && purchaseDate.isBefore(EARLIEST_PURCHASE)) {
            row.problem(PURCHASE_DATE, "a purchase date from " + EARLIEST_PURCHASE.getYear() + " on (data-centre GPUs for rent"
                    + " were not sold earlier, and a year such as 2013 is usually a typo for 2023)");
            purchaseDate = null;
        }
        ClusterStatus status = status(row, name, purchaseDate);
        b.status(status).startDate(purchaseDate);

        Read<Double> life = row.amount(LIFE, "a useful life in years such as 5");
        boolean lifeInMonths = row.rawHeader(LIFE).toLowerCase(Locale.ROOT).contains("month");
        double lifeYears = life.value().map(v -> lifeInMonths ? v / 12.0 : v)
                .orElseGet(() -> defaulted(row, LIFE, life, name, "5 years", 5.0));
        b.residualShare(percentOr(row, RESIDUAL, "a share of capex such as 10% or 0.1", name, "0% of capex", 0));
        b.pue(amountOr(row, PUE, "a PUE such as 1.3", name, "PUE " + Formats.plain(Presets.DEFAULT_PUE) + " (no facility overhead)",
                Presets.DEFAULT_PUE));
        b.electricityPerKwh(amountOr(row, ELECTRICITY, "a price per kWh such as 0.08 or $0.08/kWh", name,
                Formats.price(Presets.DEFAULT_ELECTRICITY_PER_KWH, currency) + " per kWh (power not costed, as in the source article)",
                Presets.DEFAULT_ELECTRICITY_PER_KWH));
        b.otherOpexPerGpuMonth(amountOr(row, OTHER_OPEX, "an amount per GPU and month such as 150 or $150/month", name,
                Formats.money(Presets.DEFAULT_OTHER_OPEX_PER_GPU_MONTH, currency) + " per GPU-month", Presets.DEFAULT_OTHER_OPEX_PER_GPU_MONTH));
        b.utilization(percentOr(row, UTILIZATION, "a share of hours billed such as 70% or 0.7", name, "100% utilization", 1.0));

        b.powerKwPerGpu(sourced(row, POWER, "kW per GPU such as 1.1", name, model, MarketQuote::powerKwPerGpu,
                e -> OptionalDouble.of(e.powerKwPerGpu()), v -> Formats.plain(v) + " kW per GPU").orElse(0.0));
        Optional<Double> startPrice = sourced(row, START_PRICE, "a price per GPU-hour such as 2.85 or $2.85/hr", name, model,
                MarketQuote::onDemandPricePerGpuHour, e -> OptionalDouble.of(e.onDemandPricePerGpuHour()),
                v -> Formats.price(v, currency) + "/GPU-hr");
        if (startPrice.isEmpty() && !row.failed() && model != null) {
            row.problem(START_PRICE, "a start rental price per GPU-hour, or a Market row with an on-demand price for " + model
                    + " (the built-in catalog does not know this model)");
        }
        startPrice.ifPresent(b::startPricePerGpuHour);
        if (status == ClusterStatus.OWNED || !row.isBlank(SECONDARY)) {
            // A planned cluster is not for sale today, so its resale price is only read when given.
            sourced(row, SECONDARY, "a price per GPU such as 23,500 or $23.5k", name, model, MarketQuote::secondaryPricePerGpu,
                    GpuCatalog.Entry::secondaryPricePerGpu, v -> Formats.money(v, currency) + " per GPU")
                    .ifPresent(b::secondaryPricePerGpu);
        }
        b.use(use(row, name, status));
        Read<String> path = row.text(PRICE_PATH);
        if (path.value().isPresent()) {
            try {
                b.pricePath(PricePathText.parse(path.value().get()));
            } catch (InvalidValueException e) {
                row.problem(PRICE_PATH, e.expected());
            }
        } else if (!path.failed()) {
            noteDefault(row, PRICE_PATH, name, "the default price path from Assumptions");
        }

        if (row.failed() || id == null || model == null || count == null || capexPerGpu == null) {
            return Optional.empty();
        }
        try {
            b.lifeYears(lifeYears);
            Cluster cluster = b.gpuModel(model).gpuCount(count).capexPerGpu(capexPerGpu).build();
            warnImplausible(row, cluster, fields.get(Field.CAPEX_PER_GPU));
            recordCells(row, cluster, fields.get(Field.CAPEX_PER_GPU) == CAPEX_PER_GPU);
            return Optional.of(cluster);
        } catch (InvalidValueException e) {
            row.problem(fields, e);
            return Optional.empty();
        }
    }

    /** The cells read for the cluster's numbers (a capex derived from a total is not one of them). */
    private void recordCells(TableRow row, Cluster c, boolean capexTyped) {
        cells.cluster(c.id(), InputCells.Field.GPUS, row.cell(COUNT));
        if (capexTyped) {
            cells.cluster(c.id(), InputCells.Field.CAPEX_PER_GPU, row.cell(CAPEX_PER_GPU));
        }
        cells.cluster(c.id(), InputCells.Field.UTILIZATION, row.cell(UTILIZATION));
        cells.cluster(c.id(), InputCells.Field.START_PRICE, row.cell(START_PRICE));
        cells.cluster(c.id(), InputCells.Field.KW_PER_GPU, row.cell(POWER));
        cells.cluster(c.id(), InputCells.Field.PUE, row.cell(PUE));
        cells.cluster(c.id(), InputCells.Field.ELECTRICITY_PER_KWH, row.cell(ELECTRICITY));
        cells.cluster(c.id(), InputCells.Field.OTHER_OPEX_PER_GPU_MONTH, row.cell(OTHER_OPEX));
        cells.cluster(c.id(), InputCells.Field.RESIDUAL_SHARE, row.cell(RESIDUAL));
        cells.cluster(c.id(), InputCells.Field.SECONDARY_PRICE, row.cell(SECONDARY));
    }

    /** Warns at each typed cell whose value is far outside anything real; values taken from Market or the catalog are not re-checked. */
    private void warnImplausible(TableRow row, Cluster c, Column capexColumn) {
        String who = "cluster " + c.id() + ": ";
        String capex = capexColumn == TOTAL_CAPEX ? "capex per GPU (total capex ÷ " + c.gpuCount() + " GPUs)" : "capex per GPU";
        Plausibility.capexPerGpu(reader, row.ref(capexColumn), who, capex, c.gpuModel(), c.capexPerGpu(), currency);
        if (!row.isBlank(START_PRICE)) {
            Plausibility.pricePerGpuHour(reader, row.ref(START_PRICE), who, "start rental price", c.gpuModel(),
                    c.startPricePerGpuHour(), currency);
        }
        if (!row.isBlank(POWER)) {
            Plausibility.powerKwPerGpu(reader, row.ref(POWER), who, c.powerKwPerGpu());
        }
        if (!row.isBlank(PUE)) {
            Plausibility.pue(reader, row.ref(PUE), who, c.pue());
        }
    }

    /** The column each cluster field is read from (capex per GPU moves to Total capex on a row that gives only the total). */
    static final Map<Field, Column> COLUMN_OF_FIELD = columnOfField();

    private static Map<Field, Column> columnOfField() {
        Map<Field, Column> m = new EnumMap<>(Field.class);
        m.put(Field.CLUSTER_ID, ID);
        m.put(Field.GPU_MODEL, MODEL);
        m.put(Field.GPU_COUNT, COUNT);
        m.put(Field.CAPEX_PER_GPU, CAPEX_PER_GPU);
        m.put(Field.STATUS, STATUS);
        m.put(Field.PURCHASE_DATE, PURCHASE_DATE);
        m.put(Field.USEFUL_LIFE, LIFE);
        m.put(Field.RESIDUAL_VALUE, RESIDUAL);
        m.put(Field.POWER_PER_GPU, POWER);
        m.put(Field.PUE, PUE);
        m.put(Field.ELECTRICITY_PRICE, ELECTRICITY);
        m.put(Field.OTHER_OPEX_PER_GPU_MONTH, OTHER_OPEX);
        m.put(Field.UTILIZATION, UTILIZATION);
        m.put(Field.START_PRICE_PER_GPU_HOUR, START_PRICE);
        m.put(Field.SECONDARY_PRICE_PER_GPU, SECONDARY);
        return Collections.unmodifiableMap(m);
    }

    /** Capex per GPU from its own column, or total capex ÷ GPUs; both given must agree. */
    private Double capexPerGpu(TableRow row, Integer count, Map<Field, Column> fields) {
        Read<Double> perGpu = row.amount(CAPEX_PER_GPU, "a price per GPU such as 25,000 or $25k");
        Read<Double> total = row.amount(TOTAL_CAPEX, "a total amount such as 200,000 or $1.2M");
        if (perGpu.failed() || total.failed()) {
            return null;
        }
        if (perGpu.value().isPresent()) {
            double p = perGpu.value().get();
            if (total.value().isPresent() && count != null) {
                double t = total.value().get();
                double implied = p * count;
                if (Math.abs(t - implied) > CAPEX_TOLERANCE * Math.max(Math.abs(t), Math.abs(implied))) {
                    row.problem(TOTAL_CAPEX, "capex per GPU × GPU count = " + Formats.money(implied, currency) + " (" + row.ref(CAPEX_PER_GPU)
                            + " × " + row.ref(COUNT) + "), or leave one of the two empty");
                    return null;
                }
            }
            return p;
        }
        if (total.value().isPresent()) {
            fields.put(Field.CAPEX_PER_GPU, TOTAL_CAPEX);
            return count == null || count < 1 ? null : total.value().get() / count;
        }
        if (row.has(CAPEX_PER_GPU) || row.has(TOTAL_CAPEX)) {
            row.problem(row.has(CAPEX_PER_GPU) ? CAPEX_PER_GPU : TOTAL_CAPEX, "a capex per GPU or a total capex");
        }
        return null;
    }

    private ClusterStatus status(TableRow row, String name, LocalDate purchaseDate) {
        Read<String> text = row.text(STATUS);
        if (text.value().isPresent()) {
            try {
                return ClusterStatus.parse(text.value().get());
            } catch (InvalidValueException e) {
                row.problem(STATUS, "Owned or Planned");
                return ClusterStatus.PLANNED;
            }
        }
        // Without a status, a purchase date on or before the valuation date means the cluster is already bought.
        ClusterStatus guess = purchaseDate != null && !purchaseDate.isAfter(valuationDate) ? ClusterStatus.OWNED : ClusterStatus.PLANNED;
        if (!text.failed()) {
            noteDefault(row, STATUS, name, guess.label() + (purchaseDate == null ? " (no purchase date)"
                    : " (purchase date " + purchaseDate + (guess == ClusterStatus.OWNED ? " is on or before" : " is after")
                    + " the valuation date " + valuationDate + ")"));
        }
        return guess;
    }

    /**
     * The basis of BUY or RENT; a blank cell rents out, an unknown word is refused rather than guessed. Only a
     * planned cluster is decided on it, so only there is the default noted, and Own use on an owned cluster is
     * a warning: HOLD or RESELL weighs the cluster's rental income against a sale.
     */
    private ClusterUse use(TableRow row, String name, ClusterStatus status) {
        Read<String> text = row.text(USE);
        if (text.value().isPresent()) {
            try {
                ClusterUse use = ClusterUse.parse(text.value().get());
                if (use == ClusterUse.OWN_USE && status == ClusterStatus.OWNED) {
                    reader.note(InputNote.Kind.WARNING, row.ref(USE), "cluster " + name + ": Use is Own use, but the cluster is"
                            + " owned and HOLD or RESELL weighs its rental income against a sale; Use decides only BUY or RENT"
                            + " for a planned cluster");
                }
                return use;
            } catch (InvalidValueException e) {
                row.problem(USE, ClusterUse.EXPECTED);
                return ClusterUse.RENT_OUT;
            }
        }
        if (!text.failed() && status == ClusterStatus.PLANNED) {
            noteDefault(row, USE, name, "Rent out (judged as an investment that sells the GPU-hours, net of the marketplace fee)");
        }
        return ClusterUse.RENT_OUT;
    }

    private double amountOr(TableRow row, Column c, String expected, String name, String shown, double fallback) {
        Read<Double> r = row.amount(c, expected);
        return r.value().orElseGet(() -> defaulted(row, c, r, name, shown, fallback));
    }

    private double percentOr(TableRow row, Column c, String expected, String name, String shown, double fallback) {
        Read<Double> r = row.percent(c, expected);
        return r.value().orElseGet(() -> defaulted(row, c, r, name, shown, fallback));
    }

    private double defaulted(TableRow row, Column c, Read<?> r, String name, String shown, double fallback) {
        if (!r.failed()) {
            noteDefault(row, c, name, shown);
        }
        return fallback;
    }

    /** A blank cell gets a note of its own; a missing column gets one note for the whole sheet. */
    private void noteDefault(TableRow row, Column c, String name, String shown) {
        if (row.has(c)) {
            reader.note(InputNote.Kind.DEFAULT, row.ref(c), "cluster " + name + ": " + c.label() + " is empty; used " + shown);
        } else if (absentColumnsNoted.add(c)) {
            reader.note(InputNote.Kind.DEFAULT, sheet.getSheetName(),
                    "no '" + c.label() + "' column; clusters without it use " + (c == STATUS ? "Owned if bought by the valuation date, else Planned" : shown));
        }
    }

    /** A value from the Fleet cell, else the Market row for the model, else the built-in catalog, each use noted. */
    private Optional<Double> sourced(TableRow row, Column c, String expected, String name, String model,
                                     Function<MarketQuote, OptionalDouble> fromMarket,
                                     Function<GpuCatalog.Entry, OptionalDouble> fromCatalog, Function<Double, String> shown) {
        Read<Double> r = row.amount(c, expected);
        if (r.value().isPresent() || r.failed() || model == null) {
            return r.value();
        }
        String where = row.has(c) ? row.ref(c) : name;
        for (MarketQuote q : market) {
            OptionalDouble v = q.isFor(model) ? fromMarket.apply(q) : OptionalDouble.empty();
            if (v.isPresent()) {
                reader.note(InputNote.Kind.DEFAULT, where, "cluster " + name + ": " + c.label() + " not given; used "
                        + shown.apply(v.getAsDouble()) + " from the Market row for " + q.gpuModel());
                return Optional.of(v.getAsDouble());
            }
        }
        Optional<GpuCatalog.Entry> entry = GpuCatalog.lookup(model);
        if (entry.isPresent() && fromCatalog.apply(entry.get()).isPresent()) {
            double v = fromCatalog.apply(entry.get()).getAsDouble();
            reader.note(InputNote.Kind.CATALOG, where, "cluster " + name + ": " + c.label() + " not given; used "
                    + shown.apply(v) + " from the built-in catalog for " + entry.get().model() + " (" + entry.get().source() + ")"
                    + (c != POWER && !currency.equals("USD") ? "; catalog prices are in USD and were not converted to " + currency : ""));
            return Optional.of(v);
        }
        if (c != START_PRICE) {
            noteDefault(row, c, name, c == POWER ? "0 kW (power not costed; no Market row or catalog entry for " + model + ")"
                    : "no resale price (no Market row or catalog figure for " + model + ")");
        }
        return Optional.empty();
    }

}
