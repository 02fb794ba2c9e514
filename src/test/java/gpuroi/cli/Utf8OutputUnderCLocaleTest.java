package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static gpuroi.cli.FleetWorkbooks.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * gpuroi run as cron, systemd and containers run it, under LANG=C: its output is UTF-8 all the same,
 * so −, € and × arrive as themselves and not as '?'. A separate process, since the locale is read
 * once when a Java runtime starts.
 */
class Utf8OutputUnderCLocaleTest {
    @TempDir
    Path dir;

    record Run(int exitCode, byte[] out, byte[] err) {
        /** The bytes decoded strictly: a byte that is not UTF-8 fails the test instead of becoming U+FFFD. */
        String outText() throws CharacterCodingException {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out)).toString();
        }
    }

    /** Runs the command line from this build's classes in a fresh JVM with LANG=C and LC_ALL=C. */
    static Run runUnderCLocale(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "gpuroi.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("LC_") || name.equals("LANG") || name.equals("LANGUAGE")
                || name.equals("JAVA_TOOL_OPTIONS") || name.equals("_JAVA_OPTIONS") || name.equals("JDK_JAVA_OPTIONS"));
        env.put("LANG", "C");
        env.put("LC_ALL", "C");
        Path out = workDir.resolve("stdout.bin");
        Path err = workDir.resolve("stderr.bin");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Run run = new Run(process.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    /**
     * One cluster in euros, named with a ×, that loses money: capex €60,000 per GPU rented at €1.00/hr,
     * so its NPV is negative and shown with a − sign.
     */
    static void writeLosingEuroFleet(Path file) throws IOException {
        writeEuroFleet(file, 60000);
    }

    /** The same fleet with {@code capexPerGpu} as typed (a number, or text). */
    static void writeEuroFleet(Path file, Object capexPerGpu) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet assumptions = wb.createSheet("Assumptions");
            row(assumptions, 0, "Parameter", "Value");
            row(assumptions, 1, "Valuation date", "2026-01-01");
            row(assumptions, 2, "Currency", "EUR");
            XSSFSheet fleet = wb.createSheet("Fleet");
            row(fleet, 0, "Cluster ID", "GPU model", "GPUs", "Capex per GPU", "Status", "Useful life (years)",
                    "Residual value", "Power per GPU (kW)", "PUE", "Electricity (per kWh)", "Other opex per GPU-month",
                    "Utilization", "Start price (per GPU-hr)", "Price path");
            row(fleet, 1, "pod×8", "H100 SXM", 8, capexPerGpu, "Planned", 3, "10%", 1.0, 1.25, 0.10, 20, "70%", 1.0, "flat");
            wb.write(out);
        }
    }

    @Test
    void textOutputIsUtf8UnderTheCLocale() throws Exception {
        writeLosingEuroFleet(dir.resolve("fleet.xlsx"));

        Run run = runUnderCLocale(dir, "validate", "fleet.xlsx");

        assertThat(run.exitCode()).as(new String(run.err(), StandardCharsets.UTF_8)).isZero();
        String text = run.outText();
        assertThat(text).doesNotContain("?").contains("pod×8").contains("EUR").contains("−€");
        // The bytes themselves: × is C3 97, − is E2 88 92 and € is E2 82 AC in UTF-8.
        assertThat(indexOf(run.out(), new byte[] {(byte) 0xC3, (byte) 0x97})).isNotNegative();
        assertThat(indexOf(run.out(), new byte[] {(byte) 0xE2, (byte) 0x88, (byte) 0x92, (byte) 0xE2, (byte) 0x82, (byte) 0xAC}))
                .isNotNegative();
    }

    @Test
    void jsonOutputIsUtf8UnderTheCLocale() throws Exception {
        writeLosingEuroFleet(dir.resolve("fleet.xlsx"));

        Run run = runUnderCLocale(dir, "validate", "--json", "fleet.xlsx");

        assertThat(run.exitCode()).as(new String(run.err(), StandardCharsets.UTF_8)).isZero();
        String text = run.outText();
        assertThat(text).doesNotContain("?");
        JsonNode cluster = new ObjectMapper().readTree(text).get("workbooks").get(0).get("clusters").get(0);
        assertThat(cluster.get("id").asText()).isEqualTo("pod×8");
        assertThat(cluster.get("reason").asText()).contains("−€");
    }

    @Test
    void messagesOnStandardErrorAreUtf8UnderTheCLocale() throws Exception {
        writeEuroFleet(dir.resolve("fleet.xlsx"), "≈ €60k × 8");

        Run run = runUnderCLocale(dir, "validate", "fleet.xlsx");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(run.err())).toString())
                .contains("Fleet!D2: found '≈ €60k × 8'");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
