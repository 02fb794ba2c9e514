package gpuroi.workbook;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gpuroi.testing.Programs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * LibreOffice, recalculating the cash flows and the live IRR, NPV and MOIC from their formulas alone, reaches the numbers of
 * {@code worked-example.md}. Runs where {@code soffice} is installed, and always in CI.
 */
class LibreOfficeRecalculationTest {
    @TempDir
    Path dir;

    @Test
    void libreOfficeRecalculatesTheCashFlowsAndLiveResultsToTheWorkedExample() throws Exception {
        Path soffice = Programs.required("soffice");

        Path input = WriterFixtures.fleetWorkbook(dir, "fleet.xlsx", "worked-example");
        Path output = dir.resolve("fleet-roi.xlsx");
        WriterFixtures.write(input, output, WriterFixtures.analyze(WriterFixtures.workedExample("worked-example").build()));

        // Drop every cached result and ask for a full recalculation, so the CSV can only hold what
        // LibreOffice computed from the formulas.
        Path uncached = dir.resolve("uncached.xlsx");
        try (XSSFWorkbook workbook = WriterFixtures.open(output)) {
            for (String name : WorkbookWriter.OUTPUT_SHEETS) {
                if (workbook.getSheet(name) == null) {
                    continue;
                }
                for (Row row : workbook.getSheet(name)) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.FORMULA && ((XSSFCell) cell).getCTCell().isSetV()) {
                            ((XSSFCell) cell).getCTCell().unsetV();
                        }
                    }
                }
            }
            workbook.setForceFormulaRecalculation(true);
            WriterFixtures.save(workbook, uncached);
        }
        try (XSSFWorkbook workbook = WriterFixtures.open(uncached)) {
            XSSFCell net = workbook.getSheet(WorkbookWriter.CASH_FLOWS_SHEET).getRow(2).getCell(CashFlowSheet.NET);
            assertThat(net.getCTCell().isSetV()).as("no cached value left to copy").isFalse();
        }

        Path csvDir = Files.createDirectory(dir.resolve("csv"));
        Process process = new ProcessBuilder(soffice.toString(), "--headless", "--norestore",
                "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                "--outdir", csvDir.toString(), uncached.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("soffice.log").toFile())
                .start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("soffice finished").isTrue();
        String log = Files.readString(dir.resolve("soffice.log"));
        Path flowsCsv = csvDir.resolve("uncached-" + WorkbookWriter.CASH_FLOWS_SHEET + ".csv");
        Path inputsCsv = csvDir.resolve("uncached-" + WorkbookWriter.INPUTS_SHEET + ".csv");
        assertThat(flowsCsv).as(log).exists();
        assertThat(inputsCsv).as(log).exists();

        List<String> lines = Files.readAllLines(flowsCsv, StandardCharsets.UTF_8);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(26);
        for (double[] month : CashFlowFormulasTest.TABLE) {
            String[] fields = lines.get(1 + (int) month[0]).split(",", -1);
            assertThat(Double.parseDouble(fields[CashFlowSheet.MONTH])).isEqualTo(month[0]);
            assertThat(Double.parseDouble(fields[CashFlowSheet.PRICE])).isCloseTo(month[1], within(5e-7));
            assertThat(Double.parseDouble(fields[CashFlowSheet.REVENUE])).isCloseTo(month[2], within(5e-5));
            assertThat(Double.parseDouble(fields[CashFlowSheet.NET])).isCloseTo(month[3], within(5e-5));
            assertThat(Double.parseDouble(fields[CashFlowSheet.CUMULATIVE])).isCloseTo(month[4], within(5e-4));
        }
        assertThat(lines.get(25).split(",", -1)[CashFlowSheet.DATE]).isEqualTo("2028-01-01");

        String[] inputs = Files.readAllLines(inputsCsv, StandardCharsets.UTF_8).get(1).split(",", -1);
        assertThat(number(inputs[ModelInputsSheet.LIVE_IRR])).isCloseTo(CashFlowFormulasTest.IRR, within(CashFlowFormulasTest.IRR * 1e-6));
        assertThat(number(inputs[ModelInputsSheet.LIVE_NPV])).isCloseTo(CashFlowFormulasTest.NPV, within(-CashFlowFormulasTest.NPV * 1e-6));
        assertThat(number(inputs[ModelInputsSheet.LIVE_MOIC])).isCloseTo(CashFlowFormulasTest.MOIC, within(1e-6));
    }

    /** LibreOffice keeps the percent sign of a percentage-formatted cell even when exporting raw values. */
    private static double number(String field) {
        return field.endsWith("%")
                ? Double.parseDouble(field.substring(0, field.length() - 1)) / 100
                : Double.parseDouble(field);
    }
}
