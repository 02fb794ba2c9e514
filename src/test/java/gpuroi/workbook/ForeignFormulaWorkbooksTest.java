package gpuroi.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Fleet workbooks whose every input is a formula, as openpyxl (no saved results), XlsxWriter (every
 * result saved as 0) and LibreOffice (real saved results) write them, read to exactly the portfolio
 * of their plain-values twins; formulas that cannot be calculated are refused at their cell. The
 * files are made by src/test/fixtures/formulas.py.
 */
class ForeignFormulaWorkbooksTest {
    private static final Path FOREIGN = Path.of("src/test/resources/foreign");
    /** Differs from the workbooks' own valuation date (2026-01-01), to show theirs is read. */
    private static final LocalDate DEFAULT_VALUATION = LocalDate.of(2030, 1, 1);

    private static WorkbookInput read(String name) throws WorkbookException {
        return WorkbookReader.read(FOREIGN.resolve(name), DEFAULT_VALUATION);
    }

    private static String entry(String name, String part) throws IOException {
        try (ZipFile zip = new ZipFile(FOREIGN.resolve(name).toFile()); InputStream in = zip.getInputStream(zip.getEntry(part))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource({
        "formulas-openpyxl.xlsx, formulas-openpyxl-values.xlsx",
        "formulas-xlsxwriter.xlsx, formulas-xlsxwriter-values.xlsx",
        "formulas-xlsxwriter-labels.xlsx, formulas-xlsxwriter-values.xlsx",
        "formulas-libreoffice.xlsx, formulas-openpyxl-values.xlsx",
    })
    void aWorkbookOfFormulasReadsToExactlyThePortfolioOfItsPlainValuesTwin(String formulas, String values) throws Exception {
        WorkbookInput fromFormulas = read(formulas);
        WorkbookInput fromValues = read(values);

        assertThat(fromFormulas.portfolio().assumptions()).isEqualTo(fromValues.portfolio().assumptions());
        assertThat(fromFormulas.portfolio().clusters()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(fromFormulas.portfolio().clusters().get(i)).isEqualTo(fromValues.portfolio().clusters().get(i));
        }
        assertThat(fromFormulas.portfolio()).isEqualTo(fromValues.portfolio());
        assertThat(fromFormulas.notes()).isEqualTo(fromValues.notes());
    }

    /** The figures the fixture script wrote, typed here by hand: the twins agree because both are right, not both 0. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"formulas-openpyxl.xlsx", "formulas-xlsxwriter.xlsx", "formulas-xlsxwriter-labels.xlsx", "formulas-libreoffice.xlsx"})
    void theFormulasGiveTheFiguresTheyWereWrittenFor(String formulas) throws Exception {
        WorkbookInput input = read(formulas);

        Assumptions a = input.portfolio().assumptions();
        assertThat(a.valuationDate()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(a.currency()).isEqualTo("USD");
        assertThat(a.discountRate()).isEqualTo(0.10);
        assertThat(a.hurdleRate()).isEqualTo(0.13);
        assertThat(a.marketplaceFee()).isEqualTo(0.05);

        Cluster h100 = input.portfolio().cluster("h100-owned").orElseThrow();
        assertThat(h100.gpuModel()).isEqualTo("H100 SXM");
        assertThat(h100.gpuCount()).isEqualTo(64);
        // Fleet!D2 = Quotes!C3*2, where Quotes!C3 = Quotes!C2+500 is itself a formula with no usable saved result.
        assertThat(h100.capexPerGpu()).isEqualTo(32_000);
        assertThat(h100.status()).isEqualTo(ClusterStatus.OWNED);
        assertThat(h100.startDate()).contains(LocalDate.of(2024, 3, 1));
        assertThat(h100.lifeMonths()).isEqualTo(60);
        assertThat(h100.residualShare()).isEqualTo(0.10);
        assertThat(h100.powerKwPerGpu()).isEqualTo(1.1);
        assertThat(h100.utilization()).isEqualTo(0.70);
        assertThat(h100.startPricePerGpuHour()).isEqualTo(2.5);
        assertThat(h100.secondaryPricePerGpu()).hasValue(22_000);

        Cluster h200 = input.portfolio().cluster("h200-planned").orElseThrow();
        assertThat(h200.gpuModel()).isEqualTo("H200");
        assertThat(h200.startDate()).contains(LocalDate.of(2026, 9, 1));
        // 1 - Assumptions!B7 * 4, where B7 = 5/100 is a formula on another sheet.
        assertThat(h200.utilization()).isEqualTo(0.80);
        assertThat(h200.capexPerGpu()).isEqualTo(38_000);

        Cluster a100 = input.portfolio().cluster("a100-owned").orElseThrow();
        assertThat(a100.gpuModel()).isEqualTo("A100 80GB");
        assertThat(a100.gpuCount()).isEqualTo(48);
        assertThat(a100.startDate()).contains(LocalDate.of(2023, 1, 1));
    }

    @Test
    void theFixturesHoldTheSavedResultsEachToolIsKnownToWrite() throws Exception {
        assertThat(entry("formulas-openpyxl.xlsx", "xl/worksheets/sheet2.xml")).contains("<f>Quotes!C3*2</f><v></v>");
        assertThat(entry("formulas-openpyxl.xlsx", "xl/workbook.xml")).contains("fullCalcOnLoad=\"1\"");
        assertThat(entry("formulas-xlsxwriter.xlsx", "xl/worksheets/sheet2.xml")).contains("<f>Quotes!C3*2</f><v>0</v>");
        assertThat(entry("formulas-xlsxwriter.xlsx", "xl/workbook.xml")).contains("fullCalcOnLoad=\"1\"");
        assertThat(entry("formulas-libreoffice.xlsx", "xl/worksheets/sheet2.xml")).contains("Quotes!C3*2</f><v>32000</v>");
        assertThat(entry("formulas-libreoffice.xlsx", "xl/workbook.xml")).doesNotContain("fullCalcOnLoad");
    }

    private static List<CellProblem> problems(String name) {
        WorkbookException e = (WorkbookException) catchThrowable(() -> read(name));
        assertThat(e).as(name + " is refused").isNotNull();
        return e.problems();
    }

    @Test
    void aFormulaGivingNotAvailableIsRefusedAtItsCellNotReadAsZero() {
        assertThat(problems("formulas-na.xlsx")).singleElement().satisfies(p -> {
            assertThat(p.cell()).isEqualTo("Fleet!D3");
            assertThat(p.found()).isEqualTo("=NA() → '#N/A'");
            assertThat(p.expected()).contains("not the Excel error #N/A").contains("correct the formula");
        });
    }

    @Test
    void aFunctionThisToolCannotCalculateIsNamedAtItsCellWithHowToPasteTheValue() {
        assertThat(problems("formulas-unsupported.xlsx")).singleElement().satisfies(p -> {
            assertThat(p.cell()).isEqualTo("Assumptions!B5");
            assertThat(p.found()).contains("=EFFECT(0.114,12)").contains("uses EFFECT, a function this tool cannot calculate");
            assertThat(p.expected()).contains("Paste Special > Values");
        });
    }

    @Test
    void aLinkToAnotherWorkbookIsNamedAtItsCellWithHowToPasteTheValue() {
        assertThat(problems("formulas-link.xlsx")).singleElement().satisfies(p -> {
            assertThat(p.cell()).isEqualTo("Fleet!D2");
            assertThat(p.found()).contains("=[1]Prices!B2").contains("reads the other workbook capex-quotes.xlsx");
            assertThat(p.expected()).contains("Paste Special > Values");
        });
    }

    @Test
    void numberCellsSavedAsNanOrInfinityAreRefusedAtTheirCells() {
        List<CellProblem> problems = problems("formulas-nan.xlsx");

        assertThat(problems).extracting(CellProblem::cell).containsExactly("Fleet!N2", "Fleet!L4");
        assertThat(problems.get(0).found()).isEqualTo("a number cell saved as 'NaN'");
        assertThat(problems.get(1).found()).isEqualTo("a number cell saved as 'inf'");
        assertThat(problems).allSatisfy(p -> assertThat(p.expected()).isEqualTo("a finite number"));
    }
}
