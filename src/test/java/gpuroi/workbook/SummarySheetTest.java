package gpuroi.workbook;

import gpuroi.engine.PortfolioAnalysis;
import gpuroi.model.ClusterStatus;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ConditionalFormatting;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The summary shows the worked example's figures, says in words when a figure does not exist, and colours decisions. */
class SummarySheetTest {
    @TempDir
    Path dir;

    @Test
    void theWorkedExampleRowCarriesTheDocumentsFigures() throws Exception {
        try (XSSFWorkbook workbook = write(WriterFixtures.analyze(WriterFixtures.workedExample("worked-example").build()))) {
            Row row = workbook.getSheet(WorkbookWriter.SUMMARY_SHEET).getRow(1);
            assertThat(text(row, SummarySheet.ID)).isEqualTo("worked-example");
            assertThat(text(row, SummarySheet.GPU_MODEL)).isEqualTo("H100 SXM");
            assertThat(number(row, SummarySheet.GPUS)).isEqualTo(1);
            assertThat(text(row, SummarySheet.STATUS)).isEqualTo("Planned");
            assertThat(text(row, SummarySheet.DECISION)).isEqualTo("RENT");
            assertThat(number(row, SummarySheet.IRR)).isCloseTo(0.0173859500, within(1e-9));
            assertThat(number(row, SummarySheet.NPV)).isCloseTo(-1501.220218, within(1501.220218 * 1e-7));
            assertThat(number(row, SummarySheet.NPV_AT_HURDLE)).isCloseTo(-1501.220218, within(1501.220218 * 1e-7));
            assertThat(number(row, SummarySheet.PAYBACK)).isCloseTo(23.857540, within(1e-6));
            assertThat(text(row, SummarySheet.DISCOUNTED_PAYBACK)).isEqualTo("never");
            assertThat(number(row, SummarySheet.MOIC)).isCloseTo(1.017700, within(1e-6));
            assertThat(number(row, SummarySheet.TOTAL_RETURN)).isCloseTo(0.008811, within(1e-6));
            assertThat(number(row, SummarySheet.LEVELIZED_COST)).isCloseTo(1.633956, within(1e-6));
            assertThat(number(row, SummarySheet.LEVELIZED_PRICE)).isCloseTo(1.515848, within(1e-6));
            assertThat(number(row, SummarySheet.BREAK_EVEN_PRICE)).isCloseTo(2.155832, within(1e-6));
            assertThat(number(row, SummarySheet.BREAK_EVEN_PRICE_ZERO_IRR)).isCloseTo(1.966324, within(1e-6));
            assertThat(number(row, SummarySheet.BREAK_EVEN_UTILIZATION)).isCloseTo(0.862333, within(1e-6));
            assertThat(number(row, SummarySheet.TOTAL_CAPEX)).isEqualTo(20_000);
            assertThat(text(row, SummarySheet.REASON)).contains("IRR 1.7%").contains("$2.16");
            assertThat(resultType(row.getCell(SummarySheet.XIRR))).isEqualTo(CellType.NUMERIC);
            assertThat(resultType(row.getCell(SummarySheet.MIRR))).isEqualTo(CellType.NUMERIC);

            Row header = workbook.getSheet(WorkbookWriter.SUMMARY_SHEET).getRow(0);
            assertThat(text(header, SummarySheet.TOTAL_RETURN)).contains("article's measure").contains("not an IRR");
        }
    }

    @Test
    void aClusterWithoutAnIrrShowsTheReasonInWordsAndNeverAFakeNumber() throws Exception {
        var noRevenue = WriterFixtures.workedExample("idle").startPricePerGpuHour(0).residualShare(0).build();
        try (XSSFWorkbook workbook = write(WriterFixtures.analyze(noRevenue))) {
            Row row = workbook.getSheet(WorkbookWriter.SUMMARY_SHEET).getRow(1);
            assertThat(row.getCell(SummarySheet.IRR).getCellType()).isEqualTo(CellType.STRING);
            assertThat(text(row, SummarySheet.IRR)).startsWith("no IRR: ").contains("negative");
            assertThat(row.getCell(SummarySheet.XIRR).getCellType()).isEqualTo(CellType.STRING);
            assertThat(text(row, SummarySheet.PAYBACK)).isEqualTo("never");
            Row inputs = workbook.getSheet(WorkbookWriter.INPUTS_SHEET).getRow(1);
            assertThat(inputs.getCell(ModelInputsSheet.LIVE_IRR).getCellType()).isEqualTo(CellType.STRING);
            assertThat(inputs.getCell(ModelInputsSheet.LIVE_IRR).getStringCellValue()).startsWith("no IRR");
        }
    }

    @Test
    void anAmbiguousIrrIsShownAsItsCandidateRatesAndTheReasonNotAsOneOfThem() {
        var ambiguous = new gpuroi.engine.IrrResult.Ambiguous(List.of(0.05, 0.40), "the cash flows change sign 2 times");
        assertThat(SummarySheet.irrText(ambiguous)).isEqualTo("ambiguous (5.0% or 40.0%): the cash flows change sign 2 times");
    }

    @Test
    void aClusterIdThatLooksLikeAFormulaIsWrittenAsTextEverywhere() throws Exception {
        String id = "=HYPERLINK(\"http://x\",\"y\")";
        try (XSSFWorkbook workbook = write(WriterFixtures.analyze(WriterFixtures.workedExample(id).gpuModel("=1+1").build()))) {
            for (String sheet : List.of(WorkbookWriter.SUMMARY_SHEET, WorkbookWriter.INPUTS_SHEET, WorkbookWriter.CASH_FLOWS_SHEET)) {
                Cell cell = workbook.getSheet(sheet).getRow(1).getCell(0);
                assertThat(cell.getCellType()).as(sheet).isEqualTo(CellType.STRING);
                assertThat(cell.getStringCellValue()).as(sheet).isEqualTo(id);
            }
            Cell model = workbook.getSheet(WorkbookWriter.SUMMARY_SHEET).getRow(1).getCell(SummarySheet.GPU_MODEL);
            assertThat(model.getCellType()).isEqualTo(CellType.STRING);
            assertThat(model.getStringCellValue()).isEqualTo("=1+1");
            var chart = workbook.getSheet(WorkbookWriter.CHART_SHEET).getDrawingPatriarch().getCharts().get(0);
            assertThat(seriesTitle(chart.getChartSeries().get(0).getSeries(0))).isEqualTo(id);
        }
    }

    @Test
    void decisionsAreColouredByConditionalFormatting() throws Exception {
        PortfolioAnalysis analysis = WriterFixtures.analyze(
                WriterFixtures.workedExample("rent").build(),
                WriterFixtures.workedExample("buy").startPricePerGpuHour(4).build(),
                WriterFixtures.workedExample("hold").status(ClusterStatus.OWNED).startDate(LocalDate.of(2025, 6, 1)).build(),
                WriterFixtures.workedExample("resell").status(ClusterStatus.OWNED).startDate(LocalDate.of(2025, 6, 1))
                        .secondaryPricePerGpu(1_000_000.0).build());
        try (XSSFWorkbook workbook = write(analysis)) {
            XSSFSheet summary = workbook.getSheet(WorkbookWriter.SUMMARY_SHEET);
            List<String> decisions = new ArrayList<>();
            for (int r = 1; r <= 4; r++) {
                decisions.add(text(summary.getRow(r), SummarySheet.DECISION));
            }
            assertThat(decisions).containsExactly("RENT", "BUY", "HOLD", "RESELL");

            SheetConditionalFormatting formatting = summary.getSheetConditionalFormatting();
            List<String> rules = new ArrayList<>();
            for (int i = 0; i < formatting.getNumConditionalFormattings(); i++) {
                ConditionalFormatting format = formatting.getConditionalFormattingAt(i);
                assertThat(format.getFormattingRanges()[0].formatAsString()).isEqualTo("F2:F5");
                for (int k = 0; k < format.getNumberOfRules(); k++) {
                    var rule = format.getRule(k);
                    rules.add(rule.getFormula1() + " fill " + rule.getPatternFormatting().getFillBackgroundColor());
                }
            }
            assertThat(rules).hasSize(4).anyMatch(r -> r.startsWith("\"BUY\"")).anyMatch(r -> r.startsWith("\"HOLD\""))
                    .anyMatch(r -> r.startsWith("\"RENT\"")).anyMatch(r -> r.startsWith("\"RESELL\""));
        }
    }

    @Test
    void useSitsBesideStatusOwnedDecisionFiguresFollowTheDecisionAndOwnUseCostsComeLastBeforeTheReason() throws Exception {
        PortfolioAnalysis analysis = WriterFixtures.analyze(
                WriterFixtures.workedExample("planned").build(),
                WriterFixtures.workedExample("owned").status(ClusterStatus.OWNED).startDate(LocalDate.of(2025, 6, 1))
                        .secondaryPricePerGpu(15_000.0).build());
        try (XSSFWorkbook workbook = write(analysis)) {
            XSSFSheet summary = workbook.getSheet(WorkbookWriter.SUMMARY_SHEET);
            // Column letters written out, not the sheet's constants, so a shifted constant cannot pass unseen.
            Row header = summary.getRow(0);
            assertThat(text(header, column("D"))).isEqualTo("Status");
            assertThat(text(header, column("E"))).startsWith("Use");
            assertThat(text(header, column("F"))).isEqualTo("Decision");
            assertThat(text(header, column("G"))).startsWith("Value of holding at hurdle (owned");
            assertThat(text(header, column("L"))).startsWith("Secondary price per GPU above which selling wins");
            assertThat(text(header, column("M"))).startsWith("IRR (monthly, annualized; owned: since purchase");
            assertThat(text(header, column("AA"))).isEqualTo("Total capex");
            assertThat(text(header, column("AB"))).startsWith("Own use: present cost of owning");
            assertThat(text(header, column("AC"))).startsWith("Own use: present cost of renting");
            assertThat(text(header, column("AD"))).startsWith("Reason (text as converted on ");
            assertThat(text(header, column("AI"))).isEqualTo("Decision against the reason (live)");
            assertThat(text(header, column("AJ"))).isEqualTo("Values computed at conversion, not formulas");
            assertThat(header.getLastCellNum()).isEqualTo((short) (column("AJ") + 1));

            Row planned = summary.getRow(1);
            assertThat(text(planned, column("E"))).isEqualTo("Rent out");
            assertThat(planned.getCell(column("G"))).as("a planned cluster has no hold value").isNull();
            assertThat(resultType(planned.getCell(column("AB")))).isEqualTo(CellType.NUMERIC);
            assertThat(resultType(planned.getCell(column("AC")))).isEqualTo(CellType.NUMERIC);

            Row owned = summary.getRow(2);
            assertThat(text(owned, column("F"))).isIn("HOLD", "RESELL");
            assertThat(resultType(owned.getCell(column("G")))).isEqualTo(CellType.NUMERIC);
            // One GPU at 15,000 and no resale fee in these assumptions: the sale is 15,000.
            assertThat(number(owned, column("H"))).isEqualTo(15_000);
            assertThat(text(owned, column("AB"))).isEqualTo("n/a (owned)");
            assertThat(text(owned, column("AC"))).isEqualTo("n/a (owned)");
            assertThat(text(owned, column("AD"))).isEqualTo(analysis.clusters().get(1).recommendation().reason());
        }
    }

    private static int column(String letters) {
        return org.apache.poi.ss.util.CellReference.convertColStringToIndex(letters);
    }

    @Test
    void theAddedSheetsHaveFrozenHeadersNumberFormatsAndReadableWidths() throws Exception {
        try (XSSFWorkbook workbook = write(WriterFixtures.analyze(WriterFixtures.workedExample("worked-example").build()))) {
            for (String name : WorkbookWriter.OUTPUT_SHEETS) {
                if (name.equals(WorkbookWriter.CHART_SHEET) || name.equals(WorkbookWriter.RISK_SHEET)) {
                    continue;
                }
                var pane = workbook.getSheet(name).getPaneInformation();
                assertThat(pane).as(name).isNotNull();
                assertThat(pane.isFreezePane()).as(name).isTrue();
                assertThat(pane.getHorizontalSplitPosition()).as(name + " header row frozen").isEqualTo((short) 1);
                assertThat(workbook.getSheet(name).getColumnWidth(0)).as(name).isGreaterThan(12 * 256);
                assertThat(workbook.getSheet(name).getRow(0).getCell(0).getCellStyle().getFont().getBold()).as(name).isTrue();
                assertThat(workbook.getSheet(name).getRow(0).getHeightInPoints()).as(name + " header fits its wrapped titles")
                        .isGreaterThanOrEqualTo(15f);
            }
            assertThat(workbook.getSheet(WorkbookWriter.SUMMARY_SHEET).getRow(0).getHeightInPoints()).isGreaterThanOrEqualTo(45f);
            Row summary = workbook.getSheet(WorkbookWriter.SUMMARY_SHEET).getRow(1);
            assertThat(format(summary, SummarySheet.NPV)).isEqualTo("\"$\"#,##0;-\"$\"#,##0");
            assertThat(format(summary, SummarySheet.IRR)).isEqualTo("0.00%");
            assertThat(format(summary, SummarySheet.BREAK_EVEN_PRICE)).startsWith("\"$\"#,##0.0000");
            Row month = workbook.getSheet(WorkbookWriter.CASH_FLOWS_SHEET).getRow(2);
            assertThat(format(month, CashFlowSheet.DATE)).isEqualTo("yyyy-mm-dd");
            assertThat(format(month, CashFlowSheet.NET)).isEqualTo("\"$\"#,##0.00;-\"$\"#,##0.00");
            assertThat(format(workbook.getSheet(WorkbookWriter.INPUTS_SHEET).getRow(1), ModelInputsSheet.UTILIZATION)).isEqualTo("0.00%");
        }
    }

    @Test
    void theChartSheetHoldsANativeLineChartOfEachClustersCumulativeCashFlow() throws Exception {
        try (XSSFWorkbook workbook = write(WriterFixtures.analyze(WriterFixtures.workedExample("short").build(),
                WriterFixtures.workedExample("long").lifeYears(3).build()))) {
            assertThat(InputSheetsPreservedTest.chartParts(workbook)).isEqualTo(1);
            var charts = workbook.getSheet(WorkbookWriter.CHART_SHEET).getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(1);
            var data = charts.get(0).getChartSeries();
            assertThat(data).hasSize(1);
            assertThat(data.get(0)).isInstanceOf(org.apache.poi.xddf.usermodel.chart.XDDFLineChartData.class);
            assertThat(data.get(0).getSeriesCount()).isEqualTo(2);
            var longest = data.get(0).getSeries(0);
            assertThat(seriesTitle(longest)).isEqualTo("long");
            assertThat(longest.getValuesData().getDataRangeReference()).isEqualTo("'ROI Cash Flows'!$L$27:$L$63");
            assertThat(longest.getValuesData().getPointCount()).isEqualTo(37);
            var shortest = data.get(0).getSeries(1);
            assertThat(shortest.getValuesData().getDataRangeReference()).isEqualTo("'ROI Cash Flows'!$L$2:$L$26");
            assertThat(((Number) shortest.getValuesData().getPointAt(24)).doubleValue()).isCloseTo(354.0, within(5e-4));
            for (int k = 0; k < 2; k++) {
                var line = ((org.apache.poi.xddf.usermodel.chart.XDDFLineChartData.Series) data.get(0).getSeries(k))
                        .getShapeProperties().getLineProperties();
                assertThat(line.getFillProperties()).as("series %d has a visible stroke", k)
                        .isInstanceOf(org.apache.poi.xddf.usermodel.XDDFSolidFillProperties.class);
            }
            assertThat(charts.get(0).getCTChart().getDispBlanksAs().getVal().toString()).isEqualTo("gap");
        }
    }

    @Test
    void aClusterIdWithXmlsSpecialCharactersComesBackWholeAsItsChartSeriesTitle() throws Exception {
        String id = "A&B <east> 'rack' > 2";
        try (XSSFWorkbook workbook = write(WriterFixtures.analyze(WriterFixtures.workedExample(id).build()))) {
            var chart = workbook.getSheet(WorkbookWriter.CHART_SHEET).getDrawingPatriarch().getCharts().get(0);
            assertThat(seriesTitle(chart.getChartSeries().get(0).getSeries(0))).isEqualTo(id);
            assertThat(chart.getTitleText().getString()).isEqualTo("Cumulative net cash flow (USD)");
        }
    }

    @Test
    void anEmptyFleetStillGetsEveryAddedSheetWithItsHeaders() throws Exception {
        try (XSSFWorkbook workbook = write(WriterFixtures.analyze())) {
            for (String name : WorkbookWriter.OUTPUT_SHEETS) {
                if (name.equals(WorkbookWriter.RISK_SHEET)) {
                    assertThat(workbook.getSheet(name)).as("no Monte Carlo, no risk sheet").isNull();
                    continue;
                }
                assertThat(workbook.getSheet(name)).as(name).isNotNull();
            }
            assertThat(workbook.getSheet(WorkbookWriter.SUMMARY_SHEET).getLastRowNum()).isZero();
            assertThat(workbook.getSheet(WorkbookWriter.CASH_FLOWS_SHEET).getLastRowNum()).isZero();
            assertThat(workbook.getSheet(WorkbookWriter.CHART_SHEET).getRow(0).getCell(0).getStringCellValue())
                    .contains("nothing to chart");
        }
    }

    private XSSFWorkbook write(PortfolioAnalysis analysis) throws Exception {
        Path input = WriterFixtures.fleetWorkbook(dir, "fleet.xlsx", "x");
        Path output = dir.resolve("out.xlsx");
        WriterFixtures.write(input, output, analysis);
        return WriterFixtures.open(output);
    }

    private static String seriesTitle(org.apache.poi.xddf.usermodel.chart.XDDFChartData.Series series) {
        return ((org.apache.poi.xddf.usermodel.chart.XDDFLineChartData.Series) series).getCTLineSer().getTx().getV();
    }

    /** Text, typed or the cached result of a formula. */
    private static String text(Row row, int column) {
        Cell cell = row.getCell(column);
        assertThat(resultType(cell)).as(cell.getAddress().formatAsString()).isEqualTo(CellType.STRING);
        return cell.getStringCellValue();
    }

    /** A number, typed or the cached result of a formula. */
    private static double number(Row row, int column) {
        Cell cell = row.getCell(column);
        assertThat(resultType(cell)).as(cell.getAddress().formatAsString()).isEqualTo(CellType.NUMERIC);
        return cell.getNumericCellValue();
    }

    private static CellType resultType(Cell cell) {
        return cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    }

    private static String format(Row row, int column) {
        return row.getCell(column).getCellStyle().getDataFormatString();
    }
}
