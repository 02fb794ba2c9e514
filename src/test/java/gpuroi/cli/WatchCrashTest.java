package gpuroi.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
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
import static gpuroi.cli.WatchFixtures.invalidWorkbook;
import static gpuroi.cli.WatchFixtures.names;
import static gpuroi.cli.WatchFixtures.slowWorkbook;
import static gpuroi.cli.WatchFixtures.validWorkbook;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watcher as a real process (this test's classpath, main class gpuroi.cli.Main), killed with
 * SIGKILL mid-job or stopped with SIGTERM, then started again: every dropped file ends in done or
 * failed exactly once, with complete outputs.
 */
class WatchCrashTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    Process watcher(String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("watch", dir.toString(),
                "--workers", "2", "--settle", "100ms", "--rescan", "200ms", "--no-memos"));
        args.addAll(List.of(extra));
        return WatchProcesses.start(WatchProcesses.java(args.toArray(String[]::new)), dir.resolve("watcher.log"));
    }

    String log() throws IOException {
        return Files.readString(dir.resolve("watcher.log"));
    }

    @Test
    void aWatcherKilledMidJobAndStartedAgainLosesNothingAndConvertsNothingTwice() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            valid.add("fleet-" + i + ".xlsx");
            drop(inbox, "fleet-" + i + ".xlsx", validWorkbook("pod-" + i));
        }
        valid.add("fleet-slow.xlsx");
        drop(inbox, "fleet-slow.xlsx", slowWorkbook("slow-pod", MID_JOB_RUNS));
        drop(inbox, "broken-0.xlsx", invalidWorkbook());
        drop(inbox, "broken-1.xlsx", invalidWorkbook());
        drop(inbox, "notes.csv", "not a workbook".getBytes());

        // Killed once a file is done while the slow one runs: the kill lands mid-job.
        Process first = watcher();
        try {
            await("a first file converted while fleet-slow.xlsx runs", WAIT, () -> names(dir.resolve("done")).contains("fleet-slow.xlsx")
                    || !names(dir.resolve("done")).isEmpty() && converting(dir, "fleet-slow.xlsx"));
            assertThat(names(dir.resolve("done"))).as("fleet-slow.xlsx still running; log:%n%s", log()).doesNotContain("fleet-slow.xlsx");
        } finally {
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(names(dir.resolve("processing"))).as("killed mid-job: files left in processing; log:%n%s", log()).isNotEmpty();

        Process second = watcher("--once");
        assertThat(second.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the restarted watcher finishes").isTrue();
        assertThat(second.exitValue()).as(log()).isIn(ExitCodes.OK, ExitCodes.INVALID_INPUT);

        assertThat(names(dir.resolve("done"))).as(log()).containsExactlyElementsOf(valid);
        assertThat(names(dir.resolve("failed"))).containsExactly(
                "broken-0.xlsx", "broken-0.xlsx.error.json", "broken-0.xlsx.error.txt",
                "broken-1.xlsx", "broken-1.xlsx.error.json", "broken-1.xlsx.error.txt",
                "notes.csv", "notes.csv.error.json", "notes.csv.error.txt");
        assertThat(names(dir.resolve("out"))).as("one output folder per workbook, none twice, no staging left")
                .containsExactly("fleet-0", "fleet-1", "fleet-2", "fleet-3", "fleet-slow");
        for (String name : valid) {
            String stem = name.substring(0, name.length() - ".xlsx".length());
            assertThat(names(dir.resolve("out/" + stem))).containsExactly(".gpuroi-complete.json", stem + ".roi.xlsx");
            assertComputedWorkbook(dir.resolve("out/" + stem + "/" + stem + ".roi.xlsx"));
        }
        assertThat(Files.readString(dir.resolve("failed/broken-0.xlsx.error.txt"))).contains("Fleet!C4");
        assertThat(names(inbox)).isEmpty();
        assertThat(names(dir.resolve("processing"))).isEmpty();
        assertThat(log()).contains("(interrupted run); converting again");
    }

    @Test
    void sigtermLetsTheRunningJobFinishBeforeTheWatcherExits() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        drop(inbox, "fleet.xlsx", slowWorkbook("pod", MID_JOB_RUNS));

        Process watcher = watcher("--grace", "60s");
        // Running, not only taken: a job still queued at SIGTERM is left in processing for the next start, by design.
        await("fleet.xlsx running", WAIT, () -> converting(dir, "fleet.xlsx"));
        watcher.destroy();
        assertThat(watcher.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        assertThat(names(dir.resolve("done"))).as(log()).containsExactly("fleet.xlsx");
        assertThat(names(dir.resolve("processing"))).isEmpty();
        assertComputedWorkbook(dir.resolve("out/fleet/fleet.roi.xlsx"));
        assertThat(log()).as("the job was still running when the stop came")
                .containsSubsequence("stopping: no new files", "fleet.xlsx: done in", "stopped");
        assertThat(Files.readString(dir.resolve("status.json"))).contains("\"state\" : \"stopped\"");
    }
}
