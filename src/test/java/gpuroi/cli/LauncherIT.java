package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The packaged jar run as a separate process, as the launcher and CI run it. */
class LauncherIT {

    record Result(int exitCode, String out, String err) {
    }

    static Result runJar(String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("gpuroi.jar", "target/gpuroi.jar"));
        assertThat(jar).exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("gpuroi-out", ".txt");
        Path err = Files.createTempFile("gpuroi-err", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void theReadmesFirstCommandRunsFromThePackagedJar() throws Exception {
        Result result = runJar("quote", "--preset", "article-h100", "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("decision").asText()).isEqualTo("BUY");
        assertThat(json.get("annualizedTotalReturn").asDouble()).isCloseTo(0.124, within(0.002));
    }

    @Test
    void invalidInputExitsWithCodeTwoAndNoStackTrace() throws Exception {
        Result result = runJar("quote", "--capex-per-gpu", "50000", "--price", "2.85", "--utilization", "250%");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("--utilization").doesNotContain("at gpuroi.");
    }

    @Test
    void versionNamesTheTool() throws Exception {
        Result result = runJar("--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("gpuroi 0.");
    }
}
