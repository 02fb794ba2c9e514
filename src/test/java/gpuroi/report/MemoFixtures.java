package gpuroi.report;

import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.PortfolioAnalysis;
import gpuroi.engine.RoiEngine;
import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.PricePath;
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

    static Cluster workedExample(String id) {
        return Cluster.builder(id)
                .gpuModel("H100 SXM")
                .gpuCount(1)
                .capexPerGpu(20_000)
                .lifeYears(2)
                .status(ClusterStatus.PLANNED)
                .startPricePerGpuHour(2.00)
                .pricePath(new PricePath.Blended(0.5, 2))
                .utilization(0.80)
                .powerKwPerGpu(1.0)
                .pue(1.25)
                .electricityPerKwh(0.10)
                .otherOpexPerGpuMonth(20)
                .residualShare(0.10)
                .build();
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
