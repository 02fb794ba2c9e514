package gpuroi.workbook;

import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sheet of the investor's workbook comes out exactly as it went in: values, formulas and
 * their cached results, styles, merged cells, widths, panes, defined names and charts, on the first
 * conversion and on a re-conversion of the output.
 */
class InputSheetsPreservedTest {
    static final List<String> INPUT_SHEETS = List.of("Fleet", "Market", "Assumptions");

    @TempDir
    Path dir;

    @Test
    void everyInputSheetIsKeptCellForCellWithItsStylesMergesWidthsNamesAndCharts() throws Exception {
        Path input = richInput(dir.resolve("fleet.xlsx"));
        Path output = dir.resolve("fleet-roi.xlsx");
        WriterFixtures.write(input, output, WriterFixtures.analyze(WriterFixtures.workedExample("gpu-a").build()));

        try (XSSFWorkbook before = WriterFixtures.open(input); XSSFWorkbook after = WriterFixtures.open(output)) {
            assertSameInputSheets(before, after);
            assertThat(chartParts(after)).as("the input's chart plus the added one").isEqualTo(chartParts(before) + 1);
        }
    }

    @Test
    void convertingAnAlreadyConvertedWorkbookReplacesTheAddedSheetsInsteadOfDuplicatingThem() throws Exception {
        Path input = richInput(dir.resolve("fleet.xlsx"));
        Path first = dir.resolve("first.xlsx");
        Path second = dir.resolve("second.xlsx");
        var analysis = WriterFixtures.analyze(WriterFixtures.workedExample("gpu-a").build(), WriterFixtures.workedExample("gpu-b").build());
        WriterFixtures.write(input, first, analysis);
        WriterFixtures.write(first, second, analysis);

        try (XSSFWorkbook once = WriterFixtures.open(first); XSSFWorkbook twice = WriterFixtures.open(second);
             XSSFWorkbook original = WriterFixtures.open(input)) {
            List<String> expected = new ArrayList<>(INPUT_SHEETS);
            expected.addAll(WorkbookWriter.OUTPUT_SHEETS);
            expected.remove(WorkbookWriter.RISK_SHEET); // only with a Monte Carlo
            assertThat(sheetNames(once)).isEqualTo(expected);
            assertThat(sheetNames(twice)).isEqualTo(expected);
            assertThat(chartParts(twice)).as("no orphaned chart of the replaced sheet").isEqualTo(chartParts(once));
            assertThat(drawingParts(twice)).isEqualTo(drawingParts(once));
            assertSameInputSheets(original, twice);
            for (String name : expected.subList(INPUT_SHEETS.size(), expected.size())) {
                assertThat(twice.getSheet(name).getLastRowNum()).as(name).isEqualTo(once.getSheet(name).getLastRowNum());
            }
        }
    }

    @Test
    void anInputSheetNamedLikeAnAddedSheetIsReplacedWhateverItsCase() throws Exception {
        Path input;
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("Fleet");
            workbook.createSheet("roi summary").createRow(0).createCell(0).setCellValue("stale");
            input = WriterFixtures.save(workbook, dir.resolve("stale.xlsx"));
        }
        Path output = dir.resolve("out.xlsx");
        WriterFixtures.write(input, output, WriterFixtures.analyze(WriterFixtures.workedExample("gpu-a").build()));
        try (XSSFWorkbook workbook = WriterFixtures.open(output)) {
            assertThat(sheetNames(workbook)).containsExactly("Fleet", "ROI Summary", "ROI Contracts", "ROI Portfolio", "ROI Sensitivity", "ROI Chart", "ROI Inputs",
                    "ROI Cash Flows", "ROI Notes");
            assertThat(workbook.getSheet("ROI Summary").getRow(1).getCell(0).getStringCellValue()).isEqualTo("gpu-a");
        }
    }

    static void assertSameInputSheets(XSSFWorkbook before, XSSFWorkbook after) {
        for (String name : INPUT_SHEETS) {
            XSSFSheet a = before.getSheet(name);
            XSSFSheet b = after.getSheet(name);
            assertThat(b).as(name).isNotNull();
            assertThat(after.getSheetIndex(name)).isEqualTo(before.getSheetIndex(name));
            assertThat(b.getLastRowNum()).as(name + " rows").isEqualTo(a.getLastRowNum());
            int cells = 0;
            int maxColumn = 0;
            for (Row rowA : a) {
                Row rowB = b.getRow(rowA.getRowNum());
                assertThat(rowB).as(name + " row " + rowA.getRowNum()).isNotNull();
                assertThat(rowB.getHeight()).isEqualTo(rowA.getHeight());
                assertThat(rowB.getLastCellNum()).isEqualTo(rowA.getLastCellNum());
                maxColumn = Math.max(maxColumn, rowA.getLastCellNum());
                for (Cell cellA : rowA) {
                    assertSameCell((XSSFCell) cellA, (XSSFCell) rowB.getCell(cellA.getColumnIndex()));
                    cells++;
                }
            }
            assertThat(cells).as(name + " has cells to compare").isPositive();
            assertThat(b.getMergedRegions()).as(name + " merges").containsExactlyElementsOf(a.getMergedRegions());
            for (int column = 0; column <= maxColumn + 2; column++) {
                assertThat(b.getColumnWidth(column)).as(name + " width of column " + column).isEqualTo(a.getColumnWidth(column));
            }
            assertThat(Objects.toString(b.getPaneInformation())).isEqualTo(Objects.toString(a.getPaneInformation()));
            assertThat(chartsOn(b)).as(name + " charts").isEqualTo(chartsOn(a));
        }
        assertThat(describeNames(after)).isEqualTo(describeNames(before));
    }

    private static void assertSameCell(XSSFCell a, XSSFCell b) {
        String where = a.getSheet().getSheetName() + "!" + a.getAddress();
        assertThat(b).as(where).isNotNull();
        assertThat(b.getCellType()).as(where + " type").isEqualTo(a.getCellType());
        CellType valueType = a.getCellType() == CellType.FORMULA ? a.getCachedFormulaResultType() : a.getCellType();
        if (a.getCellType() == CellType.FORMULA) {
            assertThat(b.getCellFormula()).as(where + " formula").isEqualTo(a.getCellFormula());
            assertThat(b.getCachedFormulaResultType()).as(where + " cached type").isEqualTo(valueType);
        }
        switch (valueType) {
            case NUMERIC -> assertThat(b.getNumericCellValue()).as(where).isEqualTo(a.getNumericCellValue());
            case STRING -> assertThat(b.getStringCellValue()).as(where).isEqualTo(a.getStringCellValue());
            case BOOLEAN -> assertThat(b.getBooleanCellValue()).as(where).isEqualTo(a.getBooleanCellValue());
            case ERROR -> assertThat(b.getErrorCellValue()).as(where).isEqualTo(a.getErrorCellValue());
            default -> { }
        }
        XSSFCellStyle sa = a.getCellStyle();
        XSSFCellStyle sb = b.getCellStyle();
        assertThat(sb.getDataFormatString()).as(where + " number format").isEqualTo(sa.getDataFormatString());
        assertThat(sb.getAlignment()).as(where + " alignment").isEqualTo(sa.getAlignment());
        assertThat(sb.getWrapText()).isEqualTo(sa.getWrapText());
        assertThat(sb.getFillPattern()).as(where + " fill").isEqualTo(sa.getFillPattern());
        assertThat(argb(sb.getFillForegroundXSSFColor())).as(where + " fill colour").isEqualTo(argb(sa.getFillForegroundXSSFColor()));
        assertThat(sb.getBorderBottom()).isEqualTo(sa.getBorderBottom());
        assertThat(sb.getBorderTop()).isEqualTo(sa.getBorderTop());
        XSSFFont fa = sa.getFont();
        XSSFFont fb = sb.getFont();
        assertThat(fb.getBold()).as(where + " bold").isEqualTo(fa.getBold());
        assertThat(fb.getItalic()).isEqualTo(fa.getItalic());
        assertThat(fb.getFontHeight()).isEqualTo(fa.getFontHeight());
        assertThat(fb.getFontName()).isEqualTo(fa.getFontName());
        assertThat(argb(fb.getXSSFColor())).as(where + " font colour").isEqualTo(argb(fa.getXSSFColor()));
    }

    private static String argb(XSSFColor color) {
        return color == null ? "none" : color.getARGBHex();
    }

    private static List<String> describeNames(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        for (Name name : workbook.getAllNames()) {
            // An added sheet's own names (its print titles) are the writer's, replaced with the sheet on every run.
            if (name.getSheetIndex() >= 0 && WorkbookWriter.OUTPUT_SHEETS.contains(workbook.getSheetName(name.getSheetIndex()))) {
                continue;
            }
            names.add(name.getNameName() + "@" + name.getSheetIndex() + "=" + name.getRefersToFormula());
        }
        return names;
    }

    static int chartsOn(XSSFSheet sheet) {
        XSSFDrawing drawing = sheet.getDrawingPatriarch();
        return drawing == null ? 0 : drawing.getCharts().size();
    }

    static long chartParts(XSSFWorkbook workbook) throws Exception {
        return parts(workbook, "/xl/charts/chart");
    }

    static long drawingParts(XSSFWorkbook workbook) throws Exception {
        return parts(workbook, "/xl/drawings/drawing");
    }

    private static long parts(XSSFWorkbook workbook, String prefix) throws Exception {
        long count = 0;
        for (PackagePart part : workbook.getPackage().getParts()) {
            if (part.getPartName().getName().startsWith(prefix)) {
                count++;
            }
        }
        return count;
    }

    static List<String> sheetNames(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    /** A workbook like an analyst's: a title block, merged cells, styles, formulas, dates, names and a chart. */
    static Path richInput(Path file) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet fleet = workbook.createSheet("Fleet");
            XSSFFont titleFont = workbook.createFont();
            titleFont.setBold(true);
            titleFont.setItalic(true);
            titleFont.setFontHeightInPoints((short) 16);
            titleFont.setColor(new XSSFColor(new byte[] {(byte) 0x1F, (byte) 0x4E, (byte) 0x79}));
            XSSFCellStyle title = workbook.createCellStyle();
            title.setFont(titleFont);
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setFillForegroundColor(new XSSFColor(new byte[] {(byte) 0xDD, (byte) 0xEB, (byte) 0xF7}));
            title.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            title.setBorderBottom(BorderStyle.MEDIUM);
            XSSFCellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("\"$\"#,##0.00"));
            XSSFCellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0%"));
            XSSFCellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("d mmm yyyy"));
            XSSFCellStyle wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setBorderTop(BorderStyle.THIN);

            Row titleRow = fleet.createRow(0);
            titleRow.setHeightInPoints(24);
            titleRow.createCell(0).setCellValue("Our GPU fleet — Q1 review");
            titleRow.getCell(0).setCellStyle(title);
            fleet.addMergedRegion(new CellRangeAddress(0, 0, 0, 5));
            fleet.addMergedRegion(new CellRangeAddress(1, 1, 0, 2));
            fleet.createRow(1).createCell(0).setCellValue("Prepared by the investment team");
            Row header = fleet.createRow(2);
            String[] headers = {"Cluster id", "GPU model", "GPUs", "Capex per GPU ($)", "Utilization", "Purchase date", "Total capex", "Note"};
            for (int c = 0; c < headers.length; c++) {
                header.createCell(c).setCellValue(headers[c]);
                header.getCell(c).setCellStyle(wrapped);
            }
            Object[][] rows = {
                {"gpu-a", "H100 SXM", 8, 31_000.0, 0.7, LocalDate.of(2024, 3, 1), "bought at the peak"},
                {"gpu-b", "L40S", 16, 9_500.0, 0.85, LocalDate.of(2025, 6, 15), ""},
            };
            for (int r = 0; r < rows.length; r++) {
                Row row = fleet.createRow(3 + r);
                row.createCell(0).setCellValue((String) rows[r][0]);
                row.createCell(1).setCellValue((String) rows[r][1]);
                row.createCell(2).setCellValue((Integer) rows[r][2]);
                row.createCell(3).setCellValue((Double) rows[r][3]);
                row.getCell(3).setCellStyle(money);
                row.createCell(4).setCellValue((Double) rows[r][4]);
                row.getCell(4).setCellStyle(percent);
                row.createCell(5).setCellValue((LocalDate) rows[r][5]);
                row.getCell(5).setCellStyle(date);
                row.createCell(6).setCellFormula("C" + (4 + r) + "*D" + (4 + r));
                row.getCell(6).setCellStyle(money);
                row.createCell(7).setCellValue((String) rows[r][6]);
            }
            Row totals = fleet.createRow(6);
            totals.createCell(0).setCellValue("Total");
            totals.createCell(2).setCellFormula("SUM(C4:C5)");
            totals.createCell(6).setCellFormula("SUM(G4:G5)");
            totals.getCell(6).setCellStyle(money);
            totals.createCell(7).setCellFormula("IF(G7>400000,\"large\",\"small\")");
            totals.createCell(8).setCellValue(true);
            totals.createCell(9).setCellFormula("1/0");
            fleet.setColumnWidth(0, 20 * 256);
            fleet.setColumnWidth(1, 14 * 256);
            fleet.setColumnWidth(3, 17 * 256);
            fleet.setColumnWidth(7, 40 * 256);
            fleet.createFreezePane(1, 3);
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();

            XSSFSheet market = workbook.createSheet("Market");
            String[] models = {"H100", "H200", "B200", "L40S"};
            double[] prices = {2.95, 4.50, 6.00, 0.85};
            market.createRow(0).createCell(0).setCellValue("Model");
            market.getRow(0).createCell(1).setCellValue("On-demand $/GPU-hr");
            for (int r = 0; r < models.length; r++) {
                Row row = market.createRow(r + 1);
                row.createCell(0).setCellValue(models[r]);
                row.createCell(1).setCellValue(prices[r]);
            }
            market.setColumnWidth(1, 22 * 256);
            XSSFDrawing drawing = market.createDrawingPatriarch();
            XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 3, 1, 10, 16));
            chart.setTitleText("On-demand prices");
            XDDFCategoryAxis models_ = chart.createCategoryAxis(AxisPosition.BOTTOM);
            XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
            XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, models_, values);
            bars.setBarDirection(BarDirection.COL);
            bars.addSeries(XDDFDataSourcesFactory.fromStringCellRange(market, new CellRangeAddress(1, 4, 0, 0)),
                    XDDFDataSourcesFactory.fromNumericCellRange(market, new CellRangeAddress(1, 4, 1, 1)))
                    .setTitle("On-demand", null);
            chart.plot(bars);

            XSSFSheet assumptions = workbook.createSheet("Assumptions");
            assumptions.createRow(0).createCell(0).setCellValue("Parameter");
            assumptions.getRow(0).createCell(1).setCellValue("Value");
            assumptions.createRow(1).createCell(0).setCellValue("Discount rate");
            assumptions.getRow(1).createCell(1).setCellValue(0.1);
            assumptions.getRow(1).getCell(1).setCellStyle(percent);

            Name rate = workbook.createName();
            rate.setNameName("DiscountRate");
            rate.setRefersToFormula("Assumptions!$B$2");
            Name localName = workbook.createName();
            localName.setNameName("Models");
            localName.setSheetIndex(1);
            localName.setRefersToFormula("Market!$A$2:$A$5");
            return WriterFixtures.save(workbook, file);
        }
    }
}
