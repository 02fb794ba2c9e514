package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static gpuroi.cli.WatchFixtures.assertComputedWorkbook;
import static gpuroi.cli.WatchFixtures.drop;
import static gpuroi.cli.WatchFixtures.invalidWorkbook;
import static gpuroi.cli.WatchFixtures.names;
import static gpuroi.cli.WatchFixtures.validWorkbook;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code gpuroi watch DIR --once} on real files in real folders: what goes where, and what the analyst is told. */
class WatchOnceTest {
    @TempDir
    Path dir;

    static CliRun once(Path dir, String... extra) {
        List<String> args = new ArrayList<>(List.of("watch", dir.toString(), "--once", "--settle", "50ms", "--rescan", "200ms"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aValidWorkbookEndsInDoneWithItsComputedWorkbookAndMemosInItsOwnOutputFolder() throws Exception {
        Files.createDirectories(dir.resolve("inbox"));
        drop(dir.resolve("inbox"), "fleet.xlsx", validWorkbook("h100-pod"));

        CliRun run = once(dir);

        assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
        assertThat(names(dir.resolve("done"))).containsExactly("fleet.xlsx");
        assertThat(names(dir.resolve("inbox"))).isEmpty();
        assertThat(names(dir.resolve("processing"))).isEmpty();
        assertThat(names(dir.resolve("failed"))).isEmpty();
        assertThat(names(dir.resolve("out"))).containsExactly("fleet");
        assertComputedWorkbook(dir.resolve("out/fleet/fleet.roi.xlsx"));
        assertThat(names(dir.resolve("out/fleet/fleet.roi.memos"))).containsExactly("h100-pod.pdf", "portfolio.pdf");
        assertThat(Files.readAllBytes(dir.resolve("out/fleet/fleet.roi.memos/portfolio.pdf"))).startsWith("%PDF-".getBytes());
        assertThat(run.out()).contains("fleet.xlsx: done in").contains("1 cluster (RENT 1)").contains("→ out/fleet");
        JsonNode status = new ObjectMapper().readTree(dir.resolve("status.json").toFile());
        assertThat(status.get("state").asText()).isEqualTo("stopped");
        assertThat(status.get("converted").asInt()).isEqualTo(1);
        assertThat(status.get("lastRun").get("file").asText()).isEqualTo("fleet.xlsx");
    }

    @Test
    void anInvalidWorkbookEndsInFailedWithErrorFilesNamingEveryCellToFix() throws Exception {
        Files.createDirectories(dir.resolve("inbox"));
        drop(dir.resolve("inbox"), "broken.xlsx", invalidWorkbook());

        CliRun run = once(dir, "--no-memos");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(names(dir.resolve("failed"))).containsExactly("broken.xlsx", "broken.xlsx.error.json", "broken.xlsx.error.txt");
        assertThat(names(dir.resolve("out"))).isEmpty();
        assertThat(names(dir.resolve("done"))).isEmpty();
        String text = Files.readString(dir.resolve("failed/broken.xlsx.error.txt"));
        assertThat(text).contains("broken.xlsx: not converted, 2 problems").contains("Fleet!C4").contains("lots")
                .contains("Fleet!D4").contains("free").contains("drop it into the inbox again");
        JsonNode errors = new ObjectMapper().readTree(dir.resolve("failed/broken.xlsx.error.json").toFile()).get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).get("sheet").asText()).isEqualTo("Fleet");
        assertThat(errors.get(0).get("cell").asText()).isEqualTo("C4");
        assertThat(errors.get(1).get("cell").asText()).isEqualTo("D4");
        assertThat(run.out()).contains("broken.xlsx: failed in").contains("2 problems");
        JsonNode status = new ObjectMapper().readTree(dir.resolve("status.json").toFile());
        assertThat(status.get("failed").asInt()).isEqualTo(1);
        assertThat(status.get("recentFailures").get(0).get("file").asText()).isEqualTo("broken.xlsx");
    }

    @Test
    void lockTemporaryAndHiddenFilesAreLeftAloneAndOtherFilesGoToFailedWithAReason() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        drop(inbox, "~$fleet.xlsx", new byte[] {1, 2, 3});
        drop(inbox, ".~lock.fleet.xlsx#", new byte[] {1});
        drop(inbox, "upload.tmp", new byte[] {1});
        drop(inbox, ".hidden.xlsx", validWorkbook("hidden"));
        drop(inbox, "notes.csv", "cluster,gpus\na,8\n".getBytes());

        CliRun run = once(dir, "--no-memos");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(names(inbox)).containsExactly(".hidden.xlsx", ".~lock.fleet.xlsx#", "upload.tmp", "~$fleet.xlsx");
        assertThat(names(dir.resolve("failed"))).containsExactly("notes.csv", "notes.csv.error.json", "notes.csv.error.txt");
        assertThat(Files.readString(dir.resolve("failed/notes.csv.error.txt"))).contains("only .xlsx workbooks are converted");
        assertThat(names(dir.resolve("done"))).isEmpty();
    }

    @Test
    void theSameNameDroppedAgainIsConvertedAgainAndKeepsTheEarlierResults() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        drop(inbox, "fleet.xlsx", validWorkbook("first"));
        assertThat(once(dir, "--no-memos").exitCode()).isZero();
        byte[] firstOutput = Files.readAllBytes(dir.resolve("out/fleet/fleet.roi.xlsx"));

        drop(inbox, "fleet.xlsx", validWorkbook("second"));
        CliRun again = once(dir, "--no-memos");

        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        List<String> done = names(dir.resolve("done"));
        assertThat(done).hasSize(2).contains("fleet.xlsx");
        String second = done.stream().filter(n -> !n.equals("fleet.xlsx")).findFirst().orElseThrow();
        assertThat(second).matches("fleet-\\d{8}-\\d{6}\\.xlsx");
        String secondStem = second.substring(0, second.length() - ".xlsx".length());
        assertThat(names(dir.resolve("out"))).containsExactlyInAnyOrder("fleet", secondStem);
        assertThat(Files.readAllBytes(dir.resolve("out/fleet/fleet.roi.xlsx"))).isEqualTo(firstOutput);
        assertComputedWorkbook(dir.resolve("out/" + secondStem + "/" + secondStem + ".roi.xlsx"));
    }

    @Test
    void fiftyFilesDroppedAtOnceAreEachConvertedExactlyOnceOnABoundedPool() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        byte[] valid = validWorkbook("pod");
        byte[] invalid = invalidWorkbook();
        List<String> expectedDone = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String name = String.format("fleet-%02d.xlsx", i);
            drop(inbox, name, i % 10 == 7 ? invalid : valid);
            if (i % 10 != 7) {
                expectedDone.add(name);
            }
        }

        long start = System.nanoTime();
        CliRun run = once(dir, "--no-memos", "--workers", "2", "--queue", "4");
        System.out.printf("50 files on 2 workers: %.1f s%n", (System.nanoTime() - start) / 1e9);

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(names(dir.resolve("done"))).containsExactlyElementsOf(expectedDone);
        assertThat(names(dir.resolve("failed")).stream().filter(n -> n.endsWith(".xlsx")))
                .containsExactly("fleet-07.xlsx", "fleet-17.xlsx", "fleet-27.xlsx", "fleet-37.xlsx", "fleet-47.xlsx");
        assertThat(names(dir.resolve("out"))).hasSize(45);
        assertThat(names(inbox)).isEmpty();
        assertThat(names(dir.resolve("processing"))).isEmpty();
        for (String name : expectedDone) {
            String stem = name.substring(0, name.length() - 5);
            assertThat(dir.resolve("out/" + stem + "/" + stem + ".roi.xlsx")).isNotEmptyFile();
        }
        assertComputedWorkbook(dir.resolve("out/fleet-49/fleet-49.roi.xlsx"));
        assertThat(run.out().lines().filter(l -> l.contains(": done in"))).hasSize(45);
        assertThat(run.out().lines().filter(l -> l.contains(": failed in"))).hasSize(5);
    }

    @Test
    void foldersCanBeRenamed() throws Exception {
        Path drops = Files.createDirectories(dir.resolve("drop-here"));
        drop(drops, "fleet.xlsx", validWorkbook("pod"));

        CliRun run = once(dir, "--no-memos", "--inbox", "drop-here", "--done", "archive", "--out", "results");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(names(dir.resolve("archive"))).containsExactly("fleet.xlsx");
        assertComputedWorkbook(dir.resolve("results/fleet/fleet.roi.xlsx"));
    }

    @Test
    void impossibleOptionsAreNamedWithExitCodeTwoBeforeAnyFileIsTouched() throws Exception {
        drop(Files.createDirectories(dir.resolve("inbox")), "fleet.xlsx", validWorkbook("pod"));

        CliRun noWorkers = once(dir, "--workers", "0");
        CliRun badDuration = once(dir, "--timeout", "soon");

        assertThat(noWorkers.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(noWorkers.err()).contains("workers: expected at least 1, found 0");
        assertThat(badDuration.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(badDuration.err()).contains("--timeout").contains("expected a duration such as 500ms, 2s, 10m or 1h");
        assertThat(names(dir.resolve("inbox"))).containsExactly("fleet.xlsx");
    }
}
