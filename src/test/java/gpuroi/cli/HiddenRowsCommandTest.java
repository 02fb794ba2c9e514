package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static gpuroi.cli.WarningsJson.warningAt;
import static gpuroi.cli.WarningsJson.warningCells;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Hidden, filtered-out and collapsed rows of Fleet and Leases, in files written by openpyxl and
 * saved again by LibreOffice (src/test/fixtures/rows.py): counted with a warning each by default,
 * left out with --skip-hidden, and never passing --strict.
 */
class HiddenRowsCommandTest {
    private static final Path FOREIGN = Path.of("src/test/resources/foreign");

    // rows.py: 8 × 30,000 + 16 × 40,000 + 4 × 15,000 + 8 × 9,000 + 8 × 60,000, and the two visible rows alone.
    private static final double CAPEX_WITH_HIDDEN_ROWS = 240_000 + 640_000 + 60_000 + 72_000 + 480_000;
    private static final double CAPEX_OF_VISIBLE_ROWS = 240_000 + 60_000;

    @TempDir
    Path dir;

    private JsonNode validate(String fixture, String... extra) throws Exception {
        CliRun run = run("validate", fixture, extra);
        assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
        return run.json().get("workbooks").get(0);
    }

    private CliRun run(String command, String fixture, String... extra) throws Exception {
        Path copy = Files.copy(FOREIGN.resolve(fixture), dir.resolve(fixture));
        List<String> args = new ArrayList<>(List.of(command, copy.toString(), "--json", "--valuation-date", "2026-01-01"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static List<String> ids(JsonNode workbook, String list, String field) {
        List<String> ids = new ArrayList<>();
        workbook.get(list).forEach(n -> ids.add(field.isEmpty() ? n.asText() : n.at(field).asText()));
        return ids;
    }

    @ParameterizedTest
    @ValueSource(strings = {"rows-hidden.xlsx", "rows-hidden-libreoffice.xlsx"})
    void hiddenFilteredOutAndCollapsedRowsAreCountedByDefaultWithAWarningNamingEachRow(String fixture) throws Exception {
        JsonNode workbook = validate(fixture);

        assertThat(ids(workbook, "clusters", "/id")).containsExactly("h100-a", "h100-old", "a100-b", "l40s-c", "b200-plan");
        // The contracts list holds the lessee contracts; lessor contracts are in their clusters' figures.
        assertThat(ids(workbook, "contracts", "/id")).containsExactly("cloud-rent");
        assertThat(workbook.at("/portfolio/totalCapex").asDouble()).isCloseTo(CAPEX_WITH_HIDDEN_ROWS, within(1e-6));
        assertThat(workbook.at("/portfolio/plannedCapex").asDouble()).isCloseTo(8 * 60_000, within(1e-6));
        assertThat(warningCells(workbook)).containsExactly("Fleet!A3", "Fleet!A5", "Fleet!A6", "Leases!A4");
        assertThat(warningAt(workbook, "Fleet", "A3")).isEqualTo("row 3 is hidden or filtered out (the sheet has an AutoFilter)"
                + " (cluster h100-old); it is counted — unhide it, delete it, or run with --skip-hidden to leave it out");
        assertThat(warningAt(workbook, "Fleet", "A5")).startsWith("row 5 is hidden or filtered out (the sheet has an AutoFilter) (cluster l40s-c)");
        assertThat(warningAt(workbook, "Fleet", "A6")).startsWith("row 6 is hidden in a collapsed outline group (cluster b200-plan); it is counted");
        assertThat(warningAt(workbook, "Leases", "A4")).isEqualTo("row 4 is hidden (contract cloud-rent); it is counted"
                + " — unhide it, delete it, or run with --skip-hidden to leave it out");
    }

    @Test
    void countedHiddenRowsGiveTheFiguresOfTheSameWorkbookWithNothingHidden() throws Exception {
        JsonNode hidden = validate("rows-hidden.xlsx");
        JsonNode visible = validate("rows-visible.xlsx");

        assertThat(warningCells(visible)).isEmpty();
        assertThat(hidden.get("clusters")).isEqualTo(visible.get("clusters"));
        assertThat(hidden.get("contracts")).isEqualTo(visible.get("contracts"));
        assertThat(hidden.get("portfolio")).isEqualTo(visible.get("portfolio"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rows-hidden.xlsx", "rows-hidden-libreoffice.xlsx"})
    void skipHiddenGivesTheFiguresOfTheWorkbookWithoutThoseRowsAndSaysWhatWasLeftOut(String fixture) throws Exception {
        JsonNode skipped = validate(fixture, "--skip-hidden");
        JsonNode without = validate("rows-without.xlsx");

        assertThat(ids(skipped, "clusters", "/id")).containsExactly("h100-a", "a100-b");
        assertThat(ids(skipped, "contracts", "/id")).isEmpty();
        assertThat(skipped.at("/portfolio/totalCapex").asDouble()).isCloseTo(CAPEX_OF_VISIBLE_ROWS, within(1e-6));
        assertThat(skipped.get("clusters")).isEqualTo(without.get("clusters"));
        assertThat(skipped.get("contracts")).isEqualTo(without.get("contracts"));
        assertThat(skipped.get("portfolio")).isEqualTo(without.get("portfolio"));
        assertThat(warningCells(skipped)).containsExactly("Fleet!A3", "Fleet!A5", "Fleet!A6", "Leases!C3", "Leases!A4");
        assertThat(warningAt(skipped, "Fleet", "A3")).isEqualTo(
                "row 3 is hidden or filtered out (the sheet has an AutoFilter) (cluster h100-old); left out (--skip-hidden)");
        assertThat(warningAt(skipped, "Leases", "A4")).isEqualTo("row 4 is hidden (contract cloud-rent); left out (--skip-hidden)");
        assertThat(warningAt(skipped, "Leases", "C3")).isEqualTo("contract beta-old rents out cluster h100-old, whose Fleet row"
                + " (Fleet!A3) is hidden and left out by --skip-hidden; the contract is left out too");
    }

    @Test
    void strictFailsWithExitCodeOneOnHiddenRowsWhetherCountedOrLeftOut() throws Exception {
        CliRun counted = run("convert", "rows-hidden.xlsx", "--strict", "--no-memos");
        assertThat(counted.exitCode()).as(counted.err()).isEqualTo(ExitCodes.WARNINGS);
        assertThat(dir.resolve("rows-hidden.roi.xlsx")).doesNotExist();

        CliRun validated = CliRun.of("validate", dir.resolve("rows-hidden.xlsx").toString(), "--strict", "--skip-hidden");
        assertThat(validated.exitCode()).isEqualTo(ExitCodes.WARNINGS);
        assertThat(validated.out()).contains("warning: Fleet!A3: row 3 is hidden").contains("left out (--skip-hidden)");
    }

    @Test
    void theTextOutputListsEachHiddenRowAsAWarning() throws Exception {
        Path copy = Files.copy(FOREIGN.resolve("rows-hidden.xlsx"), dir.resolve("rows-hidden.xlsx"));
        CliRun run = CliRun.of("validate", copy.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("warning: Fleet!A3: row 3 is hidden", "warning: Fleet!A5: row 5 is hidden",
                "warning: Fleet!A6: row 6 is hidden in a collapsed outline group", "warning: Leases!A4: row 4 is hidden");
    }

    @Test
    void watchSkipHiddenLeavesTheHiddenRowsOutOfEachDroppedWorkbook() throws Exception {
        Files.createDirectories(dir.resolve("inbox"));
        Files.copy(FOREIGN.resolve("rows-hidden.xlsx"), dir.resolve("inbox/fleet.xlsx"));

        CliRun run = WatchOnceTest.once(dir, "--no-memos", "--skip-hidden");

        assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
        assertThat(run.out()).contains("2 clusters").contains("5 warnings");
    }

    @Test
    void helpMentionsSkipHiddenOnConvertValidateAndWatch() {
        for (String command : List.of("convert", "validate", "watch")) {
            CliRun help = CliRun.of(command, "--help");
            assertThat(help.out()).as(command).contains("--skip-hidden");
        }
    }
}
