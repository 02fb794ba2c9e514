package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static gpuroi.cli.WatchFixtures.drop;
import static gpuroi.cli.WatchFixtures.names;
import static gpuroi.cli.WatchFixtures.validWorkbook;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hot folder when the machine, not the workbook, fails a job: the input stays in processing to be
 * tried again, the reason is logged, and nothing goes to failed/ as if the workbook were bad.
 * (A full disk, in a namespace of its own, is in {@link FullOrReadOnlyDiskTest}.)
 */
class WatchOutputFailureTest {
    @TempDir
    Path dir;

    @Test
    void aJobWhoseOutputFolderCannotBeCreatedStaysInProcessingWithTheReasonLogged() throws Exception {
        // A hot folder so deep that its inbox and processing paths fit in Linux's 4095 bytes, but the job's staging
        // folder (DIR/out/.staging-NAME-UUID, 39 bytes longer than DIR/processing/NAME) does not.
        String name = "f".repeat(95) + ".xlsx";
        Path root = dir;
        int target = 3960;
        while (root.toString().length() < target - 240) {
            root = root.resolve("d".repeat(239));
        }
        root = root.resolve("d".repeat(target - root.toString().length() - 1));
        dir = Files.createDirectories(root);
        assertThat(dir.toString()).hasSize(target);
        Files.createDirectories(dir.resolve("inbox"));
        byte[] workbook = validWorkbook("h100-pod");
        drop(dir.resolve("inbox"), name, workbook);

        CliRun run = WatchOnceTest.once(dir, "--no-memos");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.OUTPUT_FAILED);
        assertThat(run.out()).contains(name + ": not converted in").contains("File name too long")
                .contains("left in processing, tried again in 30 s (attempt 2)");
        assertThat(names(dir.resolve("processing"))).containsExactly(name);
        assertThat(Files.readAllBytes(dir.resolve("processing").resolve(name))).isEqualTo(workbook);
        assertThat(names(dir.resolve("failed"))).isEmpty();
        assertThat(names(dir.resolve("done"))).isEmpty();
        assertThat(names(dir.resolve("out"))).isEmpty();
        JsonNode status = new ObjectMapper().readTree(dir.resolve("status.json").toFile());
        assertThat(status.get("outputFailures").asInt()).isEqualTo(1);
        assertThat(status.get("failed").asInt()).isZero();
    }
}
