package gpuroi.report;

import gpuroi.engine.PortfolioAnalysis;
import gpuroi.engine.FleetResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Cluster ids come from a spreadsheet; the memo files they name stay in their folder and never collide. */
class MemoFilesTest {
    @TempDir
    Path dir;

    @Test
    void hostileIdsGiveSafeDistinctNames() {
        MemoFiles names = new MemoFiles();
        List<String> given = Stream.of("../../etc/x", "CON", "a/b", "a_b", "x:y", "A_B", "..", "", "nul.txt", "portfolio")
                .map(id -> names.nameFor(id, ".pdf")).toList();

        assertThat(given).doesNotHaveDuplicates();
        assertThat(given.stream().map(String::toLowerCase).distinct()).hasSize(given.size());
        assertThat(given).allSatisfy(name -> {
            assertThat(name).matches("[A-Za-z0-9_][A-Za-z0-9._-]*\\.pdf");
            assertThat(name).doesNotContain("/", "\\", ":", "..");
        });
        assertThat(given.get(0)).isEqualTo("etc_x.pdf");
        assertThat(given.get(1)).isEqualTo("_CON.pdf");
        assertThat(given.get(2)).isEqualTo("a_b.pdf");
        assertThat(given.get(3)).isEqualTo("a_b-2.pdf");
    }

    @Test
    void memosForHostileIdsAreAllWrittenInsideTheFolder() throws Exception {
        Path folder = dir.resolve("fleet.memos");
        PortfolioAnalysis portfolio = MemoFixtures.portfolio("../../etc/x", "CON", "a/b", "x:y", "portfolio");
        List<Path> written = MemoRenderer.builtIn(Paper.A4).writeAll(FleetResult.of(portfolio), MemoSelection.all(portfolio),
                MemoFixtures.CONTEXT, folder);

        assertThat(written).hasSize(6);
        assertThat(written).allSatisfy(p -> {
            assertThat(p.getParent()).isEqualTo(folder);
            assertThat(Files.size(p)).isPositive();
        });
        assertThat(written.get(0).getFileName().toString()).isEqualTo(MemoRenderer.PORTFOLIO_FILE);
        assertThat(written.get(5).getFileName().toString()).isEqualTo("portfolio-2.pdf");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).hasSize(6).noneMatch(n -> n.endsWith(".tmp"));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(folder);
        }
    }
}
