package gpuroi.workbook;

import java.time.LocalDate;

/**
 * Provenance written into every output: which file, its digest, which tool, which valuation date.
 *
 * @param inputFileName  the workbook's file name (no directories)
 * @param inputSha256    hex SHA-256 of the input file's bytes
 * @param toolVersion    gpu-roi version
 * @param valuationDate  the valuation date used
 */
public record RunInfo(String inputFileName, String inputSha256, String toolVersion, LocalDate valuationDate) {
}
