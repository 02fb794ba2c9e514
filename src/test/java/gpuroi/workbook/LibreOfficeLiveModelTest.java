package gpuroi.workbook;

import gpuroi.cli.Main;
import gpuroi.testing.Programs;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The converted workbook is a live model: an analyst who edits the hurdle on Assumptions, a utilization and a
 * start price on Fleet, and lease rates and GPUs needed on Leases of the converted file, and recalculates it in
 * LibreOffice, gets the summary, the contracts' figures and decisions and the portfolio's totals that a fresh
 * conversion of the input edited the same way gives. The start-price edit flips a BUY to RENT; the hurdle edit
 * moves every NPV at the hurdle, every hold value and every contract's present costs; the lessor's rate moves its
 * cluster's cash flows. A copy whose one summary cell was turned into a plain value fails the same comparison: the
 * check would catch a summary that does not move.
 */
class LibreOfficeLiveModelTest {
    private static final double RELATIVE = 1e-6;
    private static final double IRR_ABSOLUTE = 1e-6;

    /** Rows of Fleet (0-based) and the columns edited. */
    private static final int FLAT_ROW = 1;
    private static final int OWNED_ROW = 2;
    private static final int UTILIZATION_COLUMN = 12;
    private static final int START_PRICE_COLUMN = 13;
    /** Assumptions row 2 (0-based) holds the hurdle rate in column B. */
    private static final int HURDLE_ROW = 2;

    /** Summary columns a fresh conversion is compared on: every figure that is a formula in a converted file. */
    private static final int[] FIGURES = {
        SummarySheet.GPUS, SummarySheet.DECISION, SummarySheet.HOLD_VALUE, SummarySheet.SALE_VALUE,
        SummarySheet.HOLD_BREAK_EVEN_PRICE, SummarySheet.HOLD_BREAK_EVEN_UTILIZATION, SummarySheet.HOLD_BREAK_EVEN_SECONDARY_PRICE,
        SummarySheet.IRR, SummarySheet.XIRR, SummarySheet.NPV, SummarySheet.NPV_AT_HURDLE, SummarySheet.MIRR, SummarySheet.PAYBACK,
        SummarySheet.DISCOUNTED_PAYBACK, SummarySheet.MOIC, SummarySheet.TOTAL_RETURN, SummarySheet.LEVELIZED_COST,
        SummarySheet.LEVELIZED_PRICE, SummarySheet.BREAK_EVEN_PRICE, SummarySheet.BREAK_EVEN_PRICE_ZERO_IRR,
        SummarySheet.BREAK_EVEN_UTILIZATION, SummarySheet.TOTAL_CAPEX, SummarySheet.OWN_USE_COST_TO_OWN,
        SummarySheet.OWN_USE_COST_TO_RENT,
    };
    private static final int PLANTED_ROW = 1;

    /** Contract columns compared: every figure that is a formula when the contract has months left. */
    private static final int[] CONTRACT_FIGURES = {
        ContractsSheet.GPUS, ContractsSheet.NEEDED, ContractsSheet.IDLE, ContractsSheet.RATE, ContractsSheet.MONTHLY_OBLIGATION,
        ContractsSheet.PREPAYMENT_DUE, ContractsSheet.KEEP_COST, ContractsSheet.RESELL_COST, ContractsSheet.TERMINATE_COST,
        ContractsSheet.DECISION, ContractsSheet.GAIN, ContractsSheet.BREAK_EVEN_FEE, ContractsSheet.BREAK_EVEN_PRICE_RESELL,
        ContractsSheet.BREAK_EVEN_PRICE_TERMINATE, ContractsSheet.MARKET_PRICE, ContractsSheet.HURDLE_RATE,
    };
    /** Portfolio totals compared (column B): every one that is a formula. */
    private static final int[] PORTFOLIO_TOTALS = {
        PortfolioSheet.TOTAL_CAPEX_ROW, PortfolioSheet.PLANNED_CAPEX_ROW, PortfolioSheet.CAPEX_TO_COMMIT_ROW,
        PortfolioSheet.VALUE_FOLLOWING_DECISIONS_ROW, PortfolioSheet.VALUE_AS_ENTERED_ROW, PortfolioSheet.CLUSTERS_VALUE_OF_DECISIONS_ROW,
        PortfolioSheet.CONTRACTS_CHOSEN_COST_ROW, PortfolioSheet.CONTRACTS_KEEP_COST_ROW, PortfolioSheet.SINCE_PURCHASE_AT_HURDLE_ROW,
        PortfolioSheet.SINCE_PURCHASE_ROW,
    };
    /** Leases rows (0-based) and columns edited. */
    private static final int LESSOR_ROW = 1;
    private static final int IDLE_LESSEE_ROW = 2;
    private static final int GPUS_NEEDED_COLUMN = 9;
    private static final int RATE_COLUMN = 5;

    @TempDir
    static Path dir;

    private static Path converted;
    private static Path recalculated;
    private static Path plantedRecalculated;
    private static Path fresh;

    @BeforeAll
    static void editConvertAndRecalculate() throws Exception {
        Path soffice = Programs.required("soffice");

        Path input = fleetWorkbook(dir.resolve("fleet.xlsx"));
        converted = convert(input, dir.resolve("fleet.roi.xlsx"));

        Path editedInput = dir.resolve("edited.xlsx");
        Files.copy(input, editedInput);
        editAsAnAnalyst(editedInput);
        fresh = convert(editedInput, dir.resolve("edited.roi.xlsx"));

        Path editedOutput = dir.resolve("live.xlsx");
        Files.copy(converted, editedOutput);
        editAsAnAnalyst(editedOutput);
        Path planted = dir.resolve("planted.xlsx");
        Files.copy(editedOutput, planted);
        try (XSSFWorkbook workbook = WriterFixtures.open(planted)) {
            Cell npv = workbook.getSheet(WorkbookWriter.SUMMARY_SHEET).getRow(PLANTED_ROW).getCell(SummarySheet.NPV_AT_HURDLE);
            double cached = npv.getNumericCellValue();
            npv.setBlank();
            npv.setCellValue(cached);
            WriterFixtures.save(workbook, planted);
        }

        Path outDir = Files.createDirectory(dir.resolve("recalculated"));
        LibreOfficeCachedValuesTest.recalculateWithLibreOffice(soffice, dir, outDir, editedOutput, planted);
        recalculated = outDir.resolve("live.xlsx");
        plantedRecalculated = outDir.resolve("planted.xlsx");
    }

    /**
     * Numbers typed as numbers, so each becomes a link: a flat planned cluster bought at $2.60 (BUY at a 12% hurdle),
     * an owned blended one with a sale to weigh, a planned decline one for own use, an owned custom-path one, a
     * planned one rented out in part under a lessor contract, and a planned blended one; two lessee contracts, one
     * running with idle GPUs, resale and a termination fee (market from the catalog), one starting later, prepaid in
     * part, priced from the Market sheet.
     */
    static Path fleetWorkbook(Path file) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet assumptions = wb.createSheet("Assumptions");
            row(assumptions, 0, "Parameter", "Value");
            row(assumptions, 1, "Discount rate", 0.10);
            row(assumptions, HURDLE_ROW, "Hurdle rate", 0.12);
            row(assumptions, 3, "Valuation date", "2026-01-01");
            XSSFSheet fleet = wb.createSheet("Fleet");
            row(fleet, 0, "Cluster id", "GPU model", "GPUs", "Capex per GPU", "Status", "Purchase date", "Useful life (years)",
                    "Residual value", "Power per GPU (kW)", "PUE", "Electricity ($/kWh)", "Other opex per GPU-month",
                    "Utilization", "Start price ($/GPU-hr)", "Price path", "Secondary price per GPU", "Use");
            row(fleet, FLAT_ROW, "flat-planned", "H100 SXM", 64, 30_000, "Planned", null, 5, 0.10, 1.1, 1.3, 0.08, 150, 0.7, 2.6, "flat",
                    null, "Rent out");
            row(fleet, OWNED_ROW, "blended-owned", "H100 SXM", 128, 35_000, "Owned", "2024-03-01", 5, 0.05, 1.1, 1.3, 0.09, 120, 0.75,
                    3.2, "blended:0.5:5", 22_000, null);
            row(fleet, 3, "decline-own-use", "H200", 32, 38_000, "Planned", "2026-04-01", 4, 0.0, 1.2, 1.25, 0.07, 100, 0.8, 3.8,
                    "decline:0.3", null, "Own use");
            row(fleet, 4, "custom-owned", "A100", 48, 15_000, "Owned", "2023-01-01", 6, 0.0, 0.5, 1.4, 0.10, 50, 0.6, 1.6,
                    "custom:yearly:1,0.8,0.6", 6_000, null);
            row(fleet, 5, "contracted", "H100 SXM", 32, 28_000, "Planned", null, 4, 0.1, 1.1, 1.3, 0.08, 100, 0.6, 2.4, "flat", null, null);
            row(fleet, 6, "blended-planned", "H100 SXM", 32, 31_000, "Planned", null, 5, 0.1, 1.1, 1.3, 0.08, 120, 0.7, 2.8,
                    "blended:0.5:5", null, "Rent out");
            XSSFSheet leases = wb.createSheet("Leases");
            row(leases, 0, "Contract id", "Role", "Cluster id", "GPU model", "GPUs", "Rate ($/GPU-hr)", "Start date", "Term (months)",
                    "Prepaid share", "GPUs needed", "Resale allowed", "Termination fee");
            row(leases, LESSOR_ROW, "anchor-tenant", "Lessor", "contracted", "H100 SXM", 16, 2.2, "2026-01-01", 24, 0.25);
            row(leases, IDLE_LESSEE_ROW, "idle-h100", "Lessee", null, "H100 SXM", 10, 4.0, "2024-01-01", 48, 0.0, 6, "yes", 200_000);
            row(leases, 3, "future-h200", "Lessee", null, "H200", 8, 3.3, "2026-07-01", 12, 0.3, 5, "yes", 60_000);
            XSSFSheet market = wb.createSheet("Market");
            row(market, 0, "GPU model", "On-demand price");
            row(market, 1, "H200", 3.6);
            return WriterFixtures.save(wb, file);
        }
    }

    /**
     * The hurdle up to 15%, the owned cluster's utilization down to 55%, the flat cluster's start price down to $1.60,
     * the lessor's rate up to $3.10, the idle contract's rate up to $4.50 with only 3 of its 10 GPUs needed.
     */
    private static void editAsAnAnalyst(Path file) throws IOException {
        try (XSSFWorkbook workbook = WriterFixtures.open(file)) {
            Sheet leases = workbook.getSheet("Leases");
            leases.getRow(LESSOR_ROW).getCell(RATE_COLUMN).setCellValue(3.1);
            leases.getRow(IDLE_LESSEE_ROW).getCell(RATE_COLUMN).setCellValue(4.5);
            leases.getRow(IDLE_LESSEE_ROW).getCell(GPUS_NEEDED_COLUMN).setCellValue(3);
            workbook.getSheet("Assumptions").getRow(HURDLE_ROW).getCell(1).setCellValue(0.15);
            workbook.getSheet("Fleet").getRow(OWNED_ROW).getCell(UTILIZATION_COLUMN).setCellValue(0.55);
            workbook.getSheet("Fleet").getRow(FLAT_ROW).getCell(START_PRICE_COLUMN).setCellValue(1.6);
            WriterFixtures.save(workbook, file);
        }
    }

    private static Path convert(Path input, Path output) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "convert", "--valuation-date", "2026-01-01",
                input.toString(), "-o", output.toString());
        assertThat(exit).as(err.toString()).isZero();
        return output;
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

    @Test
    void theEditedInputsAreLinkedFromRoiInputsRatherThanCopied() throws Exception {
        try (XSSFWorkbook workbook = WriterFixtures.open(converted)) {
            Row flat = workbook.getSheet(WorkbookWriter.INPUTS_SHEET).getRow(1);
            assertThat(flat.getCell(ModelInputsSheet.START_PRICE).getCellFormula()).isEqualTo("Fleet!$N$2");
            assertThat(flat.getCell(ModelInputsSheet.UTILIZATION).getCellFormula()).isEqualTo("Fleet!$M$2");
            assertThat(flat.getCell(ModelInputsSheet.HURDLE_RATE).getCellFormula()).isEqualTo("Assumptions!$B$3");
            assertThat(flat.getCell(ModelInputsSheet.GPUS).getCellFormula()).isEqualTo("Fleet!$C$2");
        }
    }

    @Test
    void everySummaryFigureRecalculatedAfterTheEditsEqualsAFreshConversionOfTheEditedInput() throws Exception {
        List<String> mismatches = compareSummaries(recalculated, fresh);
        assertThat(mismatches).isEmpty();
        try (XSSFWorkbook before = WriterFixtures.open(converted); XSSFWorkbook after = WriterFixtures.open(recalculated)) {
            Row flatBefore = before.getSheet(WorkbookWriter.SUMMARY_SHEET).getRow(FLAT_ROW);
            Row flatAfter = after.getSheet(WorkbookWriter.SUMMARY_SHEET).getRow(FLAT_ROW);
            assertThat(flatBefore.getCell(SummarySheet.DECISION).getStringCellValue()).isEqualTo("BUY");
            assertThat(flatAfter.getCell(SummarySheet.DECISION).getStringCellValue()).as("the edit flips the decision").isEqualTo("RENT");
            assertThat(flatAfter.getCell(SummarySheet.DECISION_CHECK).getStringCellValue())
                    .isEqualTo("now RENT: the reason, written for BUY, is out of date");
            Row ownedBefore = before.getSheet(WorkbookWriter.SUMMARY_SHEET).getRow(OWNED_ROW);
            Row ownedAfter = after.getSheet(WorkbookWriter.SUMMARY_SHEET).getRow(OWNED_ROW);
            assertThat(ownedAfter.getCell(SummarySheet.HOLD_VALUE).getNumericCellValue())
                    .isLessThan(ownedBefore.getCell(SummarySheet.HOLD_VALUE).getNumericCellValue());
        }
    }

    @Test
    void everyContractFigureAndDecisionRecalculatedAfterTheEditsEqualsAFreshConversion() throws Exception {
        assertThat(compareContracts(recalculated, fresh)).isEmpty();
        try (XSSFWorkbook before = WriterFixtures.open(converted); XSSFWorkbook after = WriterFixtures.open(recalculated)) {
            Row idleBefore = before.getSheet(WorkbookWriter.CONTRACTS_SHEET).getRow(1);
            Row idleAfter = after.getSheet(WorkbookWriter.CONTRACTS_SHEET).getRow(1);
            assertThat(idleBefore.getCell(ContractsSheet.RATE).getCellFormula()).isEqualTo("Leases!$F$3");
            assertThat(idleAfter.getCell(ContractsSheet.KEEP_COST).getNumericCellValue())
                    .as("a higher rate costs more to keep").isGreaterThan(idleBefore.getCell(ContractsSheet.KEEP_COST).getNumericCellValue());
            Row futureBefore = before.getSheet(WorkbookWriter.CONTRACTS_SHEET).getRow(2);
            assertThat(futureBefore.getCell(ContractsSheet.MARKET_PRICE).getCellFormula()).isEqualTo("Market!$B$2");
        }
    }

    @Test
    void theLessorsRateMovesItsClustersCashFlowsAndSummary() throws Exception {
        try (XSSFWorkbook before = WriterFixtures.open(converted); XSSFWorkbook after = WriterFixtures.open(recalculated)) {
            int contracted = 5;
            double npvBefore = before.getSheet(WorkbookWriter.SUMMARY_SHEET).getRow(contracted).getCell(SummarySheet.NPV).getNumericCellValue();
            double npvAfter = after.getSheet(WorkbookWriter.SUMMARY_SHEET).getRow(contracted).getCell(SummarySheet.NPV).getNumericCellValue();
            assertThat(npvAfter).as("16 GPUs billed $0.90 more an hour for 24 months").isGreaterThan(npvBefore);
        }
    }

    @Test
    void everyPortfolioTotalRecalculatedAfterTheEditsEqualsAFreshConversion() throws Exception {
        assertThat(comparePortfolio(recalculated, fresh)).isEmpty();
    }

    @Test
    void aSummaryCellHoldingAValueInsteadOfAFormulaFailsTheComparison() throws Exception {
        assertThat(comparePortfolio(plantedRecalculated, fresh)).as("the frozen NPV reaches the portfolio's totals").isNotEmpty();
        List<String> mismatches = compareSummaries(plantedRecalculated, fresh);
        String row = String.valueOf(PLANTED_ROW + 1);
        // The frozen NPV stays at its value before the edits, and the decision that reads it stays BUY.
        assertThat(mismatches).containsExactly(
                mismatches.stream().filter(m -> m.startsWith(WorkbookWriter.SUMMARY_SHEET + "!F" + row + ":")).findFirst().orElse("F missing"),
                mismatches.stream().filter(m -> m.startsWith(WorkbookWriter.SUMMARY_SHEET + "!P" + row + ":")).findFirst().orElse("P missing"));
    }

    /** Each compared figure of each cluster row: equal words, or numbers within 1e-6 relative (IRRs 1e-6 absolute). */
    private static List<String> compareSummaries(Path live, Path expected) throws IOException {
        List<String> mismatches = new ArrayList<>();
        try (XSSFWorkbook a = WriterFixtures.open(live); XSSFWorkbook b = WriterFixtures.open(expected)) {
            Sheet ours = a.getSheet(WorkbookWriter.SUMMARY_SHEET);
            Sheet theirs = b.getSheet(WorkbookWriter.SUMMARY_SHEET);
            assertThat(ours.getLastRowNum()).isEqualTo(theirs.getLastRowNum()).isEqualTo(6);
            for (int r = 1; r <= theirs.getLastRowNum(); r++) {
                assertThat(ours.getRow(r).getCell(SummarySheet.ID).getStringCellValue())
                        .isEqualTo(theirs.getRow(r).getCell(SummarySheet.ID).getStringCellValue());
                for (int column : FIGURES) {
                    String difference = difference(ours.getRow(r).getCell(column), theirs.getRow(r).getCell(column),
                            column == SummarySheet.IRR || column == SummarySheet.XIRR || column == SummarySheet.MIRR);
                    if (difference != null) {
                        mismatches.add(WorkbookWriter.SUMMARY_SHEET + "!" + new org.apache.poi.ss.util.CellReference(r, column)
                                .formatAsString() + ": " + difference);
                    }
                }
            }
        }
        return mismatches;
    }

    /** Each compared figure of each contract row, as {@link #compareSummaries}. */
    private static List<String> compareContracts(Path live, Path expected) throws IOException {
        List<String> mismatches = new ArrayList<>();
        try (XSSFWorkbook a = WriterFixtures.open(live); XSSFWorkbook b = WriterFixtures.open(expected)) {
            Sheet ours = a.getSheet(WorkbookWriter.CONTRACTS_SHEET);
            Sheet theirs = b.getSheet(WorkbookWriter.CONTRACTS_SHEET);
            for (int r = 1; r <= 2; r++) {
                assertThat(ours.getRow(r).getCell(ContractsSheet.ID).getStringCellValue())
                        .isEqualTo(theirs.getRow(r).getCell(ContractsSheet.ID).getStringCellValue());
                for (int column : CONTRACT_FIGURES) {
                    String difference = difference(ours.getRow(r).getCell(column), theirs.getRow(r).getCell(column), false);
                    if (difference != null) {
                        mismatches.add(WorkbookWriter.CONTRACTS_SHEET + "!" + new org.apache.poi.ss.util.CellReference(r, column)
                                .formatAsString() + ": " + difference);
                    }
                }
            }
        }
        return mismatches;
    }

    /** Each formula total of the portfolio. */
    private static List<String> comparePortfolio(Path live, Path expected) throws IOException {
        List<String> mismatches = new ArrayList<>();
        try (XSSFWorkbook a = WriterFixtures.open(live); XSSFWorkbook b = WriterFixtures.open(expected)) {
            Sheet ours = a.getSheet(WorkbookWriter.PORTFOLIO_SHEET);
            Sheet theirs = b.getSheet(WorkbookWriter.PORTFOLIO_SHEET);
            for (int r : PORTFOLIO_TOTALS) {
                String difference = difference(ours.getRow(r).getCell(1), theirs.getRow(r).getCell(1), false);
                if (difference != null) {
                    mismatches.add(WorkbookWriter.PORTFOLIO_SHEET + "!B" + (r + 1) + " " + theirs.getRow(r).getCell(0).getStringCellValue()
                            + ": " + difference);
                }
            }
        }
        return mismatches;
    }

    private static String difference(Cell live, Cell expected, boolean rate) {
        Object a = shown(live);
        Object b = shown(expected);
        if (a instanceof Double x && b instanceof Double y) {
            double tolerance = rate ? IRR_ABSOLUTE : RELATIVE * Math.max(Math.abs(x), Math.abs(y));
            return Math.abs(x - y) <= tolerance ? null : x + " against " + y;
        }
        return java.util.Objects.equals(a, b) ? null : a + " against " + b;
    }

    private static Object shown(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> cell.getNumericCellValue();
            case STRING -> cell.getStringCellValue();
            default -> type.name();
        };
    }
}
