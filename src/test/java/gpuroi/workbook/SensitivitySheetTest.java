package gpuroi.workbook;

import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.PortfolioAnalysis;
import gpuroi.engine.RoiEngine;
import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.Lease;
import gpuroi.model.LeaseRole;
import gpuroi.model.PricePath;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ConditionType;
import org.apache.poi.ss.usermodel.ConditionalFormattingThreshold.RangeType;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFColorScaleFormatting;
import org.apache.poi.xssf.usermodel.XSSFConditionalFormatting;
import org.apache.poi.xssf.usermodel.XSSFConditionalFormattingRule;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

import static gpuroi.workbook.SensitivitySheet.BREAK_EVEN;
import static gpuroi.workbook.SensitivitySheet.FIRST_BLOCK_ROW;
import static gpuroi.workbook.SensitivitySheet.FIRST_VALUE;
import static gpuroi.workbook.SensitivitySheet.GRID_FIRST_ROW;
import static gpuroi.workbook.SensitivitySheet.GRID_HEADER;
import static gpuroi.workbook.SensitivitySheet.LABEL;
import static gpuroi.workbook.SensitivitySheet.LOWER_FIRST_ROW;
import static gpuroi.workbook.SensitivitySheet.LOWER_HEADER;
import static gpuroi.workbook.SensitivitySheet.RIGHT_FIRST_VALUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@value WorkbookWriter#SENSITIVITY_SHEET} read back through POI. Every figure is checked against the
 * full engine re-run on the inputs read from the sheet's own headers, never against the sheet code.
 */
class SensitivitySheetTest {
    static final LocalDate VALUATION = WriterFixtures.VALUATION;
    static final Assumptions ASSUMPTIONS = Assumptions.defaults(VALUATION);

    /** A planned cluster with 6 of its 16 GPUs let out for two years: its grid crosses NPV = 0. */
    static final Cluster RENTED = Cluster.builder("rented-hall").gpuModel("H100 SXM").gpuCount(16).capexPerGpu(30_000)
            .lifeMonths(48).powerKwPerGpu(1.1).pue(1.3).electricityPerKwh(0.09).otherOpexPerGpuMonth(150)
            .utilization(0.6).startPricePerGpuHour(1.90).pricePath(PricePath.ARTICLE_BLENDED).build();
    static final List<Lease> CONTRACTS = List.of(new Lease("anchor", LeaseRole.LESSOR, Optional.of("rented-hall"),
            Optional.of("LabCo"), "H100 SXM", 6, 2.40, VALUATION.plusMonths(2), 24, 0.2, 6, false, OptionalDouble.empty()));
    static final Cluster OWNED = WriterFixtures.workedExample("owned-lot").status(ClusterStatus.OWNED)
            .startDate(VALUATION.minusMonths(6)).secondaryPricePerGpu(12_000.0).build();

    @TempDir
    static Path dir;
    static Path output;
    static PortfolioAnalysis analysis;

    @BeforeAll
    static void write() throws IOException {
        analysis = new PortfolioAnalysis(ASSUMPTIONS, List.of(
                RoiEngine.analyzeWithContracts(RENTED, ASSUMPTIONS, CONTRACTS),
                RoiEngine.analyze(OWNED, ASSUMPTIONS)));
        Path input = WriterFixtures.fleetWorkbook(dir, "fleet.xlsx", "rented-hall", "owned-lot");
        output = dir.resolve("fleet.roi.xlsx");
        WriterFixtures.write(input, output, analysis);
    }

    static XSSFWorkbook open() throws IOException {
        return WriterFixtures.open(output);
    }

    static int block(int index) {
        return FIRST_BLOCK_ROW + index * SensitivitySheet.BLOCK_ROWS;
    }

    static double number(XSSFSheet sheet, int row, int column) {
        return sheet.getRow(row).getCell(column).getNumericCellValue();
    }

    @Test
    void theSheetFollowsTheSummarySheetsAndEachClusterGetsATitledBlock() throws IOException {
        try (XSSFWorkbook wb = open()) {
            XSSFSheet sheet = wb.getSheet(WorkbookWriter.SENSITIVITY_SHEET);
            assertThat(sheet).isNotNull();
            assertThat(wb.getSheetIndex(sheet)).isEqualTo(wb.getSheetIndex(WorkbookWriter.PORTFOLIO_SHEET) + 1);
            assertThat(sheet.getRow(block(0)).getCell(0).getStringCellValue()).startsWith("rented-hall — H100 SXM, 16 GPUs — ")
                    .contains("lessor contracts");
            assertThat(sheet.getRow(block(1)).getCell(0).getStringCellValue()).startsWith("owned-lot");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).contains("Every cluster of the fleet (2)");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        }
    }

    @Test
    void theCentreOfTheGridIsTheClustersBaseCaseContractIncludedAndHighlighted() throws IOException {
        ClusterAnalysis base = analysis.clusters().get(0);
        try (XSSFWorkbook wb = open()) {
            XSSFSheet sheet = wb.getSheet(WorkbookWriter.SENSITIVITY_SHEET);
            int centreRow = block(0) + GRID_FIRST_ROW + 3;
            assertThat(number(sheet, block(0) + GRID_HEADER, FIRST_VALUE + 3)).isEqualTo(RENTED.startPricePerGpuHour());
            assertThat(number(sheet, centreRow, LABEL)).isEqualTo(RENTED.utilization());
            assertThat(number(sheet, centreRow, FIRST_VALUE + 3)).isEqualTo(base.metrics().npvAtHurdle());
            assertThat(number(sheet, centreRow, RIGHT_FIRST_VALUE + 3)).isEqualTo(base.metrics().irr().annualRate().getAsDouble());
            XSSFCell centre = sheet.getRow(centreRow).getCell(FIRST_VALUE + 3);
            assertThat(wb.getFontAt(centre.getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getRow(centreRow).getCell(FIRST_VALUE + 2).getCellStyle().getFontIndex())
                    .isNotEqualTo(centre.getCellStyle().getFontIndex());
            // The market-only run of the same cluster is another figure: the contract is in the grid.
            assertThat(number(sheet, centreRow, FIRST_VALUE + 3))
                    .isNotCloseTo(RoiEngine.analyze(RENTED, ASSUMPTIONS).metrics().npvAtHurdle(), within(1.0));
        }
    }

    @Test
    void everyNpvAndIrrCellIsTheEnginesResultForTheInputsInItsHeaders() throws IOException {
        try (XSSFWorkbook wb = open()) {
            XSSFSheet sheet = wb.getSheet(WorkbookWriter.SENSITIVITY_SHEET);
            for (int r = 0; r < 7; r++) {
                int row = block(0) + GRID_FIRST_ROW + r;
                double utilization = number(sheet, row, LABEL);
                for (int c = 0; c < 7; c++) {
                    double price = number(sheet, block(0) + GRID_HEADER, FIRST_VALUE + c);
                    var expected = RoiEngine.analyzeWithContracts(
                            RENTED.toBuilder().startPricePerGpuHour(price).utilization(utilization).build(),
                            ASSUMPTIONS, CONTRACTS).metrics();
                    assertThat(number(sheet, row, FIRST_VALUE + c))
                            .isCloseTo(expected.npvAtHurdle(), within(1e-6 * Math.max(Math.abs(expected.npvAtHurdle()), RENTED.totalCapex())));
                    double irr = expected.irr().annualRate().getAsDouble();
                    assertThat(number(sheet, row, RIGHT_FIRST_VALUE + c)).isCloseTo(irr, within(1e-6 * Math.max(Math.abs(irr), 1e-3)));
                }
            }
        }
    }

    @Test
    void atEachRowsBreakEvenPriceTheEngineGivesZeroNpvAtTheHurdle() throws IOException {
        try (XSSFWorkbook wb = open()) {
            XSSFSheet sheet = wb.getSheet(WorkbookWriter.SENSITIVITY_SHEET);
            for (int r = 0; r < 7; r++) {
                int row = block(0) + GRID_FIRST_ROW + r;
                Cluster atBreakEven = RENTED.toBuilder().utilization(number(sheet, row, LABEL))
                        .startPricePerGpuHour(number(sheet, row, BREAK_EVEN)).build();
                assertThat(RoiEngine.analyzeWithContracts(atBreakEven, ASSUMPTIONS, CONTRACTS).metrics().npvAtHurdle())
                        .as("row %d", r).isCloseTo(0, within(1e-6));
            }
        }
    }

    @Test
    void theContourIsDrawnExactlyBetweenNeighbouringCellsWhoseNpvDiffersInSign() throws IOException {
        try (XSSFWorkbook wb = open()) {
            XSSFSheet sheet = wb.getSheet(WorkbookWriter.SENSITIVITY_SHEET);
            int marked = 0;
            for (int[] grid : new int[][] {{block(0) + GRID_FIRST_ROW, 7}, {block(0) + LOWER_FIRST_ROW, 6}}) {
                for (int r = 0; r < grid[1]; r++) {
                    for (int c = 0; c < 7; c++) {
                        XSSFCell cell = sheet.getRow(grid[0] + r).getCell(FIRST_VALUE + c);
                        boolean clears = cell.getNumericCellValue() >= 0;
                        if (c < 6) {
                            XSSFCell right = sheet.getRow(grid[0] + r).getCell(FIRST_VALUE + c + 1);
                            boolean edge = clears != right.getNumericCellValue() >= 0;
                            assertThat(cell.getCellStyle().getBorderRight() == BorderStyle.THICK).as("right of %s", cell.getReference()).isEqualTo(edge);
                            assertThat(right.getCellStyle().getBorderLeft() == BorderStyle.THICK).isEqualTo(edge);
                            marked += edge ? 1 : 0;
                        }
                        if (r < grid[1] - 1) {
                            XSSFCell below = sheet.getRow(grid[0] + r + 1).getCell(FIRST_VALUE + c);
                            boolean edge = clears != below.getNumericCellValue() >= 0;
                            assertThat(cell.getCellStyle().getBorderBottom() == BorderStyle.THICK).as("below %s", cell.getReference()).isEqualTo(edge);
                            assertThat(below.getCellStyle().getBorderTop() == BorderStyle.THICK).isEqualTo(edge);
                            marked += edge ? 1 : 0;
                        }
                    }
                }
            }
            assertThat(marked).as("the fixture's grids cross zero").isPositive();
            // The IRR grid carries the same line: the IRR crosses the hurdle where NPV at the hurdle crosses 0.
            for (int r = 0; r < 7; r++) {
                for (int c = 0; c < 7; c++) {
                    var npvStyle = sheet.getRow(block(0) + GRID_FIRST_ROW + r).getCell(FIRST_VALUE + c).getCellStyle();
                    var irrStyle = sheet.getRow(block(0) + GRID_FIRST_ROW + r).getCell(RIGHT_FIRST_VALUE + c).getCellStyle();
                    assertThat(irrStyle.getBorderRight()).isEqualTo(npvStyle.getBorderRight());
                    assertThat(irrStyle.getBorderTop()).isEqualTo(npvStyle.getBorderTop());
                }
            }
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("Thick black lines: the break-even contour");
        }
    }

    @Test
    void theGridsHaveThreeColourScalesAroundZeroAndTheHurdleAndTheSwingsADataBar() throws IOException {
        try (XSSFWorkbook wb = open()) {
            XSSFSheet sheet = wb.getSheet(WorkbookWriter.SENSITIVITY_SHEET);
            var formatting = sheet.getSheetConditionalFormatting();
            int top = block(0) + GRID_FIRST_ROW;
            int lower = block(0) + LOWER_FIRST_ROW;
            String npvRange = new CellRangeAddress(top, top + 6, FIRST_VALUE, FIRST_VALUE + 6).formatAsString();
            String irrRange = new CellRangeAddress(top, top + 6, RIGHT_FIRST_VALUE, RIGHT_FIRST_VALUE + 6).formatAsString();
            String declineRange = new CellRangeAddress(lower, lower + 5, FIRST_VALUE, FIRST_VALUE + 6).formatAsString();
            int bars = analysis.clusters().get(0).cluster().pricePath().orElseThrow() instanceof PricePath.AnnualDecline ? 8 : 7;
            String swingRange = new CellRangeAddress(lower, lower + bars - 1, SensitivitySheet.TORNADO_SWING,
                    SensitivitySheet.TORNADO_SWING).formatAsString();

            assertThat(middleOfColourScale(formatting, npvRange)).isEqualTo(0.0);
            assertThat(middleOfColourScale(formatting, irrRange)).isEqualTo(ASSUMPTIONS.hurdleRate());
            assertThat(middleOfColourScale(formatting, declineRange)).isEqualTo(0.0);
            assertThat(rule(formatting, swingRange).getConditionType()).isEqualTo(ConditionType.DATA_BAR);
        }
    }

    private static double middleOfColourScale(org.apache.poi.xssf.usermodel.XSSFSheetConditionalFormatting formatting, String range) {
        XSSFConditionalFormattingRule rule = rule(formatting, range);
        assertThat(rule.getConditionType()).isEqualTo(ConditionType.COLOR_SCALE);
        XSSFColorScaleFormatting scale = rule.getColorScaleFormatting();
        assertThat(scale.getNumControlPoints()).isEqualTo(3);
        assertThat(scale.getThresholds()).allSatisfy(t -> assertThat(t.getRangeType()).isEqualTo(RangeType.NUMBER));
        double low = scale.getThresholds()[0].getValue();
        double middle = scale.getThresholds()[1].getValue();
        double high = scale.getThresholds()[2].getValue();
        assertThat(middle - low).isCloseTo(high - middle, within(1e-9 * Math.abs(high)));
        assertThat(scale.getColors()[0].getRGB()).containsExactly(0xF8, 0x69, 0x6B);
        assertThat(scale.getColors()[2].getRGB()).containsExactly(0x63, 0xBE, 0x7B);
        return middle;
    }

    private static XSSFConditionalFormattingRule rule(org.apache.poi.xssf.usermodel.XSSFSheetConditionalFormatting formatting,
                                                      String range) {
        for (int i = 0; i < formatting.getNumConditionalFormattings(); i++) {
            XSSFConditionalFormatting f = formatting.getConditionalFormattingAt(i);
            if (f.getFormattingRanges().length == 1 && f.getFormattingRanges()[0].formatAsString().equals(range)) {
                return f.getRule(0);
            }
        }
        throw new AssertionError("no conditional format on " + range);
    }

    private static final Map<String, BiFunction<Cluster.Builder, Double, Cluster.Builder>> MOVES = Map.of(
            "Start price per GPU-hour", Cluster.Builder::startPricePerGpuHour,
            "Utilization", Cluster.Builder::utilization,
            "Capex per GPU", Cluster.Builder::capexPerGpu,
            "Electricity per kWh", Cluster.Builder::electricityPerKwh,
            "Other opex per GPU-month", Cluster.Builder::otherOpexPerGpuMonth,
            "Residual value (share of capex)", Cluster.Builder::residualShare);

    @Test
    void theTornadoIsSortedBySwingAndEachSwingIsTheEnginesNpvAtHighLessAtLow() throws IOException {
        try (XSSFWorkbook wb = open()) {
            XSSFSheet sheet = wb.getSheet(WorkbookWriter.SENSITIVITY_SHEET);
            List<Double> swings = new ArrayList<>();
            for (int r = block(0) + LOWER_FIRST_ROW; ; r++) {
                XSSFRow row = sheet.getRow(r);
                if (row == null || row.getCell(SensitivitySheet.TORNADO_INPUT) == null) {
                    break;
                }
                String input = row.getCell(SensitivitySheet.TORNADO_INPUT).getStringCellValue();
                double low = row.getCell(SensitivitySheet.TORNADO_LOW).getNumericCellValue();
                double high = row.getCell(SensitivitySheet.TORNADO_HIGH).getNumericCellValue();
                double npvLow = npvWith(input, low);
                double npvHigh = npvWith(input, high);
                assertThat(row.getCell(SensitivitySheet.TORNADO_NPV_LOW).getNumericCellValue()).as(input).isCloseTo(npvLow, within(1e-6));
                assertThat(row.getCell(SensitivitySheet.TORNADO_NPV_HIGH).getNumericCellValue()).as(input).isCloseTo(npvHigh, within(1e-6));
                double swing = row.getCell(SensitivitySheet.TORNADO_SWING).getNumericCellValue();
                assertThat(swing).as(input).isCloseTo(Math.abs(npvHigh - npvLow), within(1e-6));
                swings.add(swing);
            }
            assertThat(swings).hasSize(7).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        }
    }

    private static double npvWith(String input, double value) {
        if (input.equals("Hurdle rate")) {
            return RoiEngine.analyzeWithContracts(RENTED, ASSUMPTIONS.withRates(ASSUMPTIONS.discountRate(), value), CONTRACTS)
                    .metrics().npvAtHurdle();
        }
        Cluster moved = MOVES.get(input).apply(RENTED.toBuilder(), value).build();
        return RoiEngine.analyzeWithContracts(moved, ASSUMPTIONS, CONTRACTS).metrics().npvAtHurdle();
    }

    @Test
    void theDeclineCapexGridGivesEachRowsBreakEvenCapexAndIsLeftOutForAnOwnedCluster() throws IOException {
        try (XSSFWorkbook wb = open()) {
            XSSFSheet sheet = wb.getSheet(WorkbookWriter.SENSITIVITY_SHEET);
            int header = block(0) + LOWER_HEADER;
            assertThat(number(sheet, header, FIRST_VALUE + 3)).isEqualTo(RENTED.capexPerGpu());
            for (int r = 0; r < 6; r++) {
                int row = block(0) + LOWER_FIRST_ROW + r;
                Cluster.Builder onDecline = RENTED.toBuilder().pricePath(new PricePath.AnnualDecline(number(sheet, row, LABEL)));
                for (int c = 0; c < 7; c++) {
                    double expected = RoiEngine.analyzeWithContracts(
                            onDecline.capexPerGpu(number(sheet, header, FIRST_VALUE + c)).build(),
                            ASSUMPTIONS, CONTRACTS).metrics().npvAtHurdle();
                    assertThat(number(sheet, row, FIRST_VALUE + c)).isCloseTo(expected, within(1e-6 * RENTED.totalCapex()));
                }
                if (sheet.getRow(row).getCell(BREAK_EVEN).getCellType() == CellType.NUMERIC) {
                    double capex = number(sheet, row, BREAK_EVEN);
                    assertThat(RoiEngine.analyzeWithContracts(onDecline.capexPerGpu(capex).build(), ASSUMPTIONS, CONTRACTS)
                            .metrics().npvAtHurdle()).isCloseTo(0, within(1e-6));
                }
            }
            assertThat(sheet.getRow(block(1) + SensitivitySheet.LOWER_CAPTION).getCell(LABEL).getStringCellValue())
                    .contains("not shown for an owned cluster");
            assertThat(sheet.getRow(block(1) + LOWER_HEADER).getCell(LABEL)).isNull();
        }
    }

    @Test
    void anOwnedClustersBlockIsLabelledAsHoldValueMinusSaleAndAPlannedOnesAsNpv() throws IOException {
        try (XSSFWorkbook wb = open()) {
            XSSFSheet sheet = wb.getSheet(WorkbookWriter.SENSITIVITY_SHEET);
            String planned = sheet.getRow(block(0) + SensitivitySheet.GRID_CAPTION).getCell(LABEL).getStringCellValue();
            String owned = sheet.getRow(block(1) + SensitivitySheet.GRID_CAPTION).getCell(LABEL).getStringCellValue();
            assertThat(planned).startsWith("NPV at the ");
            assertThat(owned).startsWith("Hold value minus sale at the ");
            assertThat(sheet.getRow(block(1) + SensitivitySheet.GRID_HEADER).getCell(BREAK_EVEN).getStringCellValue())
                    .isEqualTo("Break-even price (hold = sell)");
            assertThat(sheet.getRow(block(1) + LOWER_HEADER).getCell(SensitivitySheet.TORNADO_INPUT + 4).getStringCellValue())
                    .isEqualTo("Hold − sale at low");
            assertThat(sheet.getRow(block(0) + LOWER_HEADER).getCell(SensitivitySheet.TORNADO_INPUT + 4).getStringCellValue())
                    .isEqualTo("NPV at low");
        }
    }

    @Test
    void aFleetLargerThanTheCapShowsItsLargestClustersAndSaysSoOnTheSheetAndInTheNotes() throws IOException {
        int size = SensitivitySheet.MAX_CLUSTERS + 3;
        // lot-0 has the smallest capex, then lot-1, lot-2: those three are left out.
        PortfolioAnalysis big = WriterFixtures.analyze(IntStream.range(0, size)
                .mapToObj(i -> WriterFixtures.workedExample("lot-" + i).capexPerGpu(10_000 + 10.0 * i).build())
                .toArray(Cluster[]::new));
        Path input = WriterFixtures.fleetWorkbook(dir, "big.xlsx", "lot-0");
        Path out = dir.resolve("big.roi.xlsx");
        WriterFixtures.write(input, out, big);
        try (XSSFWorkbook wb = WriterFixtures.open(out)) {
            XSSFSheet sheet = wb.getSheet(WorkbookWriter.SENSITIVITY_SHEET);
            String scope = sheet.getRow(2).getCell(0).getStringCellValue();
            assertThat(scope).startsWith("The 200 largest of the fleet's 203 clusters by total capex have a block");
            assertThat(sheet.getRow(block(0)).getCell(0).getStringCellValue()).startsWith("lot-3 ");
            assertThat(sheet.getRow(block(SensitivitySheet.MAX_CLUSTERS - 1)).getCell(0).getStringCellValue()).startsWith("lot-202 ");
            assertThat(sheet.getLastRowNum()).isLessThan(block(SensitivitySheet.MAX_CLUSTERS));
            XSSFSheet notes = wb.getSheet(WorkbookWriter.NOTES_SHEET);
            boolean noted = false;
            for (var row : notes) {
                noted |= row.getCell(1) != null && row.getCell(1).getCellType() == CellType.STRING
                        && row.getCell(1).getStringCellValue().equals(scope);
            }
            assertThat(noted).as("the notes repeat the scope line").isTrue();
        }
    }
}
