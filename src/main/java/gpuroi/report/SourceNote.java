package gpuroi.report;

/**
 * Where a value in a memo came from when the workbook did not give it directly: a default, the
 * built-in catalog, or a warning about how a cell was read.
 *
 * @param kind     "default", "catalog" or "warning"
 * @param location a cell such as {@code Fleet!D7}, a cluster id or a sheet
 * @param message  what was done, with the value used
 */
public record SourceNote(String kind, String location, String message) {
}
