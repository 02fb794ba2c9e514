package gpuroi.workbook;

/**
 * One thing wrong with an input workbook, precise enough to fix without searching.
 *
 * @param fileName the workbook's file name (no directories)
 * @param sheet    the sheet's name as written in the file; empty for a problem with the file itself
 * @param cell     a cell such as {@code Fleet!D7}, a row range such as {@code Fleet!A3:K3}, or empty
 * @param found    what the cell holds, e.g. {@code 'abc'} or {@code an empty cell}
 * @param expected what would have been accepted, in words
 */
public record CellProblem(String fileName, String sheet, String cell, String found, String expected) {

    public CellProblem {
        fileName = fileName == null ? "" : fileName;
        sheet = sheet == null ? "" : sheet;
        cell = cell == null ? "" : cell;
        found = found == null ? "nothing" : found;
        expected = expected == null ? "" : expected;
    }

    /** {@code fleet.xlsx Fleet!D7: found 'abc', expected a number such as 2.85 or $2.85/hr}. */
    public String describe() {
        String where = cell.isEmpty() ? (sheet.isEmpty() ? fileName : fileName + " sheet " + sheet) : fileName + " " + cell;
        return where + ": found " + found + ", expected " + expected;
    }
}
