package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A full and a read-only disk, for real: a small tmpfs mounted in a mount namespace of its own
 * ({@code unshare --mount --map-root-user}, so nothing outside the test sees it), and gpuroi run in it
 * as a separate process. Skipped where such namespaces are not allowed.
 */
class FullOrReadOnlyDiskTest {
    /** Mounts a tmpfs with the options $1 on $2, runs the rest, then lists what is left on it into $3. */
    private static final String SCRIPT = """
            options=$1; mnt=$2; listing=$3; setup=$4; shift 4
            mount -t tmpfs -o "$options" tmpfs "$mnt" || exit 97
            sh -c "$setup" || exit 98
            "$@"
            code=$?
            (cd "$mnt" && find . -mindepth 1 | sort > "$listing"; cat status.json >> "$listing.status" 2>/dev/null)
            exit $code
            """;

    @TempDir
    Path dir;

    private Path input;
    private Path mount;

    record Run(int exitCode, String out, String err, List<String> left, String status) {
    }

    @BeforeEach
    void aValidWorkbookAndAMountPoint() throws Exception {
        assumeTrue(namespacesWork(), "unshare --mount --map-root-user with a tmpfs is not allowed here");
        input = Files.write(dir.resolve("q1.xlsx"), FleetWorkbooks.workedExample("h100-pod", 8, "$20,000", "80%"));
        mount = Files.createDirectory(dir.resolve("disk"));
    }

    private Run onTmpfs(String options, String setup, String... gpuroi) throws IOException, InterruptedException {
        Path listing = dir.resolve("left.txt");
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--map-root-user", "sh", "-c", SCRIPT, "sh",
                options, mount.toString(), listing.toString(), setup,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                "gpuroi.cli.Main"));
        command.addAll(List.of(gpuroi));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Path status = dir.resolve("left.txt.status");
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8),
                Files.exists(listing) ? Files.readAllLines(listing) : List.of("(not listed)"),
                Files.exists(status) ? Files.readString(status) : "");
    }

    @Test
    void aFullDiskGivesExitCodeFourNoSpaceLeftOnDeviceAndNoPartialWorkbook() throws Exception {
        String sha256 = OutputFailureTest.sha256(input);
        Path output = mount.resolve("q1.roi.xlsx");

        Run run = onTmpfs("size=4k", "true", "convert", "--no-memos", "-o", output.toString(), input.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OUTPUT_FAILED);
        assertThat(run.err().lines()).as(run.err()).containsExactly(
                "q1.xlsx: not converted: cannot write " + output + ": No space left on device");
        assertThat(run.left()).isEmpty();
        assertThat(OutputFailureTest.sha256(input)).isEqualTo(sha256);
    }

    @Test
    void aFullDiskLeavesNoMemoAndNoMemoFolder() throws Exception {
        Path output = mount.resolve("q1.roi.xlsx");

        Run run = onTmpfs("size=4k", "true", "convert", "-o", output.toString(), input.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OUTPUT_FAILED);
        assertThat(run.err().lines()).as(run.err()).containsExactly(
                "q1.xlsx: not converted: cannot write " + mount.resolve("q1.roi.memos") + ": No space left on device");
        assertThat(run.left()).isEmpty();
    }

    @Test
    void aReadOnlyDiskGivesExitCodeFourAndReadOnlyFileSystem() throws Exception {
        Path output = mount.resolve("q1.roi.xlsx");

        Run run = onTmpfs("ro,size=64k", "true", "convert", "--no-memos", "-o", output.toString(), input.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OUTPUT_FAILED);
        assertThat(run.err().lines()).as(run.err()).containsExactly(
                "q1.xlsx: not converted: cannot write " + output + ": Read-only file system");
        assertThat(run.left()).isEmpty();
    }

    @Test
    void theHotFolderLeavesAnInputWhoseOutputsDoNotFitInProcessingForRetryNotInFailed() throws Exception {
        // Room for the input and status.json, not for the computed workbook.
        String setup = "mkdir -p " + mount + "/inbox && cp " + input + " " + mount + "/inbox/q1.xlsx";

        Run run = onTmpfs("size=24k", setup, "watch", mount.toString(), "--once", "--no-memos", "--settle", "50ms", "--rescan", "200ms");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.OUTPUT_FAILED);
        assertThat(run.out()).contains("q1.xlsx: not converted in").contains("through no fault of the workbook")
                .contains("No space left on device").contains("left in processing, tried again in 30 s (attempt 2)");
        assertThat(run.left()).contains("./processing/q1.xlsx").doesNotContain("./failed/q1.xlsx", "./done/q1.xlsx")
                .noneMatch(name -> name.startsWith("./out/") || name.startsWith("./failed/"));
        JsonNode status = new ObjectMapper().readTree(run.status());
        assertThat(status.get("outputFailures").asInt()).isEqualTo(1);
        assertThat(status.get("failed").asInt()).isZero();
        assertThat(status.get("lastRun").get("result").asText()).isEqualTo("output failed");
        assertThat(status.get("retrying")).hasSize(1);
        assertThat(status.get("retrying").get(0).get("file").asText()).isEqualTo("q1.xlsx");
        assertThat(status.get("retrying").get(0).get("reason").asText()).contains("No space left on device");
    }

    private boolean namespacesWork() {
        try {
            Path probe = Files.createDirectory(dir.resolve("probe"));
            Process process = new ProcessBuilder("unshare", "--mount", "--map-root-user", "sh", "-c",
                    "mount -t tmpfs -o size=4k tmpfs \"$0\"", probe.toString()).redirectErrorStream(true).start();
            process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
