package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code gpuroi convert} on the committed samples, copied into a scratch folder, end to end through the command line. */
class SamplesConvertTest {
    @TempDir
    Path dir;

    /** Converts a copy of {@code samples/NAME} with --json and returns its one workbook node. */
    private JsonNode convert(String sampleName) throws Exception {
        Path copy = Files.copy(Path.of("samples", sampleName), dir.resolve(sampleName));
        CliRun run = ConvertCommandTest.run("convert", copy.toString(), "--json");
        assertThat(run.exitCode()).as(sampleName + ": " + run.err() + run.out()).isZero();
        JsonNode workbook = run.json().get("workbooks").get(0);
        assertThat(workbook.get("errors")).as(sampleName).isEmpty();
        assertThat(Path.of(workbook.get("output").asText())).exists();
        return workbook;
    }

    private static JsonNode cluster(JsonNode workbook, String id) {
        for (JsonNode cluster : workbook.get("clusters")) {
            if (cluster.get("id").asText().equals(id)) {
                return cluster;
            }
        }
        throw new AssertionError("no cluster " + id + " in " + workbook.get("clusters").findValuesAsText("id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mixed-fleet.xlsx", "article-h100.xlsx", "messy-fleet.xlsx"})
    void everySampleConvertsWithExitCodeZero(String sampleName) throws Exception {
        JsonNode workbook = convert(sampleName);
        assertThat(workbook.get("clusters")).isNotEmpty();
    }

    @Test
    void theArticleSampleRentsAtOneSixtyFiveAndBuysAtTwoEightyFiveAndFourFifty() throws Exception {
        JsonNode workbook = convert("article-h100.xlsx");

        JsonNode low = cluster(workbook, "h100-at-1.65");
        JsonNode middle = cluster(workbook, "h100-at-2.85");
        JsonNode high = cluster(workbook, "h100-at-4.50");
        assertThat(low.get("decision").asText()).isEqualTo("RENT");
        assertThat(middle.get("decision").asText()).isEqualTo("BUY");
        assertThat(high.get("decision").asText()).isEqualTo("BUY");
        // The article's "returns" are the annualized 5-year total return, not an IRR.
        assertThat(low.get("annualizedTotalReturn").asDouble()).isCloseTo(0.001, within(0.002));
        assertThat(middle.get("annualizedTotalReturn").asDouble()).isCloseTo(0.124, within(0.002));
        assertThat(high.get("annualizedTotalReturn").asDouble()).isCloseTo(0.235, within(0.002));
        assertThat(middle.get("irr").asDouble()).isCloseTo(0.345, within(0.002));
    }

    @Test
    void theMessySampleReportsItsWarningsWithSheetAndCell() throws Exception {
        JsonNode workbook = convert("messy-fleet.xlsx");

        List<String> locations = new ArrayList<>();
        for (JsonNode warning : workbook.get("warnings")) {
            assertThat(warning.get("sheet").asText()).as(warning.toString()).isNotBlank();
            assertThat(warning.get("cell").asText()).as(warning.toString()).matches("[A-Z]+[0-9]+");
            locations.add(warning.get("sheet").asText() + "!" + warning.get("cell").asText());
        }
        // Utilizations typed as 70 and 65, a residual typed as 10, the totals row, a prepaid share typed as 50.
        assertThat(locations).contains("FLEET !H6", "FLEET !H10", "FLEET !L7", "FLEET !B11", "Contracts!I5");
        assertThat(workbook.get("warnings").toString()).contains("read 70 as 70%");
        assertThat(workbook.get("clusters").findValuesAsText("id"))
                .containsExactly("h100-lot-a", "a100-old", "h200-pipeline", "l40s-inference");
    }

    @Test
    void theMixedFleetGetsEveryDecision() throws Exception {
        JsonNode workbook = convert("mixed-fleet.xlsx");

        assertThat(workbook.get("clusters").findValuesAsText("decision")).contains("BUY", "RENT", "HOLD", "RESELL");
        assertThat(workbook.get("contracts").findValuesAsText("decision")).contains("KEEP", "RESELL_CAPACITY", "TERMINATE");
    }

    @Test
    void theMixedFleetResellsThe2023ReservationsIdleCapacityAndTerminatesTheA100Contract() throws Exception {
        JsonNode workbook = convert("mixed-fleet.xlsx");

        java.util.Map<String, String> decisions = new java.util.HashMap<>();
        for (JsonNode contract : workbook.get("contracts")) {
            decisions.put(contract.get("id").asText(), contract.get("decision").asText());
            assertThat(contract.get("npv").asDouble()).as(contract.get("id").asText()).isNegative();
        }
        assertThat(decisions).containsEntry("bigcloud-reserved-2023", "RESELL_CAPACITY")
                .containsEntry("gpulist-a100-2024", "TERMINATE").containsEntry("neocloud-h200", "KEEP");
        // The lessor contract starts with its cluster and is a quarter prepaid, so the IRR reads as a 2023 deal, not 3,000%.
        double irr = cluster(workbook, "h100-2023").get("irr").asDouble();
        assertThat(irr).isBetween(0.2, 1.0);
        assertThat(workbook.get("memos")).hasSize(1 + 5 + 3);
        assertThat(workbook.get("portfolio").get("actions").findValuesAsText("action"))
                .contains("RESELL", "RESELL_CAPACITY", "TERMINATE", "BUY");
    }
}
