package gpuroi.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import gpuroi.workbook.CellReader.Bool;
import gpuroi.workbook.CellReader.Failed;
import gpuroi.workbook.CellReader.Num;
import gpuroi.workbook.CellReader.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;

/**
 * When a formula's saved result stands for it, and when the formula is calculated instead: the
 * saved result is used only when present, non-empty, of the result's type, and the workbook does
 * not ask to be recalculated on opening. Each workbook is saved and read back as a real file.
 */
class FormulaResultTrustTest {
    @TempDir
    Path dir;

    private final List<CellProblem> problems = new ArrayList<>();
    private XSSFWorkbook read;
    private CellReader reader;

    /** A formula in {@code sheet!A1} (on a new row 1) with the given saved text, or none when {@code saved} is null. */
    private static XSSFCell formula(XSSFWorkbook wb, String sheet, String formula, String saved) {
        XSSFSheet s = wb.getSheet(sheet) == null ? wb.createSheet(sheet) : wb.getSheet(sheet);
        XSSFCell cell = s.createRow(s.getPhysicalNumberOfRows()).createCell(0);
        cell.setCellFormula(formula);
        if (saved == null) {
            if (cell.getCTCell().isSetV()) {
                cell.getCTCell().unsetV();
            }
        } else {
            cell.getCTCell().setV(saved);
        }
        return cell;
    }

    /** Saves the workbook, opens the file as the reader does, and returns the cell at {@code sheet!A(row+1)}. */
    private Cell reopened(XSSFWorkbook wb, String sheet, int row) throws IOException {
        Path file = dir.resolve("book.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        wb.close();
        try (InputStream in = Files.newInputStream(file)) {
            read = new XSSFWorkbook(in);
        }
        reader = CellReader.of(read, "book.xlsx", problems, new ArrayList<>());
        return read.getSheet(sheet).getRow(row).getCell(0);
    }

    private CellReader.Value valueOfFleetA1(XSSFWorkbook wb) throws IOException {
        Cell a1 = reopened(wb, "Fleet", 0);
        return reader.value(a1);
    }

    @AfterEach
    void close() throws IOException {
        if (read != null) {
            read.close();
        }
    }

    @Test
    void inAWorkbookAskingForRecalculationAChainOfFormulasAcrossSheetsIsCalculatedPastEveryStaleResult() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        // Stale results that differ from what the formulas give, so that using any of them would show.
        formula(wb, "Fleet", "Assumptions!A1*2", "5");
        formula(wb, "Assumptions", "Assumptions!A2+500", "7");
        formula(wb, "Assumptions", "15000+500", "0");
        wb.setForceFormulaRecalculation(true);

        Cell capex = reopened(wb, "Fleet", 0);

        assertThat(reader.value(capex)).isEqualTo(new Num(32_000, false, false));
        assertThat(reader.found(capex)).isEqualTo("=Assumptions!A1*2 → '32000'");
        assertThat(problems).isEmpty();
    }

    @Test
    void withoutThatRequestAPresentSavedResultIsUsedAsExcelShowedIt() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        formula(wb, "Fleet", "2*4", "7");

        Cell count = reopened(wb, "Fleet", 0);

        assertThat(reader.value(count)).isEqualTo(new Num(7, false, false));
    }

    @Test
    void anEmptySavedResultIsCalculatedAsOpenpyxlLeavesIt() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        formula(wb, "Fleet", "31000*2", "");

        assertThat(valueOfFleetA1(wb)).isEqualTo(new Num(62_000, false, false));
    }

    @Test
    void anEmptySavedTextIsCalculated() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        XSSFCell cell = formula(wb, "Fleet", "\"A100 \"&\"80GB\"", "");
        cell.getCTCell().setT(STCellType.STR);

        assertThat(valueOfFleetA1(wb)).isEqualTo(new Text("A100 80GB"));
    }

    @Test
    void aSavedNumberThatDoesNotParseIsCalculated() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        formula(wb, "Fleet", "7/2", "three and a half");

        assertThat(valueOfFleetA1(wb)).isEqualTo(new Num(3.5, false, false));
    }

    @Test
    void aSavedTrueOrFalseThatIsNeitherOneNorZeroIsCalculated() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        XSSFCell cell = formula(wb, "Fleet", "1=1", "true");
        cell.getCTCell().setT(STCellType.B);

        // POI reads any saved boolean other than "1" as FALSE.
        assertThat(valueOfFleetA1(wb)).isEqualTo(new Bool(true));
    }

    @Test
    void aDateFormulaIsReadAsItsDateWhateverTheCellsStyleAndItsStaleResult() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        XSSFCell dated = formula(wb, "Fleet", "DATE(2026,9,1)", "0");
        XSSFCellStyle dateStyle = wb.createCellStyle();
        dateStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        dated.setCellStyle(dateStyle);
        XSSFCell money = formula(wb, "Fleet", "DATE(2026,9,1)", "0");
        XSSFCellStyle moneyStyle = wb.createCellStyle();
        moneyStyle.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
        money.setCellStyle(moneyStyle);
        formula(wb, "Fleet", "DATE(2026,9,1)", null);
        wb.setForceFormulaRecalculation(true);

        reopened(wb, "Fleet", 0);

        for (int row = 0; row < 3; row++) {
            assertThat(reader.date(read.getSheet("Fleet").getRow(row).getCell(0)).value()).as("row " + row)
                    .contains(LocalDate.of(2026, 9, 1));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aFormulaSavedAsNanIsRefusedWithItsFormula() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        formula(wb, "Fleet", "1/3", "NaN");

        assertThat(valueOfFleetA1(wb)).isInstanceOf(Failed.class);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.cell()).isEqualTo("Fleet!A1");
            assertThat(p.found()).isEqualTo("=1/3 saved as 'NaN'");
            assertThat(p.expected()).isEqualTo("a finite number");
        });
    }

    @Test
    void aFormulaThatRefersBackToItselfIsRefusedAtItsCell() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        formula(wb, "Fleet", "A2+1", null);
        formula(wb, "Fleet", "A1*2", null);

        assertThat(valueOfFleetA1(wb)).isInstanceOf(Failed.class);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.cell()).isEqualTo("Fleet!A1");
            assertThat(p.found()).isEqualTo("=A2+1, which refers back to its own cell");
        });
    }

    @Test
    void anErrorFromAReferencedFormulaIsRefusedAtTheCellRead() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        formula(wb, "Fleet", "Quotes!A1*2", "0");
        formula(wb, "Quotes", "NA()", "0");
        wb.setForceFormulaRecalculation(true);

        assertThat(valueOfFleetA1(wb)).isInstanceOf(Failed.class);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.cell()).isEqualTo("Fleet!A1");
            assertThat(p.found()).isEqualTo("=Quotes!A1*2 → '#N/A'");
        });
    }

    @Test
    void aReferenceToAnotherWorkbookByItsFileNameIsRefusedNamingTheFile() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        XSSFCell cell = wb.createSheet("Fleet").createRow(0).createCell(0);
        // Written as text into the file, as openpyxl does: POI's setCellFormula refuses a workbook it has no link to.
        cell.getCTCell().addNewF().setStringValue("'[quotes.xlsx]Prices'!B2*2");

        assertThat(valueOfFleetA1(wb)).isInstanceOf(Failed.class);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.cell()).isEqualTo("Fleet!A1");
            assertThat(p.found()).isEqualTo("='[quotes.xlsx]Prices'!B2*2, which reads the other workbook quotes.xlsx, a link this tool cannot follow");
            assertThat(p.expected()).contains("Paste Special > Values");
        });
    }

    @Test
    void aDateCellHoldingZeroIsRefusedRatherThanReadAsTheLastDayOf1899() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        XSSFCellStyle dateStyle = wb.createCellStyle();
        dateStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        XSSFCell typed = wb.createSheet("Fleet").createRow(0).createCell(0);
        typed.setCellValue(0);
        typed.setCellStyle(dateStyle);
        // A formula over an empty cell gives 0 where a date was meant.
        XSSFCell computed = formula(wb, "Fleet", "N(B1)", "0");
        computed.setCellStyle(dateStyle);

        reopened(wb, "Fleet", 0);

        assertThat(reader.date(read.getSheet("Fleet").getRow(0).getCell(0)).failed()).isTrue();
        assertThat(reader.date(read.getSheet("Fleet").getRow(1).getCell(0)).failed()).isTrue();
        assertThat(problems).extracting(CellProblem::cell).containsExactly("Fleet!A1", "Fleet!A2");
        assertThat(problems).allSatisfy(p -> assertThat(p.expected()).startsWith("a date from 1950 to 2100"));
    }

    @Test
    void inAWorkbookSavedInManualCalculationModeAnOutOfDateSavedResultIsRecalculatedWithAWarning() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        formula(wb, "Fleet", "31000*2", "31000");
        formula(wb, "Fleet", "0.1+0.2", "0.30000000000000004");
        formula(wb, "Fleet", "EFFECT(0.114,12)", "0.12");
        wb.getCTWorkbook().addNewCalcPr().setCalcMode(org.openxmlformats.schemas.spreadsheetml.x2006.main.STCalcMode.MANUAL);
        reopened(wb, "Fleet", 0);
        List<InputNote> notes = new ArrayList<>();
        CellReader manual = CellReader.of(read, "book.xlsx", problems, notes);
        XSSFSheet fleet = read.getSheet("Fleet");

        CellReader.Value stale = manual.value(fleet.getRow(0).getCell(0));
        manual.value(fleet.getRow(0).getCell(0));
        CellReader.Value current = manual.value(fleet.getRow(1).getCell(0));
        CellReader.Value unchecked = manual.value(fleet.getRow(2).getCell(0));

        assertThat(stale).isEqualTo(new Num(62_000, false, false));
        assertThat(((Num) current).value()).isEqualTo(0.1 + 0.2);
        assertThat(((Num) unchecked).value()).isEqualTo(0.12);
        assertThat(problems).isEmpty();
        assertThat(notes).extracting(InputNote::location).containsExactly("Fleet!A1", "Fleet!A3");
        assertThat(notes.get(0).message()).contains("saved result '31000'").contains("out of date").contains("read 62000");
        assertThat(notes.get(1).message()).contains("EFFECT").contains("saved result '0.12' was used unchecked");
    }
}
