package gpuroi.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the plausibility bounds lie and which cell a warning points at. */
class PlausibilityBoundsTest {
    private static final LocalDate VALUATION = LocalDate.of(2026, 6, 1);

    @TempDir
    Path dir;

    /** The warnings about cells: these workbooks have no Assumptions sheet, which is warned about too. */
    private static List<InputNote> plausibilityWarnings(WorkbookInput input) {
        return input.notes(InputNote.Kind.WARNING).stream().filter(n -> !n.location().equals("Assumptions")).toList();
    }

    private List<String> warnedCells(TestWorkbook wb) throws Exception {
        WorkbookInput input = WorkbookReader.read(wb.write(dir.resolve("fleet.xlsx")), VALUATION);
        return plausibilityWarnings(input).stream().map(InputNote::location).toList();
    }

    @Test
    void capexAtTenPercentAndFiveTimesTheCatalogsNewPriceIsAcceptedAndJustBeyondIsWarned() throws Exception {
        // Catalog: H100 SXM new at $38,750, so the bounds are $3,875 and $193,750.
        List<String> cells = warnedCells(new TestWorkbook().sheet("Fleet")
                .row("Cluster id", "GPU model", "GPUs", "Capex per GPU", "Start price", "Status")
                .row("at-low", "H100 SXM", 1, 3_875, 2.5, "Planned")
                .row("below-low", "H100 SXM", 1, 3_874, 2.5, "Planned")
                .row("at-high", "H100 SXM", 1, 193_750, 2.5, "Planned")
                .row("above-high", "H100 SXM", 1, 193_751, 2.5, "Planned"));

        assertThat(cells).containsExactly("Fleet!D3", "Fleet!D5");
    }

    @Test
    void aTotalCapexDividedByTheGpusIsCheckedAtTheTotalCapexCell() throws Exception {
        WorkbookInput input = WorkbookReader.read(new TestWorkbook().sheet("Fleet")
                .row("Cluster id", "GPU model", "GPUs", "Total capex", "Start price", "Status")
                .row("h100-lot", "H100 SXM", 8, 496, 2.5, "Planned")
                .write(dir.resolve("total.xlsx")), VALUATION);

        assertThat(plausibilityWarnings(input)).singleElement().satisfies(n -> {
            assertThat(n.location()).isEqualTo("Fleet!D2");
            assertThat(n.message()).startsWith("cluster h100-lot: capex per GPU (total capex ÷ 8 GPUs) $62 is below 10%"
                    + " of the catalog's new H100 SXM price $38,750");
        });
    }

    @Test
    void rentalPricesAtFivePercentAndTenTimesTheCatalogsOnDemandPriceAreAccepted() throws Exception {
        // Catalog: A100 80GB on demand at $1.60, so the bounds are $0.08 and $16.00.
        List<String> cells = warnedCells(new TestWorkbook().sheet("Fleet")
                .row("Cluster id", "GPU model", "GPUs", "Capex per GPU", "Start price", "Status")
                .row("at-low", "A100 80GB", 1, 15_000, 0.08, "Planned")
                .row("below-low", "A100 80GB", 1, 15_000, 0.079, "Planned")
                .row("at-high", "A100 80GB", 1, 15_000, 16.0, "Planned")
                .row("above-high", "A100 80GB", 1, 15_000, 16.01, "Planned"));

        assertThat(cells).containsExactly("Fleet!E3", "Fleet!E5");
    }

    @Test
    void powerAndPueAreCheckedForEveryModelAndPricesOnlyForModelsTheCatalogKnows() throws Exception {
        List<String> cells = warnedCells(new TestWorkbook().sheet("Fleet")
                .row("Cluster id", "GPU model", "GPUs", "Capex per GPU", "Start price", "Status", "Power per GPU (kW)", "PUE")
                .row("edges", "Gaudi 3", 1, 1, 500, "Planned", 0.1, 3.0)
                .row("beyond", "Gaudi 3", 1, 1, 500, "Planned", 5.01, 3.01)
                .row("low-power", "Gaudi 3", 1, 1, 500, "Planned", 0.09, 1.2));

        assertThat(cells).containsExactly("Fleet!G3", "Fleet!H3", "Fleet!G4");
    }
}
