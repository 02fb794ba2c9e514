package gpuroi.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Files for command tests: a workbook of src/test/resources/foreign copied into a test's folder, and what a folder holds. */
final class TestFiles {
    private TestFiles() {
    }

    /** Copies the foreign fixture {@code name} into {@code dir}; the command then reads and writes beside the copy. */
    static Path copyForeign(String name, Path dir) throws IOException {
        try {
            return Files.copy(Path.of(TestFiles.class.getResource("/foreign/" + name).toURI()), dir.resolve(name));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names in a folder, sorted: a refused input must leave only itself. */
    static List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
