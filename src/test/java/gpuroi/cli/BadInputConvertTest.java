package gpuroi.cli;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input end to end through {@code gpuroi convert}: each file gets exit code 2, a message naming
 * the file or the cell, no stack trace, and nothing written into the folder (no output, no temporary file).
 */
class BadInputConvertTest {
    private static final String[] HEADERS = {"Cluster id", "GPU model", "GPUs", "Capex per GPU", "Start price",
        "Utilization", "Purchase date", "Status"};

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** Runs convert, checks the refusal and the untouched folder, and returns the message shown. */
    private String refused(Path input) throws IOException {
        CliRun run = run("convert", "--valuation-date", "2026-01-01", input.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(input.getFileName().toString())
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("internal error");
        assertThat(run.out()).isEmpty();
        assertThat(TestFiles.namesIn(dir)).containsExactly(input.getFileName().toString());
        return run.err();
    }

    /** A Fleet sheet with {@link #HEADERS} and the given rows; each value a String, a Number, or a Cell setter. */
    private Path fleet(String name, Object[]... rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet("Fleet");
            write(sheet.createRow(0), (Object[]) HEADERS);
            for (int i = 0; i < rows.length; i++) {
                write(sheet.createRow(i + 1), rows[i]);
            }
            return save(wb, dir.resolve(name));
        }
    }

    private static void write(Row row, Object... values) {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (value instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (value instanceof String s) {
                cell.setCellValue(s);
            } else if (value instanceof CellSetter setter) {
                setter.set((XSSFCell) cell);
            }
        }
    }

    private interface CellSetter {
        void set(XSSFCell cell);
    }

    /** A formula whose saved result is an Excel error, as Excel stores {@code =D3/0} after calculating it. */
    private static CellSetter formulaSavedAsError(String formula, FormulaError error) {
        return cell -> {
            cell.setCellFormula(formula);
            cell.getCTCell().setT(STCellType.E);
            cell.getCTCell().setV(error.getString());
        };
    }

    private static Path save(XSSFWorkbook wb, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        return file;
    }

    private static Object[] good(String id) {
        return new Object[] {id, "H100 SXM", 8, 30_000, 2.5, "70%", "2024-03-01", "Owned"};
    }

    @Test
    void anEmptyFileIsNamedAsEmpty() throws Exception {
        Path input = Files.write(dir.resolve("empty.xlsx"), new byte[0]);
        assertThat(refused(input)).contains("empty.xlsx is empty, not an .xlsx workbook");
    }

    @Test
    void aTextFileRenamedXlsxIsCalledPlainTextOrCsv() throws Exception {
        Path input = Files.writeString(dir.resolve("fleet.xlsx"), "cluster,model,gpus\na,H100,8\n");
        assertThat(refused(input)).contains("fleet.xlsx is not an Excel workbook (it looks like plain text or CSV)");
    }

    @Test
    void aZipThatIsNotAWorkbookIsCalledDamagedOrNotExcel() throws Exception {
        Path input = dir.resolve("photos.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(input))) {
            zip.putNextEntry(new ZipEntry("holiday/readme.txt"));
            zip.write("not a spreadsheet".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThat(refused(input)).contains("photos.xlsx is damaged or is not an Excel workbook");
    }

    @Test
    void aPasswordProtectedWorkbookAsksForThePasswordToBeRemoved() throws Exception {
        Path input = dir.resolve("secret.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("hunter2");
            try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = encryptor.getDataStream(fs)) {
                wb.createSheet("Fleet");
                wb.write(os);
            }
            try (OutputStream out = Files.newOutputStream(input)) {
                fs.writeFilesystem(out);
            }
        }
        assertThat(refused(input)).contains("secret.xlsx is password-protected; remove the password");
    }

    @Test
    void anExcel97WorkbookIsAskedToBeSavedAsXlsx() throws Exception {
        Path input = dir.resolve("budget.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(input)) {
            wb.createSheet("Fleet").createRow(0).createCell(0).setCellValue("Cluster id");
            wb.write(out);
        }
        assertThat(refused(input)).contains("budget.xls is an Excel 97-2003 file; save it as .xlsx");
    }

    @Test
    void aWorkbookWithoutAFleetSheetListsTheSheetsItHas() throws Exception {
        Path input;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("Budget").createRow(0).createCell(0).setCellValue("Q1");
            input = save(wb, dir.resolve("budget.xlsx"));
        }
        assertThat(refused(input)).contains("found the sheets 'Budget'").contains("expected a sheet named Fleet");
    }

    @Test
    void aDuplicateClusterIdNamesBothCells() throws Exception {
        Path input = fleet("dup.xlsx", good("h100-a"), good("H100-A"));
        assertThat(refused(input)).contains("Fleet!A3: found 'H100-A', expected a cluster id not used before (already used in Fleet!A2)");
    }

    @Test
    void aNegativeGpuCountIsNamedByCell() throws Exception {
        Path input = fleet("negative.xlsx", new Object[] {"a", "H100 SXM", -8, 30_000, 2.5, "70%", "2024-03-01", "Owned"});
        assertThat(refused(input)).contains("Fleet!C2: found '-8', expected GPU count: a whole number of GPUs ≥ 1");
    }

    @Test
    void aUtilizationOfTwoHundredFiftyPercentIsNamedByCell() throws Exception {
        Path input = fleet("util.xlsx", new Object[] {"a", "H100 SXM", 8, 30_000, 2.5, "250%", "2024-03-01", "Owned"});
        assertThat(refused(input)).contains("Fleet!F2: found '250%', expected utilization: a share of hours from 0% to 100%");
    }

    @Test
    void excelErrorsInRequiredColumnsAreNamedByCellWhetherErrorCellsOrFormulasSavedAsErrors() throws Exception {
        Path input = fleet("errors.xlsx",
                new Object[] {"ref-cell", "H100 SXM", (CellSetter) c -> c.setCellErrorValue(FormulaError.REF), 30_000, 2.5},
                new Object[] {"div-formula", "H100 SXM", 8, formulaSavedAsError("C3/0", FormulaError.DIV0), 2.5},
                new Object[] {"ref-formula", formulaSavedAsError("Models!B7", FormulaError.REF), 8, 30_000, 2.5},
                new Object[] {"div-cell", "H100 SXM", 8, (CellSetter) c -> c.setCellErrorValue(FormulaError.DIV0), 2.5});
        String message = refused(input);
        assertThat(message)
                .contains("Fleet!C2: found '#REF!', expected a value, not the Excel error #REF!")
                .contains("Fleet!D3: found =C3/0 → '#DIV/0!', expected a value, not the Excel error #DIV/0!")
                .contains("Fleet!B4: found =Models!B7 → '#REF!', expected a value, not the Excel error #REF!")
                .contains("Fleet!D5: found '#DIV/0!', expected a value, not the Excel error #DIV/0!")
                .contains("4 problems");
    }

    @Test
    void aDayThatDoesNotExistIsNamedWithTheLengthOfItsMonth() throws Exception {
        Path input = fleet("date.xlsx", new Object[] {"a", "H100 SXM", 8, 30_000, 2.5, "70%", "2025-02-31", "Owned"});
        assertThat(refused(input)).contains("Fleet!G2: found '2025-02-31', expected a day that exists (February 2025 has 28 days)");
    }

    @Test
    void aPurchaseBefore2015IsRefusedAsAlmostSurelyATypo() throws Exception {
        Path input = fleet("old.xlsx", new Object[] {"a", "H100 SXM", 8, 30_000, 2.5, "70%", "2013-06-01", "Owned"});
        assertThat(refused(input)).contains("Fleet!G2: found '2013-06-01', expected a purchase date from 2015 on")
                .contains("typo for 2023");
    }

    @Test
    void aFleetSheetFormattedDownToItsLastRowConvertsInSecondsAndIgnoresTheEmptyStyledRows() throws Exception {
        Path input = strayFormatting(dir.resolve("formatted.xlsx"));
        long started = System.nanoTime();
        CliRun run = run("convert", "--valuation-date", "2026-01-01", input.toString(), "--json");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.clusters().findValuesAsText("id")).containsExactly("a", "b");
        // The workbook has no Assumptions sheet, which is warned about at "Assumptions"; the styled rows give no warning.
        assertThat(run.json().get("workbooks").get(0).get("warnings").findValuesAsText("sheet")).containsExactly("Assumptions");
        // Loading a million styled rows as POI objects takes minutes, when POI accepts the 100 MB sheet at all.
        assertThat(took).isLessThan(Duration.ofSeconds(60));
        assertThat(TestFiles.namesIn(dir)).containsExactly("formatted.roi.memos", "formatted.roi.xlsx", "formatted.xlsx");
        try (InputStream in = Files.newInputStream(dir.resolve("formatted.roi.xlsx")); XSSFWorkbook out = new XSSFWorkbook(in)) {
            assertThat(out.getSheet("Fleet").getLastRowNum()).isEqualTo(2);
            assertThat(out.getSheet("ROI Summary").getLastRowNum()).isEqualTo(2);
        }
    }

    /**
     * Two clusters, then every row down to 1,048,576 holding empty cells with a fill, as Excel saves
     * a sheet whose columns were formatted to the bottom. Written as XML directly: POI would take
     * longer to write it than the conversion takes to read it.
     */
    private static Path strayFormatting(Path file) throws IOException {
        ByteArrayOutputStream small = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet("Fleet");
            write(sheet.createRow(0), (Object[]) HEADERS);
            write(sheet.createRow(1), good("a"));
            write(sheet.createRow(2), good("b"));
            CellStyle fill = wb.createCellStyle();
            fill.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            fill.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            sheet.getRow(0).getCell(0).setCellStyle(fill);
            assertThat((int) fill.getIndex()).isEqualTo(1);
            wb.write(small);
        }
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(small.toByteArray()));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int end = xml.indexOf("</sheetData>");
                    out.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
                    StringBuilder rows = new StringBuilder(1 << 16);
                    for (int r = 4; r <= 1_048_576; r++) {
                        rows.append("<row r=\"").append(r).append("\">");
                        for (char column = 'A'; column <= 'F'; column++) {
                            rows.append("<c r=\"").append(column).append(r).append("\" s=\"1\"/>");
                        }
                        rows.append("</row>");
                        if (rows.length() > 60_000) {
                            out.write(rows.toString().getBytes(StandardCharsets.US_ASCII));
                            rows.setLength(0);
                        }
                    }
                    out.write(rows.toString().getBytes(StandardCharsets.US_ASCII));
                    out.write(xml.substring(end).getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(content);
                }
                out.closeEntry();
            }
        }
        return file;
    }

    @Test
    void theValidWorkbookOfTheseTestsConverts() throws Exception {
        Path input = fleet("fine.xlsx", good("a"), good("b"));
        CliRun run = run("convert", "--valuation-date", "2026-01-01", input.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(TestFiles.namesIn(dir)).containsExactly("fine.roi.memos", "fine.roi.xlsx", "fine.xlsx");
    }
}
