package gpuroi.pipeline;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a fault of the machine (a disk full or read-only, a file it may not read, an I/O error) from a
 * fault of the workbook. Only the workbook's own problems are the analyst's to fix; the machine's are
 * retried, since the same workbook converts once the disk has room or the permission is back.
 */
public final class EnvironmentFault {
    private EnvironmentFault() {
    }

    /**
     * The operating system's words (strerror's) for the errors that say nothing about a file's content. Java
     * gives a failed read or write of an open file as a plain IOException with these as its message.
     */
    private static final Set<String> SYSTEM_ERRORS = Set.of(
            "No space left on device", "Disk quota exceeded", "Read-only file system", "Permission denied",
            "Input/output error", "Stale file handle", "Too many open files", "Operation not permitted",
            "File name too long", "Not a directory", "No such file or directory", "Is a directory",
            "Device or resource busy", "Transport endpoint is not connected", "Connection timed out", "Host is down");

    /**
     * The operating system's reason when {@code failure} (or what it wraps: libraries wrap I/O errors in
     * exceptions of their own) is the machine's fault, e.g. {@code Permission denied}; empty when it is not.
     */
    public static Optional<String> reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof FileSystemException fs) {
                return Optional.of(OutputException.reason(fs));
            }
            if (t instanceof IOException io && io.getMessage() != null && SYSTEM_ERRORS.contains(io.getMessage().strip())) {
                return Optional.of(io.getMessage().strip());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
