package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Monte Carlo settings through the real command line: the workbook's Assumptions and the flags
 * that override them, the limits on --runs, and the lessee contracts' risk in the JSON and ROI Risk.
 */
class RiskSettingsCommandTest {
    @TempDir
    Path dir;

    /**
     * One planned cluster and one lessee contract (10 H100s, 6 needed, resale allowed, a fee), valued
     * 2026-01-01, with the given extra Assumptions rows (label, value pairs).
     */
    private Path workbook(String name, Object... assumptionRows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet assumptions = wb.createSheet("Assumptions");
            FleetWorkbooks.row(assumptions, 0, "Parameter", "Value");
            FleetWorkbooks.row(assumptions, 1, "Valuation date", "2026-01-01");
            FleetWorkbooks.row(assumptions, 2, "Discount rate", "10%");
            FleetWorkbooks.row(assumptions, 3, "Marketplace fee", "10%");
            for (int i = 0; i < assumptionRows.length; i += 2) {
                FleetWorkbooks.row(assumptions, 4 + i / 2, assumptionRows[i], assumptionRows[i + 1]);
            }
            XSSFSheet fleet = wb.createSheet("Fleet");
            FleetWorkbooks.row(fleet, 0, "Cluster ID", "GPU model", "GPUs", "Capex per GPU ($)", "Status", "Useful life (years)",
                    "Utilization", "Start price ($/GPU-hr)", "Price path", "Power per GPU (kW)", "Electricity ($/kWh)");
            FleetWorkbooks.row(fleet, 1, "planned-h100", "H100 SXM", 8, "$25,000", "Planned", 5, "70%", "$2.20/hr",
                    "blended:0.5:5", 1.0, 0.10);
            XSSFSheet leases = wb.createSheet("Leases");
            FleetWorkbooks.row(leases, 0, "Contract id", "Role", "Counterparty", "GPU model", "GPUs", "Rate ($/GPU-hr)", "Start date",
                    "Term (months)", "Prepaid share", "GPUs needed", "Resale allowed", "Termination fee");
            FleetWorkbooks.row(leases, 1, "idle-h100", "Lessee", "NeoCloud", "H100 SXM", 10, 4.00, "2024-01-01", 48, "0%", 6, "yes",
                    "$200,000");
            XSSFSheet market = wb.createSheet("Market");
            FleetWorkbooks.row(market, 0, "GPU model", "On-demand price", "Annual price decline");
            FleetWorkbooks.row(market, 1, "H100 SXM", "$2.00/hr", "0%");
            try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
                wb.write(out);
            }
        }
        return dir.resolve(name);
    }

    private JsonNode convert(Path input, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("convert", input.toString(), "--no-memos", "--json",
                "-o", dir.resolve("out-" + System.nanoTime() + ".xlsx").toString()));
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.json().get("workbooks").get(0);
    }

    @Test
    void zeroVolatilityInTheWorkbookReproducesTheDeterministicFiguresExactly() throws Exception {
        Path input = workbook("calm.xlsx", "Monte Carlo runs", 300, "Seed", 5, "Price volatility", "0%",
                "Utilization volatility", 0);

        JsonNode result = convert(input);

        JsonNode cluster = result.get("clusters").get(0);
        JsonNode risk = cluster.get("risk");
        double npv = cluster.get("npv").asDouble();
        assertThat(risk.get("seed").asLong()).isEqualTo(5);
        assertThat(risk.get("runs").asInt()).isEqualTo(300);
        assertThat(List.of(risk.get("npvP5").asDouble(), risk.get("npvP50").asDouble(), risk.get("npvP95").asDouble()))
                .containsOnly(npv);
        assertThat(risk.get("decisionFlipShare").asDouble()).isZero();

        JsonNode contract = result.get("contracts").get(0);
        JsonNode contractRisk = contract.get("risk");
        double chosenCost = -contract.get("npv").asDouble();
        assertThat(contractRisk.get("decision").asText()).isEqualTo(contract.get("decision").asText());
        assertThat(contractRisk.get("seed").asLong()).isEqualTo(5);
        assertThat(contractRisk.get("sampler").asText()).isEqualTo("MONTE_CARLO");
        assertThat(List.of(contractRisk.get("chosenCostP5").asDouble(), contractRisk.get("chosenCostP50").asDouble(),
                contractRisk.get("chosenCostP95").asDouble())).containsOnly(chosenCost);
        assertThat(contractRisk.get("decisionFlipShare").asDouble()).isZero();
        assertThat(contractRisk.get("bestActionShare").get(contract.get("decision").asText()).asDouble()).isEqualTo(1.0);
    }

    @Test
    void flagsOverrideTheWorkbooksSettings() throws Exception {
        Path input = workbook("calm-lhs.xlsx", "Monte Carlo runs", 400, "Price volatility", "0%", "Utilization volatility", 0,
                "Sampler", "Latin hypercube");

        JsonNode fromWorkbook = convert(input).get("clusters").get(0).get("risk");
        JsonNode overridden = convert(input, "--volatility", "40%", "--sampler", "mc", "--jumps", "1", "--jump-size", "20%",
                "--correlation", "-0.3", "--utilization-volatility", "0.2").get("clusters").get(0).get("risk");

        assertThat(fromWorkbook.get("sampler").asText()).isEqualTo("LATIN_HYPERCUBE");
        assertThat(fromWorkbook.get("npvP5").asDouble()).isEqualTo(fromWorkbook.get("npvP95").asDouble());
        assertThat(overridden.get("sampler").asText()).isEqualTo("MONTE_CARLO");
        assertThat(overridden.get("npvP5").asDouble()).isLessThan(overridden.get("npvP95").asDouble());
    }

    @Test
    void runsAboveTheCapAndBadRiskFlagsAreRefusedWithExitCode2() throws Exception {
        Path input = workbook("fleet.xlsx");

        CliRun tooMany = CliRun.of("convert", input.toString(), "--no-memos", "--runs", "1000001");
        CliRun badFlags = CliRun.of("convert", input.toString(), "--no-memos", "--runs", "100", "--volatility", "fast",
                "--correlation", "2", "--sampler", "sobol", "--jump-size", "100%");
        CliRun quoteTooMany = CliRun.of("quote", "--preset", "article-h100", "--runs", "2000000");
        CliRun quoteBadJumps = CliRun.of("quote", "--preset", "article-h100", "--runs", "100", "--jumps", "-1");

        assertThat(tooMany.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(tooMany.err()).contains("--runs 1000001").contains("1,000,000");
        assertThat(badFlags.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(badFlags.err()).contains("--volatility 'fast'").contains("--correlation '2'").contains("--sampler 'sobol'")
                .contains("--jump-size '100%'");
        assertThat(quoteTooMany.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(quoteTooMany.err()).contains("1,000,000");
        assertThat(quoteBadJumps.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(quoteBadJumps.err()).contains("--jumps '-1'");
        assertThat(Files.exists(dir.resolve("fleet.roi.xlsx"))).isFalse();
    }

    @Test
    void quoteTakesTheRiskFlags() throws Exception {
        CliRun calm = CliRun.of("quote", "--preset", "article-h100", "--json", "--runs", "200", "--seed", "3",
                "--volatility", "0", "--utilization-volatility", "0", "--sampler", "lhs");

        assertThat(calm.exitCode()).as(calm.err()).isZero();
        JsonNode json = calm.json();
        JsonNode risk = json.get("risk");
        assertThat(risk.get("sampler").asText()).isEqualTo("LATIN_HYPERCUBE");
        assertThat(risk.get("npvP5").asDouble()).isEqualTo(risk.get("npvP95").asDouble()).isEqualTo(json.get("npv").asDouble());
    }

    @Test
    void aMonteCarloOfAbsurdSizeIsRefusedBeforeItRuns() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet fleet = wb.createSheet("Fleet");
            FleetWorkbooks.row(fleet, 0, "Cluster ID", "GPU model", "GPUs", "Capex per GPU ($)", "Start price ($/GPU-hr)");
            for (int i = 1; i <= 400; i++) {
                FleetWorkbooks.row(fleet, i, "c" + i, "H100 SXM", 8, 25_000, 2.5);
            }
            try (OutputStream out = Files.newOutputStream(dir.resolve("big.xlsx"))) {
                wb.write(out);
            }
        }

        CliRun run = CliRun.of("convert", dir.resolve("big.xlsx").toString(), "--no-memos", "--runs", "1000000");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("path-months").contains("--runs");
        assertThat(Files.exists(dir.resolve("big.roi.xlsx"))).isFalse();
    }

    @Test
    void theRiskSheetListsTheLesseeContractsBelowTheClusters() throws Exception {
        Path input = workbook("contracts.xlsx");
        Path output = dir.resolve("contracts.roi.xlsx");

        CliRun run = CliRun.of("convert", input.toString(), "--no-memos", "--runs", "300", "--seed", "9", "-o", output.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        try (InputStream in = Files.newInputStream(output); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet risk = wb.getSheet("ROI Risk");
            List<String> firstCells = new ArrayList<>();
            Row contractRow = null;
            for (Row row : risk) {
                firstCells.add(row.getCell(0) == null ? "" : row.getCell(0).toString());
                if (firstCells.get(firstCells.size() - 1).equals("idle-h100")) {
                    contractRow = row;
                }
            }
            assertThat(firstCells).containsSubsequence("Cluster id", "planned-h100", "Lessee contracts: Monte Carlo of the market price"
                    + " (present costs at the hurdle rate)", "Contract id", "idle-h100");
            assertThat(contractRow).isNotNull();
            assertThat(contractRow.getCell(2).getNumericCellValue()).isEqualTo(9);
            assertThat(contractRow.getCell(3).getStringCellValue()).isEqualTo("Monte Carlo");
        }
    }
}
