package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import gpuroi.workbook.LeaseWorkbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What convert and validate print about lessee contracts and the portfolio, in JSON and as text. */
class ContractsReportTest {
    @TempDir
    Path dir;

    private JsonNode contract(JsonNode workbook, String id) {
        for (JsonNode c : workbook.get("contracts")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no contract " + id + " in " + workbook.get("contracts"));
    }

    @Test
    void theJsonSummaryGivesEachContractItsDecisionAndTheHandComputedPresentCosts() throws Exception {
        Path input = LeaseWorkbooks.write(dir.resolve("leases.xlsx"));

        CliRun run = CliRun.of("convert", input.toString(), "--json", "--no-memos");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode workbook = run.json().get("workbooks").get(0);
        JsonNode idle = contract(workbook, "idle-h100");
        assertThat(idle.get("role").asText()).isEqualTo("lessee");
        assertThat(idle.get("counterparty").asText()).isEqualTo("NeoCloud");
        assertThat(idle.get("gpus").asInt()).isEqualTo(10);
        assertThat(idle.get("gpusNeeded").asInt()).isEqualTo(6);
        assertThat(idle.get("remainingMonths").asInt()).isEqualTo(25);
        assertThat(idle.get("monthlyObligation").asDouble()).isCloseTo(29_200, within(1e-6));
        assertThat(idle.get("keepCost").asDouble()).isCloseTo(LeaseWorkbooks.keepCost(), within(0.01));
        assertThat(idle.get("resellCapacityCost").asDouble()).isCloseTo(LeaseWorkbooks.resellCapacityCost(), within(0.01));
        assertThat(idle.get("terminateCost").asDouble()).isCloseTo(LeaseWorkbooks.terminateCost(), within(0.01));
        // 200k + 6 GPUs at $2 is well below 25 months of $29,200, and below keeping while subleasing 4 GPUs.
        assertThat(idle.get("decision").asText()).isEqualTo("TERMINATE");
        assertThat(idle.get("npv").asDouble()).isCloseTo(-LeaseWorkbooks.terminateCost(), within(0.01));
        assertThat(idle.get("npvGainAtHurdle").asDouble())
                .isCloseTo(LeaseWorkbooks.keepCost() - LeaseWorkbooks.terminateCost(), within(0.01));
        assertThat(idle.get("marketPriceSource").asText()).isEqualTo("MARKET_SHEET");
        assertThat(idle.get("breakEvenTerminationFee").isNumber()).isTrue();
        assertThat(idle.get("reason").asText()).startsWith("Terminate");

        JsonNode kept = contract(workbook, "kept-a100");
        assertThat(kept.get("decision").asText()).isEqualTo("KEEP");
        assertThat(kept.get("terminateCost").isNull()).isTrue();
        assertThat(kept.get("resellCapacityCost").isNull()).isTrue();
        assertThat(kept.get("npv").asDouble()).isCloseTo(-kept.get("keepCost").asDouble(), within(1e-9));
        assertThat(kept.get("npvGainAtHurdle").asDouble()).isZero();
    }

    @Test
    void theJsonPortfolioAddsClustersAndContractsAndRanksTheActions() throws Exception {
        Path input = LeaseWorkbooks.write(dir.resolve("leases.xlsx"));

        JsonNode workbook = CliRun.of("validate", input.toString(), "--json").json().get("workbooks").get(0);

        JsonNode portfolio = workbook.get("portfolio");
        double clusterNpvs = 0;
        double clustersAsDecided = 0;
        for (JsonNode c : workbook.get("clusters")) {
            // Only planned clusters here: as entered each is bought; as decided only a BUY is.
            clusterNpvs += c.get("npvAtHurdle").asDouble();
            clustersAsDecided += c.get("decision").asText().equals("BUY") ? c.get("npvAtHurdle").asDouble() : 0;
        }
        double keepCosts = 0;
        double chosenCosts = 0;
        for (JsonNode k : workbook.get("contracts")) {
            keepCosts += k.get("keepCost").asDouble();
            chosenCosts += -k.get("npv").asDouble();
        }
        assertThat(portfolio.get("valueAsEntered").asDouble()).isCloseTo(clusterNpvs - keepCosts, within(0.01));
        assertThat(portfolio.get("valueFollowingDecisions").asDouble()).isCloseTo(clustersAsDecided - chosenCosts, within(0.01));
        assertThat(portfolio.has("totalNpvAtHurdle")).isFalse();
        assertThat(portfolio.get("totalCapex").asDouble()).isCloseTo(8 * 25_000, within(1e-6));
        JsonNode actions = portfolio.get("actions");
        assertThat(actions.findValuesAsText("subject")).contains("idle-h100").doesNotContain("kept-a100");
        for (int i = 1; i < actions.size(); i++) {
            assertThat(actions.get(i).get("npvGainAtHurdle").asDouble())
                    .isLessThanOrEqualTo(actions.get(i - 1).get("npvGainAtHurdle").asDouble());
        }
        assertThat(actions.get(0).get("rank").asInt()).isEqualTo(1);
    }

    @Test
    void theTextSummaryListsEachContractWithItsDecisionAndGain() throws Exception {
        Path input = LeaseWorkbooks.write(dir.resolve("leases.xlsx"));

        CliRun run = CliRun.of("validate", input.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Contract").contains("Cost kept at 10.0%").contains("Cost chosen").contains("Gain");
        String idleLine = run.out().lines().filter(l -> l.contains("idle-h100")).findFirst().orElseThrow();
        assertThat(idleLine).contains("Lessee").contains("TERMINATE")
                .contains(String.format("$%,.0f", LeaseWorkbooks.keepCost()))
                .contains(String.format("$%,.0f", LeaseWorkbooks.terminateCost()));
        assertThat(run.out().lines().filter(l -> l.contains("kept-a100")).findFirst().orElseThrow()).contains("KEEP");
    }

    @Test
    void anAfterTaxAndAnEquityIrrArePrintedWhenTheAssumptionsGiveATaxRateAndALoan() throws Exception {
        Path plain = LeaseWorkbooks.write(dir.resolve("plain.xlsx"));
        Path taxed = LeaseWorkbooks.write(dir.resolve("taxed.xlsx"), true);

        JsonNode untaxed = CliRun.of("validate", plain.toString(), "--json").clusters().get(0);
        JsonNode cluster = CliRun.of("validate", taxed.toString(), "--json").clusters().get(0);

        assertThat(untaxed.has("afterTaxIrr")).isFalse();
        assertThat(untaxed.has("equityIrr")).isFalse();
        assertThat(cluster.get("afterTaxIrr").isNumber()).as(cluster.toString()).isTrue();
        assertThat(cluster.get("afterTaxIrr").asDouble()).isLessThan(cluster.get("irr").asDouble());
        assertThat(cluster.get("equityIrr").isNumber()).as(cluster.toString()).isTrue();
        assertThat(cluster.get("afterTaxNpvAtHurdle").isNumber()).isTrue();
        assertThat(cluster.get("equityNpvAtHurdle").isNumber()).isTrue();
    }
}
