package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The basis of BUY or RENT from the command line: {@code quote --use} and the Fleet sheet's Use column through
 * {@code convert}. The b200 figures are hand-computed in the engine's BuyOrRentBasisTest: owning $1,112,821.37,
 * renting the same hours on the cluster's own path $1,149,506.89, the 8% fee $91,960.55 (12% hurdle).
 */
class UseBasisCommandTest {
    static final double OWN = 1_112_821.37;
    static final double RENT = 1_149_506.89;

    @TempDir
    Path dir;

    static CliRun quote(String... extra) {
        String[] base = {"quote", "--id", "b200-plan", "--model", "B200", "--gpus", "16", "--capex-per-gpu", "62k",
                "--price", "6.00", "--path", "decline:35%", "--utilization", "80%", "--residual", "15%", "--power-kw", "1.8",
                "--pue", "1.25", "--kwh-price", "0.08", "--opex", "150", "--fee", "8%", "--discount", "10%", "--hurdle", "12%",
                "--valuation-date", "2026-06-01"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    @Test
    void quoteJudgesTheB200ForOwnUseAsABuyAndByDefaultAsARent() throws Exception {
        CliRun ownUse = quote("--use", "own-use", "--json");
        CliRun rentOut = quote("--json");

        assertThat(ownUse.exitCode()).as(ownUse.err()).isZero();
        JsonNode own = ownUse.json();
        assertThat(own.get("use").asText()).isEqualTo("own-use");
        assertThat(own.get("decision").asText()).isEqualTo("BUY");
        assertThat(own.get("ownUseCostToOwn").asDouble()).isCloseTo(OWN, within(0.01));
        assertThat(own.get("ownUseCostToRent").asDouble()).isCloseTo(RENT, within(0.01));
        assertThat(own.get("marketplaceFeeAtHurdle").asDouble()).isCloseTo(91_960.55, within(0.01));
        assertThat(own.get("investmentDecision").asText()).isEqualTo("RENT");

        JsonNode out = rentOut.json();
        assertThat(out.get("use").asText()).isEqualTo("rent-out");
        assertThat(out.get("decision").asText()).isEqualTo("RENT");
        assertThat(out.get("ownUseDecision").asText()).isEqualTo("BUY");
        assertThat(out.get("reason").asText()).contains("the 8.0% marketplace fee takes $91,961");
    }

    @Test
    void quotesTableNamesTheBasisAndBothPresentCosts() {
        CliRun run = quote("--use", "own-use");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("planned, basis: Own use").contains("BUY")
                .containsPattern("Own use: present cost of owning the GPU-hours +\\$1,112,821")
                .containsPattern("Own use: present cost of renting them \\(no fee\\) +\\$1,149,507");
    }

    @Test
    void ownUseOnAnOwnedClusterIsWarnedAboutAsTheFleetSheetDoesAndDecidesNothing() {
        CliRun owned = quote("--use", "own-use", "--status", "owned", "--purchase-date", "2025-06-01", "--secondary-price", "30k");
        CliRun planned = quote("--use", "own-use");

        assertThat(owned.exitCode()).as(owned.err()).isZero();
        assertThat(owned.err()).contains("gpuroi quote: warning: --use own-use: the cluster is owned")
                .contains("--use decides only BUY or RENT for a planned cluster");
        assertThat(owned.out()).containsPattern("HOLD|RESELL");
        assertThat(planned.err()).doesNotContain("--use own-use: the cluster is owned");
    }

    @Test
    void anUnknownUseIsRefusedWithWhatToType() {
        CliRun run = quote("--use", "maybe");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--use 'maybe'").contains("Rent out").contains("Own use");
    }

    @Test
    void convertCarriesTheFleetsUseIntoRoiSummaryAndJson() throws Exception {
        Path input = dir.resolve("fleet.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(input)) {
            Sheet assumptions = wb.createSheet("Assumptions");
            String[][] rows = {{"Valuation date", "2026-06-01"}, {"Discount rate", "10%"}, {"Hurdle rate", "12%"},
                {"Marketplace fee", "8%"}, {"Default price path", "flat"}};
            for (int i = 0; i < rows.length; i++) {
                Row row = assumptions.createRow(i);
                row.createCell(0).setCellValue(rows[i][0]);
                row.createCell(1).setCellValue(rows[i][1]);
            }
            Sheet fleet = wb.createSheet("Fleet");
            Object[][] cells = {
                {"Cluster id", "Status", "GPU model", "GPU count", "Capex per GPU", "Useful life", "Residual value", "Power per GPU",
                    "PUE", "Electricity", "Other opex per GPU-month", "Utilization", "Start price", "Price path", "Use"},
                {"b200-own", "Planned", "B200", 16, 62_000, 5, "15%", 1.8, 1.25, 0.08, 150, "80%", 6.0, "decline:0.35", "Own use"},
                {"b200-out", "Planned", "B200", 16, 62_000, 5, "15%", 1.8, 1.25, 0.08, 150, "80%", 6.0, "decline:0.35", "Rent out"}};
            for (int r = 0; r < cells.length; r++) {
                Row row = fleet.createRow(r);
                for (int c = 0; c < cells[r].length; c++) {
                    if (cells[r][c] instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(c).setCellValue((String) cells[r][c]);
                    }
                }
            }
            wb.write(out);
        }

        CliRun run = CliRun.of("convert", input.toString(), "--json", "--no-memos");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode clusters = run.clusters();
        assertThat(clusters.get(0).get("use").asText()).isEqualTo("own-use");
        assertThat(clusters.get(0).get("decision").asText()).isEqualTo("BUY");
        assertThat(clusters.get(1).get("use").asText()).isEqualTo("rent-out");
        assertThat(clusters.get(1).get("decision").asText()).isEqualTo("RENT");
        assertThat(clusters.get(1).get("ownUseCostToRent").asDouble()).isCloseTo(RENT, within(0.01));
        try (InputStream in = Files.newInputStream(dir.resolve("fleet.roi.xlsx")); XSSFWorkbook result = new XSSFWorkbook(in)) {
            Sheet summary = result.getSheet("ROI Summary");
            Row header = summary.getRow(0);
            int use = -1;
            for (int c = 0; c < header.getLastCellNum(); c++) {
                if (header.getCell(c) != null && header.getCell(c).getStringCellValue().startsWith("Use")) {
                    use = c;
                }
            }
            assertThat(use).isPositive();
            assertThat(summary.getRow(1).getCell(use).getStringCellValue()).isEqualTo("Own use");
            assertThat(summary.getRow(2).getCell(use).getStringCellValue()).isEqualTo("Rent out");
        }
    }
}
