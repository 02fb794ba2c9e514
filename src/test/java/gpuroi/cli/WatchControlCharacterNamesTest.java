package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static gpuroi.cli.WatchFixtures.drop;
import static gpuroi.cli.WatchFixtures.invalidWorkbook;
import static gpuroi.cli.WatchFixtures.names;
import static gpuroi.cli.WatchFixtures.validWorkbook;
import static org.assertj.core.api.Assertions.assertThat;

/** A newline or an escape sequence in a file name stays inside its one log line, written as \n or \u001B. */
class WatchControlCharacterNamesTest {
    @TempDir
    Path dir;

    @Test
    void aNewlineInANameIsWrittenAsBackslashNAndEveryLogLineIsOneEvent() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        drop(inbox, "line one\nline two.xlsx", validWorkbook("pod"));
        drop(inbox, "red\u001b[31m.xlsx", invalidWorkbook());

        CliRun run = WatchOnceTest.once(dir, "--no-memos");

        assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).contains("line one\\nline two.xlsx: done in").contains("red\\u001B[31m.xlsx: failed in")
                .doesNotContain("\u001b");
        // Every line starts with its time stamp: no line is the tail of a name.
        assertThat(run.out().lines()).allSatisfy(line -> assertThat(line).matches("^\\d{4}-\\d\\d-\\d\\dT.*"));
        // status.json is JSON, which has its own escapes: the name comes back exactly.
        JsonNode status = new ObjectMapper().readTree(dir.resolve("status.json").toFile());
        assertThat(status.get("recentFailures").get(0).get("file").asText()).isEqualTo("red\u001b[31m.xlsx");
        assertThat(names(dir.resolve("done"))).containsExactly("line one\nline two.xlsx");
    }
}
