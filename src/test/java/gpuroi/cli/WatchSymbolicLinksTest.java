package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static gpuroi.cli.WatchFixtures.assertComputedWorkbook;
import static gpuroi.cli.WatchFixtures.drop;
import static gpuroi.cli.WatchFixtures.names;
import static gpuroi.cli.WatchFixtures.validWorkbook;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A symbolic link in the inbox points out of it, at a workbook nobody dropped: by default the link
 * itself goes to failed with the reason and its target is never read; --follow-links converts it.
 */
class WatchSymbolicLinksTest {
    @TempDir
    Path dir;

    @Test
    void aLinkToAWorkbookElsewhereGoesToFailedAsALinkAndNothingOfItsTargetIsPublished() throws Exception {
        Path privateFolder = Files.createDirectories(dir.resolve("private"));
        Path secret = drop(privateFolder, "secret.xlsx", validWorkbook("secret-pod"));
        byte[] before = Files.readAllBytes(secret);
        Path inbox = Files.createDirectories(dir.resolve("hot/inbox"));
        Files.createSymbolicLink(inbox.resolve("linked.xlsx"), secret);
        drop(inbox, "own.xlsx", validWorkbook("own-pod"));

        CliRun run = WatchOnceTest.once(dir.resolve("hot"), "--no-memos");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.INVALID_INPUT);
        Path failed = dir.resolve("hot/failed");
        assertThat(names(failed)).containsExactly("linked.xlsx", "linked.xlsx.error.json", "linked.xlsx.error.txt");
        assertThat(Files.isSymbolicLink(failed.resolve("linked.xlsx"))).as("the link itself moved").isTrue();
        assertThat(Files.readSymbolicLink(failed.resolve("linked.xlsx"))).isEqualTo(secret);
        assertThat(Files.readAllBytes(secret)).as("the target untouched, where it was").isEqualTo(before);
        assertThat(Files.readString(failed.resolve("linked.xlsx.error.txt")))
                .contains("linked.xlsx: not converted: is a symbolic link; gpuroi does not follow links out of the inbox")
                .contains("--follow-links");
        JsonNode json = new ObjectMapper().readTree(failed.resolve("linked.xlsx.error.json").toFile());
        assertThat(json.get("errors").get(0).get("message").asText())
                .isEqualTo("is a symbolic link; gpuroi does not follow links out of the inbox");
        assertThat(names(dir.resolve("hot/out"))).containsExactly("own");
        assertThat(names(dir.resolve("hot/done"))).containsExactly("own.xlsx");
        assertThat(run.out()).contains("linked.xlsx: failed: a symbolic link");
    }

    @Test
    void aDanglingLinkGoesToFailedTooInsteadOfWaitingInTheInboxForever() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.createSymbolicLink(inbox.resolve("gone.xlsx"), dir.resolve("nowhere.xlsx"));

        CliRun run = WatchOnceTest.once(dir, "--no-memos");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(names(dir.resolve("failed"))).containsExactly("gone.xlsx", "gone.xlsx.error.json", "gone.xlsx.error.txt");
        assertThat(names(inbox)).isEmpty();
    }

    @Test
    void withFollowLinksALinkedWorkbookIsConvertedAndItsTargetStaysWhereItIs() throws Exception {
        Path secret = drop(Files.createDirectories(dir.resolve("shared")), "fleet.xlsx", validWorkbook("shared-pod"));
        Path inbox = Files.createDirectories(dir.resolve("hot/inbox"));
        Files.createSymbolicLink(inbox.resolve("linked.xlsx"), secret);

        CliRun run = WatchOnceTest.once(dir.resolve("hot"), "--no-memos", "--follow-links");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertComputedWorkbook(dir.resolve("hot/out/linked/linked.roi.xlsx"));
        assertThat(names(dir.resolve("hot/done"))).containsExactly("linked.xlsx");
        assertThat(secret).isRegularFile();
    }
}
