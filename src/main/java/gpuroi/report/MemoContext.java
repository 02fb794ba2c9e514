package gpuroi.report;

import java.util.List;

/**
 * Provenance printed in every memo, so a reader can tie the PDF to the exact workbook and tool.
 *
 * @param inputFileName  the workbook's file name, no directories
 * @param inputSha256    hex SHA-256 of the workbook's bytes
 * @param toolVersion    gpu-roi version
 * @param notes          defaults, catalog values and warnings the reader recorded
 */
public record MemoContext(String inputFileName, String inputSha256, String toolVersion, List<SourceNote> notes) {
    public MemoContext {
        notes = List.copyOf(notes);
    }
}
