package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static gpuroi.cli.FleetWorkbooks.row;
import static gpuroi.cli.WatchFixtures.names;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workbook with an error in one row and a warning in another: the warning is shown beside the error
 * (text, --json, the hot folder's error files), so one pass fixes everything.
 */
class WarningsBesideErrorsTest {
    /** Fleet!L4 holds 80 in the utilization column (read as 80%, with a warning). */
    private static final String WARNING = "read 80 as 80%";
    /** Fleet!D5 holds 'free' as the capex per GPU. */
    private static final String ERROR_CELL = "Fleet!D5";

    @TempDir
    Path dir;

    /** Two clusters: the first with utilization typed as 80 (a warning), the second with capex 'free' (an error). */
    static void write(Path file) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet assumptions = wb.createSheet("Assumptions");
            row(assumptions, 0, "Parameter", "Value");
            row(assumptions, 1, "Valuation date", "2026-01-01");
            XSSFSheet fleet = wb.createSheet("Fleet");
            row(fleet, 0, "Our GPU fleet");
            row(fleet, 2, "Cluster ID", "GPU model", "GPUs", "Capex per GPU ($)", "Status", "Useful life (years)",
                    "Residual value", "Power per GPU (kW)", "PUE", "Electricity ($/kWh)", "Other opex per GPU-month",
                    "Utilization", "Start price ($/GPU-hr)", "Price path");
            row(fleet, 3, "pod-a", "H100 SXM", 8, 20000, "Planned", 2, "10%", 1.0, 1.25, 0.10, 20, 80, "$2.00/hr", "flat");
            row(fleet, 4, "pod-b", "H100 SXM", 8, "free", "Planned", 2, "10%", 1.0, 1.25, 0.10, 20, "70%", "$2.00/hr", "flat");
            wb.write(out);
        }
    }

    @Test
    void convertPrintsTheWarningBesideTheErrorAndWritesNothing() throws Exception {
        Path input = dir.resolve("fleet.xlsx");
        write(input);

        CliRun run = CliRun.of("convert", input.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("fleet.xlsx: not converted, 1 problem:")
                .contains("  " + ERROR_CELL + ": found 'free'")
                .contains("  warning: Fleet!L4: ").contains(WARNING);
        assertThat(names(dir)).containsExactly("fleet.xlsx");
    }

    @Test
    void validatePrintsTheWarningBesideTheError() throws Exception {
        Path input = dir.resolve("fleet.xlsx");
        write(input);

        CliRun run = CliRun.of("validate", input.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains(ERROR_CELL).contains("warning: Fleet!L4: ").contains(WARNING);
    }

    @Test
    void jsonListsTheWarningInItsArrayBesideTheErrors() throws Exception {
        Path input = dir.resolve("fleet.xlsx");
        write(input);

        CliRun run = CliRun.of("convert", "--json", input.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.INVALID_INPUT);
        JsonNode workbook = run.json().get("workbooks").get(0);
        assertThat(workbook.get("output").isNull()).isTrue();
        assertThat(workbook.get("outputError").isNull()).isTrue();
        assertThat(workbook.get("errors")).hasSize(1);
        assertThat(workbook.get("errors").get(0).get("cell").asText()).isEqualTo("D5");
        JsonNode warnings = workbook.get("warnings");
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).get("sheet").asText()).isEqualTo("Fleet");
        assertThat(warnings.get(0).get("cell").asText()).isEqualTo("L4");
        assertThat(warnings.get(0).get("message").asText()).contains(WARNING);
    }

    @Test
    void theHotFoldersErrorFilesCarryTheWarningBesideTheError() throws Exception {
        Files.createDirectories(dir.resolve("inbox"));
        write(dir.resolve("inbox/fleet.xlsx"));

        CliRun run = WatchOnceTest.once(dir, "--no-memos");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(names(dir.resolve("failed"))).containsExactly("fleet.xlsx", "fleet.xlsx.error.json", "fleet.xlsx.error.txt");
        String text = Files.readString(dir.resolve("failed/fleet.xlsx.error.txt"));
        assertThat(text).contains(ERROR_CELL).contains("warning: Fleet!L4: ").contains(WARNING);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("failed/fleet.xlsx.error.json").toFile());
        assertThat(json.get("errors")).hasSize(1);
        assertThat(json.get("warnings")).hasSize(1);
        assertThat(json.get("warnings").get(0).get("cell").asText()).isEqualTo("L4");
    }
}
