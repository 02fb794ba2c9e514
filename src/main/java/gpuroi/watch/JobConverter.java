package gpuroi.watch;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The pipeline as the hot folder sees it: one workbook in, its outputs written into a fresh folder.
 * The command line supplies it (reading, the engine, workbook and memos); the hot folder only moves
 * files, so no business logic lives here.
 */
@FunctionalInterface
public interface JobConverter {

    /**
     * Converts {@code input}, writing every output into {@code outputFolder} (new and empty, renamed
     * into place by the caller once this returns). Returns a rejection, not an exception, for a
     * workbook the analyst must fix, and a machine fault for an input the machine would not let it
     * read or outputs it would not take (a full or read-only disk): the input is fine and is tried again.
     */
    Result convert(Path input, Path outputFolder) throws IOException, InterruptedException;

    /**
     * What one job gave.
     *
     * @param converted    whether the outputs were written
     * @param machineFault whether the machine failed the job (input unreadable, outputs unwritable), through no fault of the input
     * @param summary      one line for the log: decision counts, the number of problems, or the machine's reason
     * @param errorText    for a rejected workbook, every problem with its cell, for people
     * @param errorJson    the same as JSON, for scripts
     * @param inputSha256  the SHA-256 of the input as converted, for its completion marker (empty when not converted)
     */
    record Result(boolean converted, boolean machineFault, String summary, String errorText, String errorJson, String inputSha256) {
        /** Converted; {@code inputSha256} is the digest of the bytes the outputs were computed from. */
        public static Result converted(String summary, String inputSha256) {
            return new Result(true, false, summary, "", "", inputSha256);
        }

        public static Result rejected(String summary, String errorText, String errorJson) {
            return new Result(false, false, summary, errorText, errorJson, "");
        }

        /** {@code cannot write PATH: No space left on device}: the input stays for another try. */
        public static Result machineFault(String reason) {
            return new Result(false, true, reason, "", "", "");
        }
    }
}
