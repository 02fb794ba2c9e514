package gpuroi.workbook;

import gpuroi.engine.PortfolioAnalysis;
import gpuroi.model.Cluster;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Many clusters: each finds its own block of rows, the chart stays readable, and Excel's row limit is respected. */
class LargeFleetTest {
    @TempDir
    Path dir;

    @Test
    void eachOfOneHundredTwentyClustersGetsItsOwnBlockOfMonthsAndLiveFormulasPointingAtIt() throws Exception {
        int clusters = 120;
        PortfolioAnalysis analysis = WriterFixtures.analyze(IntStream.range(0, clusters)
                .mapToObj(i -> WriterFixtures.workedExample("lot-" + i).lifeYears(5).gpuCount(1 + i).build())
                .toArray(Cluster[]::new));
        Path input = WriterFixtures.fleetWorkbook(dir, "fleet.xlsx", "lot-0");
        Path output = dir.resolve("out.xlsx");
        WriterFixtures.write(input, output, analysis);

        try (XSSFWorkbook workbook = WriterFixtures.open(output)) {
            var flows = workbook.getSheet(WorkbookWriter.CASH_FLOWS_SHEET);
            assertThat(flows.getLastRowNum()).isEqualTo(clusters * 61);
            Row lastMonth = flows.getRow(clusters * 61);
            assertThat(lastMonth.getCell(CashFlowSheet.ID).getStringCellValue()).isEqualTo("lot-119");
            assertThat(lastMonth.getCell(CashFlowSheet.MONTH).getNumericCellValue()).isEqualTo(60);
            // Month 60's power is its cluster's power per month, a driver on the block's month-0 row (7261), which
            // links to the cluster's row of ROI Inputs (121).
            assertThat(lastMonth.getCell(CashFlowSheet.POWER).getCellFormula()).isEqualTo("IF($B7321=0,0,$Y$7261)");
            Row purchase = flows.getRow(clusters * 61 - 60);
            assertThat(purchase.getCell(CashFlowSheet.MONTH).getNumericCellValue()).isZero();
            assertThat(purchase.getCell(CashFlowSheet.DRIVER_GPUS).getCellFormula()).isEqualTo("'ROI Inputs'!$C$121");
            assertThat(purchase.getCell(CashFlowSheet.DRIVER_POWER).getCellFormula()).startsWith("$V$7261*'ROI Inputs'!$M$121*");

            Row lastInputs = workbook.getSheet(WorkbookWriter.INPUTS_SHEET).getRow(clusters);
            assertThat(lastInputs.getCell(ModelInputsSheet.ID).getStringCellValue()).isEqualTo("lot-119");
            assertThat(lastInputs.getCell(ModelInputsSheet.LIVE_NPV).getCellFormula())
                    .isEqualTo("SUMPRODUCT('ROI Cash Flows'!$K$7261:$K$7321,'ROI Cash Flows'!$M$7261:$M$7321)");
            var evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            double npv = evaluator.evaluate(lastInputs.getCell(ModelInputsSheet.LIVE_NPV)).getNumberValue();
            assertThat(npv).isCloseTo(analysis.clusters().get(119).metrics().npv(),
                    org.assertj.core.api.Assertions.within(Math.abs(npv) * 1e-9));

            var chartSheet = workbook.getSheet(WorkbookWriter.CHART_SHEET);
            assertThat(chartSheet.getRow(0).getCell(0).getStringCellValue()).contains("the first 12 of 120 clusters");
            assertThat(chartSheet.getDrawingPatriarch().getCharts().get(0).getChartSeries().get(0).getSeriesCount())
                    .isEqualTo(CumulativeCashFlowChart.MAX_SERIES);
        }
    }

    @Test
    void aFleetThatNeedsMoreRowsThanASheetHoldsIsRefusedBeforeAnythingIsWritten() throws Exception {
        // 17,200 clusters × 61 rows (month 0 to 60) is just over Excel's 1,048,576 rows.
        PortfolioAnalysis analysis = WriterFixtures.analyze(IntStream.range(0, 17_200)
                .mapToObj(i -> WriterFixtures.workedExample("lot-" + i).lifeYears(5).build())
                .toArray(Cluster[]::new));
        Path input = WriterFixtures.fleetWorkbook(dir, "fleet.xlsx", "lot-0");

        assertThatThrownBy(() -> WriterFixtures.write(input, dir.resolve("out.xlsx"), analysis))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1049201 monthly rows")
                .hasMessageContaining("1048576");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("fleet.xlsx");
        }
    }
}
