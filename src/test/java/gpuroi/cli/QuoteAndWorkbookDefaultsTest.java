package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The same bare cluster gets the same running-cost defaults, and so the same NPV, from `quote` and from a workbook. */
class QuoteAndWorkbookDefaultsTest {
    /**
     * 8 H100 SXM at $30,000, 12 months, flat $2.50/GPU-hr, 100% utilization, no residual, discount 0%: power is not
     * costed by default (catalog 1.15 kW × PUE 1.0 × $0/kWh), so NPV = 8 × 730 × 2.50 × 12 − 240,000 = −64,800.
     */
    private static final double HAND_NPV = 8 * 730 * 2.50 * 12 - 240_000;

    @TempDir
    Path dir;

    @Test
    void aBareClusterHasTheSameNpvFromQuoteAndFromAWorkbookAndItIsTheHandComputedOne() throws Exception {
        CliRun quote = CliRun.of("quote", "--gpus", "8", "--capex-per-gpu", "30000", "--price", "2.50", "--life", "1",
                "--path", "flat", "--discount", "0%", "--valuation-date", "2026-01-01", "--json");
        assertThat(quote.exitCode()).as(quote.err()).isZero();
        JsonNode q = quote.json();
        assertThat(q.get("npv").asDouble()).isCloseTo(HAND_NPV, within(1e-6));

        Path input = bareWorkbook();
        CliRun convert = CliRun.of("convert", input.toString(), "-o", dir.resolve("out.xlsx").toString(), "--no-memos", "--json");
        assertThat(convert.exitCode()).as(convert.err()).isZero();
        JsonNode cluster = convert.clusters().get(0);
        assertThat(cluster.get("npv").asDouble()).isCloseTo(HAND_NPV, within(1e-6));
    }

    @Test
    void quoteUsesTheCatalogPowerAndNoFacilityOverheadOrElectricityPriceAsAWorkbookDoes() throws Exception {
        JsonNode q = CliRun.of("quote", "--capex-per-gpu", "30000", "--price", "2.50", "--valuation-date", "2026-01-01",
                "--json").json();
        JsonNode inputs = q.get("inputs");
        assertThat(inputs.get("powerKwPerGpu").asDouble()).isEqualTo(1.15);
        assertThat(inputs.get("pue").asDouble()).isEqualTo(1.0);
        assertThat(inputs.get("electricityPerKwh").asDouble()).isEqualTo(0.0);
    }

    private Path bareWorkbook() throws Exception {
        Path file = dir.resolve("bare.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet assumptions = wb.createSheet("Assumptions");
            FleetWorkbooks.row(assumptions, 0, "Parameter", "Value");
            FleetWorkbooks.row(assumptions, 1, "Valuation date", "2026-01-01");
            FleetWorkbooks.row(assumptions, 2, "Discount rate", "0%");
            XSSFSheet fleet = wb.createSheet("Fleet");
            FleetWorkbooks.row(fleet, 0, "Cluster ID", "GPU model", "GPUs", "Capex per GPU ($)", "Status", "Useful life (years)",
                    "Start price ($/GPU-hr)", "Price path");
            FleetWorkbooks.row(fleet, 1, "bare", "H100 SXM", 8, 30000, "Planned", 1, 2.5, "flat");
            wb.write(out);
        }
        return file;
    }
}
