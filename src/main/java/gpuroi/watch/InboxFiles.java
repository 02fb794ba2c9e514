package gpuroi.watch;

import java.util.Locale;

/** What a name in the inbox is: a workbook to convert, something to reject, or a file to leave alone. */
enum InboxFiles {
    /** An .xlsx workbook: converted once it is complete. */
    WORKBOOK,
    /** Anything else a person dropped: moved to failed with a reason once complete. */
    NOT_A_WORKBOOK,
    /** Office and LibreOffice lock files, editors' and downloaders' temporary files, hidden files: never touched. */
    IGNORED;

    static InboxFiles classify(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("~$") || lower.startsWith(".") || lower.startsWith("~")
                || lower.endsWith(".tmp") || lower.endsWith(".temp") || lower.endsWith(".part")
                || lower.endsWith(".crdownload") || lower.endsWith(".download") || lower.endsWith("~")) {
            return IGNORED;
        }
        return lower.endsWith(".xlsx") ? WORKBOOK : NOT_A_WORKBOOK;
    }
}
