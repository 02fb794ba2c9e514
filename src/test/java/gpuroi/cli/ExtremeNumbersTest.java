package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Numbers at the edges of a double and of sense, typed into one cell of a one-cluster fleet and
 * converted by {@code gpuroi convert}: each gives either an error naming that cell, or a converted
 * workbook, JSON and memos in which every number is finite. Never NaN, infinity or a stack trace.
 */
class ExtremeNumbersTest {
    @TempDir
    Path dir;

    /** What a case should give: an error at the cell, or results. */
    enum Outcome { ERROR_AT_CELL, RESULTS }

    private static final int GPUS = 2;
    private static final int CAPEX = 3;
    private static final int LIFE = 5;
    private static final int OPEX = 10;
    private static final int UTILIZATION = 11;
    private static final int PRICE = 12;

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("capex 1e308", CAPEX, 1e308, Outcome.ERROR_AT_CELL),
                arguments("capex 1e-308", CAPEX, 1e-308, Outcome.RESULTS),
                arguments("capex 0", CAPEX, 0, Outcome.RESULTS),
                arguments("capex text 1e999", CAPEX, "1e999", Outcome.ERROR_AT_CELL),
                arguments("capex text NaN", CAPEX, "NaN", Outcome.ERROR_AT_CELL),
                arguments("capex text Infinity", CAPEX, "Infinity", Outcome.ERROR_AT_CELL),
                arguments("capex saved as <v>NaN</v>", CAPEX, raw("NaN"), Outcome.ERROR_AT_CELL),
                arguments("capex saved as <v>INF</v>", CAPEX, raw("INF"), Outcome.ERROR_AT_CELL),
                arguments("capex saved as <v>1e999</v>", CAPEX, raw("1e999"), Outcome.ERROR_AT_CELL),
                arguments("GPUs 2,147,483,647", GPUS, 2_147_483_647, Outcome.RESULTS),
                arguments("GPUs 1e15", GPUS, 1e15, Outcome.ERROR_AT_CELL),
                arguments("GPUs saved as <v>NaN</v>", GPUS, raw("NaN"), Outcome.ERROR_AT_CELL),
                arguments("life 0", LIFE, 0, Outcome.ERROR_AT_CELL),
                arguments("life -1", LIFE, -1, Outcome.ERROR_AT_CELL),
                arguments("life 1e308", LIFE, 1e308, Outcome.ERROR_AT_CELL),
                arguments("life saved as <v>NaN</v>", LIFE, raw("NaN"), Outcome.ERROR_AT_CELL),
                arguments("utilization 0", UTILIZATION, 0, Outcome.RESULTS),
                arguments("utilization saved as <v>NaN</v>", UTILIZATION, raw("NaN"), Outcome.ERROR_AT_CELL),
                arguments("price 0", PRICE, 0, Outcome.RESULTS),
                arguments("price 1e308", PRICE, 1e308, Outcome.ERROR_AT_CELL),
                arguments("price 1e-308", PRICE, 1e-308, Outcome.RESULTS),
                arguments("other opex 1e308", OPEX, 1e308, Outcome.ERROR_AT_CELL));
    }

    private static Arguments arguments(String name, int column, Object value, Outcome outcome) {
        return Arguments.of(name, column, value, outcome);
    }

    /** A numeric cell whose saved value is this text, as a damaged or hand-made file could hold. */
    private static Consumer<XSSFCell> raw(String savedValue) {
        return cell -> {
            cell.setCellValue(1);
            cell.getCTCell().setV(savedValue);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void anExtremeNumberGivesAnErrorAtItsCellOrFiniteResults(String name, int column, Object value, Outcome expected) throws Exception {
        Object[] row = HostileFleets.cluster("edge", "H100 SXM");
        Consumer<XSSFSheet> edit = sheet -> { };
        if (value instanceof Consumer<?> setter) {
            edit = sheet -> ((Consumer<XSSFCell>) setter).accept(sheet.getRow(1).getCell(column));
        } else {
            row[column] = value;
        }
        Path input = HostileFleets.write(dir.resolve("edge.xlsx"), List.<Object[]>of(row), edit);

        CliRun run = CliRun.of("convert", "--valuation-date", "2026-01-01", input.toString(), "--json");

        assertThat(run.err()).doesNotContain("Exception", "\tat ", "internal error");
        JsonNode workbook = run.json().get("workbooks").get(0);
        HostileFleets.assertFiniteNumbers(workbook, name);
        String cell = new org.apache.poi.ss.util.CellReference(1, column).formatAsString();
        if (expected == Outcome.ERROR_AT_CELL) {
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(workbook.get("errors")).isNotEmpty().allSatisfy(error -> {
                assertThat(error.get("sheet").asText()).isEqualTo("Fleet");
                assertThat(error.get("cell").asText()).isEqualTo(cell);
            });
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files).containsExactly(input);
            }
        } else {
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(workbook.get("clusters")).hasSize(1);
            HostileFleets.assertFiniteCells(dir.resolve("edge.roi.xlsx"));
            try (Stream<Path> memos = Files.list(dir.resolve("edge.roi.memos"))) {
                assertThat(memos).hasSize(2);
            }
        }
    }
}
