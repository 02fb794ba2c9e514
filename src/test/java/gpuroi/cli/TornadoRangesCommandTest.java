package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.DataFormatter;
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
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The tornado moves an input over the low / high range the workbook's Risk sheet gives (an amount as
 * typed, a percentage as a share of the cluster's own value), and every other input by ±20%; each bar's
 * NPV is checked against a separate conversion of the workbook with that input typed in.
 */
class TornadoRangesCommandTest {
    @TempDir
    Path dir;

    /** One planned cluster at the given start price and capex, valued 2026-01-01, hurdle = discount = 10%. */
    private Path workbook(String name, String startPrice, String capex, boolean withRiskSheet) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet assumptions = wb.createSheet("Assumptions");
            FleetWorkbooks.row(assumptions, 0, "Parameter", "Value");
            FleetWorkbooks.row(assumptions, 1, "Valuation date", "2026-01-01");
            FleetWorkbooks.row(assumptions, 2, "Discount rate", "10%");
            XSSFSheet fleet = wb.createSheet("Fleet");
            FleetWorkbooks.row(fleet, 0, "Cluster ID", "GPU model", "GPUs", "Capex per GPU ($)", "Status", "Useful life (years)",
                    "Utilization", "Start price ($/GPU-hr)", "Price path", "Power per GPU (kW)", "Electricity ($/kWh)");
            FleetWorkbooks.row(fleet, 1, "planned-h100", "H100 SXM", 8, capex, "Planned", 5, "70%", startPrice,
                    "blended:0.5:5", 1.0, 0.10);
            if (withRiskSheet) {
                XSSFSheet risk = wb.createSheet("Risk");
                FleetWorkbooks.row(risk, 0, "Uncertain inputs");
                FleetWorkbooks.row(risk, 2, "Input", "Low", "Most likely", "High", "Distribution");
                FleetWorkbooks.row(risk, 3, "Start price", "$1.50/hr", "$2.20/hr", "$3.00/hr", "PERT");
                FleetWorkbooks.row(risk, 4, "Capex per GPU", "90%", "100%", "120%", "Triangular");
            }
            try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
                wb.write(out);
            }
        }
        return dir.resolve(name);
    }

    private JsonNode convert(Path input, Path output) throws IOException {
        CliRun run = CliRun.of("convert", input.toString(), "--no-memos", "--json", "-o", output.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.clusters().get(0);
    }

    private double npvOf(String startPrice, String capex) throws IOException {
        Path input = workbook("variant-" + System.nanoTime() + ".xlsx", startPrice, capex, false);
        return convert(input, dir.resolve("variant-out-" + System.nanoTime() + ".xlsx")).get("npv").asDouble();
    }

    @Test
    void theRiskSheetsRangesReplaceTheDefaultMovesAndTheOthersKeepThem() throws Exception {
        Path output = dir.resolve("ranged-out.xlsx");
        JsonNode cluster = convert(workbook("ranged.xlsx", "$2.20/hr", "$25,000", true), output);

        Map<String, JsonNode> bars = new HashMap<>();
        cluster.get("tornado").forEach(bar -> bars.put(bar.get("input").asText(), bar));

        JsonNode price = bars.get("START_PRICE_PER_GPU_HOUR");
        assertThat(price.get("low").asDouble()).isEqualTo(1.50);
        assertThat(price.get("high").asDouble()).isEqualTo(3.00);
        assertThat(price.get("npvAtLow").asDouble()).isCloseTo(npvOf("$1.50/hr", "$25,000"), within(1e-6));
        assertThat(price.get("npvAtHigh").asDouble()).isCloseTo(npvOf("$3.00/hr", "$25,000"), within(1e-6));

        // A percentage row is a share of the cluster's own value: 90% and 120% of $25,000.
        JsonNode capex = bars.get("CAPEX_PER_GPU");
        assertThat(capex.get("low").asDouble()).isCloseTo(22_500, within(1e-9));
        assertThat(capex.get("high").asDouble()).isCloseTo(30_000, within(1e-9));
        assertThat(capex.get("npvAtHigh").asDouble()).isCloseTo(npvOf("$2.20/hr", "$30,000"), within(1e-6));

        // Utilization is not in the Risk sheet: it keeps the default ±20% of 70%.
        JsonNode utilization = bars.get("UTILIZATION");
        assertThat(utilization.get("low").asDouble()).isCloseTo(0.56, within(1e-12));
        assertThat(utilization.get("high").asDouble()).isCloseTo(0.84, within(1e-12));

        // The ROI Sensitivity sheet's tornado shows the same low and high for the start price.
        try (InputStream in = Files.newInputStream(output); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet sheet = wb.getSheet("ROI Sensitivity");
            DataFormatter formatter = new DataFormatter(java.util.Locale.US);
            boolean found = false;
            for (Row row : sheet) {
                StringBuilder text = new StringBuilder();
                row.forEach(c -> text.append(formatter.formatCellValue(c)).append('|'));
                if (text.toString().toLowerCase(java.util.Locale.ROOT).contains("start price") && text.toString().contains("1.50")
                        && text.toString().contains("3.00")) {
                    found = true;
                }
            }
            assertThat(found).as("a tornado row for the start price from $1.50 to $3.00").isTrue();
        }
    }

    @Test
    void withoutARiskSheetEveryInputMovesByTwentyPercent() throws Exception {
        JsonNode cluster = convert(workbook("plain.xlsx", "$2.20/hr", "$25,000", false), dir.resolve("plain-out.xlsx"));

        cluster.get("tornado").forEach(bar -> {
            double base = bar.get("base").asDouble();
            if (!bar.get("input").asText().equals("UTILIZATION")) {
                assertThat(bar.get("low").asDouble()).as(bar.toString()).isCloseTo(0.8 * base, within(1e-9 * Math.max(1, base)));
                assertThat(bar.get("high").asDouble()).as(bar.toString()).isCloseTo(1.2 * base, within(1e-9 * Math.max(1, base)));
            }
        });
    }
}
