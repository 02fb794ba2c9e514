package gpuroi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code convert -o PATH/}: a trailing separator means a folder, made when missing, with NAME.roi.xlsx inside. */
class OutputFolderOptionTest {
    @TempDir
    Path dir;

    private Path sample() throws Exception {
        return Files.copy(Path.of("samples/article-h100.xlsx"), dir.resolve("article-h100.xlsx"));
    }

    @Test
    void aMissingFolderNamedWithATrailingSeparatorIsMadeAndTheWorkbookWrittenInside() throws Exception {
        Path input = sample();
        Path folder = dir.resolve("results");

        CliRun run = CliRun.of("convert", "--no-memos", "--runs", "0", input.toString(), "-o", folder + File.separator);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(folder).isDirectory();
        assertThat(folder.resolve("article-h100.roi.xlsx")).isRegularFile();
    }

    @Test
    void aFileInTheWayOfTheFolderIsRefusedClearlyAndLeftAlone() throws Exception {
        Path input = sample();
        Path blocker = Files.writeString(dir.resolve("results"), "not a folder");

        CliRun run = CliRun.of("convert", "--no-memos", "--runs", "0", input.toString(), "-o", blocker + File.separator);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("-o " + blocker + File.separator + ": the folder could not be made")
                .contains("a file of that name is in the way").doesNotContain("Exception");
        assertThat(Files.readString(blocker)).isEqualTo("not a folder");
    }

    @Test
    void withoutTheSeparatorAMissingPathIsStillTheOutputFile() throws Exception {
        Path input = sample();
        Path file = dir.resolve("named.xlsx");

        CliRun run = CliRun.of("convert", "--no-memos", "--runs", "0", input.toString(), "-o", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(file).isRegularFile();
    }
}
