package gpuroi.workbook;

import java.io.IOException;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;

/**
 * Macro-enabled workbooks (.xlsm). Their macros would never run here, but the result would keep the
 * macro-enabled content type under an .xlsx name, which Excel refuses to open; so they are refused
 * with what to do, rather than converted into a file nobody can open.
 */
final class MacroWorkbooks {
    private MacroWorkbooks() {
    }

    /** Closes and refuses {@code workbook} when it is macro-enabled; otherwise does nothing. */
    static void refuse(XSSFWorkbook workbook, String name) throws WorkbookException {
        if (workbook.getWorkbookType() != XSSFWorkbookType.XLSM) {
            return;
        }
        try {
            workbook.close();
        } catch (IOException e) {
            // Opened from memory: closing touches no file.
        }
        throw WorkbookException.ofFile(name, "a macro-enabled workbook (.xlsm)", "an .xlsx workbook",
                name + " is a macro-enabled workbook (.xlsm); gpu-roi never runs macros and writes .xlsx results,"
                        + " so save a copy as .xlsx (File > Save As > Excel Workbook) and convert that");
    }
}
