package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gpuroi.pipeline.Conversion;
import gpuroi.watch.HotFolder;
import gpuroi.watch.JobConverter;
import gpuroi.watch.WatchConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static gpuroi.cli.WatchFixtures.assertComputedWorkbook;
import static gpuroi.cli.WatchFixtures.await;
import static gpuroi.cli.WatchFixtures.drop;
import static gpuroi.cli.WatchFixtures.names;
import static gpuroi.cli.WatchFixtures.slowWorkbook;
import static gpuroi.cli.WatchFixtures.validWorkbook;
import static org.assertj.core.api.Assertions.assertThat;

/** A job past its timeout frees its worker: the file goes to failed with the reason, and the next file is converted. */
class WatchTimeoutTest {
    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    /** What a wait is for, with the watcher's log as it is when the wait times out. */
    static Object describedBy(String what, Path log) {
        return new Object() {
            @Override
            public String toString() {
                try {
                    return what + "; log:\n" + Files.readString(log);
                } catch (java.io.IOException e) {
                    return what;
                }
            }
        };
    }

    @Test
    void aSlowMonteCarloPastItsTimeoutGoesToFailedAndTheNextFileIsConvertedOnTheOnlyWorker() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        // Most of a minute: far past the 8 s timeout.
        drop(inbox, "a-slow.xlsx", slowWorkbook("slow-pod", 4_000_000));
        Process watcher = WatchProcesses.start(WatchProcesses.java("watch", dir.toString(), "--workers", "1", "--settle", "50ms",
                "--rescan", "200ms", "--no-memos", "--timeout", "8s", "--grace", "5s"), dir.resolve("watcher.log"));
        try {
            await("a-slow.xlsx running", WAIT, () -> names(dir.resolve("processing")).contains("a-slow.xlsx"));
            // Dropped while the slow one runs on the only worker: it waits for that worker.
            drop(inbox, "b-fleet.xlsx", validWorkbook("pod"));
            await(describedBy("b-fleet.xlsx converted", dir.resolve("watcher.log")), WAIT, () -> names(dir.resolve("done")).contains("b-fleet.xlsx"));
        } finally {
            watcher.destroy();
            assertThat(watcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        String log = Files.readString(dir.resolve("watcher.log"));
        assertThat(names(dir.resolve("failed"))).as(log).containsExactly("a-slow.xlsx", "a-slow.xlsx.error.json", "a-slow.xlsx.error.txt");
        assertThat(Files.readString(dir.resolve("failed/a-slow.xlsx.error.txt"))).contains("took longer than 8 s");
        assertThat(log).contains("a-slow.xlsx: failed in").contains("timeout: took longer than 8 s")
                .as("the Monte Carlo stopped when interrupted, so no worker was abandoned")
                .doesNotContain("a fresh worker takes the next file");
        assertComputedWorkbook(dir.resolve("out/b-fleet/b-fleet.roi.xlsx"));
        assertThat(names(dir.resolve("processing"))).isEmpty();
        JsonNode status = new ObjectMapper().readTree(dir.resolve("status.json").toFile());
        assertThat(status.get("recentFailures").get(0).get("reason").asText()).isEqualTo("timeout: took longer than 8 s");
        assertThat(status.get("converted").asInt()).isEqualTo(1);
    }

    @Test
    void aJobThatIgnoresItsInterruptIsAbandonedAfterTheGracePeriodAndAFreshWorkerTakesTheNextFile() throws Exception {
        JobConverter pipeline = WatchCommand.pipeline(() -> Conversion.Options.at(LocalDate.of(2026, 1, 1), Optional.empty(), "test"), Optional.empty(), OptionalInt.empty());
        AtomicBoolean release = new AtomicBoolean();
        // Plays a conversion stuck in a loop that checks nothing (as a library's parser might): only `release` ends it.
        JobConverter spinsOnStuck = (input, folder) -> {
            if (input.getFileName().toString().startsWith("stuck")) {
                long spins = 0;
                while (!release.get()) {
                    spins++;
                    Thread.onSpinWait();
                }
                assertThat(spins).isPositive();
            }
            return pipeline.convert(input, folder);
        };
        List<String> log = new CopyOnWriteArrayList<>();
        // Warm the pipeline first, so that a cold JVM's first conversion does not itself run into the timeout.
        pipeline.convert(drop(Files.createDirectories(dir.resolve("warm-up")), "warm.xlsx", validWorkbook("warm")), dir.resolve("warm-up"));
        WatchConfig config = WatchConfig.under(dir, Duration.ofMillis(50), Duration.ofMillis(200), 1, 10,
                Duration.ofSeconds(5), Duration.ofSeconds(1));
        try (HotFolder hotFolder = HotFolder.open(config, spinsOnStuck, log::add)) {
            hotFolder.start();
            drop(dir.resolve("inbox"), "stuck.xlsx", validWorkbook("stuck"));
            await("stuck.xlsx running", WAIT, () -> names(dir.resolve("processing")).contains("stuck.xlsx"));
            drop(dir.resolve("inbox"), "fleet.xlsx", validWorkbook("pod"));
            await(new Object() {
                @Override
                public String toString() {
                    return "fleet.xlsx converted beside the stuck job; log: " + log;
                }
            }, WAIT, () -> names(dir.resolve("done")).contains("fleet.xlsx"));
            JsonNode status = new ObjectMapper().readTree(dir.resolve("status.json").toFile());
            assertThat(status.get("abandonedJobs").asInt()).as("log: %s", log).isEqualTo(1);
            release.set(true);
            await("the abandoned job ended", WAIT, () -> log.stream().anyMatch(l -> l.contains("stuck.xlsx: the conversion abandoned after its timeout has ended")));
        }
        assertThat(log).anyMatch(l -> l.startsWith("stuck.xlsx: failed in") && l.contains("took longer than 5 s"));
        assertThat(log).anyMatch(l -> l.equals("stuck.xlsx: its conversion did not stop within 1 s of its timeout; a fresh worker takes the next file"));
        assertThat(names(dir.resolve("failed"))).containsExactly("stuck.xlsx", "stuck.xlsx.error.json", "stuck.xlsx.error.txt");
        assertThat(names(dir.resolve("done"))).containsExactly("fleet.xlsx");
        assertThat(names(dir.resolve("out"))).containsExactly("fleet");
    }
}
