package gpuroi.workbook;

import gpuroi.engine.FleetResult;
import gpuroi.engine.MonteCarlo;
import gpuroi.engine.PortfolioAnalysis;
import gpuroi.engine.RiskProfile;
import gpuroi.model.Cluster;
import gpuroi.model.RiskInputs;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@value WorkbookWriter#RISK_SHEET}'s NPV distributions, read back through POI: a table of bins per
 * cluster whose paths add up to the runs and agree with the percentiles, and native column charts
 * for the first {@value RiskSheet#MAX_CHARTS} clusters.
 */
class RiskDistributionTest {
    static final int CLUSTERS = RiskSheet.MAX_CHARTS + 1;
    static final int RUNS = 400;

    @TempDir
    static Path dir;
    static Path input;
    static Path output;
    static PortfolioAnalysis analysis;
    static List<RiskProfile> risks;

    @BeforeAll
    static void write() throws IOException {
        Cluster[] clusters = IntStream.range(0, CLUSTERS)
                .mapToObj(i -> WriterFixtures.workedExample("lot-" + i).startPricePerGpuHour(1.8 + 0.1 * i).build())
                .toArray(Cluster[]::new);
        analysis = WriterFixtures.analyze(clusters);
        risks = IntStream.range(0, CLUSTERS)
                .mapToObj(i -> MonteCarlo.analyze(clusters[i], analysis.assumptions(), RiskInputs.defaults(42).withPaths(RUNS)))
                .toList();
        input = WriterFixtures.fleetWorkbook(dir, "fleet.xlsx", "lot-0");
        output = dir.resolve("fleet.roi.xlsx");
        WorkbookWriter.write(input, output, FleetResult.of(analysis).withRisks(risks, List.of()), List.of(), InputCells.NONE,
                WriterFixtures.runInfo(input));
    }

    /** The first row of each cluster's block, found by its title. */
    static int blockRow(XSSFSheet sheet, String clusterId) {
        for (int r = RiskSheet.distributionsRow(CLUSTERS); r <= sheet.getLastRowNum(); r++) {
            XSSFRow row = sheet.getRow(r);
            if (row != null && row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
                    && row.getCell(0).getStringCellValue().startsWith(clusterId + ": NPV over")) {
                return r;
            }
        }
        throw new AssertionError("no distribution block for " + clusterId);
    }

    @Test
    void thePerClusterRowsKeepTheirColumnsAndTheDistributionsStartBelowThem() throws IOException {
        try (XSSFWorkbook wb = WriterFixtures.open(output)) {
            XSSFSheet sheet = wb.getSheet(WorkbookWriter.RISK_SHEET);
            assertThat(sheet.getRow(0).getCell(RiskSheet.NPV_P50).getStringCellValue()).isEqualTo("NPV P50");
            assertThat(sheet.getRow(CLUSTERS).getCell(RiskSheet.ID).getStringCellValue()).isEqualTo("lot-" + (CLUSTERS - 1));
            assertThat(sheet.getRow(CLUSTERS + 1) == null).as("a blank row after the table").isTrue();
            assertThat(sheet.getRow(RiskSheet.distributionsRow(CLUSTERS)).getCell(0).getStringCellValue())
                    .startsWith("NPV distribution").contains("charts beside the first 12 of 13 clusters");
        }
    }

    @Test
    void eachClustersBinsAddUpToTheRunsAndAgreeWithItsPercentiles() throws IOException {
        try (XSSFWorkbook wb = WriterFixtures.open(output)) {
            XSSFSheet sheet = wb.getSheet(WorkbookWriter.RISK_SHEET);
            for (RiskProfile risk : risks) {
                int first = blockRow(sheet, risk.clusterId());
                XSSFRow percentiles = sheet.getRow(first + 1);
                assertThat(percentiles.getCell(1).getNumericCellValue()).isEqualTo(risk.npv().p5());
                assertThat(percentiles.getCell(2).getNumericCellValue()).isEqualTo(risk.npv().p50());
                assertThat(percentiles.getCell(3).getNumericCellValue()).isEqualTo(risk.npv().p95());
                assertThat(sheet.getRow(first + RiskSheet.BIN_HEADER_OFFSET).getCell(RiskSheet.BIN_FROM).getStringCellValue())
                        .isEqualTo("Bin from");

                int r = first + RiskSheet.BIN_HEADER_OFFSET + 1;
                double previousTo = Double.NaN;
                int inBins = 0;
                XSSFRow belowRow;
                int rows = 0;
                for (; ; r++) {
                    XSSFRow row = sheet.getRow(r);
                    if (row.getCell(RiskSheet.BIN_FROM).getCellType() == CellType.STRING) {
                        belowRow = row;
                        break;
                    }
                    rows++;
                    double from = row.getCell(RiskSheet.BIN_FROM).getNumericCellValue();
                    double to = row.getCell(RiskSheet.BIN_TO).getNumericCellValue();
                    if (!Double.isNaN(previousTo)) {
                        assertThat(from).isEqualTo(previousTo);
                    }
                    assertThat(to).isGreaterThan(from);
                    previousTo = to;
                    int paths = (int) row.getCell(RiskSheet.BIN_PATHS).getNumericCellValue();
                    assertThat(row.getCell(RiskSheet.BIN_SHARE).getNumericCellValue()).isEqualTo((double) paths / RUNS);
                    inBins += paths;
                }
                assertThat(belowRow.getCell(RiskSheet.BIN_FROM).getStringCellValue()).isEqualTo("below");
                int below = (int) belowRow.getCell(RiskSheet.BIN_PATHS).getNumericCellValue();
                XSSFRow aboveRow = sheet.getRow(r + 1);
                assertThat(aboveRow.getCell(RiskSheet.BIN_TO).getStringCellValue()).isEqualTo("and above");
                int above = (int) aboveRow.getCell(RiskSheet.BIN_PATHS).getNumericCellValue();
                assertThat(below + inBins + above).as(risk.clusterId()).isEqualTo(RUNS);
                XSSFRow total = sheet.getRow(r + 2);
                assertThat(total.getCell(RiskSheet.BIN_PATHS).getCellFormula()).startsWith("SUM(");
                assertThat(total.getCell(RiskSheet.BIN_PATHS).getNumericCellValue()).isEqualTo(RUNS);

                // The percentiles sit inside the bins' span: the tails beyond them are under 0.5% each.
                int firstBin = first + RiskSheet.BIN_HEADER_OFFSET + 1;
                double lowerEdge = sheet.getRow(firstBin).getCell(RiskSheet.BIN_FROM).getNumericCellValue();
                assertThat(risk.npv().p5()).isBetween(lowerEdge, previousTo);
                assertThat(risk.npv().p95()).isBetween(lowerEdge, previousTo);
                // P5 interpolates between the 20th and 21st of 400 sorted paths: it lies between the lower edge
                // of the bin holding the 20th path and the upper edge of the bin holding the 21st (often one bin).
                double running = below;
                double from20th = Double.NaN;
                double to21st = Double.NaN;
                for (int b = 0; b < rows && Double.isNaN(to21st); b++) {
                    XSSFRow row = sheet.getRow(firstBin + b);
                    running += row.getCell(RiskSheet.BIN_PATHS).getNumericCellValue();
                    if (Double.isNaN(from20th) && running >= 20) {
                        from20th = row.getCell(RiskSheet.BIN_FROM).getNumericCellValue();
                    }
                    if (running >= 21) {
                        to21st = row.getCell(RiskSheet.BIN_TO).getNumericCellValue();
                    }
                }
                assertThat(risk.npv().p5()).as(risk.clusterId()).isBetween(from20th, to21st);
            }
        }
    }

    @Test
    void theFirstTwelveClustersGetANativeColumnChartOfTheirBins() throws IOException {
        try (XSSFWorkbook wb = WriterFixtures.open(output)) {
            XSSFSheet sheet = wb.getSheet(WorkbookWriter.RISK_SHEET);
            List<XSSFChart> charts = sheet.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(RiskSheet.MAX_CHARTS);
            assertThat(charts).noneMatch(c -> c.getTitleText().getString().startsWith("lot-12:"));
            for (int i = 0; i < charts.size(); i++) {
                RiskProfile risk = risks.get(i);
                // A read-back drawing lists its charts by part name, not in the order they were drawn.
                List<XSSFChart> own = charts.stream().filter(c -> c.getTitleText().getString().startsWith(risk.clusterId() + ": NPV")).toList();
                assertThat(own).as(risk.clusterId()).hasSize(1);
                XSSFChart chart = own.get(0);
                XDDFChartData data = chart.getChartSeries().get(0);
                assertThat(data).isInstanceOf(XDDFBarChartData.class);
                assertThat(((XDDFBarChartData) data).getBarDirection()).isEqualTo(BarDirection.COL);
                XDDFChartData.Series series = data.getSeries(0);
                int firstBin = blockRow(sheet, risk.clusterId()) + RiskSheet.BIN_HEADER_OFFSET + 1;
                int bins = risk.npvHistogram().bins();
                assertThat(series.getValuesData().getDataRangeReference())
                        .isEqualTo(OutputCells.columnRange(WorkbookWriter.RISK_SHEET, firstBin, firstBin + bins - 1, RiskSheet.BIN_PATHS));
                assertThat(series.getValuesData().getPointCount()).isEqualTo(bins);
                for (int b = 0; b < bins; b++) {
                    assertThat(series.getValuesData().getPointAt(b).doubleValue())
                            .isEqualTo(sheet.getRow(firstBin + b).getCell(RiskSheet.BIN_PATHS).getNumericCellValue());
                }
            }
        }
    }

    @Test
    void convertingTheOutputAgainReplacesTheRiskSheetAndItsChartsInsteadOfAddingMore() throws Exception {
        Path again = dir.resolve("again.xlsx");
        WorkbookWriter.write(output, again, FleetResult.of(analysis).withRisks(risks, List.of()), List.of(), InputCells.NONE,
                WriterFixtures.runInfo(output));
        try (XSSFWorkbook once = WriterFixtures.open(output); XSSFWorkbook twice = WriterFixtures.open(again)) {
            Pattern charts = Pattern.compile("/xl/charts/chart\\d+\\.xml");
            assertThat(twice.getPackage().getPartsByName(charts)).hasSameSizeAs(once.getPackage().getPartsByName(charts));
            assertThat(once.getPackage().getPartsByName(charts)).hasSize(RiskSheet.MAX_CHARTS + 1); // + ROI Chart's
            long riskSheets = IntStream.range(0, twice.getNumberOfSheets())
                    .filter(i -> twice.getSheetName(i).startsWith(WorkbookWriter.RISK_SHEET)).count();
            assertThat(riskSheets).isEqualTo(1);
            long sensitivitySheets = IntStream.range(0, twice.getNumberOfSheets())
                    .filter(i -> twice.getSheetName(i).startsWith(WorkbookWriter.SENSITIVITY_SHEET)).count();
            assertThat(sensitivitySheets).isEqualTo(1);
            assertThat(twice.getSheet(WorkbookWriter.RISK_SHEET).getLastRowNum())
                    .isEqualTo(once.getSheet(WorkbookWriter.RISK_SHEET).getLastRowNum());
        }
    }
}
