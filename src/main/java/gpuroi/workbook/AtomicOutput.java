package gpuroi.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** A workbook file written whole or not at all: nobody ever sees half of it, and a failure leaves no temporary file. */
final class AtomicOutput {
    private AtomicOutput() {
    }

    /** What goes into the file. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} through a hidden temporary file in the same folder (so the move is a rename), moved into
     * place once complete; on any failure the temporary file is deleted and {@code target} is as it was.
     *
     * @param target          an absolute, normalized path
     * @param replaceExisting whether an existing {@code target} is replaced; when false the move fails if a file
     *                        appeared there meanwhile, rather than replacing it
     */
    static void write(Path target, boolean replaceExisting, Content content) throws IOException {
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            if (replaceExisting) {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(temporary, target);
            }
        } catch (Throwable failure) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
    }
}
