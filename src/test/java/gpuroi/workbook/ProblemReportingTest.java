package gpuroi.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProblemReportingTest {
    private static final LocalDate VALUATION = LocalDate.of(2026, 6, 1);

    @TempDir
    Path dir;

    private List<CellProblem> problems(TestWorkbook wb) throws Exception {
        Path file = wb.write(dir.resolve("broken.xlsx"));
        WorkbookException e = catchThrowableOfType(WorkbookException.class, () -> WorkbookReader.read(file, VALUATION));
        assertThat(e).as("reading should fail").isNotNull();
        assertThat(e.getStackTrace()).isNotNull();
        return e.problems();
    }

    private static CellProblem at(List<CellProblem> problems, String cell) {
        return problems.stream().filter(p -> p.cell().equals(cell)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem at " + cell + " in " + problems));
    }

    @Test
    void everyProblemOfTheWorkbookIsReportedTogetherWithItsCellFoundAndExpected() throws Exception {
        List<CellProblem> problems = problems(new TestWorkbook()
                .sheet("Assumptions")
                .row("Discount rate", "ten percent")
                .sheet("Fleet")
                .row("GPU fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price", "Utilization", "Purchase date", "Status")
                .row("a", "H100", "eight", 30_000, 2.5, 0.7, null, "Planned")
                .row("b", "H100", 8, "lots", 2.5, 0.7, null, "Planned")
                .row("c", "H100", 8, 30_000, "$2.85/hr", 0.7, "last spring", "Owned")
                .row("a", "H100", 8, 30_000, 2.5, 0.7, null, "Planned")
                .row("e", "H100", 8, 30_000, 2.5, new TestWorkbook.Pct(1.5), null, "Planned")
                .row("f", "H100", 8, 30_000, 2.5, 0.7, null, "Sold"));

        assertThat(problems).extracting(CellProblem::cell).containsExactly(
                "Assumptions!B1", "Fleet!C3", "Fleet!D4", "Fleet!G5", "Fleet!A6", "Fleet!F7", "Fleet!H8");
        assertThat(problems).allSatisfy(p -> assertThat(p.fileName()).isEqualTo("broken.xlsx"));
        CellProblem count = at(problems, "Fleet!C3");
        assertThat(count.sheet()).isEqualTo("Fleet");
        assertThat(count.found()).isEqualTo("'eight'");
        assertThat(count.expected()).contains("whole number of GPUs");
        assertThat(at(problems, "Fleet!D4").found()).isEqualTo("'lots'");
        assertThat(at(problems, "Fleet!G5").expected()).contains("date").contains("2023-06-01");
        assertThat(at(problems, "Fleet!A6").expected()).contains("already used in Fleet!A3");
        assertThat(at(problems, "Fleet!F7").found()).isEqualTo("'150%'");
        assertThat(at(problems, "Fleet!F7").expected()).contains("utilization").contains("0% to 100%");
        assertThat(at(problems, "Fleet!H8").expected()).isEqualTo("Owned or Planned");
        assertThat(at(problems, "Assumptions!B1").found()).isEqualTo("'ten percent'");
    }

    @Test
    void theMessageListsEveryProblemOnItsOwnLine() throws Exception {
        Path file = new TestWorkbook().sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price")
                .row("a", "H100", "x", 30_000, 2.5)
                .row("b", "H100", 8, "y", 2.5)
                .write(dir.resolve("two.xlsx"));
        WorkbookException e = catchThrowableOfType(WorkbookException.class, () -> WorkbookReader.read(file, VALUATION));

        assertThat(e.getMessage()).isEqualTo("two.xlsx has 2 problems:\n"
                + "  two.xlsx Fleet!C2: found 'x', expected a whole number of GPUs such as 8\n"
                + "  two.xlsx Fleet!D3: found 'y', expected a price per GPU such as 25,000 or $25k");
    }

    @Test
    void missingRequiredColumnsAreReportedAtTheHeaderRowWithTheHeadersFound() throws Exception {
        List<CellProblem> problems = problems(new TestWorkbook().sheet("Fleet")
                .row("Fleet as of June")
                .row("Cluster", "Model", "Notes")
                .row("a", "H100", "x"));

        assertThat(problems).extracting(CellProblem::cell).containsOnly("Fleet!A2:C2");
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.found()).isEqualTo("headers 'Cluster', 'Model', 'Notes'");
            assertThat(p.expected()).contains("'GPU count'");
        });
        assertThat(problems).anySatisfy(p -> assertThat(p.expected()).contains("'Capex per GPU'").contains("'Total capex'"));
    }

    @Test
    void aTotalCapexThatDisagreesWithCapexPerGpuIsAnError() throws Exception {
        List<CellProblem> problems = problems(new TestWorkbook().sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Total capex", "Start price")
                .row("a", "H100", 8, 30_000, 300_000, 2.5));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.cell()).isEqualTo("Fleet!E2");
            assertThat(p.found()).isEqualTo("'300000'");
            assertThat(p.expected()).contains("$240,000").contains("Fleet!D2 × Fleet!C2");
        });
    }

    @Test
    void aFormulaErrorAndAnOwnedClusterWithoutPurchaseDateAreNamedByCell() throws Exception {
        List<CellProblem> problems = problems(new TestWorkbook().sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price", "Status", "Purchase date")
                .row("a", "H100", 8, new TestWorkbook.Formula("1/0", null), 2.5, "Planned", null)
                .row("b", "H100", 8, 30_000, 2.5, "Owned", null));

        assertThat(at(problems, "Fleet!D2").found()).contains("=1/0").contains("#DIV/0!");
        assertThat(at(problems, "Fleet!G3").expected()).contains("purchase date");
    }

    @Test
    void aWorkbookWithoutAFleetSheetSaysWhichSheetsItHas() throws Exception {
        List<CellProblem> problems = problems(new TestWorkbook().sheet("Budget").row("x"));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.found()).contains("'Budget'");
            assertThat(p.expected()).contains("Fleet");
        });
    }

    @Test
    void anUnknownGpuModelWithoutStartPriceOrMarketRowIsAnError() throws Exception {
        List<CellProblem> problems = problems(new TestWorkbook().sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price")
                .row("a", "Gaudi 3", 8, 15_000, null));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.cell()).isEqualTo("Fleet!E2");
            assertThat(p.expected()).contains("Market row").contains("Gaudi 3");
        });
    }

    @Test
    void everyFieldTheModelRejectsInOneRowIsReportedAtItsOwnCell() throws Exception {
        List<CellProblem> problems = problems(new TestWorkbook().sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price", "PUE", "Utilization", "Residual value")
                .row("a", "H100", 8, -30_000, 2.5, 0.8, new TestWorkbook.Pct(1.2), new TestWorkbook.Pct(0.1)));

        assertThat(problems).extracting(CellProblem::cell).containsExactly("Fleet!D2", "Fleet!F2", "Fleet!G2");
        assertThat(at(problems, "Fleet!F2").expected()).contains("PUE").contains("1.0 to 5.0");
    }

    @Test
    void aFormulaIsShownWithItsResultWhenItsValueIsWrong() throws Exception {
        List<CellProblem> problems = problems(new TestWorkbook().sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price")
                .row("cached", "H100", new TestWorkbook.Formula("5/2", 2.5), 30_000, 2.5)
                .row("uncached", "H100", new TestWorkbook.Formula("7/2", null), 30_000, 2.5));

        assertThat(at(problems, "Fleet!C2").found()).isEqualTo("=5/2 → '2.5'");
        assertThat(at(problems, "Fleet!C3").found()).isEqualTo("=7/2 → '3.5'");
        assertThat(at(problems, "Fleet!C3").expected()).contains("whole number");
    }
}
