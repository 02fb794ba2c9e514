package gpuroi.workbook;

import gpuroi.engine.PortfolioAnalysis;
import gpuroi.engine.RoiEngine;
import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.Financing;
import gpuroi.model.PricePath;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tax rate, depreciation and loan terms are stated on ROI Notes, and the after-tax and equity figures they change
 * are columns of ROI Summary, so no input is visible only in the JSON output.
 */
class TaxAndLoanTermsShownTest {
    private static final LocalDate VALUATION = LocalDate.of(2026, 1, 1);

    @TempDir
    Path dir;

    /**
     * One GPU bought at the valuation date for $12,000, 12 months, flat $2.00/GPU-hr at 100% utilization, no power,
     * no residual: each month nets 730 × 2 = $1,460. Hurdle and discount 0%, so NPVs are plain sums.
     */
    private static Cluster oneYearCluster() {
        return Cluster.builder("taxed").gpuModel("H100 SXM").gpuCount(1).capexPerGpu(12_000).lifeMonths(12)
                .status(ClusterStatus.PLANNED).utilization(1).residualShare(0).powerKwPerGpu(0).pue(1).electricityPerKwh(0)
                .otherOpexPerGpuMonth(0).startPricePerGpuHour(2).pricePath(new PricePath.Flat()).build();
    }

    private static Assumptions taxedAndLevered() {
        return new Assumptions(VALUATION, "USD", 0, 0, PricePath.ARTICLE_BLENDED, 0, 0)
                .withTax(0.25, OptionalDouble.of(1))
                .withFinancing(new Financing(0.5, 0, OptionalDouble.of(1), 0));
    }

    @Test
    void afterTaxAndEquityColumnsCarryTheHandComputedFigures() throws Exception {
        Assumptions a = taxedAndLevered();
        PortfolioAnalysis analysis = new PortfolioAnalysis(a, List.of(RoiEngine.analyze(oneYearCluster(), a)));
        try (XSSFWorkbook workbook = write(analysis)) {
            XSSFSheet summary = workbook.getSheet(WorkbookWriter.SUMMARY_SHEET);
            Row header = summary.getRow(0);
            assertThat(header.getCell(SummarySheet.AFTER_TAX_IRR).getStringCellValue()).isEqualTo("After-tax IRR (tax 25.0%; owned: since purchase, realized + expected)");
            assertThat(header.getCell(SummarySheet.EQUITY_NPV_AT_HURDLE).getStringCellValue())
                    .isEqualTo("Equity NPV at hurdle rate (with the loan; owned: since purchase, realized + expected)");
            Row row = summary.getRow(1);
            // Depreciation 12,000 / 12 = 1,000 a month; tax 25% × (1,460 − 1,000) = 115; after tax 1,345 a month.
            // 12 × 1,345 − 12,000 = 4,140.
            assertThat(row.getCell(SummarySheet.AFTER_TAX_NPV_AT_HURDLE).getNumericCellValue()).isCloseTo(4_140, within(1e-6));
            // Loan 50% × 12,000 = 6,000 at 0% over 12 months: 500 a month. Equity: −6,000, then 1,460 − 500 = 960 a month.
            // 12 × 960 − 6,000 = 5,520.
            assertThat(row.getCell(SummarySheet.EQUITY_NPV_AT_HURDLE).getNumericCellValue()).isCloseTo(5_520, within(1e-6));
            // After-tax IRR: 12,000 = 1,345 · a(12, r); r ≈ 1.9396% a month (solved by hand with bisection), so it is positive.
            assertThat(row.getCell(SummarySheet.AFTER_TAX_IRR).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(SummarySheet.EQUITY_IRR).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(summary.isColumnHidden(SummarySheet.AFTER_TAX_IRR)).isFalse();
            assertThat(summary.isColumnHidden(SummarySheet.EQUITY_NPV_AT_HURDLE)).isFalse();
        }
    }

    @Test
    void notesStateTheTaxDepreciationAndLoanTerms() throws Exception {
        Assumptions a = taxedAndLevered();
        PortfolioAnalysis analysis = new PortfolioAnalysis(a, List.of(RoiEngine.analyze(oneYearCluster(), a)));
        try (XSSFWorkbook workbook = write(analysis)) {
            XSSFSheet notes = workbook.getSheet(WorkbookWriter.NOTES_SHEET);
            assertThat(value(notes, "Tax rate")).startsWith("25.0%: taxable income = revenue − power − other opex − depreciation");
            assertThat(value(notes, "Depreciation (tax)")).isEqualTo("1 years, straight-line");
            assertThat(value(notes, "Loan")).startsWith("50.0% of capex at 0.00% nominal over 1 years, balloon 0.0% of the loan:");
        }
    }

    @Test
    void withoutTaxOrLoanTheNotesSayTheFiguresArePreTaxAndAllEquityAndNoExtraColumnsAppear() throws Exception {
        Assumptions a = Assumptions.defaults(VALUATION);
        PortfolioAnalysis analysis = new PortfolioAnalysis(a, List.of(RoiEngine.analyze(oneYearCluster(), a)));
        try (XSSFWorkbook workbook = write(analysis)) {
            XSSFSheet notes = workbook.getSheet(WorkbookWriter.NOTES_SHEET);
            assertThat(value(notes, "Tax rate")).isEqualTo("none (every figure is pre-tax)");
            assertThat(value(notes, "Depreciation (tax)")).isEqualTo("not used (no tax rate)");
            assertThat(value(notes, "Loan")).isEqualTo("none (all equity)");
            Row header = workbook.getSheet(WorkbookWriter.SUMMARY_SHEET).getRow(0);
            assertThat(header.getCell(SummarySheet.AFTER_TAX_IRR)).isNull();
            assertThat(header.getCell(SummarySheet.EQUITY_IRR)).isNull();
            XSSFSheet summary = workbook.getSheet(WorkbookWriter.SUMMARY_SHEET);
            for (int column : new int[] {SummarySheet.AFTER_TAX_IRR, SummarySheet.AFTER_TAX_NPV_AT_HURDLE,
                    SummarySheet.EQUITY_IRR, SummarySheet.EQUITY_NPV_AT_HURDLE}) {
                assertThat(summary.isColumnHidden(column)).as("empty column %d hidden, no blank gap before the live columns", column).isTrue();
            }
        }
    }

    private XSSFWorkbook write(PortfolioAnalysis analysis) throws Exception {
        Path input = WriterFixtures.fleetWorkbook(dir, "fleet.xlsx", "taxed");
        Path output = dir.resolve("out.xlsx");
        WriterFixtures.write(input, output, analysis);
        return WriterFixtures.open(output);
    }

    private static String value(XSSFSheet sheet, String label) {
        Row row = StreamSupport.stream(sheet.spliterator(), false)
                .filter(r -> r.getCell(0) != null && r.getCell(0).getCellType() == CellType.STRING
                        && r.getCell(0).getStringCellValue().equals(label))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + label));
        return row.getCell(1).getStringCellValue();
    }
}
