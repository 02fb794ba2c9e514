package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static gpuroi.cli.WarningsJson.warningAt;
import static gpuroi.cli.WarningsJson.warningCells;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values far outside anything real (src/test/fixtures/rows.py): warned about at their cell,
 * compared with the built-in catalog for the GPU model, in text, JSON and the ROI Notes sheet;
 * the samples and ordinary workbooks get no such warning.
 */
class PlausibilityWarningsTest {
    private static final Path FOREIGN = Path.of("src/test/resources/foreign");

    @TempDir
    Path dir;

    private Path copy(Path file) throws Exception {
        return Files.copy(file, dir.resolve(file.getFileName()));
    }

    private static JsonNode workbook(CliRun run) throws Exception {
        return run.json().get("workbooks").get(0);
    }

    @Test
    void eachImplausibleValueIsWarnedAboutAtItsOwnCell() throws Exception {
        CliRun run = CliRun.of("validate", copy(FOREIGN.resolve("rows-implausible.xlsx")).toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode workbook = workbook(run);
        // Not Fleet!E3: Gaudi 3 is unknown to the catalog, so its capex of 5 is not compared with anything.
        assertThat(warningCells(workbook)).containsExactlyInAnyOrder(
                "Market!B2", "Fleet!E2", "Fleet!L2", "Fleet!H2", "Fleet!I2", "Fleet!H3", "Leases!G2");
        String usd = "; the catalog is in USD and this comparison ignores currency (the bounds are wide)";
        assertThat(warningAt(workbook, "Fleet", "E2")).isEqualTo("cluster h100-misread: capex per GPU €62 is below 10% of the"
                + " catalog's new H100 SXM price $38,750; check the cell (a misread thousands separator, or a price in thousands?)" + usd);
        assertThat(warningAt(workbook, "Fleet", "L2")).isEqualTo("cluster h100-misread: start rental price €285.00/GPU-hr is above"
                + " 10× the catalog's on-demand H100 SXM price $2.95/GPU-hr; check the cell (a price per node, per day or in cents?)" + usd);
        assertThat(warningAt(workbook, "Fleet", "H2")).isEqualTo("cluster h100-misread: power per GPU 7 kW is above 5 kW;"
                + " check the cell (the draw of a whole server rather than of one GPU?)");
        assertThat(warningAt(workbook, "Fleet", "I2")).startsWith("cluster h100-misread: PUE 4 is above 3 ");
        assertThat(warningAt(workbook, "Fleet", "H3")).startsWith("cluster gaudi-lab: power per GPU 0.05 kW is below 0.1 kW");
        assertThat(warningAt(workbook, "Leases", "G2")).startsWith("contract acme-misread: rate €285.00/GPU-hr is above 10×"
                + " the catalog's on-demand H100 SXM price $2.95/GPU-hr");
        assertThat(warningAt(workbook, "Market", "B2")).startsWith("Market H100 SXM: on-demand price €0.10/GPU-hr is below 5%"
                + " of the catalog's on-demand H100 SXM price $2.95/GPU-hr");
    }

    @Test
    void theWarningsAreListedInTheTextOutputAndTheRoiNotesSheetAndFailStrict() throws Exception {
        Path input = copy(FOREIGN.resolve("rows-implausible.xlsx"));

        CliRun converted = CliRun.of("convert", input.toString(), "--no-memos");
        assertThat(converted.exitCode()).as(converted.err()).isZero();
        assertThat(converted.out()).contains("warning: Fleet!E2: cluster h100-misread: capex per GPU €62 is below 10%");
        List<String> notes = new ArrayList<>();
        try (InputStream in = Files.newInputStream(dir.resolve("rows-implausible.roi.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            DataFormatter text = new DataFormatter();
            for (Row row : wb.getSheet("ROI Notes")) {
                notes.add(text.formatCellValue(row.getCell(0)) + " " + text.formatCellValue(row.getCell(1)) + " "
                        + text.formatCellValue(row.getCell(2)));
            }
        }
        assertThat(notes).anyMatch(n -> n.startsWith("Warning Fleet!E2 cluster h100-misread: capex per GPU €62"))
                .anyMatch(n -> n.startsWith("Warning Leases!G2 contract acme-misread: rate €285.00/GPU-hr"));

        CliRun strict = CliRun.of("validate", input.toString(), "--strict");
        assertThat(strict.exitCode()).isEqualTo(ExitCodes.WARNINGS);
    }

    @Test
    void wattsTypedInTheKilowattColumnAndAPueOfThirteenAreRefusedAtTheirCellsAsBefore() throws Exception {
        CliRun run = CliRun.of("validate", copy(FOREIGN.resolve("rows-watts.xlsx")).toString(), "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        JsonNode errors = workbook(run).get("errors");
        List<String> cells = new ArrayList<>();
        errors.forEach(e -> cells.add(e.get("sheet").asText() + "!" + e.get("cell").asText()));
        assertThat(cells).containsExactlyInAnyOrder("Fleet!H2", "Fleet!I2");
        assertThat(errors.findValuesAsText("message")).anyMatch(m -> m.contains("700 W is 0.7 kW"))
                .anyMatch(m -> m.contains("a power usage effectiveness from 1.0 to 5.0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"samples/mixed-fleet.xlsx", "samples/article-h100.xlsx", "samples/messy-fleet.xlsx",
            "src/test/resources/foreign/rows-visible.xlsx", "src/test/resources/foreign/rows-without.xlsx"})
    void theSamplesAndOrdinaryWorkbooksGetNoPlausibilityWarning(String file) throws Exception {
        CliRun run = CliRun.of("validate", copy(Path.of(file)).toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(workbook(run).get("warnings").findValuesAsText("message"))
                .noneMatch(m -> m.contains("the catalog's") || m.contains("kW is") || m.contains("PUE "));
    }
}
