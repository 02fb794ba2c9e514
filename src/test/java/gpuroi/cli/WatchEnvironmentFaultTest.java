package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static gpuroi.cli.WatchFixtures.assertComputedWorkbook;
import static gpuroi.cli.WatchFixtures.await;
import static gpuroi.cli.WatchFixtures.drop;
import static gpuroi.cli.WatchFixtures.names;
import static gpuroi.cli.WatchFixtures.validWorkbook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Faults of the machine, not of the workbook, in a real watcher process: a read-only out/ and an input the
 * watcher may not read keep the input in processing with the system's reason, are listed in status.json as
 * retrying, and convert once the fault is gone. (A full disk, on a tmpfs, is in {@link FullOrReadOnlyDiskTest}.)
 */
class WatchEnvironmentFaultTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private List<String> prefix;

    @BeforeEach
    void aProcessThatObeysFilePermissions() throws Exception {
        prefix = WatchProcesses.permissionsObeyed(dir);
        assumeTrue(prefix != null, "this test runs privileged and cannot start an unprivileged process (unshare --user), "
                + "so file permissions cannot be made to refuse anything");
        Files.createDirectories(dir.resolve("inbox"));
        Files.createDirectories(dir.resolve("out"));
    }

    private Process watcher(String... extra) throws Exception {
        List<String> command = new ArrayList<>(prefix);
        List<String> args = new ArrayList<>(List.of("watch", dir.toString(), "--settle", "50ms", "--rescan", "200ms", "--no-memos"));
        args.addAll(List.of(extra));
        command.addAll(WatchProcesses.java(args.toArray(String[]::new)));
        return WatchProcesses.start(command, dir.resolve("watcher.log"));
    }

    private String log() throws Exception {
        return Files.readString(dir.resolve("watcher.log"));
    }

    private JsonNode status() throws Exception {
        return new ObjectMapper().readTree(dir.resolve("status.json").toFile());
    }

    private static void chmod(Path path, String mode) throws Exception {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
    }

    @Test
    void aReadOnlyOutputFolderKeepsTheInputInProcessingWithTheSystemsReasonAndNothingInFailed() throws Exception {
        byte[] workbook = validWorkbook("h100-pod");
        drop(dir.resolve("inbox"), "q1.xlsx", workbook);
        chmod(dir.resolve("out"), "r-xr-xr-x");

        Process once = watcher("--once");
        assertThat(once.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        chmod(dir.resolve("out"), "rwxr-xr-x");

        assertThat(once.exitValue()).as(log()).isEqualTo(ExitCodes.OUTPUT_FAILED);
        assertThat(log()).contains("q1.xlsx: not converted in").contains("through no fault of the workbook")
                .contains("Permission denied").contains("left in processing, tried again in 30 s")
                .doesNotContain("bug in gpuroi", "Fix this in the workbook");
        assertThat(names(dir.resolve("processing"))).containsExactly("q1.xlsx");
        assertThat(Files.readAllBytes(dir.resolve("processing/q1.xlsx"))).isEqualTo(workbook);
        assertThat(names(dir.resolve("failed"))).isEmpty();
        assertThat(names(dir.resolve("done"))).isEmpty();
        JsonNode status = status();
        assertThat(status.get("failed").asInt()).isZero();
        assertThat(status.get("retrying")).hasSize(1);
        assertThat(status.get("retrying").get(0).get("file").asText()).isEqualTo("q1.xlsx");
        assertThat(status.get("retrying").get(0).get("reason").asText()).contains("Permission denied");
        assertThat(status.get("retrying").get(0).get("attempts").asInt()).isEqualTo(1);
        assertThat(status.get("retrying").get(0).get("nextAttemptAt").asText()).isNotBlank();
    }

    @Test
    void anInputTheWatcherMayNotReadIsRetriedWithTheReasonAndConvertedOnceItMayBeRead() throws Exception {
        Path file = drop(dir.resolve("inbox"), "q1.xlsx", validWorkbook("h100-pod"));
        chmod(file, "---------");

        Process watcher = watcher("--retry", "300ms");
        try {
            await("q1.xlsx retried twice", WAIT, () -> {
                try {
                    return log().contains("q1.xlsx: trying again (attempt 3)");
                } catch (Exception e) {
                    return false;
                }
            });
            assertThat(log()).contains("q1.xlsx: not converted in").contains("cannot read").contains("q1.xlsx: Permission denied")
                    .contains("tried again in 300 ms (attempt 2)").contains("tried again in 600 ms (attempt 3)");
            assertThat(names(dir.resolve("failed"))).isEmpty();
            assertThat(status().get("retrying").get(0).get("reason").asText()).contains("Permission denied");

            chmod(dir.resolve("processing/q1.xlsx"), "rw-r--r--");
            await("q1.xlsx converted once readable", WAIT, () -> names(dir.resolve("done")).contains("q1.xlsx"));
        } finally {
            watcher.destroy();
            assertThat(watcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertComputedWorkbook(dir.resolve("out/q1/q1.roi.xlsx"));
        assertThat(names(dir.resolve("failed"))).isEmpty();
        assertThat(status().get("retrying")).isEmpty();
        assertThat(status().get("converted").asInt()).isEqualTo(1);
    }

    @Test
    void aRetryAfterOnlyTheLastMoveWasRefusedMovesTheInputOnWithoutConvertingItTwice() throws Exception {
        byte[] workbook = validWorkbook("h100-pod");
        drop(dir.resolve("inbox"), "q1.xlsx", workbook);
        // Everything but the last move succeeds: the outputs are committed to out/q1, the input cannot go to done/.
        Files.createDirectories(dir.resolve("done"));
        chmod(dir.resolve("done"), "r-xr-xr-x");

        Process watcher = watcher("--retry", "300ms");
        try {
            await("q1.xlsx refused by done/", WAIT, () -> {
                try {
                    return log().contains("q1.xlsx: not converted in");
                } catch (Exception e) {
                    return false;
                }
            });
            assertThat(names(dir.resolve("out"))).containsExactly("q1");
            assertThat(names(dir.resolve("processing"))).containsExactly("q1.xlsx");

            chmod(dir.resolve("done"), "rwxr-xr-x");
            await("q1.xlsx moved to done", WAIT, () -> names(dir.resolve("done")).contains("q1.xlsx"));
        } finally {
            watcher.destroy();
            assertThat(watcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(log()).contains("Permission denied")
                .contains("q1.xlsx: outputs were complete before the last try failed (out/q1 holds its completion marker)")
                .doesNotContain("q1.xlsx: done in");
        assertThat(names(dir.resolve("out"))).as("converted once, so one output folder").containsExactly("q1");
        assertComputedWorkbook(dir.resolve("out/q1/q1.roi.xlsx"));
        assertThat(Files.readAllBytes(dir.resolve("done/q1.xlsx"))).isEqualTo(workbook);
        assertThat(names(dir.resolve("processing"))).isEmpty();
        assertThat(status().get("retrying")).isEmpty();
        assertThat(status().get("converted").asInt()).isEqualTo(1);
    }
}
