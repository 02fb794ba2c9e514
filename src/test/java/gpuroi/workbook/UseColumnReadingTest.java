package gpuroi.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import gpuroi.model.ClusterUse;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Fleet sheet's Use column: the basis of BUY or RENT, read by its words, defaulted with a note, refused when unknown. */
class UseColumnReadingTest {
    private static final LocalDate VALUATION = LocalDate.of(2026, 6, 1);

    @TempDir
    Path dir;

    private Path write(TestWorkbook wb) throws Exception {
        wb.sheet("Assumptions").row("Valuation date", VALUATION.toString());
        return wb.write(dir.resolve("fleet.xlsx"));
    }

    private static TestWorkbook fleet(String useHeader) {
        return new TestWorkbook().sheet("Fleet")
                .row("Cluster id", "Status", "GPU model", "GPU count", "Capex per GPU", "Start price", useHeader);
    }

    @Test
    void eachWayOfSayingRentOutOrOwnUseIsReadUnderAnyOfTheColumnsNames() throws Exception {
        for (String header : new String[] {"Use", "Purpose", "usage ", "Intended use"}) {
            TestWorkbook wb = fleet(header)
                    .row("a", "Planned", "H100", 8, 30_000, 2.5, "Rent out")
                    .row("b", "Planned", "H100", 8, 30_000, 2.5, "lease out")
                    .row("c", "Planned", "H100", 8, 30_000, 2.5, "Investment")
                    .row("d", "Planned", "H100", 8, 30_000, 2.5, "Own use")
                    .row("e", "Planned", "H100", 8, 30_000, 2.5, " internal ")
                    .row("f", "Planned", "H100", 8, 30_000, 2.5, "self-use")
                    .row("g", "Planned", "H100", 8, 30_000, 2.5, "OWN");
            WorkbookInput input = WorkbookReader.read(write(wb), VALUATION);

            assertThat(input.portfolio().clusters()).extracting(c -> c.use()).as(header).containsExactly(
                    ClusterUse.RENT_OUT, ClusterUse.RENT_OUT, ClusterUse.RENT_OUT,
                    ClusterUse.OWN_USE, ClusterUse.OWN_USE, ClusterUse.OWN_USE, ClusterUse.OWN_USE);
        }
    }

    @Test
    void aBlankUseRentsOutAndSaysSoAtItsCell() throws Exception {
        WorkbookInput input = WorkbookReader.read(write(fleet("Use").row("a", "Planned", "H100", 8, 30_000, 2.5, null)), VALUATION);

        assertThat(input.portfolio().cluster("a").orElseThrow().use()).isEqualTo(ClusterUse.RENT_OUT);
        assertThat(input.notes()).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo(InputNote.Kind.DEFAULT);
            assertThat(n.location()).isEqualTo("Fleet!G2");
            assertThat(n.message()).contains("cluster a").contains("Use is empty").contains("Rent out");
        });
    }

    @Test
    void withoutAUseColumnPlannedClustersRentOutWithOneNoteForTheSheet() throws Exception {
        TestWorkbook wb = new TestWorkbook().sheet("Fleet")
                .row("Cluster id", "Status", "GPU model", "GPU count", "Capex per GPU", "Start price")
                .row("a", "Planned", "H100", 8, 30_000, 2.5)
                .row("b", "Planned", "H100", 8, 30_000, 2.5);
        WorkbookInput input = WorkbookReader.read(write(wb), VALUATION);

        assertThat(input.portfolio().clusters()).allSatisfy(c -> assertThat(c.use()).isEqualTo(ClusterUse.RENT_OUT));
        assertThat(input.notes()).filteredOn(n -> n.message().contains("'Use'")).singleElement()
                .satisfies(n -> assertThat(n.kind()).isEqualTo(InputNote.Kind.DEFAULT));
    }

    @Test
    void aWordThatIsNeitherIsRefusedAtItsCellWithWhatToType() throws Exception {
        Path file = write(fleet("Use").row("a", "Planned", "H100", 8, 30_000, 2.5, "maybe"));

        WorkbookException e = catchThrowableOfType(WorkbookException.class, () -> WorkbookReader.read(file, VALUATION));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.sheet()).isEqualTo("Fleet");
            assertThat(p.cell()).isEqualTo("Fleet!G2");
            assertThat(p.found()).contains("maybe");
            assertThat(p.expected()).contains("Rent out").contains("Own use");
        });
    }

    @Test
    void ownUseOnAnOwnedClusterIsReadWithAWarningThatItDecidesOnlyBuyOrRent() throws Exception {
        TestWorkbook wb = new TestWorkbook().sheet("Fleet")
                .row("Cluster id", "Status", "Purchase date", "GPU model", "GPU count", "Capex per GPU", "Start price", "Use")
                .row("a", "Owned", "2025-01-01", "H100", 8, 30_000, 2.5, "Own use");
        WorkbookInput input = WorkbookReader.read(write(wb), VALUATION);

        assertThat(input.portfolio().cluster("a").orElseThrow().use()).isEqualTo(ClusterUse.OWN_USE);
        assertThat(input.notes()).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo(InputNote.Kind.WARNING);
            assertThat(n.location()).isEqualTo("Fleet!H2");
            assertThat(n.message()).contains("owned").contains("only BUY or RENT");
        });
    }
}
