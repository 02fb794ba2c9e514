package gpuroi.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When no assumption was read at all, a warning (not merely a default note) says which figures are defaults, with their values. */
class DefaultAssumptionsWarningTest {
    private static final LocalDate DEFAULT_DATE = LocalDate.of(2026, 12, 1);

    @TempDir
    Path dir;

    @Test
    void aWorkbookWithoutAssumptionsWarnsThatHurdleDiscountAndValuationDateAreDefaults() throws Exception {
        WorkbookInput input = WorkbookReader.read(Path.of("src/test/resources/foreign/sheets-no-assumptions.xlsx"), DEFAULT_DATE);

        assertThat(input.notes(InputNote.Kind.WARNING)).singleElement().satisfies(n -> {
            assertThat(n.location()).isEqualTo("Assumptions");
            assertThat(n.message()).startsWith("no Assumptions sheet was read: hurdle rate 10%, discount rate 10% and valuation date "
                    + "2026-12-01 are defaults").contains("marketplace 0%");
        });
    }

    @Test
    void anAssumptionsSheetNamingNoKnownParameterGetsTheSameWarning() throws Exception {
        Path file = new TestWorkbook().sheet("Assumptions").row("Target return", "15%")
                .sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price")
                .row("a", "H100", 8, 30_000, 2.5)
                .write(dir.resolve("unknown.xlsx"));

        WorkbookInput input = WorkbookReader.read(file, DEFAULT_DATE);

        assertThat(input.notes(InputNote.Kind.WARNING)).singleElement().satisfies(n -> assertThat(n.message())
                .startsWith("no known parameter was found on the Assumptions sheet 'Assumptions': hurdle rate 10%"));
    }

    @Test
    void anAssumptionsSheetWhoseValuesAreAllLeftEmptyIsNotWarnedAbout() throws Exception {
        Path file = new TestWorkbook().sheet("Assumptions").row("Parameter", "Value").row("Hurdle rate", null)
                .sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price")
                .row("a", "H100", 8, 30_000, 2.5)
                .write(dir.resolve("empty.xlsx"));

        WorkbookInput input = WorkbookReader.read(file, DEFAULT_DATE);

        // The template invites this: each default is noted at its empty cell instead.
        assertThat(input.notes(InputNote.Kind.WARNING)).isEmpty();
        assertThat(input.notes(InputNote.Kind.DEFAULT)).anySatisfy(n -> assertThat(n.message()).startsWith("Hurdle rate not given"));
    }
}
