package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gpuroi.pipeline.Conversion;
import gpuroi.watch.HotFolder;
import gpuroi.watch.JobConverter;
import gpuroi.watch.WatchConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

import static gpuroi.cli.WatchFixtures.MID_JOB_RUNS;
import static gpuroi.cli.WatchFixtures.assertComputedWorkbook;
import static gpuroi.cli.WatchFixtures.await;
import static gpuroi.cli.WatchFixtures.converting;
import static gpuroi.cli.WatchFixtures.drop;
import static gpuroi.cli.WatchFixtures.names;
import static gpuroi.cli.WatchFixtures.slowWorkbook;
import static gpuroi.cli.WatchFixtures.validWorkbook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hot folder running as a service in this JVM, on real folders, with the real pipeline (memos off to stay fast). */
class HotFolderServiceTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    final List<String> log = new CopyOnWriteArrayList<>();

    static final JobConverter PIPELINE = WatchCommand.pipeline(
            () -> Conversion.Options.at(LocalDate.of(2026, 1, 1), Optional.empty(), "test"), Optional.empty(), OptionalInt.empty());

    WatchConfig config(Duration settle, Duration timeout, Duration grace) {
        return WatchConfig.under(dir, settle, Duration.ofMillis(200), 2, 10, timeout, grace);
    }

    @Test
    void aFileWrittenSlowlyInChunksIsTakenOnlyOnceItIsComplete() throws Exception {
        byte[] bytes = validWorkbook("slow");
        try (HotFolder hotFolder = HotFolder.open(config(Duration.ofMillis(300), Duration.ofMinutes(1), Duration.ofSeconds(5)), PIPELINE, log::add)) {
            hotFolder.start();
            Path file = dir.resolve("inbox/slow.xlsx");
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                int chunk = bytes.length / 6 + 1;
                for (int offset = 0, i = 0; offset + chunk < bytes.length; offset += chunk, i++) {
                    out.write(bytes, offset, chunk);
                    out.flush();
                    // Once a pause longer than the settle interval: only the zip check holds the file back then.
                    Thread.sleep(i == 2 ? 900 : 120);
                    assertThat(file).as("still being written, so still in the inbox").exists();
                    assertThat(names(dir.resolve("processing"))).isEmpty();
                    assertThat(names(dir.resolve("failed"))).isEmpty();
                }
                int written = (bytes.length - 1) / chunk * chunk;
                out.write(bytes, written, bytes.length - written);
            }
            await("slow.xlsx converted", WAIT, () -> Files.exists(dir.resolve("done/slow.xlsx")));
            assertComputedWorkbook(dir.resolve("out/slow/slow.roi.xlsx"));
            assertThat(names(dir.resolve("failed"))).isEmpty();
        }
    }

    @Test
    void aJobPastItsTimeoutGoesToFailedWithTheReasonWhileTheOtherFilesAreConverted() throws Exception {
        // A workbook too large to convert in time, played by a converter that stalls on one file name.
        JobConverter stallsOnHuge = (input, folder) -> {
            if (input.getFileName().toString().startsWith("huge")) {
                Thread.sleep(60_000);
            }
            return PIPELINE.convert(input, folder);
        };
        // Warm the pipeline first, so that a cold JVM's first conversion does not itself run into the short timeout.
        PIPELINE.convert(drop(Files.createDirectories(dir.resolve("warm-up")), "warm.xlsx", validWorkbook("warm")), dir.resolve("warm-up"));
        try (HotFolder hotFolder = HotFolder.open(config(Duration.ofMillis(50), Duration.ofMillis(3000), Duration.ofSeconds(1)), stallsOnHuge, log::add)) {
            hotFolder.start();
            drop(dir.resolve("inbox"), "huge.xlsx", validWorkbook("huge"));
            for (int i = 0; i < 4; i++) {
                drop(dir.resolve("inbox"), "fleet-" + i + ".xlsx", validWorkbook("pod-" + i));
            }
            await("every file settled", WAIT, () -> names(dir.resolve("done")).size()
                    + names(dir.resolve("failed")).stream().filter(n -> n.endsWith(".xlsx")).count() == 5);
        }
        assertThat(names(dir.resolve("failed"))).as("log: %s", log).containsExactly("huge.xlsx", "huge.xlsx.error.json", "huge.xlsx.error.txt");
        assertThat(Files.readString(dir.resolve("failed/huge.xlsx.error.txt"))).contains("timeout").contains("took longer than 3 s");
        assertThat(names(dir.resolve("out"))).containsExactly("fleet-0", "fleet-1", "fleet-2", "fleet-3");
        assertThat(names(dir.resolve("processing"))).isEmpty();
        assertThat(log).anyMatch(line -> line.startsWith("huge.xlsx: failed in") && line.contains("timeout"));
        JsonNode status = new ObjectMapper().readTree(dir.resolve("status.json").toFile());
        assertThat(status.get("converted").asInt()).isEqualTo(4);
        assertThat(status.get("recentFailures").get(0).get("reason").asText()).contains("timeout");
    }

    @Test
    void stoppingLeavesARunningJobInProcessingAndTheNextStartConvertsIt() throws Exception {
        // A short grace, so that the stop cannot wait out even a fast machine's Monte Carlo.
        HotFolder first = HotFolder.open(config(Duration.ofMillis(50), Duration.ofMinutes(1), Duration.ofMillis(50)), PIPELINE, log::add);
        first.start();
        // Slow enough to be still running when the stop comes.
        drop(dir.resolve("inbox"), "fleet.xlsx", slowWorkbook("pod", MID_JOB_RUNS));
        await("fleet.xlsx being converted", WAIT, () -> converting(dir, "fleet.xlsx"));
        first.close();

        assertThat(names(dir.resolve("processing"))).containsExactly("fleet.xlsx");
        assertThat(names(dir.resolve("done"))).isEmpty();
        assertThat(names(dir.resolve("failed"))).isEmpty();
        assertThat(names(dir.resolve("out"))).as("the interrupted job's staging folder is removed").isEmpty();
        assertThat(log).anyMatch(line -> line.contains("fleet.xlsx: stopped mid-job; left in processing"));
        assertThat(new ObjectMapper().readTree(dir.resolve("status.json").toFile()).get("state").asText()).isEqualTo("stopped");

        long failures = HotFolder.open(config(Duration.ofMillis(50), Duration.ofMinutes(1), Duration.ofSeconds(5)), PIPELINE, log::add).runOnce();

        assertThat(failures).isZero();
        assertThat(names(dir.resolve("done"))).containsExactly("fleet.xlsx");
        assertThat(names(dir.resolve("processing"))).isEmpty();
        assertComputedWorkbook(dir.resolve("out/fleet/fleet.roi.xlsx"));
    }

    @Test
    void aJobWhoseOutputsWereCommittedBeforeACrashIsMovedToDoneNotConvertedTwice() throws Exception {
        WatchConfig config = config(Duration.ofMillis(50), Duration.ofMinutes(1), Duration.ofSeconds(5));
        // The state a kill between the two last renames leaves: outputs in place, input still in processing.
        Files.createDirectories(dir.resolve("processing"));
        Files.createDirectories(dir.resolve("out/fleet"));
        drop(dir.resolve("processing"), "fleet.xlsx", validWorkbook("pod"));
        assertThat(PIPELINE.convert(dir.resolve("processing/fleet.xlsx"), dir.resolve("out/fleet")).converted()).isTrue();
        // The completion marker a job writes last: this input's name and the SHA-256 of its content.
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(dir.resolve("processing/fleet.xlsx"))));
        Files.writeString(dir.resolve("out/fleet/.gpuroi-complete.json"), "{\"input\": \"fleet.xlsx\", \"sha256\": \"" + sha256 + "\"}\n");
        // And a staging folder and a temporary error file of jobs killed mid-write.
        Files.createDirectories(dir.resolve("out/.staging-other.xlsx-1234"));
        Files.write(dir.resolve("out/.staging-other.xlsx-1234/other.roi.xlsx"), new byte[] {'P', 'K'});
        Files.createDirectories(dir.resolve("failed"));
        Files.write(dir.resolve("failed/.other.xlsx.error.txt.0f8fad5b-d9cb-469f-a165-70867728950e.tmp"), new byte[] {'x'});

        assertThat(HotFolder.open(config, PIPELINE, log::add).runOnce()).isZero();

        assertThat(names(dir.resolve("done"))).containsExactly("fleet.xlsx");
        assertThat(names(dir.resolve("out"))).containsExactly("fleet");
        assertThat(names(dir.resolve("failed"))).as("half-written error file removed").isEmpty();
        assertThat(log).anyMatch(line -> line.startsWith("fleet.xlsx: outputs were complete before a restart"));
        assertComputedWorkbook(dir.resolve("out/fleet/fleet.roi.xlsx"));
    }

    @Test
    @SuppressWarnings("try") // the first watcher is held open only to hold the lock
    void aSecondWatcherOnTheSameFolderIsRefused() throws Exception {
        WatchConfig config = config(Duration.ofMillis(50), Duration.ofMinutes(1), Duration.ofSeconds(1));
        try (HotFolder first = HotFolder.open(config, PIPELINE, log::add)) {
            assertThatThrownBy(() -> HotFolder.open(config, PIPELINE, log::add))
                    .isInstanceOf(IOException.class).hasMessageContaining("another gpuroi watch is already running");
            CliRun second = CliRun.of("watch", dir.toString(), "--once");
            assertThat(second.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(second.err()).contains("another gpuroi watch is already running on " + dir);
        }
        assertThat(HotFolder.open(config, PIPELINE, log::add).runOnce()).as("free again once the first one stopped").isZero();
    }
}
