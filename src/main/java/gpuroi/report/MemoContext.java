package gpuroi.report;

import java.util.List;

/**
 * Provenance printed in every memo, so a reader can tie the PDF to the exact workbook and tool.
 *
 * @param inputFileName    the workbook's file name, no directories
 * @param inputSha256      hex SHA-256 of the workbook's bytes
 * @param toolVersion      gpu-roi version
 * @param notes            defaults, catalog values and warnings the reader recorded
 * @param workbookFileName the file name of the workbook written with the memos, where a long table's rows left out of the
 *                         portfolio memo are listed; empty when not known
 */
public record MemoContext(String inputFileName, String inputSha256, String toolVersion, List<SourceNote> notes,
                          String workbookFileName) {
    public MemoContext {
        notes = List.copyOf(notes);
    }

    /** Without the name of the workbook written alongside. */
    public MemoContext(String inputFileName, String inputSha256, String toolVersion, List<SourceNote> notes) {
        this(inputFileName, inputSha256, toolVersion, notes, "");
    }

    /** "the ROI Summary sheet of fleet.roi.xlsx", or of the workbook converted with these memos when its name is not known. */
    String sheet(String sheetName) {
        return "the " + sheetName + " sheet of " + (workbookFileName.isEmpty() ? "the workbook converted with these memos" : workbookFileName);
    }
}
