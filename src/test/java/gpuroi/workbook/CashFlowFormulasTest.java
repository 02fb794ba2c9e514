package gpuroi.workbook;

import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.MonthlyCashFlow;
import gpuroi.engine.PortfolioAnalysis;
import gpuroi.model.PricePath;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The cash-flow and inputs sheets recalculate, with POI's own formula evaluator, to the figures of
 * {@code worked-example.md} (computed independently of this code), and their cached values are those
 * same figures.
 */
class CashFlowFormulasTest {
    /** m, price, revenue, net, cumulative: rows of the document's table. */
    static final double[][] TABLE = {
        {1, 1.979167, 1155.8333, 1044.5833, -18955.4167},
        {2, 1.937500, 1131.5000, 1020.2500, -17935.1667},
        {6, 1.770833, 1034.1667, 922.9167, -14097.5000},
        {12, 1.520833, 888.1667, 776.9167, -9071.0000},
        {13, 1.479167, 863.8333, 752.5833, -8318.4167},
        {23, 1.062500, 620.5000, 509.2500, -2130.9167},
        {24, 1.020833, 596.1667, 2484.9167, 354.0000},
    };
    static final double IRR = 0.0173859500;
    static final double NPV = -1501.220218;
    static final double MOIC = 1.017700;
    static final double TOTAL_RETURN = 0.008811;

    @TempDir
    Path dir;

    @Test
    void everyMonthRecalculatesToTheWorkedExample() throws Exception {
        try (XSSFWorkbook workbook = writeAndOpen(WriterFixtures.analyze(WriterFixtures.workedExample("worked-example").build()))) {
            XSSFSheet flows = workbook.getSheet(WorkbookWriter.CASH_FLOWS_SHEET);
            XSSFFormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();

            Row purchase = flows.getRow(1);
            assertThat(purchase.getCell(CashFlowSheet.MONTH).getNumericCellValue()).isZero();
            assertThat(evaluate(evaluator, purchase, CashFlowSheet.CAPEX)).isCloseTo(20_000, within(1e-9));
            assertThat(evaluate(evaluator, purchase, CashFlowSheet.NET)).isCloseTo(-20_000, within(1e-9));
            assertThat(evaluate(evaluator, purchase, CashFlowSheet.REVENUE)).isZero();

            for (double[] expected : TABLE) {
                Row row = flows.getRow(1 + (int) expected[0]);
                String month = "m=" + (int) expected[0];
                assertThat(row.getCell(CashFlowSheet.MONTH).getNumericCellValue()).isEqualTo(expected[0]);
                assertThat(evaluate(evaluator, row, CashFlowSheet.PRICE)).as("price " + month).isCloseTo(expected[1], within(5e-7));
                assertThat(evaluate(evaluator, row, CashFlowSheet.UTILIZED_HOURS)).as("hours " + month).isCloseTo(584, within(1e-9));
                assertThat(evaluate(evaluator, row, CashFlowSheet.REVENUE)).as("revenue " + month).isCloseTo(expected[2], within(5e-5));
                assertThat(evaluate(evaluator, row, CashFlowSheet.POWER)).as("power " + month).isCloseTo(91.25, within(1e-9));
                assertThat(evaluate(evaluator, row, CashFlowSheet.OTHER_OPEX)).as("opex " + month).isCloseTo(20, within(1e-9));
                assertThat(evaluate(evaluator, row, CashFlowSheet.RESIDUAL)).as("residual " + month)
                        .isCloseTo(expected[0] == 24 ? 2000 : 0, within(1e-9));
                assertThat(evaluate(evaluator, row, CashFlowSheet.NET)).as("net " + month).isCloseTo(expected[3], within(5e-5));
                assertThat(evaluate(evaluator, row, CashFlowSheet.CUMULATIVE)).as("cumulative " + month).isCloseTo(expected[4], within(5e-4));
                assertThat(evaluate(evaluator, row, CashFlowSheet.DISCOUNT_FACTOR)).as("factor " + month)
                        .isCloseTo(Math.pow(1.1, -expected[0] / 12), within(1e-12));
                assertThat(evaluate(evaluator, row, CashFlowSheet.DISCOUNTED)).as("discounted " + month)
                        .isCloseTo(expected[3] * Math.pow(1.1, -expected[0] / 12), within(5e-5));
            }
            Row last = flows.getRow(25);
            assertThat(LocalDate.ofEpochDay(0).plusDays((long) evaluate(evaluator, last, CashFlowSheet.DATE) - 25569))
                    .isEqualTo(LocalDate.of(2028, 1, 1));
            assertThat(flows.getLastRowNum()).as("no row after the last month").isEqualTo(25);
        }
    }

    @Test
    void theLiveIrrNpvAndMoicRecalculateToTheWorkedExample() throws Exception {
        try (XSSFWorkbook workbook = writeAndOpen(WriterFixtures.analyze(WriterFixtures.workedExample("worked-example").build()))) {
            Row inputs = workbook.getSheet(WorkbookWriter.INPUTS_SHEET).getRow(1);
            XSSFFormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();

            assertThat(inputs.getCell(ModelInputsSheet.LIVE_IRR).getCellFormula()).contains("IRR(").contains("^12-1");
            assertThat(evaluate(evaluator, inputs, ModelInputsSheet.LIVE_IRR)).isCloseTo(IRR, within(IRR * 1e-6));
            assertThat(inputs.getCell(ModelInputsSheet.LIVE_NPV).getCellFormula()).startsWith("SUMPRODUCT(");
            assertThat(evaluate(evaluator, inputs, ModelInputsSheet.LIVE_NPV)).isCloseTo(NPV, within(-NPV * 1e-6));
            assertThat(evaluate(evaluator, inputs, ModelInputsSheet.LIVE_MOIC)).isCloseTo(MOIC, within(1e-6));
            assertThat(evaluate(evaluator, inputs, ModelInputsSheet.LIVE_TOTAL_RETURN)).isCloseTo(TOTAL_RETURN, within(1e-6));
        }
    }

    @Test
    void everyFormulaCellOfTheAddedSheetsRecalculatesToItsCachedEngineValue() throws Exception {
        PortfolioAnalysis analysis = WriterFixtures.analyze(
                WriterFixtures.workedExample("worked-example").build(),
                WriterFixtures.workedExample("flat").pricePath(new PricePath.Flat()).gpuCount(8).build(),
                WriterFixtures.workedExample("decline").pricePath(new PricePath.AnnualDecline(0.4)).lifeYears(5)
                        .startDate(LocalDate.of(2025, 3, 15)).status(gpuroi.model.ClusterStatus.OWNED).build(),
                WriterFixtures.workedExample("custom").pricePath(new PricePath.Custom(PricePath.Custom.Step.YEARLY, List.of(1.0, 0.7)))
                        .build());
        try (XSSFWorkbook workbook = writeAndOpen(analysis)) {
            XSSFFormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            int formulas = 0;
            for (String name : WorkbookWriter.OUTPUT_SHEETS) {
                if (workbook.getSheet(name) == null) {
                    continue;
                }
                for (Row row : workbook.getSheet(name)) {
                    for (Cell cell : row) {
                        if (cell.getCellType() != CellType.FORMULA) {
                            continue;
                        }
                        if (cell.getCellFormula().startsWith("XIRR(")) {
                            // POI implements no XIRR; LibreOfficeCachedValuesTest recalculates these cells.
                            continue;
                        }
                        formulas++;
                        CellValue value = evaluator.evaluate(cell);
                        if (cell.getCachedFormulaResultType() == CellType.STRING) {
                            // "never", "n/a", "BUY": the formula's words for the same inputs.
                            assertThat(value.getStringValue()).as("%s!%s = %s", name, cell.getAddress(), cell.getCellFormula())
                                    .isEqualTo(cell.getStringCellValue());
                            continue;
                        }
                        assertThat(value.getCellType()).as(cell.getAddress() + " " + cell.getCellFormula()).isEqualTo(CellType.NUMERIC);
                        double cached = cell.getNumericCellValue();
                        assertThat(value.getNumberValue()).as("%s!%s = %s", name, cell.getAddress(), cell.getCellFormula())
                                .isCloseTo(cached, within(Math.max(1e-9, Math.abs(cached) * 1e-6)));
                    }
                }
            }
            assertThat(formulas).isGreaterThan(4 * 11 * 25);

            XSSFSheet flows = workbook.getSheet(WorkbookWriter.CASH_FLOWS_SHEET);
            int row = 1;
            for (ClusterAnalysis cluster : analysis.clusters()) {
                for (MonthlyCashFlow month : cluster.schedule().months()) {
                    Row r = flows.getRow(row++);
                    assertThat(r.getCell(CashFlowSheet.ID).getStringCellValue()).isEqualTo(cluster.cluster().id());
                    assertThat(r.getCell(CashFlowSheet.NET).getNumericCellValue())
                            .isCloseTo(month.net(), within(Math.max(1e-9, Math.abs(month.net()) * 1e-12)));
                }
            }
        }
    }

    @Test
    void aClusterWithALessorContractRecalculatesToTheEngineIncludingContractRevenue() throws Exception {
        // 8 GPUs; 4 of them reserved at $4.20/hr for 12 months from month 4, 50% prepaid.
        gpuroi.model.Cluster cluster = WriterFixtures.workedExample("reserved").gpuCount(8).build();
        gpuroi.model.Lease reserved = new gpuroi.model.Lease("r-1", gpuroi.model.LeaseRole.LESSOR,
                java.util.Optional.of("reserved"), java.util.Optional.empty(), "H100 SXM", 4, 4.20,
                WriterFixtures.VALUATION.plusMonths(3), 12, 0.5, 0, false, java.util.OptionalDouble.empty());
        gpuroi.model.Assumptions assumptions = gpuroi.model.Assumptions.defaults(WriterFixtures.VALUATION);
        ClusterAnalysis analyzed = gpuroi.engine.RoiEngine.analyzeWithContracts(cluster, assumptions, List.of(reserved));
        PortfolioAnalysis analysis = new PortfolioAnalysis(assumptions, List.of(analyzed));
        // Independent check of one contract month: 4 GPUs × 730 h × $4.20 × (1 − 50% prepaid) = $6,132
        // plus the other 4 GPUs at the market: 4 × 730 × 80% × price × (1 − 0 fee).
        MonthlyCashFlow month6 = analyzed.schedule().months().get(6);
        assertThat(month6.revenue()).isCloseTo(4 * 730 * 4.20 * 0.5 + 4 * 730 * 0.80 * month6.pricePerGpuHour(), within(1e-6));
        try (XSSFWorkbook workbook = writeAndOpen(analysis)) {
            XSSFFormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            XSSFSheet flows = workbook.getSheet(WorkbookWriter.CASH_FLOWS_SHEET);
            for (MonthlyCashFlow month : analyzed.schedule().months()) {
                Row r = flows.getRow(1 + month.month());
                for (int column : new int[] {CashFlowSheet.UTILIZED_HOURS, CashFlowSheet.REVENUE, CashFlowSheet.NET,
                    CashFlowSheet.CONTRACTED_GPUS, CashFlowSheet.CONTRACT_REVENUE}) {
                    if (r.getCell(column).getCellType() != CellType.FORMULA) {
                        continue; // a month no contract covers: 0 as a value
                    }
                    double cached = r.getCell(column).getNumericCellValue();
                    assertThat(evaluate(evaluator, r, column)).as("month %d column %d", month.month(), column)
                            .isCloseTo(cached, within(Math.max(1e-9, Math.abs(cached) * 1e-9)));
                }
                assertThat(r.getCell(CashFlowSheet.REVENUE).getNumericCellValue())
                        .isCloseTo(month.revenue(), within(Math.max(1e-9, Math.abs(month.revenue()) * 1e-12)));
            }
            // The contract covers months 4..15 (midpoints 3.5..14.5 in its term from month 3): month 4 bills its
            // unprepaid half, $6,132, plus the prepaid half of all 12 months, 0.5 × 4 × 730 × $4.20 × 12 = $73,584.
            Row first = flows.getRow(1 + 4);
            assertThat(first.getCell(CashFlowSheet.CONTRACT_REVENUE).getCellType()).isEqualTo(CellType.FORMULA);
            assertThat(evaluate(evaluator, first, CashFlowSheet.CONTRACT_REVENUE)).isCloseTo(6_132 + 73_584, within(1e-6));
            assertThat(evaluate(evaluator, flows.getRow(1 + 6), CashFlowSheet.CONTRACT_REVENUE)).isCloseTo(6_132, within(1e-6));
            assertThat(flows.getRow(1 + 16).getCell(CashFlowSheet.CONTRACT_REVENUE).getNumericCellValue()).isZero();
        }
    }

    @Test
    void theMonthlyModelIsExpressedAsFormulasNotCopiedValues() throws Exception {
        try (XSSFWorkbook workbook = writeAndOpen(WriterFixtures.analyze(WriterFixtures.workedExample("worked-example").build()))) {
            Row month = workbook.getSheet(WorkbookWriter.CASH_FLOWS_SHEET).getRow(5);
            for (int column : new int[] {CashFlowSheet.DATE, CashFlowSheet.PRICE, CashFlowSheet.UTILIZED_HOURS,
                    CashFlowSheet.REVENUE, CashFlowSheet.POWER, CashFlowSheet.OTHER_OPEX, CashFlowSheet.CAPEX,
                    CashFlowSheet.RESIDUAL, CashFlowSheet.NET, CashFlowSheet.CUMULATIVE, CashFlowSheet.DISCOUNT_FACTOR,
                    CashFlowSheet.DISCOUNTED}) {
                assertThat(month.getCell(column).getCellType()).as("column %d", column).isEqualTo(CellType.FORMULA);
            }
            // Uncommitted GPUs × (730 h × utilization) × price × (1 − fee), plus contract revenue (column P), from the
            // cluster's drivers on its month-0 row, which link to its row of ROI Inputs.
            assertThat(month.getCell(CashFlowSheet.REVENUE).getCellFormula()).isEqualTo("IF($B6=0,0,($V$2-O6)*$W$2*D6*$X$2+P6)");
            Row drivers = workbook.getSheet(WorkbookWriter.CASH_FLOWS_SHEET).getRow(1);
            assertThat(drivers.getCell(CashFlowSheet.DRIVER_GPUS).getCellFormula()).isEqualTo("'ROI Inputs'!$C$2");
            assertThat(drivers.getCell(CashFlowSheet.DRIVER_HOURS_PER_GPU).getCellFormula()).isEqualTo("730*'ROI Inputs'!$F$2");
            assertThat(drivers.getCell(CashFlowSheet.DRIVER_AFTER_FEE).getCellFormula()).isEqualTo("1-'ROI Inputs'!$L$2");
            assertThat(month.getCell(CashFlowSheet.DRIVER_GPUS)).as("drivers only on the month-0 row").isNull();
            assertThat(month.getCell(CashFlowSheet.CUMULATIVE).getCellFormula()).isEqualTo("L5+K6");
            assertThat(month.getCell(CashFlowSheet.PRICE).getCellFormula()).contains("$AI$2").contains("-0.5)/12");
            assertThat(drivers.getCell(CashFlowSheet.DRIVER_START_PRICE).getCellFormula()).isEqualTo("'ROI Inputs'!$G$2");
        }
    }

    @Test
    void editingAnInputRecalculatesTheCashFlows() throws Exception {
        try (XSSFWorkbook workbook = writeAndOpen(WriterFixtures.analyze(WriterFixtures.workedExample("worked-example").build()))) {
            workbook.getSheet(WorkbookWriter.INPUTS_SHEET).getRow(1).getCell(ModelInputsSheet.GPUS).setCellValue(2);
            XSSFFormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            Row first = workbook.getSheet(WorkbookWriter.CASH_FLOWS_SHEET).getRow(2);
            assertThat(evaluate(evaluator, first, CashFlowSheet.NET)).isCloseTo(2 * 1044.5833, within(1e-3));
            Row inputs = workbook.getSheet(WorkbookWriter.INPUTS_SHEET).getRow(1);
            assertThat(evaluate(evaluator, inputs, ModelInputsSheet.LIVE_IRR)).as("IRR does not depend on scale").isCloseTo(IRR, within(1e-8));
        }
    }

    private XSSFWorkbook writeAndOpen(PortfolioAnalysis analysis) throws Exception {
        Path input = WriterFixtures.fleetWorkbook(dir, "fleet.xlsx", "worked-example");
        Path output = dir.resolve("fleet-roi.xlsx");
        WriterFixtures.write(input, output, analysis);
        return WriterFixtures.open(output);
    }

    private static double evaluate(XSSFFormulaEvaluator evaluator, Row row, int column) {
        Cell cell = row.getCell(column);
        assertThat(cell.getCellType()).as("%s is a formula", cell.getAddress()).isEqualTo(CellType.FORMULA);
        CellValue value = evaluator.evaluate(cell);
        assertThat(value.getCellType()).as("%s = %s", cell.getAddress(), cell.getCellFormula()).isEqualTo(CellType.NUMERIC);
        return value.getNumberValue();
    }
}
