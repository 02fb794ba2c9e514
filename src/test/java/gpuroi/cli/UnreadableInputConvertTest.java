package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A workbook the machine will not let convert read is the machine's fault, as an output it cannot write is: exit code
 * 4 and the operating system's reason, not exit code 2 with a bare path as if the workbook were wrong. A path that
 * does not exist stays the user's mistake (exit code 2).
 */
class UnreadableInputConvertTest {
    @TempDir
    Path dir;

    private Process convert(List<String> prefix, Path log, String... args) throws Exception {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(WatchProcesses.java(args));
        return WatchProcesses.start(command, log);
    }

    @Test
    void aWorkbookConvertMayNotReadExitsWithFourAndTheSystemsReason() throws Exception {
        List<String> prefix = WatchProcesses.permissionsObeyed(dir);
        assumeTrue(prefix != null, "this test runs privileged and cannot start an unprivileged process (unshare --user)");
        Path input = Files.copy(Path.of("samples/mixed-fleet.xlsx"), dir.resolve("locked.xlsx"));
        Files.setPosixFilePermissions(input, PosixFilePermissions.fromString("---------"));
        Path log = dir.resolve("convert.log");
        Path json = dir.resolve("convert-json.log");

        Process run = convert(prefix, log, "convert", input.toString(), "--no-memos");
        Process asJson = convert(prefix, json, "convert", input.toString(), "--no-memos", "--json");
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(asJson.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(run.exitValue()).as(Files.readString(log)).isEqualTo(ExitCodes.OUTPUT_FAILED);
        assertThat(Files.readString(log)).contains("locked.xlsx: cannot read " + input + ": Permission denied")
                .doesNotContain("Exception");
        assertThat(asJson.exitValue()).isEqualTo(ExitCodes.OUTPUT_FAILED);
        String text = Files.readString(json);
        JsonNode document = new ObjectMapper().readTree(text.substring(text.indexOf('{')));
        assertThat(document.at("/workbooks/0/errors/0/message").asText()).contains("Permission denied");
        assertThat(dir.resolve("locked.roi.xlsx")).doesNotExist();
    }

    @Test
    void aWorkbookThatIsNotThereIsTheUsersMistakeWithExitCodeTwo() throws Exception {
        CliRun run = CliRun.of("convert", dir.resolve("missing.xlsx").toString(), "--no-memos");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("missing.xlsx was not found");
    }
}
