package gpuroi.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import gpuroi.model.Cluster;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Amounts typed as text in European and Swiss notation, in workbooks written by openpyxl and saved
 * by LibreOffice (src/test/fixtures/locale.py): read to the figures they mean when the workbook
 * declares its number format, refused with both readings when it does not, never guessed.
 */
class NumbersTypedAsTextTest {
    private static final LocalDate VALUATION = LocalDate.of(2026, 1, 1);

    @TempDir
    Path dir;

    static Path foreign(String name) {
        try {
            return Path.of(NumbersTypedAsTextTest.class.getResource("/foreign/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WorkbookInput read(String name) throws WorkbookException {
        return WorkbookReader.read(foreign(name), VALUATION);
    }

    private static Cluster cluster(WorkbookInput input, String id) {
        return input.portfolio().cluster(id).orElseThrow();
    }

    /** The figures each fixture row means, typed here by hand from the script's comments, not read from a file. */
    private static void assertEuropeanFigures(WorkbookInput input) {
        Cluster de = cluster(input, "de-1");
        assertThat(de.capexPerGpu()).isEqualTo(62_000);
        assertThat(de.secondaryPricePerGpu()).hasValue(9_000);
        assertThat(de.startPricePerGpuHour()).isEqualTo(2.85);
        assertThat(de.utilization()).isCloseTo(0.705, within(1e-15));
        assertThat(de.powerKwPerGpu()).isEqualTo(1.1);
        assertThat(de.pue()).isEqualTo(1.3);
        assertThat(de.electricityPerKwh()).isEqualTo(0.12);
        assertThat(de.otherOpexPerGpuMonth()).isEqualTo(1_250);

        Cluster nbsp = cluster(input, "fr-nbsp");
        assertThat(nbsp.capexPerGpu()).isEqualTo(62_000);
        assertThat(nbsp.secondaryPricePerGpu()).hasValue(9_500);
        assertThat(nbsp.startPricePerGpuHour()).isEqualTo(2.95);
        assertThat(nbsp.utilization()).isCloseTo(0.65, within(1e-15));

        Cluster narrow = cluster(input, "fr-nnbsp");
        assertThat(narrow.capexPerGpu()).isEqualTo(62_000);
        assertThat(narrow.secondaryPricePerGpu()).hasValue(12_000);
        assertThat(narrow.startPricePerGpuHour()).isEqualTo(3.4);

        for (String swiss : List.of("ch-1", "ch-2")) {
            assertThat(cluster(input, swiss).capexPerGpu()).as(swiss).isEqualTo(62_000);
            assertThat(cluster(input, swiss).secondaryPricePerGpu()).as(swiss).hasValue(9_000);
            assertThat(cluster(input, swiss).utilization()).as(swiss).isEqualTo(0.75);
        }
        assertThat(input.portfolio().assumptions().currency()).isEqualTo("EUR");
    }

    @Test
    void aEuroWorkbookDeclaringOneDotTwoThreeFourCommaFiveSixReadsEveryAmountAsTheNumberItMeans() throws Exception {
        WorkbookInput typed = read("locale-eur-declared.xlsx");

        assertEuropeanFigures(typed);
        assertThat(typed.notes(InputNote.Kind.WARNING)).isEmpty();
    }

    @Test
    void thePlainNumbersTwinAndTheLibreOfficeCopyReadToTheSameClusters() throws Exception {
        WorkbookInput typed = read("locale-eur-declared.xlsx");
        WorkbookInput plain = read("locale-eur-plain.xlsx");
        WorkbookInput libreOffice = read("locale-eur-declared-libreoffice.xlsx");

        assertEuropeanFigures(plain);
        assertEuropeanFigures(libreOffice);
        assertThat(typed.portfolio().clusters()).isEqualTo(plain.portfolio().clusters());
        assertThat(libreOffice.portfolio().clusters()).isEqualTo(plain.portfolio().clusters());
    }

    @Test
    void withoutTheDeclarationEachAmountThatReadsTwoWaysIsRefusedAtItsCellShowingBothReadings() {
        WorkbookException e = catchThrowableOfType(WorkbookException.class, () -> read("locale-eur-undeclared.xlsx"));

        assertThat(e.problems()).extracting(CellProblem::cell).containsExactlyInAnyOrder("Fleet!D2", "Fleet!J2", "Fleet!N2");
        assertThat(problemAt(e, "Fleet!D2").found()).isEqualTo("'62.000 €'");
        assertThat(problemAt(e, "Fleet!D2").expected())
                .contains("62000 if the dot separates thousands").contains("62 if it is a decimal point")
                .contains("Number format").contains("1.234,56");
        assertThat(problemAt(e, "Fleet!J2").expected()).contains("9000 if the dot").contains("9 if it is a decimal point");
        assertThat(problemAt(e, "Fleet!N2").expected()).contains("1250 if the dot").contains("1.25 if it is a decimal point");
    }

    @Test
    void aEuroAmountInADollarWorkbookIsReadAsTypedWithAWarningNamingBothCurrencies() throws Exception {
        WorkbookInput input = read("locale-usd-euro-amount.xlsx");

        assertThat(cluster(input, "us-1").capexPerGpu()).isEqualTo(41_500);
        assertThat(input.notes(InputNote.Kind.WARNING)).singleElement().satisfies(n -> {
            assertThat(n.location()).isEqualTo("Fleet!D2");
            assertThat(n.message()).contains("'41,500 €'").contains("€ (EUR)").contains("currency is USD").contains("not converted");
        });
    }

    @Test
    void aPriceTypedTheOneCommaTwoThreeFourWayInADeclaredEuropeanWorkbookIsRefusedAtItsCell() {
        WorkbookException e = catchThrowableOfType(WorkbookException.class, () -> read("locale-eur-point-refused.xlsx"));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.cell()).isEqualTo("Fleet!I2");
            assertThat(p.found()).isEqualTo("'2.85'");
            assertThat(p.expected()).contains("not a number in the declared format 1.234,56")
                    .contains("in 1,234.56 it would read 2.85").contains("Number format");
        });
    }

    @Test
    void inAnUndeclaredEuroWorkbookACommaBeforeThreeDigitsIsRefusedWhileTheSameTextReadsAsThousandsInADollarWorkbook() throws Exception {
        Path euro = new TestWorkbook().sheet("Assumptions").row("Currency", "EUR")
                .sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price", "Other opex per GPU-month")
                .row("a", "H100", 8, 30_000, "2,500 €/h", "1,500")
                .write(dir.resolve("euro.xlsx"));
        WorkbookException e = catchThrowableOfType(WorkbookException.class, () -> WorkbookReader.read(euro, VALUATION));

        assertThat(e.problems()).extracting(CellProblem::cell).containsExactlyInAnyOrder("Fleet!E2", "Fleet!F2");
        assertThat(problemAt(e, "Fleet!E2").expected()).contains("2500 if the comma separates thousands")
                .contains("2.5 if it is a decimal comma").contains("Number format");
        assertThat(problemAt(e, "Fleet!F2").expected()).contains("1500 if the comma").contains("1.5 if it is a decimal comma");

        Path dollar = new TestWorkbook().sheet("Assumptions").row("Currency", "USD")
                .sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price", "Other opex per GPU-month")
                .row("a", "H100", 8, "30,000", 2.5, "1,500")
                .write(dir.resolve("dollar.xlsx"));
        Cluster a = cluster(WorkbookReader.read(dollar, VALUATION), "a");
        assertThat(a.capexPerGpu()).isEqualTo(30_000);
        assertThat(a.otherOpexPerGpuMonth()).isEqualTo(1_500);
    }

    private static CellProblem problemAt(WorkbookException e, String cell) {
        return e.problems().stream().filter(p -> p.cell().equals(cell)).findFirst().orElseThrow();
    }

    // ---- the declaration itself ----

    private Path declaring(String label, Object value, String capex) throws Exception {
        return declaring(label, value, capex, "2,5");
    }

    private Path declaring(String label, Object value, String capex, String price) throws Exception {
        return new TestWorkbook().sheet("Assumptions").row(label, value)
                .sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price")
                .row("a", "H100", 8, capex, price)
                .write(dir.resolve("declared.xlsx"));
    }

    @Test
    void aDecimalSeparatorRowDeclaresTheConventionToo() throws Exception {
        WorkbookInput comma = WorkbookReader.read(declaring("Decimal separator", ",", "62.000"), VALUATION);
        assertThat(cluster(comma, "a").capexPerGpu()).isEqualTo(62_000);
        assertThat(cluster(comma, "a").startPricePerGpuHour()).isEqualTo(2.5);
        WorkbookInput point = WorkbookReader.read(declaring("Number format", "Decimal point", "62.000", "2.5"), VALUATION);
        assertThat(cluster(point, "a").capexPerGpu()).isEqualTo(62);
    }

    @Test
    void aDeclarationThatDoesNotSayWhichSeparatorIsWhichIsRefusedAtItsCell() {
        for (Object value : List.of("European", "1234.56", 1234.56)) {
            WorkbookException e = catchThrowableOfType(WorkbookException.class,
                    () -> WorkbookReader.read(declaring("Number format", value, "62 000"), VALUATION));
            assertThat(e.problems()).as(String.valueOf(value)).singleElement().satisfies(p -> {
                assertThat(p.cell()).isEqualTo("Assumptions!B1");
                assertThat(p.expected()).contains("1,234.56 or 1.234,56 typed as text");
            });
        }
    }

    @Test
    void aNumberFormatAndADecimalSeparatorThatDisagreeAreRefused() throws Exception {
        Path file = new TestWorkbook().sheet("Assumptions").row("Number format", "1.234,56").row("Decimal separator", ".")
                .sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price")
                .row("a", "H100", 8, 30_000, 2.5)
                .write(dir.resolve("conflict.xlsx"));

        WorkbookException e = catchThrowableOfType(WorkbookException.class, () -> WorkbookReader.read(file, VALUATION));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.cell()).isEqualTo("Assumptions!B2");
            assertThat(p.expected()).contains("1.234,56");
        });
    }
}
