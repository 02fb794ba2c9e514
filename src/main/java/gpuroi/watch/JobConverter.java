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
     * workbook the analyst must fix.
     */
    Result convert(Path input, Path outputFolder) throws IOException, InterruptedException;

    /**
     * What one job gave.
     *
     * @param converted  whether the outputs were written
     * @param summary    one line for the log: decision counts, or the number of problems
     * @param errorText  for a rejected workbook, every problem with its cell, for people
     * @param errorJson  the same as JSON, for scripts
     */
    record Result(boolean converted, String summary, String errorText, String errorJson) {
        public static Result converted(String summary) {
            return new Result(true, summary, "", "");
        }

        public static Result rejected(String summary, String errorText, String errorJson) {
            return new Result(false, summary, errorText, errorJson);
        }
    }
}
