package gpuroi.cli;

import gpuroi.workbook.WorkbookInput;
import gpuroi.workbook.WorkbookReader;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code gpuroi init}: the blank workbook it writes, read back as a user's file would be. */
class InitCommandTest {
    @TempDir
    Path dir;

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void theTemplateReadsBackWithoutErrorsAndConvertsWithExitCodeZero() throws Exception {
        Path template = dir.resolve("fleet.xlsx");
        CliRun init = run("init", template.toString());
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).contains("gpuroi convert " + template);

        WorkbookInput read = WorkbookReader.read(template, LocalDate.of(2000, 1, 1));
        assertThat(read.portfolio().assumptions().valuationDate()).isEqualTo(LocalDate.now().withDayOfMonth(1));
        assertThat(read.portfolio().clusters()).hasSize(2);
        assertThat(read.portfolio().leases()).hasSize(2);
        assertThat(read.portfolio().marketQuotes()).hasSize(2);

        CliRun convert = run("convert", template.toString(), "--json");
        assertThat(convert.exitCode()).as(convert.err()).isZero();
        assertThat(convert.json().get("workbooks").get(0).get("errors")).isEmpty();
        assertThat(convert.json().get("workbooks").get(0).get("warnings")).isEmpty();
        assertThat(dir.resolve("fleet.roi.xlsx")).exists();
    }

    @Test
    void statusUseRoleResaleAndPricePathHaveDropdownsOnTheirColumns() throws Exception {
        Path template = dir.resolve("fleet.xlsx");
        assertThat(run("init", template.toString()).exitCode()).isZero();

        try (InputStream in = Files.newInputStream(template); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet fleet = wb.getSheet("Fleet");
            assertThat(dropdownOn(fleet, "Status").getExplicitListValues()).containsExactly("Owned", "Planned");
            assertThat(dropdownOn(fleet, "Use").getExplicitListValues()).containsExactly("Rent out", "Own use");
            DataValidation pricePath = validationOn(fleet, "Price path");
            assertThat(pricePath.getValidationConstraint().getExplicitListValues()).contains("flat", "blended:0.5:5", "decline:0.4");
            // Custom paths such as custom:yearly:1,0.8,0.6 must stay possible: the list only informs.
            assertThat(pricePath.getErrorStyle()).isNotEqualTo(DataValidation.ErrorStyle.STOP);

            XSSFSheet leases = wb.getSheet("Leases");
            assertThat(dropdownOn(leases, "Role").getExplicitListValues()).containsExactly("Lessor", "Lessee");
            assertThat(dropdownOn(leases, "Resale allowed").getExplicitListValues()).containsExactly("Yes", "No");
        }
    }

    @Test
    void theTemplateHasInstructionsFrozenHeadersAndNumberFormats() throws Exception {
        Path template = dir.resolve("fleet.xlsx");
        assertThat(run("init", template.toString()).exitCode()).isZero();

        try (InputStream in = Files.newInputStream(template); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetName(0)).isEqualTo("Instructions");
            StringBuilder instructions = new StringBuilder();
            wb.getSheet("Instructions").forEach(r -> r.forEach(c -> instructions.append(c.getStringCellValue()).append('\n')));
            assertThat(instructions.toString()).contains("gpuroi convert fleet.xlsx").contains("70%").contains("Useful life: 5 years");
            assertThat(List.of("Assumptions", "Fleet", "Leases", "Market")).allSatisfy(name -> {
                assertThat(wb.getSheet(name)).as(name).isNotNull();
                assertThat(wb.getSheet(name).getPaneInformation().isFreezePane()).as(name + " header frozen").isTrue();
            });
            XSSFSheet fleet = wb.getSheet("Fleet");
            Row header = fleet.getRow(0);
            assertThat(header.getCell(column(fleet, "Capex per GPU ($)")).getStringCellValue()).isEqualTo("Capex per GPU ($)");
            Row example = fleet.getRow(1);
            assertThat(example.getCell(column(fleet, "Capex per GPU ($)")).getCellStyle().getDataFormatString()).contains("$");
            assertThat(example.getCell(column(fleet, "Utilization (%)")).getCellStyle().getDataFormatString()).contains("%");
            assertThat(example.getCell(column(fleet, "Purchase date")).getCellStyle().getDataFormatString()).contains("yyyy");
        }
    }

    @Test
    void clearingAnAssumptionsValueInTheTemplateFallsBackToItsDefault() throws Exception {
        Path template = dir.resolve("fleet.xlsx");
        assertThat(run("init", template.toString()).exitCode()).isZero();
        try (InputStream in = Files.newInputStream(template); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet assumptions = wb.getSheet("Assumptions");
            // Every value cleared, the notes beside them kept: the reader must not take a note for a value.
            for (int r = 1; r <= assumptions.getLastRowNum(); r++) {
                // The Monte Carlo rows come without a value (their defaults are in the notes).
                if (assumptions.getRow(r).getCell(1) != null) {
                    assumptions.getRow(r).removeCell(assumptions.getRow(r).getCell(1));
                }
            }
            try (OutputStream out = Files.newOutputStream(template)) {
                wb.write(out);
            }
        }

        WorkbookInput read = WorkbookReader.read(template, LocalDate.of(2026, 1, 1));

        assertThat(read.portfolio().assumptions().valuationDate()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(read.portfolio().assumptions().discountRate()).isEqualTo(0.10);
        assertThat(read.portfolio().assumptions().currency()).isEqualTo("USD");
    }

    @Test
    void anExistingFileIsNotOverwrittenWithoutForce() throws Exception {
        Path existing = dir.resolve("fleet.xlsx");
        Files.writeString(existing, "the investor's own work");

        CliRun run = run("init", existing.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("fleet.xlsx").contains("already exists").contains("--force").doesNotContain("Exception");
        assertThat(Files.readString(existing)).isEqualTo("the investor's own work");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(existing);
        }
    }

    @Test
    void forceReplacesAnExistingFileWithTheTemplate() throws Exception {
        Path existing = dir.resolve("fleet.xlsx");
        Files.writeString(existing, "an old draft");

        CliRun run = run("init", existing.toString(), "--force");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(WorkbookReader.read(existing, LocalDate.of(2026, 1, 1)).portfolio().clusters()).isNotEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(existing);
        }
    }

    @Test
    void aMissingFolderOrAnotherExtensionIsRefusedAndNothingIsCreated() throws Exception {
        CliRun missingFolder = run("init", dir.resolve("no-such-folder").resolve("fleet.xlsx").toString());
        assertThat(missingFolder.exitCode()).isEqualTo(2);
        assertThat(missingFolder.err()).contains("does not exist");

        CliRun csv = run("init", dir.resolve("fleet.csv").toString());
        assertThat(csv.exitCode()).isEqualTo(2);
        assertThat(csv.err()).contains(".xlsx");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    private static int column(XSSFSheet sheet, String header) {
        Row row = sheet.getRow(0);
        for (int i = 0; i < row.getLastCellNum(); i++) {
            if (row.getCell(i) != null && row.getCell(i).getStringCellValue().equals(header)) {
                return i;
            }
        }
        throw new AssertionError(sheet.getSheetName() + " has no header '" + header + "'");
    }

    private static DataValidation validationOn(XSSFSheet sheet, String header) {
        int column = column(sheet, header);
        return sheet.getDataValidations().stream()
                .filter(v -> Arrays.stream(v.getRegions().getCellRangeAddresses()).anyMatch(r -> covers(r, column)))
                .findFirst().orElseThrow(() -> new AssertionError("no dropdown on " + sheet.getSheetName() + " '" + header + "'"));
    }

    private static DataValidationConstraint dropdownOn(XSSFSheet sheet, String header) {
        return validationOn(sheet, header).getValidationConstraint();
    }

    private static boolean covers(CellRangeAddress range, int column) {
        return range.getFirstColumn() <= column && column <= range.getLastColumn() && range.getFirstRow() <= 1
                && range.getLastRow() >= 100;
    }
}
