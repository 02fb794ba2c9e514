package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import static gpuroi.cli.WatchFixtures.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An output the operating system refuses, with failures root gets too (the tests run as root, for whom
 * permissions mean little): exit code 4, one line with the path and the system's reason, nothing left
 * in the output folder, the input untouched.
 */
class OutputFailureTest {
    @TempDir
    Path dir;

    private Path input;
    private String inputSha256;

    private void givenAValidWorkbook() throws Exception {
        input = Files.write(dir.resolve("q1.xlsx"), FleetWorkbooks.workedExample("h100-pod", 8, "$20,000", "80%"));
        inputSha256 = sha256(input);
    }

    /** Checks the refusal and returns its one line. */
    private String refused(CliRun run) throws Exception {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OUTPUT_FAILED);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).as(run.err()).hasSize(1);
        assertThat(run.err()).startsWith("q1.xlsx: not converted: cannot write ").doesNotContain("Exception");
        assertThat(sha256(input)).isEqualTo(inputSha256);
        return run.err().strip();
    }

    @Test
    void anOutputFolderThatIsAFileIsNamedWithNotADirectory() throws Exception {
        givenAValidWorkbook();
        Path blocker = Files.writeString(dir.resolve("results"), "a file where a folder was meant");
        Path output = blocker.resolve("q1.roi.xlsx");

        String message = refused(CliRun.of("convert", "--no-memos", "-o", output.toString(), input.toString()));

        assertThat(message).endsWith("cannot write " + output + ": Not a directory");
        assertThat(Files.readString(blocker)).isEqualTo("a file where a folder was meant");
        assertThat(names(dir)).containsExactly("q1.xlsx", "results");
    }

    @Test
    void aMemoFolderWhoseParentIsAFileIsNamedWithNotADirectory() throws Exception {
        givenAValidWorkbook();
        Path blocker = Files.writeString(dir.resolve("results"), "a file");

        String message = refused(CliRun.of("convert", "-o", blocker.resolve("q1.roi.xlsx").toString(), input.toString()));

        assertThat(message).endsWith("cannot write " + blocker.resolve("q1.roi.memos") + ": Not a directory");
        assertThat(names(dir)).containsExactly("q1.xlsx", "results");
    }

    @Test
    void aFileNameLongerThanTheFileSystemTakesIsNamedWithFileNameTooLong() throws Exception {
        givenAValidWorkbook();
        Path folder = Files.createDirectory(dir.resolve("results"));
        Path output = folder.resolve("q".repeat(260) + ".roi.xlsx");

        String message = refused(CliRun.of("convert", "--no-memos", "-o", output.toString(), input.toString()));

        assertThat(message).endsWith("cannot write " + output + ": File name too long");
        assertThat(names(folder)).isEmpty();
    }

    @Test
    void aFolderEvenRootMayNotWriteIsNamedWithPermissionDenied() throws Exception {
        givenAValidWorkbook();
        // sysfs refuses new files to everyone, root included; skipped where /sys is missing or takes them.
        Path sys = Path.of("/sys");
        assumeTrue(Files.isDirectory(sys) && !canCreateFileIn(sys), "/sys refuses new files here");
        Path output = sys.resolve("q1.roi.xlsx");

        String message = refused(CliRun.of("convert", "--no-memos", "-o", output.toString(), input.toString()));

        assertThat(message).endsWith("cannot write " + output + ": Permission denied");
        assertThat(output).doesNotExist();
    }

    @Test
    void memosAlreadyWrittenAreRemovedWhenTheWorkbookCannotBeWritten() throws Exception {
        givenAValidWorkbook();
        Path blocker = Files.writeString(dir.resolve("results"), "a file");
        Path memos = dir.resolve("memos");

        String message = refused(CliRun.of("convert", "--pdf-dir", memos.toString(), "-o", blocker.resolve("q1.roi.xlsx").toString(),
                input.toString()));

        assertThat(message).endsWith(": Not a directory");
        assertThat(memos).doesNotExist();
        assertThat(names(dir)).containsExactly("q1.xlsx", "results");
    }

    @Test
    void jsonGivesTheOutputErrorApartFromTheErrorsInTheInput() throws Exception {
        givenAValidWorkbook();
        Path blocker = Files.writeString(dir.resolve("results"), "a file");
        Path output = blocker.resolve("q1.roi.xlsx");

        CliRun run = CliRun.of("convert", "--json", "--no-memos", "-o", output.toString(), input.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OUTPUT_FAILED);
        JsonNode workbook = run.json().get("workbooks").get(0);
        assertThat(workbook.get("output").isNull()).isTrue();
        assertThat(workbook.get("errors")).isEmpty();
        assertThat(workbook.get("outputError").asText()).isEqualTo("cannot write " + output + ": Not a directory");
    }

    @Test
    void anOutputFailureOutranksABadWorkbookInTheExitCode() throws Exception {
        givenAValidWorkbook();
        Path bad = Files.write(dir.resolve("bad.xlsx"), WatchFixtures.invalidWorkbook());
        Path folder = Files.createDirectory(dir.resolve("results"));
        // A folder where q1.roi.xlsx's temporary file would go: bad.xlsx is refused for its cells, q1.xlsx for its output.
        Files.createDirectory(folder.resolve("q1.roi.xlsx"));

        CliRun run = CliRun.of("convert", "--no-memos", "-o", folder.toString(), input.toString(), bad.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OUTPUT_FAILED);
        assertThat(run.err()).contains("q1.xlsx: not converted: cannot write " + folder.resolve("q1.roi.xlsx"))
                .contains("bad.xlsx: not converted, 2 problems");
        assertThat(names(folder)).containsExactly("q1.roi.xlsx");
    }

    private static boolean canCreateFileIn(Path folder) {
        Path probe = folder.resolve(".gpuroi-probe");
        try {
            Files.createFile(probe);
            Files.delete(probe);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
