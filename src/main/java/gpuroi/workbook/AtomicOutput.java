package gpuroi.workbook;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
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
     * place once complete; on any failure the temporary file is deleted and {@code target} is as it was. What the file
     * system refuses (creating, writing, moving; a full or read-only disk) is thrown as a FileSystemException, so callers
     * can tell it from the content's own failures, which pass as they are.
     *
     * @param target          an absolute, normalized path
     * @param replaceExisting whether an existing {@code target} is replaced; when false the move fails if a file
     *                        appeared there meanwhile, rather than replacing it
     */
    static void write(Path target, boolean replaceExisting, Content content) throws IOException {
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        FileStream file = null;
        try {
            try (FileStream out = new FileStream(target, Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
                file = out;
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
            // A full disk fails a write with a bare IOException, which a writer such as POI may wrap again: say it was the file.
            if (file != null && file.failure != null && !(failure instanceof FileSystemException)) {
                FileSystemException refused = new FileSystemException(target.toString(), null, file.failure.getMessage());
                refused.initCause(failure);
                throw refused;
            }
            throw failure;
        }
    }

    /** The temporary file's stream, remembering a failure of the file itself (as opposed to the content's own). */
    private static final class FileStream extends FilterOutputStream {
        private final Path target;
        IOException failure;

        FileStream(Path target, OutputStream file) {
            super(file);
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                out.close();
            } catch (IOException e) {
                throw failed(e);
            }
        }

        private IOException failed(IOException e) {
            if (failure == null) {
                failure = e;
            }
            if (e instanceof FileSystemException) {
                return e;
            }
            FileSystemException refused = new FileSystemException(target.toString(), null, e.getMessage());
            refused.initCause(e);
            return refused;
        }
    }
}
