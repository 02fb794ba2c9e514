package gpuroi.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static gpuroi.cli.WatchFixtures.assertComputedWorkbook;
import static gpuroi.cli.WatchFixtures.drop;
import static gpuroi.cli.WatchFixtures.invalidWorkbook;
import static gpuroi.cli.WatchFixtures.names;
import static gpuroi.cli.WatchFixtures.validWorkbook;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names up to the file system's 255 bytes: the hot folder's own names derived from them (staging
 * folders, temporary files, error files, output folders) would pass 255 bytes, so the input is taken
 * under a name of at most 160 bytes, cut and marked with ~ and 8 hex digits of the SHA-256 of its
 * whole stem; everything ends in done or failed with its outputs or error files.
 */
class WatchLongNamesTest {
    @TempDir
    Path dir;

    static String hash8(String stem) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stem.getBytes(StandardCharsets.UTF_8))).substring(0, 8);
    }

    @Test
    void aValidWorkbookWithA250ByteNameIsConvertedUnderAShortenedNameThatSaysWhereItWasCut() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        String stem = "a".repeat(245);
        drop(inbox, stem + ".xlsx", validWorkbook("pod"));

        CliRun run = WatchOnceTest.once(dir, "--no-memos");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        // 160 bytes: 146 of the stem, "~" and 8 hex digits, ".xlsx".
        String taken = "a".repeat(146) + "~" + hash8(stem);
        assertThat(names(dir.resolve("done"))).containsExactly(taken + ".xlsx");
        assertThat(names(dir.resolve("out"))).containsExactly(taken);
        assertComputedWorkbook(dir.resolve("out").resolve(taken).resolve(taken + ".roi.xlsx"));
        assertThat(names(dir.resolve("processing"))).isEmpty();
        assertThat(run.out()).contains(": taken as " + taken + ".xlsx: its name is longer than 160 bytes");
    }

    @Test
    void twoLongMultiByteNamesThatDifferOnlyAtTheEndGetDifferentShortNames() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        // 123 × ü is 246 bytes; with "-1.xlsx" the names are 253 bytes.
        String first = "ü".repeat(123) + "-1";
        String second = "ü".repeat(123) + "-2";
        drop(inbox, first + ".xlsx", validWorkbook("pod-1"));
        drop(inbox, second + ".xlsx", validWorkbook("pod-2"));

        CliRun run = WatchOnceTest.once(dir, "--no-memos");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        // 160 − 14 = 146 bytes of stem: 73 × ü, never half a character.
        assertThat(names(dir.resolve("done"))).containsExactlyInAnyOrder(
                "ü".repeat(73) + "~" + hash8(first) + ".xlsx", "ü".repeat(73) + "~" + hash8(second) + ".xlsx");
        assertThat(names(dir.resolve("out"))).hasSize(2);
        for (String name : names(dir.resolve("done"))) {
            assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(160);
        }
    }

    @Test
    void anInvalidWorkbookWithA250ByteNameEndsInFailedWithItsErrorFilesAndTheLogStaysShort() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        String stem = "broken-" + "b".repeat(238);
        drop(inbox, stem + ".xlsx", invalidWorkbook());
        drop(inbox, "c".repeat(246) + ".csv", "not a workbook".getBytes(StandardCharsets.UTF_8));

        CliRun run = WatchOnceTest.once(dir, "--no-memos");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.INVALID_INPUT);
        String taken = ("broken-" + "b".repeat(238)).substring(0, 146) + "~" + hash8(stem) + ".xlsx";
        String csv = "c".repeat(147) + "~" + hash8("c".repeat(246)) + ".csv";
        assertThat(names(dir.resolve("failed"))).containsExactlyInAnyOrder(
                taken, taken + ".error.json", taken + ".error.txt", csv, csv + ".error.json", csv + ".error.txt");
        assertThat(Files.readString(dir.resolve("failed").resolve(taken + ".error.txt"))).contains("Fleet!C4").contains("Fleet!D4");
        assertThat(names(dir.resolve("processing"))).isEmpty();
        assertThat(names(dir.resolve("out"))).isEmpty();
        assertThat(run.out().lines().count()).as(run.out()).isLessThan(10);
    }

    @Test
    void aNameUsedBeforeGetsItsTimeStampWithinTheLimitToo() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        String stem = "d".repeat(245);
        drop(inbox, stem + ".xlsx", validWorkbook("pod-1"));
        assertThat(WatchOnceTest.once(dir, "--no-memos").exitCode()).isZero();
        drop(inbox, stem + ".xlsx", validWorkbook("pod-2"));

        CliRun run = WatchOnceTest.once(dir, "--no-memos");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        List<String> done = names(dir.resolve("done"));
        assertThat(done).hasSize(2);
        // The second: the cut stem, the mark, -yyyyMMdd-HHmmss, .xlsx: 160 bytes at most.
        String pattern = "d+~" + hash8(stem) + "-\\d{8}-\\d{6}\\.xlsx";
        String second = done.stream().filter(n -> n.matches(pattern)).findFirst().orElseThrow();
        assertThat(second.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(160);
        assertThat(names(dir.resolve("out"))).hasSize(2);
    }

    @Test
    void aLongNameLeftInProcessingByAnEarlierRunIsTakenUnderItsShortNameAndConverted() throws Exception {
        Path processing = Files.createDirectories(dir.resolve("processing"));
        String stem = "e".repeat(245);
        drop(processing, stem + ".xlsx", validWorkbook("pod"));

        CliRun run = WatchOnceTest.once(dir, "--no-memos");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        String taken = "e".repeat(146) + "~" + hash8(stem);
        assertThat(names(dir.resolve("done"))).containsExactly(taken + ".xlsx");
        assertComputedWorkbook(dir.resolve("out").resolve(taken).resolve(taken + ".roi.xlsx"));
        assertThat(names(processing)).isEmpty();
    }
}
