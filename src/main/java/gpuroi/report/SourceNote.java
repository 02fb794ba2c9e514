package gpuroi.report;

import java.util.Locale;

/**
 * Where a value in a memo came from when the workbook did not give it directly: a default, the
 * built-in catalog, or a warning about how a cell was read.
 *
 * @param kind     "default", "catalog" or "warning"
 * @param location a cell such as {@code Fleet!D7}, a cluster id or a sheet
 * @param message  what was done, with the value used
 */
public record SourceNote(String kind, String location, String message) {
    /**
     * A warning about the workbook as a whole (a sheet read under another name or left unread,
     * assumptions that are all defaults): located at a sheet, not a cell, and about no one cluster or
     * contract. Every memo shows it, since every figure in it may rest on it.
     */
    public boolean workbookWide() {
        String lower = message.toLowerCase(Locale.ROOT);
        return kind.equals("warning") && !location.contains("!") && !lower.startsWith("cluster ") && !lower.startsWith("contract ");
    }
}
