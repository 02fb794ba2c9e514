package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code gpuroi quote --runs N --seed S}: the Monte Carlo figures beside the deterministic ones. */
class QuoteRiskOptionTest {
    private static String[] workedExample(String... extra) {
        String[] base = Arrays.stream(QuoteCommandTest.WORKED_EXAMPLE).filter(a -> !a.equals("--json")).toArray(String[]::new);
        return Stream.concat(Arrays.stream(base), Arrays.stream(extra)).toArray(String[]::new);
    }

    @Test
    void theTableGainsARiskBlockNamingPathsSeedAndSampler() {
        CliRun run = CliRun.of(workedExample("--runs", "2000", "--seed", "42"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Risk (Monte Carlo, 2,000 paths, seed 42, monte carlo")
                .contains("NPV P5 / P50 / P95").contains("Probability of loss").contains("Decision flips");
    }

    @Test
    void theSameSeedPrintsTheSameJsonAndTheFiguresAreOrdered() throws Exception {
        CliRun first = CliRun.of(workedExample("--runs", "1000", "--seed", "7", "--json"));
        CliRun second = CliRun.of(workedExample("--runs", "1000", "--seed", "7", "--json"));

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        JsonNode risk = first.json().get("risk");
        assertThat(risk.get("seed").asLong()).isEqualTo(7);
        assertThat(risk.get("npvP5").asDouble()).isLessThan(risk.get("npvP50").asDouble());
        assertThat(risk.get("npvP50").asDouble()).isLessThan(risk.get("npvP95").asDouble());
        assertThat(risk.get("probabilityOfLoss").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void withoutRunsThereIsNoRiskBlock() throws Exception {
        assertThat(CliRun.of(QuoteCommandTest.WORKED_EXAMPLE).json().has("risk")).isFalse();
    }

    @Test
    void zeroRunsIsRefusedWithWhatToType() {
        CliRun run = CliRun.of(workedExample("--runs", "0"));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("--runs 10000");
    }
}
