package gpuroi.workbook;

import gpuroi.engine.FleetResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The input is only ever read; the output appears whole or not at all. */
class AtomicOutputTest {
    @TempDir
    Path dir;

    @Test
    void theInputFilesBytesAndModificationTimeAreUnchangedAfterWriting() throws Exception {
        Path input = InputSheetsPreservedTest.richInput(dir.resolve("fleet.xlsx"));
        FileTime past = FileTime.fromMillis(1_700_000_000_000L);
        Files.setLastModifiedTime(input, past);
        String digest = sha256(input);

        WriterFixtures.write(input, dir.resolve("fleet-roi.xlsx"), WriterFixtures.analyze(WriterFixtures.workedExample("gpu-a").build()));

        assertThat(sha256(input)).isEqualTo(digest);
        assertThat(Files.getLastModifiedTime(input)).isEqualTo(past);
        assertThat(Files.exists(dir.resolve("fleet-roi.xlsx"))).isTrue();
    }

    @Test
    void anExistingOutputIsReplacedAndNoTemporaryFileIsLeft() throws Exception {
        Path input = WriterFixtures.fleetWorkbook(dir, "fleet.xlsx", "gpu-a");
        Path output = dir.resolve("fleet-roi.xlsx");
        Files.writeString(output, "an old report");

        WriterFixtures.write(input, output, WriterFixtures.analyze(WriterFixtures.workedExample("gpu-a").build()));

        try (var workbook = WriterFixtures.open(output)) {
            assertThat(workbook.getSheet(WorkbookWriter.SUMMARY_SHEET)).isNotNull();
        }
        assertThat(filesIn(dir)).containsExactlyInAnyOrder("fleet.xlsx", "fleet-roi.xlsx");
    }

    @Test
    void anInputThatIsNotAWorkbookLeavesNeitherAnOutputNorATemporaryFile() throws Exception {
        Path input = dir.resolve("fleet.xlsx");
        Files.writeString(input, "cluster,gpus\ngpu-a,8\n");

        assertThatThrownBy(() -> WriterFixtures.write(input, dir.resolve("fleet-roi.xlsx"),
                WriterFixtures.analyze(WriterFixtures.workedExample("gpu-a").build())))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("fleet.xlsx cannot be read as an Excel .xlsx workbook");

        assertThat(filesIn(dir)).containsExactly("fleet.xlsx");
    }

    @Test
    void aFailedMoveLeavesNoTemporaryFileAndKeepsWhatWasThere() throws Exception {
        Path input = WriterFixtures.fleetWorkbook(dir, "fleet.xlsx", "gpu-a");
        Path occupied = Files.createDirectory(dir.resolve("fleet-roi.xlsx"));
        Files.writeString(occupied.resolve("keep.txt"), "not ours");

        assertThatThrownBy(() -> WriterFixtures.write(input, occupied, WriterFixtures.analyze(WriterFixtures.workedExample("gpu-a").build())))
                .isInstanceOf(IOException.class);

        assertThat(filesIn(dir)).containsExactlyInAnyOrder("fleet.xlsx", "fleet-roi.xlsx");
        assertThat(Files.readString(occupied.resolve("keep.txt"))).isEqualTo("not ours");
    }

    @Test
    void writingOverTheInputItselfIsRefused() throws Exception {
        Path input = WriterFixtures.fleetWorkbook(dir, "fleet.xlsx", "gpu-a");
        String digest = sha256(input);

        assertThatThrownBy(() -> WriterFixtures.write(input, dir.resolve("./fleet.xlsx"),
                WriterFixtures.analyze(WriterFixtures.workedExample("gpu-a").build())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is the input workbook itself");

        assertThat(sha256(input)).isEqualTo(digest);
        assertThat(filesIn(dir)).containsExactly("fleet.xlsx");
    }

    @Test
    void aMissingOutputDirectoryFailsWithoutCreatingAnything() throws Exception {
        Path input = WriterFixtures.fleetWorkbook(dir, "fleet.xlsx", "gpu-a");
        assertThatThrownBy(() -> WorkbookWriter.write(input, dir.resolve("missing/out.xlsx"),
                FleetResult.of(WriterFixtures.analyze(WriterFixtures.workedExample("gpu-a").build())), List.of(), InputCells.NONE,
                WriterFixtures.runInfo(input)))
                .isInstanceOf(IOException.class);
        assertThat(filesIn(dir)).containsExactly("fleet.xlsx");
    }

    private static List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
