package gpuroi.workbook;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCalcPr;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCalcMode;

/**
 * The input sheets' formula results in a workbook that asks to be recalculated on opening
 * ({@code <calcPr fullCalcOnLoad="1"/>}, as openpyxl and XlsxWriter write it) are placeholders:
 * XlsxWriter saves 0 for every formula. The output keeps the request, which Excel honours, and drops
 * the placeholders, because LibreOffice keeps a saved result it is given (it shows XlsxWriter's 0s)
 * but calculates a formula that has none. The formulas themselves are kept.
 */
final class StaleFormulaResults {
    private StaleFormulaResults() {
    }

    static boolean recalculatedOnLoad(XSSFWorkbook workbook) {
        CTCalcPr calc = workbook.getCTWorkbook().getCalcPr();
        return calc != null && calc.isSetFullCalcOnLoad() && calc.getFullCalcOnLoad();
    }

    /** Whether the workbook was saved with calculation set to manual, when saved results may be out of date. */
    static boolean manualCalculation(XSSFWorkbook workbook) {
        CTCalcPr calc = workbook.getCTWorkbook().getCalcPr();
        return calc != null && calc.isSetCalcMode() && calc.getCalcMode() == STCalcMode.MANUAL;
    }

    /** Drops the saved result of every formula in the workbook's sheets when the workbook asks to be recalculated on opening. */
    static void dropWhenRecalculatedOnLoad(XSSFWorkbook workbook) {
        if (!recalculatedOnLoad(workbook)) {
            return;
        }
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.FORMULA && cell instanceof XSSFCell x) {
                        CTCell ct = x.getCTCell();
                        if (ct.isSetV()) {
                            ct.unsetV();
                        }
                        if (ct.isSetT()) {
                            // A result type with no result would claim text or an error that is not there.
                            ct.unsetT();
                        }
                    }
                }
            }
        }
    }
}
