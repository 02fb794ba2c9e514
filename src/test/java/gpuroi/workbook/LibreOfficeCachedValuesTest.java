package gpuroi.workbook;

import gpuroi.cli.Main;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gpuroi.testing.Programs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every formula the writer emits, recalculated by LibreOffice from scratch, gives the value the
 * writer cached from the engine. The workbook is converted once through {@code gpuroi convert};
 * one LibreOffice run recalculates it together with a copy holding one deliberately wrong cached
 * value, which proves LibreOffice really recalculates (it keeps an .xlsx's cached values unless
 * its profile says otherwise). Runs where {@code soffice} is installed, and always in CI.
 */
class LibreOfficeCachedValuesTest {
    private static final double RELATIVE = 1e-9;
    /** IRR and MIRR are iterative in LibreOffice: it stops at its own tolerance. */
    private static final double RELATIVE_ITERATIVE = 1e-6;
    private static final String PLANTED_SHEET = WorkbookWriter.CASH_FLOWS_SHEET;
    private static final int PLANTED_ROW = 5;
    private static final double PLANTED_VALUE = 123_456.75;

    @TempDir
    static Path dir;

    private static Path converted;
    private static Path recalculated;
    private static Path planted;
    private static Path plantedRecalculated;

    /** A fleet with every price path, owned and planned clusters, a barely profitable one and one with no IRR. */
    @BeforeAll
    static void convertAndRecalculateOnce() throws Exception {
        Path soffice = Programs.required("soffice");

        Path input = fleetWorkbook(dir.resolve("fleet.xlsx"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "convert", "--valuation-date", "2026-01-01",
                input.toString());
        assertThat(exit).as(err.toString()).isZero();
        converted = dir.resolve("fleet.roi.xlsx");

        planted = dir.resolve("planted.xlsx");
        try (XSSFWorkbook workbook = WriterFixtures.open(converted)) {
            Cell net = workbook.getSheet(PLANTED_SHEET).getRow(PLANTED_ROW).getCell(CashFlowSheet.NET);
            assertThat(net.getCellType()).isEqualTo(CellType.FORMULA);
            ((XSSFCell) net).getCTCell().setV(String.valueOf(PLANTED_VALUE));
            WriterFixtures.save(workbook, planted);
        }

        Path outDir = Files.createDirectory(dir.resolve("recalculated"));
        recalculateWithLibreOffice(soffice, dir, outDir, converted, planted);
        recalculated = outDir.resolve("fleet.roi.xlsx");
        plantedRecalculated = outDir.resolve("planted.xlsx");
    }

    static Path fleetWorkbook(Path file) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet assumptions = wb.createSheet("Assumptions");
            row(assumptions, 0, "Parameter", "Value");
            row(assumptions, 1, "Discount rate", "10%");
            XSSFSheet fleet = wb.createSheet("Fleet");
            row(fleet, 0, "Cluster id", "GPU model", "GPUs", "Capex per GPU", "Status", "Purchase date", "Useful life (years)",
                    "Residual value", "Power per GPU (kW)", "PUE", "Electricity ($/kWh)", "Other opex per GPU-month",
                    "Utilization", "Start price ($/GPU-hr)", "Price path", "Secondary price per GPU");
            row(fleet, 1, "flat-planned", "H100 SXM", 64, 30_000, "Planned", null, 5, "10%", 1.1, 1.3, 0.08, 150, "70%", 2.5, "flat", null);
            row(fleet, 2, "blended-owned", "H100 SXM", 128, 35_000, "Owned", "2024-03-01", 5, "5%", 1.1, 1.3, 0.09, 120, "75%", 3.2,
                    "blended:0.5:5", 22_000);
            row(fleet, 3, "decline-planned", "H200", 32, 38_000, "Planned", "2026-04-01", 4, "0%", 1.2, 1.25, 0.07, 100, "80%", 3.8,
                    "decline:0.3", null);
            row(fleet, 4, "custom-owned", "A100", 48, 15_000, "Owned", "2023-01-01", 6, "0%", 0.5, 1.4, 0.10, 50, "60%", 1.6,
                    "custom:yearly:1,0.8,0.6", 6_000);
            // The low-return cluster: a true IRR of about 0.65% a year, where a bare IRR() without a guess fails.
            row(fleet, 5, "low-return", "H100 SXM", 16, 42_000, "Planned", null, 5, "0%", 1.2, 1.35, 0.08, 0, "70%", 2.1, null, null);
            // Every month loses money: no IRR exists.
            row(fleet, 6, "no-irr", "L40S", 8, 9_000, "Planned", null, 3, "0%", 0.4, 1.3, 0.25, 200, "5%", 0.5, "flat", null);
            // Lessee contracts fill ROI Contracts and ROI Portfolio, whose formulas are checked too.
            XSSFSheet leases = wb.createSheet("Leases");
            row(leases, 0, "Contract id", "Role", "GPU model", "GPUs", "Rate ($/GPU-hr)", "Start date", "Term (months)",
                    "Prepaid share", "GPUs needed", "Resale allowed", "Termination fee", "Cluster id");
            row(leases, 1, "idle-h100", "Lessee", "H100 SXM", 10, 4.0, "2024-01-01", 48, "0%", 6, "yes", "$200,000");
            row(leases, 2, "future-h200", "Lessee", "H200", 8, 3.3, "2026-07-01", 12, "30%", 5, "yes", null);
            // A lessor contract: its revenue on ROI Cash Flows is a formula over its Leases cells.
            row(leases, 3, "anchor-tenant", "Lessor", "H100 SXM", 16, 2.2, "2026-03-01", 24, 0.25, null, null, null, "flat-planned");
            return WriterFixtures.save(wb, file);
        }
    }

    private static void row(XSSFSheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else if (values[i] != null) {
                row.createCell(i).setCellValue((String) values[i]);
            }
        }
    }

    /**
     * One LibreOffice run for all files: a throwaway profile that recalculates every formula on
     * load (OOXMLRecalcMode 0; LibreOffice's default keeps the file's cached values), then saves as .xlsx.
     */
    static void recalculateWithLibreOffice(Path soffice, Path dir, Path outDir, Path... files) throws Exception {
        Path user = Files.createDirectories(dir.resolve("profile").resolve("user"));
        Files.writeString(user.resolve("registrymodifications.xcu"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">\
                <value>0</value></prop></item>
                <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse">\
                <value>0</value></prop></item>
                </oor:items>
                """);
        List<String> command = new ArrayList<>(List.of(soffice.toString(), "--headless", "--norestore",
                "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir.toString()));
        for (Path file : files) {
            command.add(file.toString());
        }
        Path log = dir.resolve("soffice.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("soffice finished").isTrue();
        for (Path file : files) {
            assertThat(outDir.resolve(file.getFileName())).as(Files.readString(log)).exists();
        }
    }

    /** A formula cell whose cached value LibreOffice's recalculation does not reproduce. */
    record Mismatch(String cell, String formula, double cached, String recalculated) {
    }

    /** Compares every formula cell of {@code ours} with the same cell of {@code theirs}; returns the count compared. */
    static int compareFormulaCells(Path ours, Path theirs, List<Mismatch> mismatches) throws IOException {
        int compared = 0;
        try (XSSFWorkbook mine = WriterFixtures.open(ours); XSSFWorkbook libre = WriterFixtures.open(theirs)) {
            for (Sheet sheet : mine) {
                Sheet other = libre.getSheet(sheet.getSheetName());
                assertThat(other).as(sheet.getSheetName()).isNotNull();
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() != CellType.FORMULA) {
                            continue;
                        }
                        compared++;
                        String where = CellReader.ref(cell);
                        Cell recalc = other.getRow(cell.getRowIndex()) == null ? null : other.getRow(cell.getRowIndex()).getCell(cell.getColumnIndex());
                        if (cell.getCachedFormulaResultType() == CellType.STRING) {
                            // Words a formula gives ("never", "n/a", "BUY"): the recalculation must give the same words.
                            String words = cell.getStringCellValue();
                            if (recalc == null || recalc.getCellType() != CellType.FORMULA
                                    || recalc.getCachedFormulaResultType() != CellType.STRING
                                    || !recalc.getStringCellValue().equals(words)) {
                                mismatches.add(new Mismatch(where, cell.getCellFormula(), Double.NaN,
                                        words + " recalculated as " + (recalc == null ? "no cell" : recalc.toString())));
                            }
                            continue;
                        }
                        double cached = cell.getNumericCellValue();
                        if (recalc == null || recalc.getCellType() != CellType.FORMULA
                                || recalc.getCachedFormulaResultType() != CellType.NUMERIC) {
                            mismatches.add(new Mismatch(where, cell.getCellFormula(), cached, recalc == null ? "no cell" : recalc.toString()));
                            continue;
                        }
                        double value = recalc.getNumericCellValue();
                        double tolerance = (cell.getCellFormula().contains("IRR(") ? RELATIVE_ITERATIVE : RELATIVE)
                                * Math.max(1, Math.max(Math.abs(cached), Math.abs(value)));
                        if (!(Math.abs(value - cached) <= tolerance)) {
                            mismatches.add(new Mismatch(where, cell.getCellFormula(), cached, String.valueOf(value)));
                        }
                    }
                }
            }
        }
        return compared;
    }

    @Test
    void everyFormulaRecalculatedByLibreOfficeEqualsTheValueTheWriterCached() throws Exception {
        List<Mismatch> mismatches = new ArrayList<>();
        int compared = compareFormulaCells(converted, recalculated, mismatches);

        // 7 clusters of 37 to 73 monthly rows with about 12 formulas each, and 3 to 5 live results per cluster.
        assertThat(compared).isGreaterThan(3_000);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theLowReturnClusterKeepsALiveIrrOfAboutTwoThirdsOfAPercentThatLibreOfficeReproduces() throws Exception {
        try (XSSFWorkbook mine = WriterFixtures.open(converted); XSSFWorkbook libre = WriterFixtures.open(recalculated)) {
            int row = rowOf(mine.getSheet(WorkbookWriter.INPUTS_SHEET), "low-return");
            Cell irr = mine.getSheet(WorkbookWriter.INPUTS_SHEET).getRow(row).getCell(ModelInputsSheet.LIVE_IRR);
            assertThat(irr.getCellFormula()).contains("IRR(");
            assertThat(irr.getNumericCellValue()).isBetween(0.006, 0.007);
            Cell recalculatedIrr = libre.getSheet(WorkbookWriter.INPUTS_SHEET).getRow(row).getCell(ModelInputsSheet.LIVE_IRR);
            assertThat(recalculatedIrr.getNumericCellValue()).isCloseTo(irr.getNumericCellValue(),
                    org.assertj.core.api.Assertions.within(irr.getNumericCellValue() * RELATIVE_ITERATIVE));
        }
    }

    @Test
    void whereNoIrrExistsBothFilesHoldTheEnginesExplanationNotAnErrorCell() throws Exception {
        try (XSSFWorkbook mine = WriterFixtures.open(converted); XSSFWorkbook libre = WriterFixtures.open(recalculated)) {
            for (XSSFWorkbook workbook : List.of(mine, libre)) {
                Sheet inputs = workbook.getSheet(WorkbookWriter.INPUTS_SHEET);
                Cell live = inputs.getRow(rowOf(inputs, "no-irr")).getCell(ModelInputsSheet.LIVE_IRR);
                assertThat(live.getCellType()).isEqualTo(CellType.STRING);
                assertThat(live.getStringCellValue()).startsWith("no IRR").contains(":");
                Sheet summary = workbook.getSheet(WorkbookWriter.SUMMARY_SHEET);
                Cell irr = summary.getRow(rowOf(summary, "no-irr")).getCell(SummarySheet.IRR);
                assertThat(irr.getCellType()).isEqualTo(CellType.STRING);
                assertThat(irr.getStringCellValue()).isEqualTo(live.getStringCellValue());
            }
        }
    }

    @Test
    void aWrongCachedValueIsCorrectedByTheRecalculationSoTheComparisonWouldCatchIt() throws Exception {
        List<Mismatch> mismatches = new ArrayList<>();
        compareFormulaCells(planted, plantedRecalculated, mismatches);

        String plantedCell = PLANTED_SHEET + "!K" + (PLANTED_ROW + 1);
        assertThat(mismatches).singleElement().satisfies(m -> {
            assertThat(m.cell()).isEqualTo(plantedCell);
            assertThat(m.cached()).isEqualTo(PLANTED_VALUE);
        });
        try (XSSFWorkbook truth = WriterFixtures.open(converted); XSSFWorkbook libre = WriterFixtures.open(plantedRecalculated)) {
            double engine = truth.getSheet(PLANTED_SHEET).getRow(PLANTED_ROW).getCell(CashFlowSheet.NET).getNumericCellValue();
            double corrected = libre.getSheet(PLANTED_SHEET).getRow(PLANTED_ROW).getCell(CashFlowSheet.NET).getNumericCellValue();
            assertThat(corrected).isNotEqualTo(PLANTED_VALUE)
                    .isCloseTo(engine, org.assertj.core.api.Assertions.within(Math.abs(engine) * RELATIVE));
        }
    }

    private static int rowOf(Sheet sheet, String clusterId) {
        for (Row row : sheet) {
            Cell id = row.getCell(0);
            if (id != null && id.getCellType() == CellType.STRING && id.getStringCellValue().equals(clusterId)) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no row for " + clusterId + " on " + sheet.getSheetName());
    }
}
