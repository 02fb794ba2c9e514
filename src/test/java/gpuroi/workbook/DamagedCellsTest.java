package gpuroi.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import gpuroi.testing.ZipParts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cells and sheets of a real sample rewritten as no spreadsheet program writes them: each is a
 * problem at its sheet or cell, never an empty value, a raw library message or an endless loop.
 * Row 5 of the sample's Fleet sheet is cluster h100-2023; E5 is its capex (required), O5 its
 * start price (optional: blank means the Market sheet's).
 */
class DamagedCellsTest {
    private static final Path SAMPLE = Path.of("samples/mixed-fleet.xlsx");
    private static final String FLEET = "xl/worksheets/sheet2.xml";

    @TempDir
    Path dir;

    private CellProblem onlyProblem(ZipParts workbook) throws Exception {
        Path file = workbook.write(dir.resolve("damaged.xlsx"));
        WorkbookException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> catchThrowableOfType(WorkbookException.class, () -> WorkbookReader.read(file, LocalDate.of(2026, 1, 1))));
        assertThat(e).as("the damaged workbook was read").isNotNull();
        assertThat(e.getMessage()).doesNotContain("Exception").doesNotContain("enumeration").doesNotContain("may not be negative");
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    private CellProblem fleet(UnaryOperator<String> change) throws Exception {
        return onlyProblem(ZipParts.of(SAMPLE).withText(FLEET, change));
    }

    /** Replaces cell {@code ref} of the Fleet sheet (its whole {@code <c>} element) with {@code cell}. */
    private static UnaryOperator<String> cell(String ref, String cell) {
        return xml -> {
            String replaced = xml.replaceFirst("<c r=\"" + ref + "\"[^>]*>.*?</c>", cell);
            assertThat(replaced).as("cell %s of the sample", ref).isNotEqualTo(xml);
            return replaced;
        };
    }

    @Test
    void aRequiredCellPointingPastTheSharedTextTableIsAProblemAtTheCell() throws Exception {
        CellProblem p = fleet(cell("E5", "<c r=\"E5\" t=\"s\"><v>700</v></c>"));

        assertThat(p.cell()).isEqualTo("Fleet!E5");
        assertThat(p.found()).isEqualTo("a text cell pointing at shared text number '700', but the shared-text table holds 118 entries");
        assertThat(p.expected()).contains("the file is damaged (the cell would read as empty)");
    }

    @Test
    void anOptionalCellPointingPastTheSharedTextTableIsAProblemTooNotAnEmptyCellFilledFromTheMarket() throws Exception {
        CellProblem p = fleet(cell("O5", "<c r=\"O5\" t=\"s\"><v>118</v></c>"));

        assertThat(p.cell()).isEqualTo("Fleet!O5");
        assertThat(p.found()).contains("shared text number '118'");
    }

    @Test
    void aSharedTextCellInAWorkbookWithoutASharedTextTableIsAProblemAtTheCell() throws Exception {
        ZipParts withoutTable = ZipParts.of(SAMPLE).without("xl/sharedStrings.xml")
                .withText("xl/_rels/workbook.xml.rels", rels -> rels.replaceFirst("<Relationship [^>]*sharedStrings[^>]*/>", ""));
        Path file = withoutTable.write(dir.resolve("no-table.xlsx"));

        WorkbookException e = catchThrowableOfType(WorkbookException.class, () -> WorkbookReader.read(file, LocalDate.of(2026, 1, 1)));

        assertThat(e.problems()).first().satisfies(p -> {
            assertThat(p.cell()).isEqualTo("Assumptions!A1");
            assertThat(p.found()).endsWith("but the workbook has no shared-text table");
        });
        assertThat(e.problems()).hasSize(21).last().satisfies(p -> assertThat(p.found()).endsWith(" more damaged cells"));
    }

    @Test
    void anErrorCellHoldingNoExcelErrorIsAProblemAtTheCell() throws Exception {
        CellProblem p = fleet(cell("E5", "<c r=\"E5\" t=\"e\"><v>#BOGUS!</v></c>"));

        assertThat(p.describe()).isEqualTo("damaged.xlsx Fleet!E5: found an error cell holding '#BOGUS!', which is no Excel error,"
                + " expected a value or an Excel error such as #DIV/0!; the file is damaged: re-save the workbook from Excel, or retype the cell");
    }

    @Test
    void anEmptyErrorCellIsAProblemAtTheCellNotANullError() throws Exception {
        CellProblem p = fleet(cell("E5", "<c r=\"E5\" t=\"e\"></c>"));

        assertThat(p.cell()).isEqualTo("Fleet!E5");
        assertThat(p.found()).isEqualTo("an error cell with no error in it");
    }

    @Test
    void anErrorOfNewerExcelVersionsInARequiredCellIsReportedAsThatError() throws Exception {
        CellProblem p = fleet(cell("E5", "<c r=\"E5\" t=\"e\"><v>#SPILL!</v></c>"));

        assertThat(p.cell()).isEqualTo("Fleet!E5");
        assertThat(p.expected()).startsWith("a value, not the Excel error #SPILL!");
    }

    @Test
    void aCellOfAnUnknownTypeIsAProblemAtTheCellNotASchemaMessage() throws Exception {
        CellProblem p = fleet(cell("E5", "<c r=\"E5\" t=\"zz\"><v>45000</v></c>"));

        assertThat(p.cell()).isEqualTo("Fleet!E5");
        assertThat(p.found()).isEqualTo("a cell of the unknown type 'zz'");
    }

    @Test
    void aTrueFalseCellHoldingAnythingButOneOrZeroIsAProblemRatherThanFalse() throws Exception {
        CellProblem p = fleet(cell("E5", "<c r=\"E5\" t=\"b\"><v>yes</v></c>"));

        assertThat(p.found()).isEqualTo("a TRUE/FALSE cell holding 'yes'");
    }

    @Test
    void aRowNumberedPastExcelsLastRowIsRefusedNamingTheSheetAndEndsQuickly() throws Exception {
        CellProblem p = fleet(xml -> xml.replace("<row r=\"9\"", "<row r=\"2147483648\""));

        assertThat(p.sheet()).isEqualTo("Fleet");
        assertThat(p.found()).isEqualTo("a row numbered 2147483648");
        assertThat(p.expected()).startsWith("row numbers from 1 to 1,048,576");
    }

    @Test
    void excelsLastRowItselfIsReadAndDoesNotStallTheReader() throws Exception {
        Path file = ZipParts.of(SAMPLE).withText(FLEET, xml -> xml.replace("<row r=\"9\"", "<row r=\"1048576\"")
                .replaceAll("r=\"([A-Z]+)9\"", "r=\"$11048576\"")).write(dir.resolve("last-row.xlsx"));

        WorkbookInput input = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> WorkbookReader.read(file, LocalDate.of(2026, 1, 1)));

        assertThat(input.portfolio().clusters()).hasSize(5);
    }

    @Test
    void aCellStyleTheWorkbookLacksIsAProblemAtTheCellNotALibraryMessage() throws Exception {
        CellProblem p = fleet(cell("E5", "<c r=\"E5\" s=\"x\"><v>45000</v></c>"));

        assertThat(p.cell()).isEqualTo("Fleet!E5");
        assertThat(p.found()).startsWith("a cell formatted with style number 'x', but the workbook has ");
    }

    @Test
    void aNegativeRowNumberIsRefusedRatherThanTheRowDropped() throws Exception {
        CellProblem p = fleet(xml -> xml.replace("<row r=\"5\"", "<row r=\"-5\""));

        assertThat(p.found()).isEqualTo("a row numbered -5");
    }

    @Test
    void aCellPastColumnXfdIsRefusedNamingTheSheet() throws Exception {
        CellProblem p = fleet(xml -> xml.replace("<c r=\"S5\"", "<c r=\"XFE5\""));

        assertThat(p.sheet()).isEqualTo("Fleet");
        assertThat(p.found()).isEqualTo("a cell marked 'XFE5' in row 5");
    }

    @Test
    void aCellMarkedWithAnotherRowsReferenceIsRefusedRatherThanOverwritingItsNeighbour() throws Exception {
        // POI would put it at A5 in place of the cluster id h100-2023, and read 45000 as the id.
        CellProblem p = fleet(xml -> xml.replace("<c r=\"E5\"", "<c r=\"A0\""));

        assertThat(p.found()).isEqualTo("a cell marked 'A0' stored in row 5");
    }

    @Test
    void twoCellsWithTheSameReferenceAreRefusedRatherThanOneKeptSilently() throws Exception {
        CellProblem p = fleet(xml -> xml.replace("<c r=\"F5\"", "<c r=\"E5\""));

        assertThat(p.cell()).isEqualTo("Fleet!E5");
        assertThat(p.found()).isEqualTo("two cells marked E5");
    }

    @Test
    void aSheetWhoseRelationshipPointsNowhereIsCalledDamagedNotMissing() throws Exception {
        CellProblem p = onlyProblem(ZipParts.of(SAMPLE).withText("xl/_rels/workbook.xml.rels",
                rels -> rels.replace("Target=\"worksheets/sheet2.xml\"", "Target=\"worksheets/nothere.xml\"")));

        assertThat(p.sheet()).isEqualTo("Fleet");
        assertThat(p.found()).isEqualTo("a damaged workbook: the sheet 'Fleet' is listed in xl/workbook.xml but its part"
                + " xl/worksheets/nothere.xml is missing or is not a sheet");
    }
}
