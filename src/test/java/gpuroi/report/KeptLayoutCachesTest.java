package gpuroi.report;

import java.util.Optional;
import gpuroi.engine.SensitivityFigures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A render thread keeps its parsed style sheets and resolved fonts from one memo to the next; a memo comes out byte for
 * byte as a thread that never rendered anything before makes it, whatever that thread rendered earlier, and an edited
 * style sheet is never served the parse of another text.
 */
class KeptLayoutCachesTest {
    @TempDir
    Path dir;

    @Test
    void aMemoRenderedAfterOthersOnTheSameThreadIsTheMemoAFreshThreadRenders() throws Exception {
        MemoRenderer builtIn = MemoRenderer.builtIn(Paper.A4);
        MemoRenderer letter = MemoRenderer.builtIn(Paper.LETTER);
        MemoRenderer edited = MemoRenderer.fromDirectory(editedTemplates(), Paper.A4);
        Callable<byte[]> cluster = () -> builtIn.clusterMemo(MemoFixtures.analysis("worked-example"), SensitivityFigures.of(MemoFixtures.analysis("worked-example")), Optional.empty(), MemoFixtures.ASSUMPTIONS, MemoFixtures.CONTEXT);
        Callable<byte[]> editedCluster = () -> edited.clusterMemo(MemoFixtures.analysis("worked-example"), SensitivityFigures.of(MemoFixtures.analysis("worked-example")), Optional.empty(), MemoFixtures.ASSUMPTIONS, MemoFixtures.CONTEXT);
        Callable<byte[]> letterPortfolio = () -> letter.portfolioMemo(MemoFixtures.portfolio("a", "b"), List.of(), MemoFixtures.CONTEXT, MemoSelection.all(MemoFixtures.portfolio("a", "b")));

        byte[] clusterFresh = onAFreshThread(cluster);
        byte[] editedFresh = onAFreshThread(editedCluster);
        byte[] letterFresh = onAFreshThread(letterPortfolio);
        List<byte[]> afterOthers = onAFreshThread(() -> List.of(cluster.call(), letterPortfolio.call(), editedCluster.call(),
                cluster.call(), editedCluster.call(), letterPortfolio.call()));

        assertThat(sha256(editedFresh)).as("the edited style sheet makes another memo").isNotEqualTo(sha256(clusterFresh));
        assertThat(sha256(afterOthers.get(0))).isEqualTo(sha256(clusterFresh));
        assertThat(sha256(afterOthers.get(1))).isEqualTo(sha256(letterFresh));
        assertThat(sha256(afterOthers.get(2))).isEqualTo(sha256(editedFresh));
        assertThat(sha256(afterOthers.get(3))).isEqualTo(sha256(clusterFresh));
        assertThat(sha256(afterOthers.get(4))).isEqualTo(sha256(editedFresh));
        assertThat(sha256(afterOthers.get(5))).isEqualTo(sha256(letterFresh));
    }

    /** A copy of the built-in templates whose headings are larger. */
    private Path editedTemplates() throws Exception {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        try (Stream<Path> files = Files.list(Path.of("templates"))) {
            for (Path file : files.toList()) {
                Files.copy(file, templates.resolve(file.getFileName()));
            }
        }
        Path css = templates.resolve("memo.css");
        String text = Files.readString(css);
        assertThat(text).contains("h1 { font-size: 17pt;");
        Files.writeString(css, text.replace("h1 { font-size: 17pt;", "h1 { font-size: 24pt;"));
        return templates;
    }

    /** Compared by digest, so a failure prints two lines rather than two PDFs. */
    private static String sha256(byte[] pdf) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf));
    }

    private static <T> T onAFreshThread(Callable<T> work) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            return thread.submit(work).get();
        } finally {
            thread.shutdown();
        }
    }
}
