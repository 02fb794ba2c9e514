package gpuroi.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sheet that only looks like one gpu-roi reads ("Key assumptions", "Fleet 2026", a Fleet header on
 * "Sheet1") is read when it is the only one, with a warning, and named when it is not read.
 */
class SheetLookAlikesTest {
    private static final Path FOREIGN = Path.of("src/test/resources/foreign");
    private static final LocalDate DEFAULT_DATE = LocalDate.of(2030, 1, 1);

    @TempDir
    Path dir;

    private static TestWorkbook fleet(TestWorkbook wb, String name) {
        return wb.sheet(name)
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price")
                .row("a", "H100", 8, 30_000, 2.5);
    }

    @Test
    void aSheetNamedKeyAssumptionsIsReadAsTheAssumptionsWithAWarningSayingSo() throws Exception {
        WorkbookInput key = WorkbookReader.read(FOREIGN.resolve("sheets-key-assumptions.xlsx"), DEFAULT_DATE);
        WorkbookInput plain = WorkbookReader.read(FOREIGN.resolve("sheets-plain.xlsx"), DEFAULT_DATE);

        assertThat(key.portfolio().assumptions()).isEqualTo(plain.portfolio().assumptions());
        assertThat(key.portfolio().assumptions().hurdleRate()).isCloseTo(0.15, within(1e-12));
        assertThat(key.notes(InputNote.Kind.WARNING)).singleElement().satisfies(n -> {
            assertThat(n.location()).isEqualTo("Key assumptions");
            assertThat(n.message()).contains("'Key assumptions' was read as the Assumptions sheet").contains("rename it Assumptions");
        });
    }

    @Test
    void twoFleetLikeSheetsAreNeitherReadAndTheMissingFleetErrorNamesBoth() {
        WorkbookException e = catchThrowableOfType(WorkbookException.class,
                () -> WorkbookReader.read(FOREIGN.resolve("sheets-two-fleets.xlsx"), DEFAULT_DATE));

        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.expected())
                .contains("a sheet named Fleet")
                .contains("'Fleet A' and 'Fleet B' both look like the Fleet sheet")
                .contains("rename the one to read Fleet"));
    }

    @Test
    void twoAssumptionsLikeSheetsAreNeitherReadAndAWarningNamesBoth() throws Exception {
        WorkbookInput input = WorkbookReader.read(FOREIGN.resolve("sheets-two-assumptions.xlsx"), DEFAULT_DATE);

        assertThat(input.portfolio().assumptions().hurdleRate()).isCloseTo(0.10, within(1e-12));
        assertThat(input.notes(InputNote.Kind.WARNING)).extracting(InputNote::message)
                .anySatisfy(m -> assertThat(m).contains("'Key assumptions' and 'Old assumptions' both look like the Assumptions sheet")
                        .contains("rename the one to read Assumptions"))
                .anySatisfy(m -> assertThat(m).startsWith("no Assumptions sheet was read: hurdle rate 10%"));
    }

    @Test
    void aSheetNamedFleet2026IsReadAsTheFleetWithAWarning() throws Exception {
        Path file = fleet(new TestWorkbook().sheet("Assumptions").row("Hurdle rate", "12%"), "Fleet 2026").write(dir.resolve("f.xlsx"));

        WorkbookInput input = WorkbookReader.read(file, DEFAULT_DATE);

        assertThat(input.portfolio().clusters()).extracting(c -> c.id()).containsExactly("a");
        assertThat(input.notes(InputNote.Kind.WARNING)).singleElement()
                .satisfies(n -> assertThat(n.message()).contains("'Fleet 2026' was read as the Fleet sheet"));
    }

    @Test
    void aSheetWhoseFirstRowsHoldTheFleetHeadersIsReadAsTheFleetWhateverItsName() throws Exception {
        Path file = fleet(new TestWorkbook().sheet("Assumptions").row("Hurdle rate", "12%"), "Sheet1").write(dir.resolve("f.xlsx"));

        WorkbookInput input = WorkbookReader.read(file, DEFAULT_DATE);

        assertThat(input.portfolio().clusters()).extracting(c -> c.id()).containsExactly("a");
        assertThat(input.notes(InputNote.Kind.WARNING)).singleElement()
                .satisfies(n -> assertThat(n.message()).contains("'Sheet1' was read as the Fleet sheet"));
    }

    @Test
    void aLeasesHeaderWhichAlsoHoldsClusterIdModelAndCountIsNotTakenForTheFleet() throws Exception {
        Path file = fleet(new TestWorkbook().sheet("Assumptions").row("Hurdle rate", "12%"), "Fleet")
                .sheet("Contracts 2026")
                .row("Contract id", "Role", "Cluster id", "Counterparty", "GPU model", "GPUs", "Rate", "Start date", "Term (months)")
                .row("k1", "Lessor", "a", "Acme", "H100", 8, 2.0, "2029-06-01", 24)
                .write(dir.resolve("f.xlsx"));

        WorkbookInput input = WorkbookReader.read(file, DEFAULT_DATE);

        assertThat(input.portfolio().leases()).extracting(l -> l.contractId()).containsExactly("k1");
        assertThat(input.notes(InputNote.Kind.WARNING)).singleElement()
                .satisfies(n -> assertThat(n.message()).contains("'Contracts 2026' was read as the Leases sheet"));
    }

    @Test
    void sheetsGpuRoiWritesItselfAreNeverTakenForInputs() {
        Path file;
        try {
            file = fleet(new TestWorkbook(), "ROI Fleet").write(dir.resolve("f.xlsx"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }

        WorkbookException e = catchThrowableOfType(WorkbookException.class, () -> WorkbookReader.read(file, DEFAULT_DATE));

        assertThat(e.problems()).singleElement()
                .satisfies(p -> assertThat(p.expected()).isEqualTo("a sheet named Fleet with one row per cluster"));
    }

    @Test
    void aMisspelledFleetSheetIsNamedInTheMissingFleetError() throws Exception {
        Path file = new TestWorkbook().sheet("Flet").row("nothing here").write(dir.resolve("f.xlsx"));

        WorkbookException e = catchThrowableOfType(WorkbookException.class, () -> WorkbookReader.read(file, DEFAULT_DATE));

        assertThat(e.problems()).singleElement()
                .satisfies(p -> assertThat(p.expected()).contains("sheet 'Flet' may be it: rename it Fleet"));
    }

    @Test
    void aRiskNotesSheetOfProseIsNotReadAsTheRiskSheetButNamedInAWarning() throws Exception {
        Path file = fleet(new TestWorkbook().sheet("Assumptions").row("Hurdle rate", "12%"), "Fleet")
                .sheet("Risk notes").row("Ask the broker about resale prices before the board meeting.")
                .write(dir.resolve("f.xlsx"));

        WorkbookInput input = WorkbookReader.read(file, DEFAULT_DATE);

        assertThat(input.riskSettings().ranges()).isEmpty();
        assertThat(input.notes(InputNote.Kind.WARNING)).singleElement().satisfies(n -> assertThat(n.message())
                .contains("'Risk notes' was not read").contains("no Risk table"));
    }

    @Test
    void aLookAlikeBesideTheSheetOfTheRightNameIsLeftAloneWithoutAWarning() throws Exception {
        Path file = fleet(fleet(new TestWorkbook().sheet("Assumptions").row("Hurdle rate", "12%"), "Fleet"), "Fleet (old)")
                .write(dir.resolve("f.xlsx"));

        WorkbookInput input = WorkbookReader.read(file, DEFAULT_DATE);

        assertThat(input.portfolio().clusters()).hasSize(1);
        assertThat(input.notes(InputNote.Kind.WARNING)).isEmpty();
    }
}
