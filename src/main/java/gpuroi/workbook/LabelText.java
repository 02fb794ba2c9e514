package gpuroi.workbook;

import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;

/**
 * The text a header or parameter-label cell shows, whether typed or given by a formula
 * ({@code ="Hurdle rate"}, {@code =Inputs!A3}). A label written as a formula by XlsxWriter (saved
 * result 0) or openpyxl (no saved result) would otherwise go unseen, and its parameter would
 * silently take its default. Nothing is reported here: a cell that gives no text is no label.
 */
final class LabelText {
    private LabelText() {
    }

    static Optional<String> of(Cell cell) {
        if (cell == null) {
            return Optional.empty();
        }
        if (cell.getCellType() == CellType.STRING) {
            return nonBlank(cell.getStringCellValue());
        }
        if (cell.getCellType() != CellType.FORMULA) {
            return Optional.empty();
        }
        try {
            // Labels are few, so a fresh evaluator per formula label costs nothing worth caching.
            CellValue v = cell.getSheet().getWorkbook().getCreationHelper().createFormulaEvaluator().evaluate(cell);
            return v != null && v.getCellType() == CellType.STRING ? nonBlank(v.getStringValue()) : Optional.empty();
        } catch (RuntimeException e) {
            // A label that cannot be calculated is no label; a value cell with the same formula is reported where it is read.
            return Optional.empty();
        }
    }

    private static Optional<String> nonBlank(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }
}
