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

import static org.assertj.core.api.Assertions.assertThat;

/** {@code gpuroi convert --runs/--seed}: the Monte Carlo carried into the JSON. */
class ConvertRiskTest {
    @TempDir
    Path dir;

    /** Two clusters; the Assumptions give Monte Carlo runs and a seed when {@code runs} is not null. */
    Path workbook(String name, Integer runs, Integer seed) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet assumptions = wb.createSheet("Assumptions");
            FleetWorkbooks.row(assumptions, 0, "Parameter", "Value");
            FleetWorkbooks.row(assumptions, 1, "Valuation date", "2026-01-01");
            FleetWorkbooks.row(assumptions, 2, "Discount rate", "10%");
            FleetWorkbooks.row(assumptions, 3, "Hurdle rate", "12%");
            if (runs != null) {
                FleetWorkbooks.row(assumptions, 4, "Monte Carlo runs", runs);
                FleetWorkbooks.row(assumptions, 5, "Seed", seed);
            }
            XSSFSheet fleet = wb.createSheet("Fleet");
            FleetWorkbooks.row(fleet, 0, "Cluster ID", "GPU model", "GPUs", "Capex per GPU ($)", "Status", "Useful life (years)",
                    "Residual value", "Power per GPU (kW)", "PUE", "Electricity ($/kWh)", "Other opex per GPU-month",
                    "Utilization", "Start price ($/GPU-hr)", "Price path");
            FleetWorkbooks.row(fleet, 1, "plan-a", "H100 SXM", 8, "$20,000", "Planned", 2, "10%", 1.0, 1.25, 0.10, 20,
                    "80%", "$2.00/hr", "blended:0.5:2");
            FleetWorkbooks.row(fleet, 2, "plan-b", "H100 SXM", 16, "$25,000", "Planned", 5, "10%", 1.0, 1.25, 0.10, 20,
                    "70%", "$2.50/hr", "blended:0.5:5");
            try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
                wb.write(out);
            }
        }
        return dir.resolve(name);
    }

    static JsonNode convert(String... args) throws IOException {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.json().get("workbooks").get(0);
    }

    @Test
    void theSameSeedGivesTheSameRiskFiguresAndTheyAreOrdered() throws Exception {
        Path input = workbook("fleet.xlsx", null, null);
        JsonNode first = convert("convert", input.toString(), "--no-memos", "--json", "--runs", "500", "--seed", "42",
                "-o", dir.resolve("one.xlsx").toString());
        JsonNode second = convert("convert", input.toString(), "--no-memos", "--json", "--runs", "500", "--seed", "42",
                "-o", dir.resolve("two.xlsx").toString());
        for (int i = 0; i < 2; i++) {
            JsonNode risk = first.get("clusters").get(i).get("risk");
            assertThat(risk).as("cluster %d", i).isNotNull();
            assertThat(risk).isEqualTo(second.get("clusters").get(i).get("risk"));
            assertThat(risk.get("seed").asLong()).isEqualTo(42);
            assertThat(risk.get("runs").asInt()).isEqualTo(500);
            assertThat(risk.get("sampler").asText()).isEqualTo("MONTE_CARLO");
            assertThat(risk.get("npvP5").asDouble()).isLessThanOrEqualTo(risk.get("npvP50").asDouble());
            assertThat(risk.get("npvP50").asDouble()).isLessThanOrEqualTo(risk.get("npvP95").asDouble());
            assertThat(risk.get("expectedShortfall").asDouble()).isLessThanOrEqualTo(risk.get("npvP5").asDouble());
            if (!risk.get("irrP5").isNull()) {
                assertThat(risk.get("irrP5").asDouble()).isLessThanOrEqualTo(risk.get("irrP50").asDouble());
                assertThat(risk.get("irrP50").asDouble()).isLessThanOrEqualTo(risk.get("irrP95").asDouble());
            }
            for (String share : new String[] {"probabilityOfLoss", "probabilityBeatsHurdle", "decisionFlipShare"}) {
                assertThat(risk.get(share).asDouble()).as(share).isBetween(0.0, 1.0);
            }
        }
        JsonNode other = convert("convert", input.toString(), "--no-memos", "--json", "--runs", "500", "--seed", "7",
                "-o", dir.resolve("three.xlsx").toString());
        assertThat(other.get("clusters").get(1).get("risk")).isNotEqualTo(first.get("clusters").get(1).get("risk"));
    }

    @Test
    void noRunsMeansNoRiskKey() throws Exception {
        Path input = workbook("fleet.xlsx", null, null);
        JsonNode off = convert("convert", input.toString(), "--no-memos", "--json", "-o", dir.resolve("off.xlsx").toString());
        JsonNode zero = convert("convert", input.toString(), "--no-memos", "--json", "--runs", "0",
                "-o", dir.resolve("zero.xlsx").toString());
        for (JsonNode w : new JsonNode[] {off, zero}) {
            assertThat(w.get("clusters")).hasSize(2);
            w.get("clusters").forEach(c -> assertThat(c.has("risk")).isFalse());
        }
    }

    @Test
    void theWorkbooksRunsAndSeedApplyWhenTheFlagsAreAbsentAndAreNoLongerAWarning() throws Exception {
        Path input = workbook("fleet.xlsx", 300, 9);
        JsonNode fromSheet = convert("convert", input.toString(), "--no-memos", "--json", "-o", dir.resolve("a.xlsx").toString());
        JsonNode fromFlags = convert("convert", input.toString(), "--no-memos", "--json", "--runs", "300", "--seed", "9",
                "-o", dir.resolve("b.xlsx").toString());
        JsonNode risk = fromSheet.get("clusters").get(0).get("risk");
        assertThat(risk.get("runs").asInt()).isEqualTo(300);
        assertThat(risk.get("seed").asLong()).isEqualTo(9);
        assertThat(risk).isEqualTo(fromFlags.get("clusters").get(0).get("risk"));
        assertThat(fromSheet.get("warnings").toString()).doesNotContain("not applied");

        JsonNode overridden = convert("convert", input.toString(), "--no-memos", "--json", "--runs", "0",
                "-o", dir.resolve("c.xlsx").toString());
        assertThat(overridden.get("clusters").get(0).has("risk")).isFalse();
    }

    @Test
    void theRiskSheetHoldsARowPerClusterAndIsReplacedOrDroppedOnReconversion() throws Exception {
        Path input = workbook("fleet.xlsx", null, null);
        Path output = dir.resolve("fleet.roi.xlsx");
        JsonNode json = convert("convert", input.toString(), "--no-memos", "--json", "--runs", "400", "--seed", "42",
                "-o", output.toString());
        try (InputStream in = Files.newInputStream(output); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet sheet = wb.getSheet("ROI Risk");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Cluster id");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Seed");
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Sampler");
            // One row per cluster, then a blank row before the NPV distributions.
            assertThat(sheet.getRow(3) == null).as("a blank row after the table").isTrue();
            assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).startsWith("NPV distribution");
            for (int i = 0; i < 2; i++) {
                Row row = sheet.getRow(1 + i);
                JsonNode risk = json.get("clusters").get(i).get("risk");
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(json.get("clusters").get(i).get("id").asText());
                assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(400);
                assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(42);
                assertThat(row.getCell(3).getStringCellValue()).isEqualTo("Monte Carlo");
                assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(risk.get("npvP5").asDouble());
                assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(risk.get("npvP50").asDouble());
                assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(risk.get("npvP95").asDouble());
                if (risk.get("irrP50").isNull()) {
                    assertThat(row.getCell(8).getStringCellValue()).isEqualTo("n/a");
                } else {
                    assertThat(row.getCell(8).getNumericCellValue()).isEqualTo(risk.get("irrP50").asDouble());
                }
                assertThat(row.getCell(10).getNumericCellValue()).isEqualTo(risk.get("probabilityOfLoss").asDouble());
                assertThat(row.getCell(11).getNumericCellValue()).isEqualTo(risk.get("probabilityBeatsHurdle").asDouble());
                assertThat(row.getCell(12).getNumericCellValue()).isEqualTo(risk.get("expectedShortfall").asDouble());
                assertThat(row.getCell(13).getNumericCellValue()).isEqualTo(risk.get("decisionFlipShare").asDouble());
            }
        }

        // Converting the output again replaces the sheet rather than adding "ROI Risk (2)".
        Path again = dir.resolve("again.xlsx");
        convert("convert", output.toString(), "--no-memos", "--json", "--runs", "100", "-o", again.toString());
        try (InputStream in = Files.newInputStream(again); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            long riskSheets = java.util.stream.IntStream.range(0, wb.getNumberOfSheets())
                    .filter(i -> wb.getSheetName(i).toLowerCase(java.util.Locale.ROOT).startsWith("roi risk")).count();
            assertThat(riskSheets).isEqualTo(1);
            assertThat(wb.getSheet("ROI Risk").getRow(1).getCell(1).getNumericCellValue()).isEqualTo(100);
        }
        // Without runs the stale sheet goes.
        Path off = dir.resolve("off.xlsx");
        convert("convert", output.toString(), "--no-memos", "--json", "-o", off.toString());
        try (InputStream in = Files.newInputStream(off); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheet("ROI Risk")).isNull();
            assertThat(wb.getSheet("ROI Summary")).isNotNull();
        }
    }

    private static String pdfText(Path pdf) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ").replace("- ", "-");
        }
    }

    @Test
    void eachClusterMemoGetsARiskSectionWithTheOddsAndThePercentiles() throws Exception {
        Path input = workbook("fleet.xlsx", null, null);
        Path output = dir.resolve("fleet.roi.xlsx");
        JsonNode json = convert("convert", input.toString(), "--json", "--runs", "2000", "--seed", "42", "-o", output.toString());
        Path memos = dir.resolve("fleet.roi.memos");
        for (JsonNode cluster : json.get("clusters")) {
            JsonNode risk = cluster.get("risk");
            String text = pdfText(memos.resolve(cluster.get("id").asText() + ".pdf"));
            String negative = gpuroi.model.Formats.percent(1 - risk.get("probabilityBeatsHurdle").asDouble(), 0);
            // Put on the IRR when every path has a single one, else on NPV at the hurdle (the same count either way).
            assertThat(text).contains("Risk")
                    .containsPattern("(IRR falls below the 12\\.0% hurdle|NPV at the 12\\.0% hurdle is 0 or below) in "
                            + java.util.regex.Pattern.quote(negative) + " of 2,000 paths; the cluster loses money in "
                            + java.util.regex.Pattern.quote(gpuroi.model.Formats.percent(risk.get("probabilityOfLoss").asDouble(), 0)))
                    .contains("2,000 paths (plain Monte Carlo sampler, seed 42)")
                    .contains("P5").contains("P50").contains("P95")
                    .contains(gpuroi.model.Formats.money(risk.get("npvP5").asDouble(), "USD"))
                    .contains(gpuroi.model.Formats.money(risk.get("npvP50").asDouble(), "USD"))
                    .contains(gpuroi.model.Formats.money(risk.get("npvP95").asDouble(), "USD"));
        }

        Path plain = dir.resolve("plain.roi.xlsx");
        convert("convert", input.toString(), "--json", "-o", plain.toString());
        assertThat(pdfText(dir.resolve("plain.roi.memos").resolve("plan-a.pdf"))).doesNotContain("paths (").doesNotContain("Monte Carlo");
        assertThat(pdfText(dir.resolve("plain.roi.memos").resolve("portfolio.pdf"))).doesNotContain("Beats hurdle");
        assertThat(pdfText(memos.resolve("portfolio.pdf"))).contains("Beats hurdle")
                .contains("2,000 paths per cluster, plain Monte Carlo sampler, seed 42");
    }

    @Test
    void theTextReportNamesTheRunAndItsSeed() throws Exception {
        Path input = workbook("fleet.xlsx", null, null);
        CliRun run = CliRun.of("convert", input.toString(), "--no-memos", "--runs", "300", "--seed", "5");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Monte Carlo: 300 paths per cluster, seed 5").contains("NPV P50").contains("ROI Risk");
        CliRun off = CliRun.of("convert", input.toString(), "--no-memos", "-o", dir.resolve("off.xlsx").toString());
        assertThat(off.out()).doesNotContain("Monte Carlo");
    }

    @Test
    void negativeRunsAreRefused() throws Exception {
        Path input = workbook("fleet.xlsx", null, null);
        CliRun run = CliRun.of("convert", input.toString(), "--no-memos", "--runs", "-1");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("--runs");
    }
}
