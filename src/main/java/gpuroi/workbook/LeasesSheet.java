package gpuroi.workbook;

import gpuroi.model.Cancellation;
import gpuroi.model.Cluster;
import gpuroi.model.Field;
import gpuroi.model.InvalidValueException;
import gpuroi.model.Lease;
import gpuroi.model.LeaseRole;
import gpuroi.model.Portfolio;
import gpuroi.model.Quantities.Per;
import gpuroi.workbook.CellReader.Read;
import gpuroi.workbook.HeaderMatcher.HeaderRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Sheet;

/** The Leases sheet: one row per rental contract, where we are the lessor or the lessee. */
final class LeasesSheet {
    static final Column CONTRACT_ID = Column.required("Contract id", "contract", "id", "lease id", "lease", "agreement", "contract name");
    static final Column ROLE = Column.required("Role", "side", "we are", "direction", "lessor lessee");
    static final Column CLUSTER_ID = Column.optional("Cluster id", "cluster", "cluster name");
    static final Column COUNTERPARTY = Column.optional("Counterparty", "customer", "provider", "client", "tenant", "vendor", "party");
    static final Column MODEL = Column.optional("GPU model", "model", "gpu", "gpu type", "sku");
    static final Column COUNT = Column.optional("GPU count", "gpus", "qty", "quantity", "count", "number of gpus", "gpus contracted");
    static final Column RATE = Column.required("Rate", "rate per gpu hr", "rate per gpu hour", "price per gpu hr", "price per gpu hour",
            "contract rate", "hourly rate", "price", "contract price").countedPer(Per.GPU_HOUR);
    static final Column START = Column.required("Start date", "start", "begins", "commencement", "commencement date", "from");
    static final Column TERM = Column.required("Term", "term months", "months", "duration", "term length", "length");
    static final Column PREPAID = Column.optional("Prepaid share", "prepaid", "prepayment", "upfront", "prepaid portion", "paid upfront");
    static final Column GPUS_NEEDED = Column.optional("GPUs actually needed", "gpus needed", "needed gpus", "gpus in use",
            "needed", "used gpus", "gpus used");
    static final Column RESALE = Column.optional("Resale allowed", "resale", "can resell", "sublease allowed", "resell allowed",
            "sublease");
    static final Column TERMINATION_FEE = Column.optional("Termination fee", "exit fee", "break fee", "early termination fee",
            "cancellation fee").countedPer(Per.NOTHING);

    static final List<Column> COLUMNS = List.of(CONTRACT_ID, ROLE, CLUSTER_ID, COUNTERPARTY, MODEL, COUNT, RATE, START, TERM,
            PREPAID, GPUS_NEEDED, RESALE, TERMINATION_FEE);

    /** The column each contract field is read from, so a contract the model refuses is reported at its cell. */
    static final Map<Field, Column> COLUMN_OF_FIELD = Collections.unmodifiableMap(new EnumMap<>(Map.ofEntries(
            Map.entry(Field.CONTRACT_ID, CONTRACT_ID), Map.entry(Field.ROLE, ROLE), Map.entry(Field.CLUSTER_ID, CLUSTER_ID),
            Map.entry(Field.GPU_MODEL, MODEL), Map.entry(Field.GPU_COUNT, COUNT), Map.entry(Field.RATE_PER_GPU_HOUR, RATE),
            Map.entry(Field.START_DATE, START), Map.entry(Field.TERM, TERM), Map.entry(Field.PREPAID_SHARE, PREPAID),
            Map.entry(Field.GPUS_NEEDED, GPUS_NEEDED), Map.entry(Field.TERMINATION_FEE, TERMINATION_FEE))));

    private final CellReader reader;
    private final Sheet sheet;
    private final List<Cluster> clusters;
    private final boolean fleetComplete;
    private final HiddenRows hiddenRows;
    private final Map<String, String> skippedClusters;
    private final String currency;

    LeasesSheet(CellReader reader, Sheet sheet, List<Cluster> clusters, boolean fleetComplete) {
        this(reader, sheet, clusters, fleetComplete, HiddenRows.COUNT, Map.of(), "USD");
    }

    /**
     * @param clusters        the clusters read from the Fleet sheet
     * @param fleetComplete   false when some Fleet rows failed: an unknown cluster id may then be one of them
     * @param hiddenRows      whether hidden contract rows are counted or left out
     * @param skippedClusters hidden Fleet rows left out, by cluster id in lower case, each with its cell
     * @param currency        the workbook's currency, to show rates in
     */
    LeasesSheet(CellReader reader, Sheet sheet, List<Cluster> clusters, boolean fleetComplete, HiddenRows hiddenRows,
                Map<String, String> skippedClusters, String currency) {
        this.reader = reader;
        this.sheet = sheet;
        this.clusters = clusters;
        this.fleetComplete = fleetComplete;
        this.hiddenRows = hiddenRows;
        this.skippedClusters = skippedClusters;
        this.currency = currency;
    }

    private InputCells cells = new InputCells();
    /** The GPU count cell of each contract read, by contract id. */
    private final Map<String, String> gpuCountCells = new HashMap<>();

    /** Records into {@code cells} the cell each contract's numbers were read from. */
    LeasesSheet recordingCellsIn(InputCells cells) {
        this.cells = cells;
        return this;
    }

    List<Lease> read() {
        List<Lease> leases = new ArrayList<>();
        HeaderRow header = Tables.header(reader, sheet, COLUMNS);
        if (header == null) {
            return leases;
        }
        Map<String, String> idCells = new LinkedHashMap<>();
        int lastRow = Tables.lastDataRow(reader, sheet, header);
        for (int r = header.rowIndex() + 1; r <= lastRow; r++) {
            Cancellation.check("reading the Leases sheet");
            TableRow row = new TableRow(reader, sheet, r, header);
            if (!row.isEmptyRow() && !row.isTotalsRow(CONTRACT_ID) && !skipsHidden(row)) {
                readRow(row, idCells).ifPresent(leases::add);
            }
        }
        for (Cluster cluster : clusters) {
            Portfolio.overbooking(cluster, leases).ifPresent(this::overbooked);
        }
        return leases;
    }

    /** Contracts renting out more GPUs than their cluster has on some day, named at the GPU count of the one starting then. */
    private void overbooked(Portfolio.Overbooking overbooking) {
        InvalidValueException e = overbooking.problem();
        reader.problem(sheet, gpuCountCells.get(overbooking.starting().contractId()), e.found(), e.label() + ": " + e.expected());
    }

    /** Warns about a hidden row; true when it is left out. */
    private boolean skipsHidden(TableRow row) {
        if (!HiddenRows.isHidden(sheet.getRow(row.rowNumber() - 1))) {
            return false;
        }
        String id = HiddenRows.shownText(row.cell(CONTRACT_ID));
        return hiddenRows.note(reader, sheet.getRow(row.rowNumber() - 1), id.isEmpty() ? "no contract id" : "contract " + id,
                row.ref(CONTRACT_ID));
    }

    private Optional<Lease> readRow(TableRow row, Map<String, String> idCells) {
        String id = row.required(CONTRACT_ID, row.text(CONTRACT_ID), "a contract id (a unique name for this contract)");
        if (id != null) {
            String earlier = idCells.putIfAbsent(id.toLowerCase(Locale.ROOT), row.ref(CONTRACT_ID));
            if (earlier != null) {
                row.problemAndContinue(CONTRACT_ID, "a contract id not used before (already used in " + earlier + ")");
            }
        }
        String name = id == null ? "row " + row.rowNumber() : id;
        LeaseRole role = null;
        String roleText = row.required(ROLE, row.text(ROLE), "Lessor or Lessee");
        if (roleText != null) {
            try {
                role = LeaseRole.parse(roleText);
            } catch (InvalidValueException e) {
                row.problem(ROLE, e.expected());
            }
        }
        Cluster cluster = null;
        Optional<String> clusterId = row.text(CLUSTER_ID).value();
        if (role == LeaseRole.LESSOR) {
            if (clusterId.isEmpty()) {
                row.problem(CLUSTER_ID, "the id of the Fleet cluster this lessor contract rents out");
            } else if (skippedClusters.containsKey(clusterId.get().toLowerCase(Locale.ROOT))) {
                // Renting out a cluster that is left out cannot be valued; the contract goes with it, said aloud.
                reader.note(InputNote.Kind.WARNING, row.ref(CLUSTER_ID), "contract " + name + " rents out cluster " + clusterId.get()
                        + ", whose Fleet row (" + skippedClusters.get(clusterId.get().toLowerCase(Locale.ROOT))
                        + ") is hidden and left out by " + HiddenRows.OPTION + "; the contract is left out too");
                return Optional.empty();
            } else {
                cluster = clusters.stream().filter(c -> c.id().equalsIgnoreCase(clusterId.get())).findFirst().orElse(null);
                if (cluster == null && fleetComplete) {
                    row.problem(CLUSTER_ID, "the id of a cluster on the Fleet sheet ("
                            + clusters.stream().map(Cluster::id).collect(Collectors.joining(", ")) + ")");
                }
            }
        }
        Optional<String> counterparty = row.text(COUNTERPARTY).value();

        Read<String> modelRead = row.text(MODEL);
        String model = modelRead.value().orElse(null);
        if (model == null && cluster != null) {
            model = cluster.gpuModel();
            noteDefault(row, MODEL, name, model + " (the model of cluster " + cluster.id() + ")");
        } else if (model == null && !modelRead.failed() && role != LeaseRole.LESSOR) {
            row.problem(MODEL, "a GPU model such as H100 SXM");
        }
        Read<Integer> countRead = row.wholeNumber(COUNT, "a whole number of GPUs such as 64");
        Integer count = countRead.value().orElse(null);
        if (count == null && cluster != null && !countRead.failed()) {
            count = cluster.gpuCount();
            noteDefault(row, COUNT, name, count + " GPUs (all of cluster " + cluster.id() + ")");
        } else if (count == null && !countRead.failed() && role != LeaseRole.LESSOR) {
            row.problem(COUNT, "a whole number of GPUs such as 64");
        }
        if (count != null && cluster != null && count > cluster.gpuCount()) {
            row.problem(COUNT, "at most the " + cluster.gpuCount() + " GPUs of cluster " + cluster.id() + " that this contract rents out");
        }
        Double rate = row.required(RATE, row.amount(RATE, "a price per GPU-hour such as 4.10 or $4.10/hr"),
                "a price per GPU-hour such as 4.10 or $4.10/hr");
        LocalDate start = row.required(START, row.date(START), CellReader.DATE_EXPECTED);
        Integer term = term(row);
        Read<Double> prepaidRead = row.percent(PREPAID, "a share of the contract paid up front such as 50% or 0.5");
        double prepaid = prepaidRead.value().orElse(0.0);
        if (prepaidRead.isBlank()) {
            noteDefault(row, PREPAID, name, "0% prepaid");
        }
        int needed = count == null ? 0 : count;
        Read<Integer> neededRead = row.wholeNumber(GPUS_NEEDED, "a whole number of GPUs such as 48");
        if (role == LeaseRole.LESSEE && neededRead.value().isPresent()) {
            needed = neededRead.value().get();
        } else if (role == LeaseRole.LESSEE && neededRead.isBlank()) {
            noteDefault(row, GPUS_NEEDED, name, "all " + needed + " GPUs needed");
        }
        Read<Boolean> resaleRead = row.yesNo(RESALE);
        boolean resale = resaleRead.value().orElse(false);
        if (role == LeaseRole.LESSEE && resaleRead.isBlank()) {
            noteDefault(row, RESALE, name, "resale not allowed");
        }
        OptionalDouble fee = CellReader.toOptional(row.amount(TERMINATION_FEE, "a total fee such as 150,000 or $150k").value());

        if (row.failed() || id == null || role == null || model == null || count == null || rate == null || start == null || term == null) {
            return Optional.empty();
        }
        try {
            // The Fleet cluster's own id: the row found it ignoring case, and the model matches ids exactly.
            Optional<String> rentedOut = cluster == null ? clusterId : Optional.of(cluster.id());
            Lease lease = new Lease(id, role, rentedOut, counterparty, model, count, rate, start, term, prepaid, needed, resale, fee);
            Plausibility.pricePerGpuHour(reader, row.ref(RATE), "contract " + name + ": ", "rate", model, rate, currency);
            cells.contract(id, InputCells.Field.CONTRACT_RATE, row.cell(RATE));
            cells.contract(id, InputCells.Field.CONTRACT_GPUS, row.cell(COUNT));
            cells.contract(id, InputCells.Field.GPUS_NEEDED, row.cell(GPUS_NEEDED));
            cells.contract(id, InputCells.Field.PREPAID_SHARE, row.cell(PREPAID));
            cells.contract(id, InputCells.Field.TERMINATION_FEE, row.cell(TERMINATION_FEE));
            gpuCountCells.put(lease.contractId(), row.ref(COUNT));
            return Optional.of(lease);
        } catch (InvalidValueException e) {
            row.problem(COLUMN_OF_FIELD, e);
            return Optional.empty();
        }
    }

    /** Term in months; a header saying years ("Term (years)") means years. */
    private Integer term(TableRow row) {
        boolean years = row.rawHeader(TERM).toLowerCase(Locale.ROOT).matches(".*\\b(years?|yrs?)\\b.*");
        String expected = years ? "a term in whole months, e.g. 3 years" : "a term in whole months such as 36";
        Double value = row.required(TERM, row.amount(TERM, expected), expected);
        if (value == null) {
            return null;
        }
        double months = years ? value * 12 : value;
        if (Math.abs(months - Math.rint(months)) > 1e-6) {
            row.problem(TERM, expected);
            return null;
        }
        return (int) Math.rint(months);
    }

    private void noteDefault(TableRow row, Column c, String name, String shown) {
        reader.note(InputNote.Kind.DEFAULT, row.has(c) ? row.ref(c) : sheet.getSheetName() + " " + name,
                "contract " + name + ": " + c.label() + " not given; used " + shown);
    }
}
