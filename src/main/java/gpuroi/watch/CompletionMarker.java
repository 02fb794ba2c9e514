package gpuroi.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Proof that an output folder holds the complete outputs of one input: {@value #FILE_NAME} in the
 * folder, naming the input and its SHA-256. It is written last into the staging folder, which is
 * then renamed into out/ whole, so a folder in out/ with a marker is complete. After a restart an
 * input in processing is passed to done only if a folder's marker names it and its content; a
 * folder of another input (a name differing only in case) or of an earlier version proves nothing.
 */
final class CompletionMarker {
    static final String FILE_NAME = ".gpuroi-complete.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CompletionMarker() {
    }

    /** Writes the marker for {@code inputName} with content hash {@code sha256} into {@code folder}, atomically. */
    static void write(Path folder, String inputName, String sha256) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("input", inputName);
        node.put("sha256", sha256);
        node.put("completedAt", Instant.now().toString());
        AtomicFiles.write(folder.resolve(FILE_NAME), (node.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code folder} holds a marker naming exactly {@code inputName} with content hash {@code sha256}. */
    static boolean proves(Path folder, String inputName, String sha256) {
        Path marker = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(marker)) {
            return false;
        }
        try {
            JsonNode node = JSON.readTree(marker.toFile());
            return node != null && inputName.equals(node.path("input").asText(null)) && sha256.equals(node.path("sha256").asText(null));
        } catch (IOException e) {
            return false;
        }
    }

}
