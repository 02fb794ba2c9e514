package gpuroi.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import gpuroi.model.Assumptions;
import gpuroi.model.PricePath;
import gpuroi.workbook.TestWorkbook.Pct;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssumptionsSheetReadingTest {
    private static final LocalDate DEFAULT_DATE = LocalDate.of(2026, 6, 1);

    @TempDir
    Path dir;

    private static TestWorkbook withFleet(TestWorkbook wb) {
        return wb.sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price")
                .row("a", "H100", 8, 30_000, 2.5);
    }

    @Test
    void aResaleDiscountForSubleasedCapacityIsReadAndDefaultsToZeroWithANote() throws Exception {
        Path given = withFleet(new TestWorkbook().sheet("Assumptions").row("Resale discount", "20%"))
                .write(dir.resolve("discount.xlsx"));
        Path absent = withFleet(new TestWorkbook().sheet("Assumptions").row("Currency", "USD"))
                .write(dir.resolve("no-discount.xlsx"));

        assertThat(WorkbookReader.read(given, DEFAULT_DATE).portfolio().assumptions().resaleDiscount())
                .isCloseTo(0.2, within(1e-12));
        WorkbookInput defaulted = WorkbookReader.read(absent, DEFAULT_DATE);
        assertThat(defaulted.portfolio().assumptions().resaleDiscount()).isZero();
        assertThat(defaulted.notes(InputNote.Kind.DEFAULT)).extracting(InputNote::message)
                .anySatisfy(m -> assertThat(m).startsWith("Resale discount not given; used 0%"));
    }

    @Test
    void taxDepreciationAndALoanAreReadForTheAfterTaxAndEquityViews() throws Exception {
        Path file = withFleet(new TestWorkbook().sheet("Assumptions")
                .row("Tax rate", "21%")
                .row("Depreciation years", 5)
                .row("Loan to value", "60%")
                .row("Loan rate", "8%")
                .row("Loan term", 4)
                .row("Balloon", "20%"))
                .write(dir.resolve("financed.xlsx"));

        WorkbookInput input = WorkbookReader.read(file, DEFAULT_DATE);
        Assumptions a = input.portfolio().assumptions();

        assertThat(a.taxRate()).hasValueCloseTo(0.21, within(1e-12));
        assertThat(a.depreciationYears()).hasValueCloseTo(5.0, within(1e-12));
        assertThat(a.financing()).hasValueSatisfying(f -> {
            assertThat(f.loanToValue()).isCloseTo(0.6, within(1e-12));
            assertThat(f.annualRate()).isCloseTo(0.08, within(1e-12));
            assertThat(f.termYears()).hasValueCloseTo(4.0, within(1e-12));
            assertThat(f.balloonShare()).isCloseTo(0.2, within(1e-12));
        });
        assertThat(input.notes(InputNote.Kind.WARNING)).isEmpty();
    }

    @Test
    void aLoanToValueWithoutALoanRateIsAProblem() throws Exception {
        Path file = withFleet(new TestWorkbook().sheet("Assumptions").row("Loan to value", "50%"))
                .write(dir.resolve("no-rate.xlsx"));

        WorkbookException e = catchThrowableOfType(WorkbookException.class, () -> WorkbookReader.read(file, DEFAULT_DATE));

        assertThat(e.problems()).extracting(CellProblem::expected).anySatisfy(x -> assertThat(x).startsWith("Loan rate"));
    }

    @Test
    void parameterValuePairsBelowATitleBlockAreRead() throws Exception {
        Path file = withFleet(new TestWorkbook().sheet("assumptions")
                .row("Fund II — model inputs")
                .blankRow()
                .row("Parameter", "Value", "Why")
                .row("Valuation date", "2026-03-01", "quarter start")
                .row("Currency", "eur")
                .row("Discount rate (%)", new Pct(0.08))
                .row("Hurdle rate", "15%")
                .row("Default price path", "blended 40% over 4 years")
                .row("Marketplace fee", 0.1)
                .row("Resale fee", 5)
                .row("Tax rate", "25%")
                .row("Monte Carlo runs", 5000)
                .row("Seed", 7)
                .row("Favourite colour", "green"))
                .write(dir.resolve("assumptions.xlsx"));

        WorkbookInput input = WorkbookReader.read(file, DEFAULT_DATE);
        Assumptions a = input.portfolio().assumptions();

        assertThat(a.valuationDate()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(a.currency()).isEqualTo("EUR");
        assertThat(a.discountRate()).isCloseTo(0.08, within(1e-12));
        assertThat(a.hurdleRate()).isCloseTo(0.15, within(1e-12));
        assertThat(a.defaultPricePath()).isEqualTo(new PricePath.Blended(0.4, 4));
        assertThat(a.marketplaceFee()).isCloseTo(0.1, within(1e-12));
        assertThat(a.resaleFee()).isCloseTo(0.05, within(1e-12));
        assertThat(a.taxRate()).hasValueCloseTo(0.25, within(1e-12));
        assertThat(a.depreciationYears()).isEmpty();
        assertThat(input.notes(InputNote.Kind.WARNING)).extracting(InputNote::location)
                .containsExactly("assumptions!B10");
        assertThat(input.monteCarloRuns()).hasValue(5000);
        assertThat(input.monteCarloSeed()).hasValue(7);
        assertThat(input.notes(InputNote.Kind.WARNING).get(0).message()).contains("Resale fee").contains("5%");
    }

    @Test
    void anEmptyCellUnderAValueHeaderTakesTheDefaultInsteadOfReadingTheNoteBesideIt() throws Exception {
        Path file = withFleet(new TestWorkbook().sheet("Assumptions")
                .row("Parameter", "Value", "Units and notes")
                .row("Valuation date", "2026-03-01", "date")
                .row("Discount rate", null, "annual rate for NPV; left out: 10%")
                .row("Hurdle rate", "12%", "annual"))
                .write(dir.resolve("assumptions.xlsx"));

        WorkbookInput input = WorkbookReader.read(file, DEFAULT_DATE);

        assertThat(input.portfolio().assumptions().discountRate()).isCloseTo(0.10, within(1e-12));
        assertThat(input.portfolio().assumptions().hurdleRate()).isCloseTo(0.12, within(1e-12));
        assertThat(input.notes(InputNote.Kind.DEFAULT)).anySatisfy(n -> assertThat(n.message()).startsWith("Discount rate not given"));
    }

    @Test
    void withoutAnAssumptionsSheetTheContractDefaultsAreUsedAndNoted() throws Exception {
        Path file = withFleet(new TestWorkbook()).write(dir.resolve("bare.xlsx"));

        WorkbookInput input = WorkbookReader.read(file, DEFAULT_DATE);

        assertThat(input.portfolio().assumptions()).isEqualTo(Assumptions.defaults(DEFAULT_DATE));
        assertThat(input.notes(InputNote.Kind.DEFAULT)).filteredOn(n -> n.location().equals("Assumptions"))
                .extracting(InputNote::message)
                .anySatisfy(m -> assertThat(m).contains("Valuation date").contains("2026-06-01"))
                .anySatisfy(m -> assertThat(m).contains("Hurdle rate").contains("discount rate"))
                .anySatisfy(m -> assertThat(m).contains("blended to 50%"));
    }

    @Test
    void theHurdleRateDefaultsToTheDiscountRateGiven() throws Exception {
        Path file = withFleet(new TestWorkbook().sheet("Assumptions").row("Discount rate", "12%"))
                .write(dir.resolve("hurdle.xlsx"));

        Assumptions a = WorkbookReader.read(file, DEFAULT_DATE).portfolio().assumptions();

        assertThat(a.hurdleRate()).isEqualTo(a.discountRate()).isCloseTo(0.12, within(1e-12));
    }

    @Test
    void unreadableAssumptionsAreReportedWithTheFleetsProblems() throws Exception {
        Path file = new TestWorkbook().sheet("Assumptions")
                .row("Valuation date", "next quarter")
                .row("Currency", "dollars")
                .row("Default price path", "up and to the right")
                .sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price")
                .row("a", "H100", -8, 30_000, 2.5)
                .write(dir.resolve("bad.xlsx"));

        WorkbookException e = catchThrowableOfType(WorkbookException.class, () -> WorkbookReader.read(file, DEFAULT_DATE));

        assertThat(e.problems()).extracting(CellProblem::cell)
                .containsExactly("Assumptions!B1", "Assumptions!B2", "Assumptions!B3", "Fleet!C2");
        assertThat(e.problems().get(2).expected()).contains("blended 50% over 5 years");
        assertThat(e.problems().get(3).expected()).contains("GPU count");
    }

    @Test
    void anInvalidCurrencyIsReportedAtItsCell() throws Exception {
        Path file = withFleet(new TestWorkbook().sheet("Assumptions").row("Currency", "dollars"))
                .write(dir.resolve("ccy.xlsx"));

        WorkbookException e = catchThrowableOfType(WorkbookException.class, () -> WorkbookReader.read(file, DEFAULT_DATE));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.cell()).isEqualTo("Assumptions!B1");
            assertThat(p.found()).isEqualTo("'dollars'");
            assertThat(p.expected()).contains("three-letter ISO code");
        });
    }
}
