package gpuroi.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hidden Fleet rows as the reader sees them, in files POI writes: zero height, broken cells, nothing left. */
class HiddenRowsReadingTest {
    private static final LocalDate VALUATION = LocalDate.of(2026, 6, 1);

    @TempDir
    Path dir;

    private static TestWorkbook fleet(Object capexOfSecondRow) {
        return new TestWorkbook().sheet("Fleet")
                .row("Cluster id", "GPU model", "GPUs", "Capex per GPU", "Start price", "Status")
                .row("h100-a", "H100 SXM", 8, 30_000, 2.5, "Planned")
                .row("h100-b", "H100 SXM", 4, capexOfSecondRow, 2.5, "Planned");
    }

    private Path write(TestWorkbook wb, String name) throws Exception {
        return wb.write(dir.resolve(name));
    }

    private static List<InputNote> warningsAt(WorkbookInput input, String cell) {
        return input.notes(InputNote.Kind.WARNING).stream().filter(n -> n.location().equals(cell)).toList();
    }

    @Test
    void aRowOfZeroHeightIsHiddenCountedAndWarnedAbout() throws Exception {
        TestWorkbook wb = fleet(20_000);
        wb.workbook.getSheet("Fleet").getRow(2).setHeight((short) 0);

        WorkbookInput input = WorkbookReader.read(write(wb, "zero.xlsx"), VALUATION);

        assertThat(input.portfolio().clusters()).hasSize(2);
        assertThat(warningsAt(input, "Fleet!A3")).singleElement().extracting(InputNote::message)
                .isEqualTo("row 3 is hidden (cluster h100-b); it is counted — unhide it, delete it, or run with --skip-hidden to leave it out");
    }

    @Test
    void aHiddenRowLeftOutIsNotCheckedSoABrokenCellInItStopsNothing() throws Exception {
        TestWorkbook wb = fleet("lots");
        wb.workbook.getSheet("Fleet").getRow(2).setZeroHeight(true);
        Path file = write(wb, "broken.xlsx");

        WorkbookInput skipped = WorkbookReader.read(file, VALUATION, HiddenRows.SKIP);
        assertThat(skipped.portfolio().clusters()).extracting(c -> c.id()).containsExactly("h100-a");
        assertThat(warningsAt(skipped, "Fleet!A3")).singleElement().extracting(InputNote::message)
                .isEqualTo("row 3 is hidden (cluster h100-b); left out (--skip-hidden)");

        WorkbookException counted = catchThrowableOfType(WorkbookException.class, () -> WorkbookReader.read(file, VALUATION));
        assertThat(counted.problems()).extracting(CellProblem::cell).containsExactly("Fleet!D3");
    }

    @Test
    void aFleetWhoseEveryRowIsHiddenAndLeftOutIsRefusedRatherThanValuedAsEmpty() throws Exception {
        TestWorkbook wb = fleet(20_000);
        wb.workbook.getSheet("Fleet").getRow(1).setZeroHeight(true);
        wb.workbook.getSheet("Fleet").getRow(2).setZeroHeight(true);
        Path file = write(wb, "all-hidden.xlsx");

        WorkbookException e = catchThrowableOfType(WorkbookException.class, () -> WorkbookReader.read(file, VALUATION, HiddenRows.SKIP));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.found()).isEqualTo("only hidden cluster rows, all left out by --skip-hidden");
            assertThat(p.expected()).contains("not hidden (or run without --skip-hidden)");
        });
    }
}
