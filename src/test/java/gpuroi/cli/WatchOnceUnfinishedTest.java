package gpuroi.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static gpuroi.cli.WatchFixtures.drop;
import static gpuroi.cli.WatchFixtures.names;
import static gpuroi.cli.WatchFixtures.validWorkbook;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code watch --once} never ends with exit code 0 while an input is left in processing: it names each one and exits 4. */
class WatchOnceUnfinishedTest {
    @TempDir
    Path dir;

    @Test
    void anEntryInProcessingTheWatcherCannotFinishIsNamedAndTheRunExitsFourAfterConvertingTheRest() throws Exception {
        // A folder where an input should be, with an output folder whose marker would have to be checked against
        // its content: it can be neither read nor proved complete, so it stays.
        Files.createDirectories(dir.resolve("processing/stuck.xlsx"));
        Files.createDirectories(dir.resolve("out/stuck"));
        Files.writeString(dir.resolve("out/stuck/.gpuroi-complete.json"), "{\"input\": \"stuck.xlsx\", \"sha256\": \"00\"}\n");
        drop(Files.createDirectories(dir.resolve("inbox")), "fleet.xlsx", validWorkbook("pod"));

        CliRun run = WatchOnceTest.once(dir, "--no-memos");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.OUTPUT_FAILED);
        assertThat(run.out()).contains("stuck.xlsx: left in processing (tried again at the next scan)")
                .contains("stuck.xlsx: not finished in this run; it stays in processing for the next run")
                .contains("fleet.xlsx: done in");
        assertThat(names(dir.resolve("done"))).containsExactly("fleet.xlsx");
        assertThat(names(dir.resolve("processing"))).containsExactly("stuck.xlsx");
    }
}
