package gpuroi.workbook;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;

import java.util.Optional;

/**
 * Decides, in the workbook being written (whose input sheets are the investor's, unchanged), whether a model input
 * can be a reference to the cell it was read from: only when that cell holds a number (typed, or a formula's cached
 * result) exactly equal to the model's value. A percentage typed as 70 and read as 70%, an amount parsed from text,
 * a total capex divided by the GPUs: each stays a value, since a reference would change the figure.
 */
final class InputLinks {
    /** No cell known: every input stays a value. */
    static final InputLinks NONE = new InputLinks(null, InputCells.NONE);

    private final Workbook workbook;
    private final InputCells cells;

    InputLinks(Workbook workbook, InputCells cells) {
        this.workbook = workbook;
        this.cells = cells;
    }

    /** {@code 'Fleet'!$N$5} when the cluster's input cell holds exactly {@code value}. */
    Optional<String> cluster(String clusterId, InputCells.Field field, double value) {
        return cells.cluster(clusterId, field).filter(ref -> holds(ref, value)).map(CellReference::formatAsString);
    }

    /** The same for a portfolio assumption. */
    Optional<String> assumption(InputCells.Field field, double value) {
        return cells.assumption(field).filter(ref -> holds(ref, value)).map(CellReference::formatAsString);
    }

    /** {@code 'Leases'!$F$2} when the contract's input cell holds exactly {@code value}. */
    Optional<String> contract(String contractId, InputCells.Field field, double value) {
        return cells.contract(contractId, field).filter(ref -> holds(ref, value)).map(CellReference::formatAsString);
    }

    /** The Market sheet's on-demand cell the engine priced {@code gpuModel} from, when it holds exactly {@code value}. */
    Optional<String> marketOnDemand(String gpuModel, double value) {
        return cells.marketOnDemand(gpuModel).filter(ref -> holds(ref, value)).map(CellReference::formatAsString);
    }

    /** Where a value that is not linked came from: the cell read (when one was), else a default, Market or catalog figure. */
    String clusterSource(String clusterId, InputCells.Field field) {
        return cells.cluster(clusterId, field).map(ref -> "read from " + ref.formatAsString().replace("$", "")
                        + " (text or another unit, so a value)")
                .orElse("default, Market sheet or catalog (see ROI Notes)");
    }

    String assumptionSource(InputCells.Field field) {
        return cells.assumption(field).map(ref -> "read from " + ref.formatAsString().replace("$", "")
                        + " (text or another unit, so a value)")
                .orElse("default or command line (see ROI Notes)");
    }

    private boolean holds(CellReference ref, double value) {
        Sheet sheet = workbook.getSheet(ref.getSheetName());
        Row row = sheet == null ? null : sheet.getRow(ref.getRow());
        Cell cell = row == null ? null : row.getCell(ref.getCol());
        if (cell == null) {
            return false;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        // Exact equality on purpose: a link must not change the figure by a rounding.
        return type == CellType.NUMERIC && cell.getNumericCellValue() == value;
    }
}
