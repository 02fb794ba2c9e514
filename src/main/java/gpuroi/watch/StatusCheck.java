package gpuroi.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code gpuroi watch DIR --status} says: whether a watcher runs on the folder now, told by its
 * lock (which goes with the process), not by status.json alone, which a killed watcher leaves saying
 * "running".
 *
 * @param running whether a watcher holds the folder's lock
 * @param text    one line a person reads, then status.json as it is
 */
public record StatusCheck(boolean running, String text) {

    public static StatusCheck of(Path root) throws IOException {
        Path statusFile = root.resolve("status.json");
        boolean held = FolderLock.isHeld(root);
        JsonNode status = null;
        if (Files.exists(statusFile)) {
            try {
                status = new ObjectMapper().readTree(statusFile.toFile());
            } catch (IOException e) {
                // Told below as unreadable.
            }
        }
        String state = status == null ? "" : status.path("state").asText("");
        String who = status == null ? "" : "pid " + status.path("pid").asText("?") + ", started " + status.path("startedAt").asText("?");
        String line;
        if (held) {
            line = "running: a gpuroi watch holds " + root.resolve(FolderLock.FILE) + (status == null ? "" : " (" + who + ")");
        } else if (status == null) {
            line = "not running: no watcher holds " + root + (Files.exists(statusFile) ? " and " + statusFile + " cannot be read" : "");
        } else if (state.equals("stopped")) {
            line = "not running: the last watcher (" + who + ") stopped";
        } else {
            line = "not running: status.json says '" + state + "' (" + who + "), but that watcher is gone"
                    + " (killed, or its machine restarted); it is stale until a watcher starts again";
        }
        String body = status == null ? "" : "\n" + status.toPrettyString();
        return new StatusCheck(held, line + body);
    }
}
