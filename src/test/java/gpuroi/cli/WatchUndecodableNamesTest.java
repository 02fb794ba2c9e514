package gpuroi.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static gpuroi.cli.WatchFixtures.assertComputedWorkbook;
import static gpuroi.cli.WatchFixtures.names;
import static gpuroi.cli.WatchFixtures.validWorkbook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * File names whose bytes the runtime cannot decode: a UTF-8 name under the C locale (cron, a systemd
 * unit without LANG), a Latin-1 name under UTF-8. A separate process, since a Java runtime reads the
 * locale once, at start. Such a file is converted under its name with those bytes written as %XX,
 * the log says why, and it never stops the other files.
 */
class WatchUndecodableNamesTest {
    @TempDir
    Path dir;

    /** Writes {@code bytes} to a file in {@code folder} whose name is {@code name} byte for byte, through Python, as no locale is needed there. */
    static void writeWithByteName(Path folder, byte[] name, byte[] bytes) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "needs /usr/bin/python3 to create a file with a name in raw bytes");
        Path content = Files.write(folder.resolveSibling("content.bin"), bytes);
        StringBuilder hex = new StringBuilder();
        for (byte b : name) {
            hex.append(String.format("%02x", b & 0xff));
        }
        Process p = new ProcessBuilder(python.toString(), "-c",
                "import os, sys; open(os.fsencode(sys.argv[1]) + b'/' + bytes.fromhex(sys.argv[2]), 'wb').write(open(sys.argv[3], 'rb').read())",
                folder.toString(), hex.toString(), content.toString()).inheritIO().start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        Files.delete(content);
    }

    record Run(int exitCode, String out) {
    }

    /** {@code gpuroi watch DIR --once --no-memos} in a fresh runtime with the given locale variables and no others. */
    Run watchOnce(Map<String, String> locale) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "gpuroi.cli.Main",
                "watch", dir.toString(), "--once", "--no-memos", "--settle", "50ms", "--rescan", "200ms"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("LC_") || name.equals("LANG") || name.equals("LANGUAGE")
                || name.equals("JAVA_TOOL_OPTIONS") || name.equals("_JAVA_OPTIONS") || name.equals("JDK_JAVA_OPTIONS"));
        builder.environment().putAll(locale);
        Path log = dir.resolveSibling("watch-" + System.nanoTime() + ".log");
        Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    @Test
    void underTheCLocaleAUtf8NameIsConvertedUnderItsPercentEscapedNameAndTheOtherFilesAreConvertedToo() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        // "Fleet Zürich.xlsx": ü is C3 BC in UTF-8, which US-ASCII cannot decode.
        writeWithByteName(inbox, "Fleet Z\u00fcrich.xlsx".getBytes(StandardCharsets.UTF_8), validWorkbook("zurich-pod"));
        Files.write(inbox.resolve("later.xlsx"), validWorkbook("later-pod"));

        Run run = watchOnce(Map.of("LANG", "C"));

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).doesNotContain("InvalidPathException")
                .contains("Fleet Z%C3%BCrich.xlsx: taken as Fleet Z%C3%BCrich.xlsx: its name is not valid")
                .contains("LANG=C.UTF-8");
        assertThat(names(dir.resolve("done"))).containsExactly("Fleet Z%C3%BCrich.xlsx", "later.xlsx");
        assertThat(names(dir.resolve("out"))).containsExactly("Fleet Z%C3%BCrich", "later");
        assertComputedWorkbook(dir.resolve("out/Fleet Z%C3%BCrich/Fleet Z%C3%BCrich.roi.xlsx"));
        assertComputedWorkbook(dir.resolve("out/later/later.roi.xlsx"));
        assertThat(names(inbox)).isEmpty();
        assertThat(names(dir.resolve("processing"))).isEmpty();
    }

    @Test
    void underAUtf8LocaleALatin1NameIsConvertedUnderItsPercentEscapedName() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        // "Zürich.xlsx" saved by a Latin-1 client: FC alone is not UTF-8.
        writeWithByteName(inbox, "Z\u00fcrich.xlsx".getBytes(StandardCharsets.ISO_8859_1), validWorkbook("zurich-pod"));

        Run run = watchOnce(Map.of("LC_ALL", "C.UTF-8"));

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(names(dir.resolve("done"))).containsExactly("Z%FCrich.xlsx");
        assertComputedWorkbook(dir.resolve("out/Z%FCrich/Z%FCrich.roi.xlsx"));
    }

    @Test
    void aUtf8NameLeftInProcessingByARunUnderAUtf8LocaleIsFinishedByARunUnderTheCLocale() throws Exception {
        Path processing = Files.createDirectories(dir.resolve("processing"));
        writeWithByteName(processing, "Fleet Z\u00fcrich.xlsx".getBytes(StandardCharsets.UTF_8), validWorkbook("zurich-pod"));

        Run run = watchOnce(Map.of("LANG", "C"));

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(names(dir.resolve("done"))).containsExactly("Fleet Z%C3%BCrich.xlsx");
        assertThat(names(dir.resolve("processing"))).isEmpty();
    }
}
