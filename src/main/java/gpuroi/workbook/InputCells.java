package gpuroi.workbook;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellReference;

import gpuroi.model.GpuCatalog;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which cell of the investor's sheets each model input was read from, so that {@value WorkbookWriter#INPUTS_SHEET}
 * can point at it ({@code =Fleet!$N$5}) instead of copying it. The reader records the cell whatever it held; the
 * writer links only a cell whose number is exactly the model's value (see {@link InputLinks}): text it had to parse
 * ("$2.85/hr") or a percentage typed as 70 stays a value.
 */
public final class InputCells {
    /** The inputs that can be linked: each is a number of the model equal to one cell's number. */
    public enum Field {
        GPUS, CAPEX_PER_GPU, UTILIZATION, START_PRICE, KW_PER_GPU, PUE, ELECTRICITY_PER_KWH, OTHER_OPEX_PER_GPU_MONTH,
        RESIDUAL_SHARE, SECONDARY_PRICE,
        DISCOUNT_RATE, HURDLE_RATE, MARKETPLACE_FEE, RESALE_FEE, RESALE_DISCOUNT,
        CONTRACT_RATE, CONTRACT_GPUS, GPUS_NEEDED, PREPAID_SHARE, TERMINATION_FEE
    }

    /** No cell known: every input stays a value. */
    public static final InputCells NONE = new InputCells();

    InputCells() {
    }

    private final Map<String, Map<Field, CellReference>> clusters = new HashMap<>();
    private final Map<Field, CellReference> assumptions = new EnumMap<>(Field.class);
    private final Map<String, Map<Field, CellReference>> contracts = new HashMap<>();
    /** Each Market row's model with its on-demand price cell (null when blank), in sheet order, as the engine searches them. */
    private final List<MarketCell> market = new ArrayList<>();

    private record MarketCell(String gpuModel, CellReference onDemand) {
    }

    void cluster(String clusterId, Field field, Cell cell) {
        if (holdsSomething(cell)) {
            clusters.computeIfAbsent(clusterId, id -> new EnumMap<>(Field.class)).put(field, reference(cell));
        }
    }

    void assumption(Field field, Cell cell) {
        if (holdsSomething(cell)) {
            assumptions.put(field, reference(cell));
        }
    }

    void contract(String contractId, Field field, Cell cell) {
        if (holdsSomething(cell)) {
            contracts.computeIfAbsent(contractId, id -> new EnumMap<>(Field.class)).put(field, reference(cell));
        }
    }

    void marketOnDemand(String gpuModel, Cell cell) {
        market.add(new MarketCell(gpuModel, holdsSomething(cell) ? reference(cell) : null));
    }

    Optional<CellReference> contract(String contractId, Field field) {
        return Optional.ofNullable(contracts.getOrDefault(contractId, Map.of()).get(field));
    }

    /** The on-demand cell of the first Market row for the model, the row the engine prices the model from. */
    Optional<CellReference> marketOnDemand(String gpuModel) {
        return market.stream().filter(m -> GpuCatalog.sameModel(m.gpuModel(), gpuModel)).findFirst()
                .map(MarketCell::onDemand);
    }

    Optional<CellReference> cluster(String clusterId, Field field) {
        return Optional.ofNullable(clusters.getOrDefault(clusterId, Map.of()).get(field));
    }

    Optional<CellReference> assumption(Field field) {
        return Optional.ofNullable(assumptions.get(field));
    }

    /** Two readings of the same workbook record the same cells: equal, so their {@link WorkbookInput}s are too. */
    @Override
    public boolean equals(Object other) {
        return other instanceof InputCells that && clusters.equals(that.clusters) && assumptions.equals(that.assumptions)
                && contracts.equals(that.contracts) && market.equals(that.market);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(clusters, assumptions, contracts, market);
    }

    @Override
    public String toString() {
        return "InputCells[clusters=" + clusters + ", assumptions=" + assumptions + ", contracts=" + contracts
                + ", market=" + market + "]";
    }

    /** A blank cell was not read: the value is a default, Market or catalog figure. */
    private static boolean holdsSomething(Cell cell) {
        return cell != null && cell.getCellType() != CellType.BLANK
                && !(cell.getCellType() == CellType.STRING && cell.getStringCellValue().isBlank());
    }

    private static CellReference reference(Cell cell) {
        return new CellReference(cell.getSheet().getSheetName(), cell.getRowIndex(), cell.getColumnIndex(), true, true);
    }
}
