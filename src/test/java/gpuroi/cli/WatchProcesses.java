package gpuroi.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Watchers as real processes (this test's classpath, main class gpuroi.cli.Main), optionally without the
 * power to ignore file permissions: a test running as root would read a mode-000 file and write into a
 * read-only folder, so there the watcher runs in a user namespace of its own ({@code unshare --user}), where
 * root's files are checked by their owner bits like anyone's.
 */
final class WatchProcesses {
    private WatchProcesses() {
    }

    static List<String> java(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "gpuroi.cli.Main"));
        command.addAll(List.of(args));
        return command;
    }

    /** Starts {@code command} with its output appended to {@code log}. */
    static Process start(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /**
     * The prefix that makes a process obey file permissions: none when this one already does, {@code unshare --user}
     * when it is privileged and namespaces are allowed; null when neither works (the test is then skipped).
     */
    static List<String> permissionsObeyed(Path scratch) throws IOException, InterruptedException {
        Path readOnly = Files.createDirectories(scratch.resolve("permission-probe"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            if (!canWrite(List.of(), readOnly)) {
                return List.of();
            }
            List<String> unshare = List.of("unshare", "--user");
            return canWrite(unshare, readOnly) ? null : unshare;
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** Whether a shell started with {@code prefix} can create a file in {@code folder}; true also when it cannot start at all. */
    private static boolean canWrite(List<String> prefix, Path folder) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of("sh", "-c", "touch \"$0\"/probe 2>/dev/null && echo wrote || echo refused", folder.toString()));
        Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(probe.getInputStream().readAllBytes());
        if (!probe.waitFor(20, TimeUnit.SECONDS)) {
            probe.destroyForcibly();
        }
        Files.deleteIfExists(folder.resolve("probe"));
        return !said.contains("refused");
    }
}
