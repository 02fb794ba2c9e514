package gpuroi.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** External programs some tests use when the machine has them (LibreOffice's soffice, poppler's pdftotext). */
public final class Programs {
    private Programs() {
    }

    /** The program's executable on PATH, or empty when it is not installed. */
    public static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * The program's executable, for a test that cannot run without it: the test is skipped where it is
     * not installed, but fails in CI, whose setup ({@code .ci/run}) installs it, so a broken setup never
     * passes as a skip.
     */
    public static Path required(String program) {
        Optional<Path> found = onPath(program);
        if (found.isEmpty() && System.getenv("CI") != null) {
            fail(program + " is not on PATH in CI; .ci/run installs it");
        }
        assumeTrue(found.isPresent(), program + " is not installed");
        return found.orElseThrow();
    }
}
