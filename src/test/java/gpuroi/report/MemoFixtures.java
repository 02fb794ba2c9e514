package gpuroi.report;

import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.PortfolioAnalysis;
import gpuroi.engine.RoiEngine;
import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/** The worked example of shared/spec/worked-example.md, and helpers to read memos back. */
final class MemoFixtures {
    static final LocalDate VALUATION = LocalDate.of(2026, 1, 1);
    static final Assumptions ASSUMPTIONS = Assumptions.defaults(VALUATION);
    static final MemoContext CONTEXT = new MemoContext("fleet.xlsx",
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "0.1.0-test",
            List.of(new SourceNote("catalog", "Fleet!M2", "cluster worked-example: Power per GPU not given; used 1 kW from the built-in catalog"),
                    new SourceNote("warning", "Fleet!L2", "cluster worked-example: a bare 80 was read as 80%")));

    private MemoFixtures() {
    }

    /** The cluster of {@code shared/spec/worked-example.md}, under another id. */
    static Cluster workedExample(String id) {
        return gpuroi.engine.WorkedExampleTest.workedExample(id).build();
    }

    static ClusterAnalysis analysis(String id) {
        return RoiEngine.analyze(workedExample(id), ASSUMPTIONS);
    }

    static PortfolioAnalysis portfolio(String... ids) {
        return new PortfolioAnalysis(ASSUMPTIONS, java.util.Arrays.stream(ids).map(MemoFixtures::analysis).toList());
    }

    static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text with line breaks and repeated spaces folded, so phrases can be found across wrapped lines. */
    static String flatText(byte[] pdf) {
        return text(pdf).replaceAll("\\s+", " ").replace("- ", "-");
    }
}
