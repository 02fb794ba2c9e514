package gpuroi.workbook;

import gpuroi.model.Formats;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTAutoFilter;

/**
 * What to do with Fleet and Leases rows the user cannot see: hidden by hand, filtered out by an
 * AutoFilter, or folded away in a collapsed outline group (Excel and LibreOffice save all three as
 * hidden rows). Either way each such row gets a warning at its first cell, because a figure the
 * analyst cannot see in the sheet must never change the results, or drop out of them, unannounced.
 */
public enum HiddenRows {
    /** Read and count hidden rows, with a warning each (the default: no number is dropped silently). */
    COUNT,
    /** Leave hidden rows out (--skip-hidden), with a warning each saying so. */
    SKIP;

    /** The command-line option that asks for {@link #SKIP}; named in every hidden-row warning. */
    public static final String OPTION = "--skip-hidden";

    /** Whether a row is hidden: its hidden attribute, or a height of zero. */
    static boolean isHidden(Row row) {
        return row != null && (row.getZeroHeight() || row.getHeight() == 0);
    }

    /**
     * Notes a hidden row and says whether it is left out.
     *
     * @param what     the row as the user knows it, e.g. {@code cluster h100-old}
     * @param location the row's first cell, e.g. {@code Fleet!A7}
     * @return true when the row is to be left out
     */
    boolean note(CellReader reader, Row row, String what, String location) {
        String hidden = "row " + (row.getRowNum() + 1) + " is " + how(row) + " (" + what + ")";
        if (this == SKIP) {
            reader.note(InputNote.Kind.WARNING, location, hidden + "; left out (" + OPTION + ")");
            return true;
        }
        reader.note(InputNote.Kind.WARNING, location, hidden + "; it is counted — unhide it, delete it, or run with "
                + OPTION + " to leave it out");
        return false;
    }

    /** How the row came to be hidden, as far as the file tells. */
    private static String how(Row row) {
        if (row.getOutlineLevel() > 0) {
            return "hidden in a collapsed outline group";
        }
        if (inActiveFilter(row)) {
            // The file does not say whether the filter or the user hid it; both look the same once saved.
            return "hidden or filtered out (the sheet has an AutoFilter)";
        }
        return "hidden";
    }

    /** Whether the sheet has an AutoFilter with a criterion over a range holding this row. */
    private static boolean inActiveFilter(Row row) {
        Sheet sheet = row.getSheet();
        if (!(sheet instanceof XSSFSheet x) || !x.getCTWorksheet().isSetAutoFilter()) {
            return false;
        }
        CTAutoFilter filter = x.getCTWorksheet().getAutoFilter();
        if (filter.sizeOfFilterColumnArray() == 0 || filter.getRef() == null) {
            return false;
        }
        try {
            CellRangeAddress range = CellRangeAddress.valueOf(filter.getRef());
            return row.getRowNum() > range.getFirstRow() && row.getRowNum() <= range.getLastRow();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * An id cell's text as shown, read without reporting anything: a row that is left out is not
     * checked, so a broken cell in it must not stop the workbook.
     */
    static String shownText(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue().strip();
            case NUMERIC -> Formats.plain(cell.getNumericCellValue());
            default -> "";
        };
    }
}
