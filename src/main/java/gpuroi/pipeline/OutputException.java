package gpuroi.pipeline;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * An output that could not be written (a read-only or full disk, a folder that is a file, a name too
 * long): the machine is at fault, not the workbook. The message is one line, the path and the
 * operating system's reason: {@code cannot write results/q1.roi.xlsx: No space left on device}.
 */
public final class OutputException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;
    private final String reason;

    public OutputException(Path path, IOException cause) {
        this(path, reason(cause), cause);
    }

    private OutputException(Path path, String reason, IOException cause) {
        super("cannot write " + path + ": " + reason, cause);
        this.path = path;
        this.reason = reason;
    }

    /** The file or folder gpuroi was writing. */
    public Path path() {
        return path;
    }

    /** The operating system's words for what went wrong, e.g. {@code Read-only file system}. */
    public String reason() {
        return reason;
    }

    /**
     * The operating system's reason in {@code failure} or its causes. Java gives it as the reason of
     * a FileSystemException, except for a few errors it turns into a type of their own, whose usual
     * words (strerror's) are given here; a failed write (a full disk) is a plain IOException whose
     * message is the reason.
     */
    public static String reason(IOException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof FileSystemException fs) {
                if (fs.getReason() != null && !fs.getReason().isBlank()) {
                    return oneLine(fs.getReason());
                }
                if (fs instanceof AccessDeniedException) {
                    return "Permission denied";
                }
                if (fs instanceof NoSuchFileException) {
                    return "No such file or directory";
                }
                if (fs instanceof FileAlreadyExistsException) {
                    return "File exists";
                }
                if (fs instanceof NotDirectoryException) {
                    return "Not a directory";
                }
                if (fs instanceof DirectoryNotEmptyException) {
                    return "Directory not empty";
                }
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank() && !(t instanceof FileSystemException)) {
                return oneLine(t.getMessage());
            }
        }
        return failure.getClass().getSimpleName();
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
