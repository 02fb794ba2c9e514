package gpuroi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gpuroi.testing.Programs;
import gpuroi.workbook.WorkbookReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code gpuroi convert} writes for input sheets of formulas. A workbook that asks to be
 * recalculated on opening (XlsxWriter's, whose every saved result is 0) keeps the request and its
 * formulas but not the placeholder results, so that Excel and LibreOffice both show calculated
 * values; a workbook with real saved results (LibreOffice's) keeps them.
 */
class FormulaWorkbookOutputTest {
    private static final Path FOREIGN = Path.of("src/test/resources/foreign");

    @TempDir
    Path dir;

    private Path converted(String fixture) throws IOException {
        Path input = Files.copy(FOREIGN.resolve(fixture), dir.resolve(fixture));
        CliRun run = CliRun.of("convert", "--no-memos", input.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return dir.resolve(fixture.replace(".xlsx", ".roi.xlsx"));
    }

    private static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static XSSFCell cell(XSSFWorkbook workbook, String sheet, int row, int column) {
        return workbook.getSheet(sheet).getRow(row).getCell(column);
    }

    @Test
    void anXlsxWriterWorkbookKeepsItsRecalculationRequestAndFormulasButNotItsPlaceholderZeros() throws Exception {
        Path output = converted("formulas-xlsxwriter.xlsx");

        try (XSSFWorkbook workbook = open(output)) {
            assertThat(workbook.getCTWorkbook().getCalcPr().getFullCalcOnLoad()).isTrue();
            XSSFCell capex = cell(workbook, "Fleet", 1, 3);
            assertThat(capex.getCellFormula()).isEqualTo("Quotes!C3*2");
            assertThat(capex.getCTCell().isSetV()).as("XlsxWriter's saved 0 is dropped").isFalse();
            XSSFCell model = cell(workbook, "Fleet", 2, 1);
            assertThat(model.getCellFormula()).isEqualTo("\"H\"&200");
            assertThat(model.getCTCell().isSetV()).isFalse();
            assertThat(model.getCTCell().isSetT()).isFalse();
        }
        // The output reads as its input did.
        assertThat(WorkbookReader.read(output, LocalDate.of(2030, 1, 1)).portfolio())
                .isEqualTo(WorkbookReader.read(FOREIGN.resolve("formulas-xlsxwriter-values.xlsx"), LocalDate.of(2030, 1, 1)).portfolio());
    }

    @Test
    void aLibreOfficeWorkbookKeepsItsRealSavedResults() throws Exception {
        Path output = converted("formulas-libreoffice.xlsx");

        try (XSSFWorkbook workbook = open(output)) {
            assertThat(workbook.getCTWorkbook().getCalcPr().isSetFullCalcOnLoad()).isFalse();
            assertThat(cell(workbook, "Fleet", 1, 3).getCTCell().getV()).isEqualTo("32000");
            assertThat(cell(workbook, "Fleet", 2, 1).getStringCellValue()).isEqualTo("H200");
        }
    }

    /** LibreOffice, with a fresh profile's default settings, keeps an Excel-like file's saved results: it showed XlsxWriter's 0s. */
    @Test
    void libreOfficeShowsTheCalculatedValuesOfTheOutputsInputSheets() throws Exception {
        Optional<Path> soffice = Programs.onPath("soffice");
        Assumptions.assumeTrue(soffice.isPresent(), "LibreOffice (soffice) is not installed");
        Path output = converted("formulas-xlsxwriter.xlsx");

        Path outDir = Files.createDirectory(dir.resolve("libreoffice"));
        Process process = new ProcessBuilder(soffice.get().toString(), "--headless", "--norestore",
                "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--convert-to", "xlsx", "--outdir", outDir.toString(),
                output.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("soffice finished").isTrue();

        try (XSSFWorkbook workbook = open(outDir.resolve(output.getFileName()))) {
            assertThat(cell(workbook, "Fleet", 1, 3).getNumericCellValue()).isEqualTo(32_000);
            assertThat(cell(workbook, "Fleet", 2, 1).getStringCellValue()).isEqualTo("H200");
            assertThat(cell(workbook, "Assumptions", 1, 1).getNumericCellValue()).as("=DATE(2026,1,1)").isEqualTo(46_023);
        }
    }
}
