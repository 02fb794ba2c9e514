package gpuroi.workbook;

import gpuroi.model.Cluster;
import gpuroi.model.RiskInputs;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The Monte Carlo settings on the Assumptions sheet are checked there against the bounds the Monte Carlo
 * itself enforces, so that a value the simulation would refuse is refused at its cell and not later, cell-less:
 * each bound is read and accepted by the simulation's inputs, and the value just past it is refused at its cell.
 */
class AssumptionsRiskSettingBoundsTest {
    private static final LocalDate VALUATION = LocalDate.of(2026, 6, 1);

    @TempDir
    Path dir;

    private Path workbook(String name, String setting, String value) throws Exception {
        return new TestWorkbook().sheet("Assumptions")
                .row(setting, value)
                .row("Monte Carlo runs", 100)
                .sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price")
                .row("a", "H100", 8, 30_000, 2.5)
                .write(dir.resolve(name + ".xlsx"));
    }

    @ParameterizedTest(name = "{0}: {1} and {2} accepted, {3} and {4} refused")
    @CsvSource({
            "Price volatility, 0%, 500%, -1%, 501%",
            "Utilization volatility, 0%, 1000%, -1%, 1001%",
            "Price-utilization correlation, -1, 1, -1.01, 1.01",
            "Price jumps per year, 0, 100, -0.5, 100.5",
            "Jump size, 0%, 99%, -1%, 99.5%"})
    void eachBoundIsAcceptedByTheSimulationAndTheValueJustPastItIsRefusedAtItsCell(String setting, String min, String max,
                                                                                 String belowMin, String aboveMax) throws Exception {
        for (String accepted : new String[] {min, max}) {
            WorkbookInput input = WorkbookReader.read(workbook("ok", setting, accepted), VALUATION);
            Cluster cluster = input.portfolio().clusters().get(0);
            assertThatCode(() -> input.riskSettings().forCluster(RiskInputs.defaults(1).withPaths(100), cluster))
                    .as("%s %s", setting, accepted).doesNotThrowAnyException();
        }
        for (String refused : new String[] {belowMin, aboveMax}) {
            Path file = workbook("bad", setting, refused);
            WorkbookException e = catchThrowableOfType(WorkbookException.class, () -> WorkbookReader.read(file, VALUATION));
            assertThat(e).as("%s %s", setting, refused).isNotNull();
            assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.cell()).isEqualTo("Assumptions!B1"));
        }
    }
}
