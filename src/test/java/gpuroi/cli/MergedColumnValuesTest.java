package gpuroi.cli;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A value typed once and merged down a Fleet column over every cluster's row, end to end through {@code convert} on the
 * openpyxl fixtures of src/test/fixtures/merged.py: each row reads it, as Excel shows it, and the model's inputs refer to
 * the one cell that holds it.
 */
class MergedColumnValuesTest {
    @TempDir
    Path dir;

    @Test
    void aValueMergedDownAColumnIsEveryCoveredRowsValue() throws Exception {
        CliRun merged = CliRun.of("convert", TestFiles.copyForeign("merged-down.xlsx", dir).toString(), "--json");
        CliRun plain = CliRun.of("convert", TestFiles.copyForeign("merged-plain.xlsx", dir).toString(), "--json");

        assertThat(merged.exitCode()).as(merged.err()).isZero();
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(merged.clusters())
                .isEqualTo(plain.clusters());
        // No default stood in for the empty cells of the merge (power not costed, PUE 1.0).
        assertThat(merged.json().get("workbooks").get(0).toString()).doesNotContain("Fleet!L3").doesNotContain("Fleet!K4");
    }

    @Test
    void aLibreOfficeCopyOfTheMergedWorkbookReadsTheSame() throws Exception {
        CliRun merged = CliRun.of("convert", TestFiles.copyForeign("merged-down-libreoffice.xlsx", dir).toString(), "--json");
        CliRun plain = CliRun.of("convert", TestFiles.copyForeign("merged-plain.xlsx", dir).toString(), "--json");

        assertThat(merged.exitCode()).as(merged.err()).isZero();
        assertThat(merged.clusters())
                .isEqualTo(plain.clusters());
    }

    @Test
    void theModelsInputsReferToTheCellThatHoldsTheMergedValue() throws Exception {
        CliRun run = CliRun.of("convert", TestFiles.copyForeign("merged-down.xlsx", dir).toString(), "--no-memos");
        assertThat(run.exitCode()).as(run.err()).isZero();

        try (XSSFWorkbook workbook = open("merged-down.roi.xlsx")) {
            Sheet inputs = workbook.getSheet("ROI Inputs");
            for (int r = 1; r <= 3; r++) {
                assertThat(inputs.getRow(r).getCell(column(inputs, "PUE")).getCellFormula()).isEqualTo("Fleet!$K$2");
                assertThat(inputs.getRow(r).getCell(column(inputs, "Electricity per kWh")).getCellFormula()).isEqualTo("Fleet!$L$2");
            }
        }
    }

    @Test
    void aValueMergedAcrossARowsCellsIsNotReadIntoTheCellsItCovers() throws Exception {
        CliRun run = CliRun.of("convert", TestFiles.copyForeign("merged-across.xlsx", dir).toString(), "--no-memos");
        assertThat(run.exitCode()).as(run.err()).isZero();

        try (XSSFWorkbook workbook = open("merged-across.roi.xlsx")) {
            Sheet inputs = workbook.getSheet("ROI Inputs");
            int electricity = column(inputs, "Electricity per kWh");
            assertThat(inputs.getRow(1).getCell(electricity).getNumericCellValue()).isEqualTo(0.09);
            // m-2's PUE (1.3), merged over its empty electricity cell, is not read as $1.30 per kWh: the cell is empty.
            assertThat(inputs.getRow(2).getCell(0).getStringCellValue()).isEqualTo("m-2");
            assertThat(inputs.getRow(2).getCell(electricity).getNumericCellValue()).isEqualTo(0.0);
            assertThat(inputs.getRow(2).getCell(column(inputs, "PUE")).getNumericCellValue()).isEqualTo(1.3);
        }
    }

    private XSSFWorkbook open(String name) throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve(name))) {
            return new XSSFWorkbook(in);
        }
    }

    private static int column(Sheet sheet, String header) {
        Row row = sheet.getRow(0);
        for (int c = 0; c < row.getLastCellNum(); c++) {
            if (header.equals(row.getCell(c).getStringCellValue())) {
                return c;
            }
        }
        throw new AssertionError("no column " + header + " in " + sheet.getSheetName());
    }
}
