package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;

import static gpuroi.cli.WatchFixtures.drop;
import static gpuroi.cli.WatchFixtures.names;
import static gpuroi.cli.WatchFixtures.validWorkbook;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inputs whose names differ only in case or Unicode normalization each get their own output folder,
 * and after a restart an input is passed to done only if an output folder's completion marker names
 * it and its content: never on the strength of another input's results.
 */
class WatchCaseVariantNamesTest {
    @TempDir
    Path dir;

    /** The Cluster ID in the data row (row 4, below the title and the header) of an output workbook's Fleet sheet: whose results these are. */
    static String clusterIn(Path computedWorkbook) throws IOException {
        try (InputStream in = Files.newInputStream(computedWorkbook); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            return wb.getSheet("Fleet").getRow(3).getCell(0).getStringCellValue();
        }
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** The one output folder whose workbook holds {@code cluster}. */
    Path outputsOf(String cluster) throws IOException {
        Path found = null;
        for (String folder : names(dir.resolve("out"))) {
            for (String file : names(dir.resolve("out").resolve(folder))) {
                if (file.endsWith(".roi.xlsx") && clusterIn(dir.resolve("out").resolve(folder).resolve(file)).equals(cluster)) {
                    assertThat(found).as("two output folders for %s", cluster).isNull();
                    found = dir.resolve("out").resolve(folder);
                }
            }
        }
        assertThat(found).as("an output folder for %s in %s", cluster, names(dir.resolve("out"))).isNotNull();
        return found;
    }

    @Test
    void namesDifferingOnlyInCaseGetSeparateOutputFoldersThatNoCaseInsensitiveFileSystemWouldMerge() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        drop(inbox, "Q1.XLSX", validWorkbook("upper-pod"));
        drop(inbox, "Q1.xlsx", validWorkbook("lower-pod"));
        drop(inbox, "q1.xlsx", validWorkbook("small-pod"));

        CliRun run = WatchOnceTest.once(dir, "--no-memos");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        List<String> out = names(dir.resolve("out"));
        assertThat(out).hasSize(3);
        assertThat(out.stream().map(n -> n.toLowerCase(java.util.Locale.ROOT)).distinct()).as("distinct ignoring case: %s", out).hasSize(3);
        // The first taken (names are taken in sorted order) keeps out/Q1; the others carry the time they were taken.
        assertThat(out).contains("Q1");
        assertThat(names(dir.resolve("done"))).hasSize(3);
        // Each input's folder holds its own results, and the name in done/ is the name of its out/ folder plus the extension.
        for (String cluster : List.of("upper-pod", "lower-pod", "small-pod")) {
            Path folder = outputsOf(cluster);
            JsonNode marker = new ObjectMapper().readTree(folder.resolve(".gpuroi-complete.json").toFile());
            String input = marker.get("input").asText();
            assertThat(input).startsWith(folder.getFileName().toString() + ".");
            assertThat(marker.get("sha256").asText()).isEqualTo(sha256(dir.resolve("done").resolve(input)));
        }
        assertThat(run.out()).contains("taken as").contains("differing only in case");
    }

    @Test
    void composedAndDecomposedSpellingsOfOneNameGetSeparateOutputFolders() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        String composed = Normalizer.normalize("Zürich.xlsx", Normalizer.Form.NFC);
        String decomposed = Normalizer.normalize("Zürich.xlsx", Normalizer.Form.NFD);
        assertThat(composed).isNotEqualTo(decomposed);
        drop(inbox, composed, validWorkbook("composed-pod"));
        drop(inbox, decomposed, validWorkbook("decomposed-pod"));

        CliRun run = WatchOnceTest.once(dir, "--no-memos");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        List<String> out = names(dir.resolve("out"));
        assertThat(out).hasSize(2);
        assertThat(out.stream().map(n -> Normalizer.normalize(n, Normalizer.Form.NFC)).distinct()).as("distinct once normalized: %s", out)
                .hasSize(2);
        assertThat(outputsOf("composed-pod")).isNotEqualTo(outputsOf("decomposed-pod"));
    }

    @Test
    void afterAKillAnInputWhoseNameOnlyCaseSeparatesFromAnotherInputsOutputsIsConvertedAgainNotPassedOffAsDone() throws Exception {
        // A first run converts Q1.XLSX into out/Q1, with its completion marker.
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        drop(inbox, "Q1.XLSX", validWorkbook("upper-pod"));
        CliRun first = WatchOnceTest.once(dir, "--no-memos");
        assertThat(first.exitCode()).as(first.out()).isZero();
        assertThat(names(dir.resolve("out"))).containsExactly("Q1");
        // The state a kill leaves when Q1.xlsx was taken under the old naming, which gave both inputs out/Q1:
        // Q1.xlsx in processing, and out/Q1 holding the other file's results.
        Files.createDirectories(dir.resolve("processing"));
        drop(dir.resolve("processing"), "Q1.xlsx", validWorkbook("lower-pod"));

        CliRun restart = WatchOnceTest.once(dir, "--no-memos");

        assertThat(restart.exitCode()).as(restart.out() + restart.err()).isZero();
        assertThat(restart.out()).contains("Q1.xlsx: found in processing (interrupted run); converting again")
                .doesNotContain("outputs were complete before a restart");
        assertThat(names(dir.resolve("done"))).containsExactly("Q1.XLSX", "Q1.xlsx");
        assertThat(names(dir.resolve("processing"))).isEmpty();
        assertThat(clusterIn(dir.resolve("out/Q1/Q1.roi.xlsx"))).as("the other input's results, untouched").isEqualTo("upper-pod");
        Path lower = outputsOf("lower-pod");
        assertThat(lower).isNotEqualTo(dir.resolve("out/Q1"));
        JsonNode marker = new ObjectMapper().readTree(lower.resolve(".gpuroi-complete.json").toFile());
        assertThat(marker.get("input").asText()).isEqualTo("Q1.xlsx");
        assertThat(marker.get("sha256").asText()).isEqualTo(sha256(dir.resolve("done/Q1.xlsx")));
    }

    @Test
    void afterAKillAnInputWhoseOwnCompletionMarkerIsInPlaceIsMovedToDoneWithoutConvertingAgain() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        drop(inbox, "fleet.xlsx", validWorkbook("pod"));
        CliRun first = WatchOnceTest.once(dir, "--no-memos");
        assertThat(first.exitCode()).as(first.out()).isZero();
        // Killed between committing out/fleet and moving the input on: put it back where the kill left it.
        Files.move(dir.resolve("done/fleet.xlsx"), dir.resolve("processing/fleet.xlsx"));
        long written = Files.getLastModifiedTime(dir.resolve("out/fleet/fleet.roi.xlsx")).toMillis();

        CliRun restart = WatchOnceTest.once(dir, "--no-memos");

        assertThat(restart.exitCode()).as(restart.out() + restart.err()).isZero();
        assertThat(restart.out()).contains("fleet.xlsx: outputs were complete before a restart (out/fleet holds its completion marker)");
        assertThat(names(dir.resolve("done"))).containsExactly("fleet.xlsx");
        assertThat(names(dir.resolve("out"))).containsExactly("fleet");
        assertThat(Files.getLastModifiedTime(dir.resolve("out/fleet/fleet.roi.xlsx")).toMillis()).isEqualTo(written);
    }

    @Test
    void anInputChangedSinceItsOutputsWereWrittenIsConvertedAgain() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        drop(inbox, "fleet.xlsx", validWorkbook("old-pod"));
        CliRun first = WatchOnceTest.once(dir, "--no-memos");
        assertThat(first.exitCode()).as(first.out()).isZero();
        // Same name, other content: the marker's SHA-256 no longer matches.
        Files.delete(dir.resolve("done/fleet.xlsx"));
        drop(dir.resolve("processing"), "fleet.xlsx", validWorkbook("new-pod"));

        CliRun restart = WatchOnceTest.once(dir, "--no-memos");

        assertThat(restart.exitCode()).as(restart.out() + restart.err()).isZero();
        assertThat(restart.out()).contains("converting again").doesNotContain("outputs were complete");
        assertThat(clusterIn(dir.resolve("out/fleet/fleet.roi.xlsx"))).isEqualTo("old-pod");
        assertThat(outputsOf("new-pod")).isEqualTo(dir.resolve("out/fleet-2"));
        assertThat(names(dir.resolve("done"))).containsExactly("fleet.xlsx");
    }
}
