package gpuroi.pipeline;

import gpuroi.engine.RoiEngine;
import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.Portfolio;
import gpuroi.workbook.InputNote;
import gpuroi.workbook.WorkbookInput;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An owned cluster past its useful life at the valuation date is a warning in the notes (and so in Notes, memo and text). */
class LifeEndedWarningTest {
    static Cluster owned(String id, LocalDate bought) {
        return Cluster.builder(id).status(ClusterStatus.OWNED).startDate(bought).gpuCount(8).capexPerGpu(20_000).lifeMonths(24)
                .startPricePerGpuHour(2.0).utilization(0.7).build();
    }

    @Test
    void onlyTheClusterWhoseLifeEndedIsWarnedAbout() {
        Assumptions assumptions = Assumptions.defaults(LocalDate.of(2025, 1, 1));
        Portfolio portfolio = new Portfolio(assumptions,
                List.of(owned("retired", LocalDate.of(2022, 6, 1)), owned("running", LocalDate.of(2024, 6, 1))), List.of(), List.of());
        WorkbookInput read = new WorkbookInput(portfolio, List.of());

        WorkbookInput noted = Conversion.withLifeEndedWarnings(read, RoiEngine.analyze(portfolio, portfolio.assumptions()));

        assertThat(noted.notes()).singleElement().satisfies(note -> {
            assertThat(note.kind()).isEqualTo(InputNote.Kind.WARNING);
            assertThat(note.message()).startsWith("cluster retired: its useful life ended on 2024-06-01, before the valuation date 2025-01-01")
                    .contains("nothing is left to hold");
        });
    }
}
