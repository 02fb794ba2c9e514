package gpuroi.workbook;

import gpuroi.cli.Main;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample fleet converted through the command line and read back with POI: every added sheet,
 * streamed or not, carries its page setup, and its columns and rows show what their cells hold.
 */
class PrintSetupTest {
    @TempDir
    static Path dir;
    private static Path converted;

    @BeforeAll
    static void convertTheSample() throws Exception {
        Path input = Files.copy(Path.of("samples", "mixed-fleet.xlsx"), dir.resolve("mixed-fleet.xlsx"));
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "convert", "--no-memos",
                input.toString());
        assertThat(exit).as(err.toString()).isZero();
        converted = dir.resolve("mixed-fleet.roi.xlsx");
    }

    private static List<XSSFSheet> addedSheets(XSSFWorkbook workbook) {
        List<XSSFSheet> sheets = new ArrayList<>();
        for (String name : WorkbookWriter.OUTPUT_SHEETS) {
            if (workbook.getSheet(name) != null) {
                sheets.add(workbook.getSheet(name));
            }
        }
        assertThat(sheets).hasSize(WorkbookWriter.OUTPUT_SHEETS.size());
        return sheets;
    }

    @Test
    void everyAddedSheetPrintsLandscapeAtALegibleWidthWithAFooterNamingFileSheetAndPage() throws Exception {
        try (XSSFWorkbook workbook = WriterFixtures.open(converted)) {
            for (XSSFSheet sheet : addedSheets(workbook)) {
                String name = sheet.getSheetName();
                assertThat(sheet.getPrintSetup().getLandscape()).as(name).isTrue();
                assertThat(sheet.getFitToPage()).as(name).isTrue();
                int pagesWide = sheet.getPrintSetup().getFitWidth();
                // Landscape letter or A4 holds ~135 default-font characters at 100%; more than 200 per
                // page prints below two thirds of full size.
                assertThat(totalWidthInCharacters(sheet)).as(name).isLessThanOrEqualTo(200L * pagesWide);
                if (pagesWide > 1) {
                    assertThat(sheet.getRepeatingColumns()).as(name + ": the id column on every page")
                            .isEqualTo(CellRangeAddress.valueOf("A:A"));
                }
                assertThat(sheet.getPrintSetup().getFitHeight()).as(name).isZero();
                assertThat(sheet.getFooter().getLeft()).as(name).isEqualTo("&F");
                assertThat(sheet.getFooter().getCenter()).as(name).isEqualTo("&A");
                assertThat(sheet.getFooter().getRight()).as(name).isEqualTo("Page &P of &N");
                assertThat(sheet.getMargin(org.apache.poi.ss.usermodel.PageMargin.LEFT)).as(name).isBetween(0.25, 0.75);
            }
        }
    }

    @Test
    void theOneTableSheetsRepeatTheirHeaderRowOnEveryPage() throws Exception {
        try (XSSFWorkbook workbook = WriterFixtures.open(converted)) {
            for (String name : List.of(WorkbookWriter.SUMMARY_SHEET, WorkbookWriter.INPUTS_SHEET, WorkbookWriter.CASH_FLOWS_SHEET,
                    WorkbookWriter.NOTES_SHEET)) {
                CellRangeAddress rows = workbook.getSheet(name).getRepeatingRows();
                assertThat(rows).as(name).isNotNull();
                assertThat(rows.getFirstRow()).as(name).isZero();
                assertThat(rows.getLastRow()).as(name).isZero();
            }
            // Several tables: the first one's header would mislabel the others.
            assertThat(workbook.getSheet(WorkbookWriter.CONTRACTS_SHEET).getRepeatingRows()).isNull();
        }
    }

    @Test
    void everyNumberFitsItsColumnSoNoneShowsAsHashes() throws Exception {
        DataFormatter formatter = new DataFormatter(Locale.US);
        List<String> tooNarrow = new ArrayList<>();
        try (XSSFWorkbook workbook = WriterFixtures.open(converted)) {
            for (XSSFSheet sheet : addedSheets(workbook)) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        boolean numeric = cell.getCellType() == CellType.NUMERIC
                                || cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.NUMERIC;
                        if (!numeric) {
                            continue;
                        }
                        String shown = formatter.formatRawCellContents(cell.getNumericCellValue(), cell.getCellStyle().getDataFormat(),
                                cell.getCellStyle().getDataFormatString());
                        // A digit is one character of the default font; the cell's padding needs about one more.
                        if ((shown.length() + 1) * 256 > sheet.getColumnWidth(cell.getColumnIndex())) {
                            tooNarrow.add(sheet.getSheetName() + "!" + cell.getAddress() + " " + shown);
                        }
                    }
                }
            }
        }
        assertThat(tooNarrow).isEmpty();
    }

    @Test
    void headersBreakOnlyBetweenWordsAndTheirRowShowsEveryLine() throws Exception {
        List<String> problems = new ArrayList<>();
        try (XSSFWorkbook workbook = WriterFixtures.open(converted)) {
            for (XSSFSheet sheet : addedSheets(workbook)) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() != CellType.STRING || !cell.getCellStyle().getWrapText()
                                || sheet.isColumnHidden(cell.getColumnIndex()) || inMergedRegion(sheet, cell)) {
                            continue;
                        }
                        String text = cell.getStringCellValue();
                        int width = sheet.getColumnWidth(cell.getColumnIndex()) / 256;
                        Font font = workbook.getFontAt(cell.getCellStyle().getFontIndex());
                        double longest = ColumnFit.longestWord(text) * (font.getBold() ? 1.1 : 1);
                        if (longest + 1 > width) {
                            problems.add(sheet.getSheetName() + "!" + cell.getAddress() + " '" + text + "' is split mid-word at width " + width);
                        }
                        int lines = greedyLines(text, width - 1);
                        if (row.getHeightInPoints() < lines * 14.5) {
                            problems.add(sheet.getSheetName() + "!" + cell.getAddress() + " needs " + lines + " lines, row is "
                                    + row.getHeightInPoints() + " pt");
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void textThatDoesNotWrapIsNeverCutByAFilledCellBesideIt() throws Exception {
        List<String> cut = new ArrayList<>();
        try (XSSFWorkbook workbook = WriterFixtures.open(converted)) {
            for (XSSFSheet sheet : addedSheets(workbook)) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() != CellType.STRING || cell.getCellStyle().getWrapText()) {
                            continue;
                        }
                        String text = cell.getStringCellValue();
                        Cell next = row.getCell(cell.getColumnIndex() + 1);
                        boolean nextFilled = next != null && next.getCellType() != CellType.BLANK;
                        if (nextFilled && (text.length() + 1) * 256 > sheet.getColumnWidth(cell.getColumnIndex())) {
                            cut.add(sheet.getSheetName() + "!" + cell.getAddress() + " '" + text + "'");
                        }
                    }
                }
            }
        }
        assertThat(cut).isEmpty();
    }

    @Test
    void namesReadAsPeopleWriteThemNotAsProgramConstants() throws Exception {
        List<String> leaks = new ArrayList<>();
        try (XSSFWorkbook workbook = WriterFixtures.open(converted)) {
            for (XSSFSheet sheet : addedSheets(workbook)) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().matches("(?s).*\\b[A-Z]+_[A-Z_]+\\b.*")) {
                            leaks.add(sheet.getSheetName() + "!" + cell.getAddress() + " " + cell.getStringCellValue());
                        }
                    }
                }
            }
            assertThat(workbook.getSheet(WorkbookWriter.RISK_SHEET).getRow(1).getCell(RiskSheet.SAMPLER).getStringCellValue())
                    .isEqualTo("Monte Carlo");
        }
        assertThat(leaks).isEmpty();
    }

    private static boolean inMergedRegion(XSSFSheet sheet, Cell cell) {
        return sheet.getMergedRegions().stream().anyMatch(r -> r.isInRange(cell.getRowIndex(), cell.getColumnIndex()));
    }

    /** Lines of text broken between words at {@code width} characters, as a spreadsheet wraps it. */
    private static int greedyLines(String text, int width) {
        int lines = 1;
        int used = 0;
        for (String word : text.split("\\s+")) {
            if (used > 0 && used + 1 + word.length() > width) {
                lines++;
                used = 0;
            }
            used += (used > 0 ? 1 : 0) + word.length();
        }
        return lines;
    }

    private static long totalWidthInCharacters(XSSFSheet sheet) {
        int lastColumn = 0;
        for (org.apache.poi.ss.usermodel.Row row : sheet) {
            lastColumn = Math.max(lastColumn, row.getLastCellNum());
        }
        long characters = 0;
        for (int c = 0; c < lastColumn; c++) {
            characters += sheet.isColumnHidden(c) ? 0 : sheet.getColumnWidth(c) / 256;
        }
        return characters;
    }
}
