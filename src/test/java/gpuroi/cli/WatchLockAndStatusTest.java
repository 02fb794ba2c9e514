package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static gpuroi.cli.WatchFixtures.MID_JOB_RUNS;
import static gpuroi.cli.WatchFixtures.assertComputedWorkbook;
import static gpuroi.cli.WatchFixtures.await;
import static gpuroi.cli.WatchFixtures.converting;
import static gpuroi.cli.WatchFixtures.drop;
import static gpuroi.cli.WatchFixtures.names;
import static gpuroi.cli.WatchFixtures.slowWorkbook;
import static gpuroi.cli.WatchFixtures.validWorkbook;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One watcher per folder, told by an operating-system lock that goes with its process, between real
 * watcher processes: a second one is refused with the holder's pid, also after the lock file was removed
 * by hand; a killed watcher's status.json is told stale; --once finishes its running job on SIGTERM.
 */
class WatchLockAndStatusTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private Process watcher(String log, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("watch", dir.toString(), "--settle", "50ms", "--rescan", "200ms", "--no-memos"));
        args.addAll(List.of(extra));
        return WatchProcesses.start(WatchProcesses.java(args.toArray(String[]::new)), dir.resolve(log));
    }

    private JsonNode status() {
        try {
            return new ObjectMapper().readTree(dir.resolve("status.json").toFile());
        } catch (Exception e) {
            return new ObjectMapper().createObjectNode();
        }
    }

    private void awaitRunning(Process process) throws InterruptedException {
        await("the watcher running", WAIT, () -> status().path("state").asText().equals("running")
                && status().path("pid").asLong() == process.pid());
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aSecondWatcherProcessIsRefusedNamingThePidThatHoldsTheLockAlsoWhenTheLockFileWasRemoved() throws Exception {
        Process first = watcher("first.log");
        try {
            awaitRunning(first);

            Process second = watcher("second.log", "--once");
            assertThat(second.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(Files.readString(dir.resolve("second.log")))
                    .contains("another gpuroi watch is already running on " + dir + " (pid " + first.pid() + " holds .gpuroi-watch.lock)");

            Files.delete(dir.resolve(".gpuroi-watch.lock"));
            Process third = watcher("third.log", "--once");
            assertThat(third.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(third.exitValue()).as("refused although the lock file is gone").isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(Files.readString(dir.resolve("third.log"))).contains("another gpuroi watch is already running on " + dir)
                    .contains("pid " + first.pid());
            assertThat(first.isAlive()).isTrue();
            await("the first watcher locks a new lock file", WAIT, () -> {
                try {
                    return Files.readString(dir.resolve(".gpuroi-watch.lock")).startsWith("pid " + first.pid() + "\n");
                } catch (Exception e) {
                    return false;
                }
            });

            drop(Files.createDirectories(dir.resolve("inbox")), "fleet.xlsx", validWorkbook("pod"));
            await("the first watcher still converts", WAIT, () -> names(dir.resolve("done")).contains("fleet.xlsx"));
        } finally {
            stop(first);
        }
        assertComputedWorkbook(dir.resolve("out/fleet/fleet.roi.xlsx"));
    }

    @Test
    void aKilledWatchersStatusIsToldStaleByWatchStatusAndARestartedWatcherRewritesIt() throws Exception {
        Process first = watcher("first.log");
        awaitRunning(first);
        CliRun live = CliRun.of("watch", dir.toString(), "--status");
        assertThat(live.exitCode()).as(live.out() + live.err()).isZero();
        assertThat(live.out()).startsWith("running: a gpuroi watch holds").contains("pid " + first.pid());

        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        JsonNode left = status();
        assertThat(left.get("state").asText()).as("what a kill leaves behind").isEqualTo("running");
        assertThat(left.get("pid").asLong()).isEqualTo(first.pid());
        assertThat(left.get("processStartedAt").asText()).isNotBlank();

        CliRun stale = CliRun.of("watch", dir.toString(), "--status");
        assertThat(stale.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(stale.out()).startsWith("not running: status.json says 'running' (pid " + first.pid())
                .contains("but that watcher is gone");

        Process second = watcher("second.log");
        try {
            awaitRunning(second);
            assertThat(status().get("pid").asLong()).isEqualTo(second.pid()).isNotEqualTo(first.pid());
        } finally {
            stop(second);
        }
        assertThat(status().get("state").asText()).isEqualTo("stopped");
        CliRun stopped = CliRun.of("watch", dir.toString(), "--status");
        assertThat(stopped.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(stopped.out()).startsWith("not running: the last watcher (pid " + second.pid());
    }

    @Test
    void sigtermLetsOnceFinishTheRunningJobWithinTheGracePeriod() throws Exception {
        // Slow enough that the SIGTERM lands mid-job.
        drop(Files.createDirectories(dir.resolve("inbox")), "fleet.xlsx", slowWorkbook("pod", MID_JOB_RUNS));
        Process once = WatchProcesses.start(WatchProcesses.java("watch", dir.toString(), "--once", "--settle", "50ms", "--rescan", "200ms",
                "--no-memos", "--grace", "60s"), dir.resolve("once.log"));
        await("fleet.xlsx running", WAIT, () -> converting(dir, "fleet.xlsx"));
        once.destroy();
        assertThat(once.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        String log = Files.readString(dir.resolve("once.log"));
        assertThat(names(dir.resolve("done"))).as(log).containsExactly("fleet.xlsx");
        assertThat(names(dir.resolve("processing"))).isEmpty();
        assertComputedWorkbook(dir.resolve("out/fleet/fleet.roi.xlsx"));
        assertThat(log).as("the job was still running when the stop came")
                .containsSubsequence("stopping: no new files", "fleet.xlsx: done in", "stopped");
        assertThat(status().get("state").asText()).isEqualTo("stopped");
    }
}
