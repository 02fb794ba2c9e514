package gpuroi.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gpuroi.model.Assumptions;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Assumptions table is found wherever people and their tools put it: beside an index column, below a title, in any columns. */
class AssumptionsTableLayoutTest {
    private static final Path FOREIGN = Path.of("src/test/resources/foreign");
    /** Not the date any fixture gives, so that a valuation date left unread would show. */
    private static final LocalDate DEFAULT_DATE = LocalDate.of(2030, 1, 1);

    @TempDir
    Path dir;

    /** What every sheets-* fixture's Assumptions say: hurdle 15%, discount 12%, valued 2026-06-01, marketplace fee 8%. */
    private static void assertFixtureAssumptions(Assumptions a) {
        assertThat(a.hurdleRate()).isCloseTo(0.15, within(1e-12));
        assertThat(a.discountRate()).isCloseTo(0.12, within(1e-12));
        assertThat(a.valuationDate()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(a.marketplaceFee()).isCloseTo(0.08, within(1e-12));
        assertThat(a.resaleFee()).isZero();
    }

    @Test
    void aPandasWrittenWorkbookWithItsIndexColumnReadsAsItsPlainTwin() throws Exception {
        WorkbookInput pandas = WorkbookReader.read(FOREIGN.resolve("sheets-pandas.xlsx"), DEFAULT_DATE);
        WorkbookInput plain = WorkbookReader.read(FOREIGN.resolve("sheets-plain.xlsx"), DEFAULT_DATE);

        assertFixtureAssumptions(pandas.portfolio().assumptions());
        assertThat(pandas.portfolio().assumptions()).isEqualTo(plain.portfolio().assumptions());
        assertThat(pandas.portfolio().clusters()).isEqualTo(plain.portfolio().clusters());
        assertThat(pandas.portfolio().clusters()).extracting(c -> c.id()).containsExactly("h100-a", "h200-b");
        assertThat(pandas.notes(InputNote.Kind.WARNING)).isEmpty();
    }

    @Test
    void anAssumptionsTableAtD5BelowATitleBlockAndBesideSectionLabelsIsRead() throws Exception {
        WorkbookInput titled = WorkbookReader.read(FOREIGN.resolve("sheets-titled.xlsx"), DEFAULT_DATE);

        assertFixtureAssumptions(titled.portfolio().assumptions());
        // E10 is empty with "ask the broker" beside it: the default is used and noted, the note is not read as the value.
        assertThat(titled.notes(InputNote.Kind.DEFAULT)).extracting(InputNote::message)
                .anySatisfy(m -> assertThat(m).startsWith("Resale fee not given; used 0%"));
        assertThat(titled.notes(InputNote.Kind.WARNING)).isEmpty();
    }

    @Test
    void numbersLeftOfTheParameterNameDoNotStopItsRowBeingRead() throws Exception {
        Path file = new TestWorkbook().sheet("Assumptions")
                .row(1, "Hurdle rate", "15%")
                .row(2, "Discount rate", "12%")
                .row(null, "Valuation date", "2026-06-01")
                .row(4, "Marketplace fee", "8%")
                .sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price")
                .row("a", "H100", 8, 30_000, 2.5)
                .write(dir.resolve("numbered.xlsx"));

        assertFixtureAssumptions(WorkbookReader.read(file, DEFAULT_DATE).portfolio().assumptions());
    }
}
