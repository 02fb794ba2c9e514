package gpuroi.pipeline;

import gpuroi.report.MemoRenderer;
import gpuroi.report.Paper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled sample end to end: the reader's notes reach each memo's sources, and every cluster gets its memo. */
class SampleMemosTest {
    @TempDir
    Path dir;

    private static String text(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ").replace("- ", "-");
        }
    }

    @Test
    void theMixedFleetGetsAPortfolioMemoAndOneMemoPerClusterWithCatalogValuesAttributed() throws Exception {
        Conversion.Options options = Conversion.Options.at(LocalDate.of(2026, 6, 1), Optional.empty(), "test");
        JobOutcome outcome = ConversionJob.run(Path.of("samples/mixed-fleet.xlsx"), options,
                ConversionJob.Plan.write(dir.resolve("mixed-fleet.roi.xlsx")).withMemos(MemoRenderer.builtIn(Paper.A4), dir, OptionalInt.empty()));
        Conversion.Analyzed sample = outcome.analyzed().orElseThrow();
        List<Path> memos = outcome.memos();

        assertThat(memos).extracting(p -> p.getFileName().toString()).containsExactly(
                "portfolio.pdf", "h100-2023.pdf", "a100-lot.pdf", "h200-plan.pdf", "b200-plan.pdf", "l40s-inference.pdf",
                "bigcloud-reserved-2023.pdf", "neocloud-h200.pdf", "gpulist-a100-2024.pdf");
        String portfolio = text(memos.get(0));
        for (var cluster : sample.analysis().clusters()) {
            assertThat(portfolio).contains(cluster.cluster().id() + " ").contains(cluster.recommendation().decision().name());
        }
        for (var contract : sample.analysis().contracts()) {
            assertThat(portfolio).contains(contract.contract().contractId() + " ");
            assertThat(text(dir.resolve(contract.contract().contractId() + ".pdf")))
                    .contains(contract.decision().name().replace('_', ' '));
        }
        String b200 = text(dir.resolve("b200-plan.pdf"));
        assertThat(b200).containsPattern("Start rental price \\$6\\.00/GPU-hr catalog \\(Fleet![A-Z]+[0-9]+\\): cluster b200-plan");
        assertThat(b200).doesNotContain("read but not applied");
        // The sample's Assumptions ask for 1000 Monte Carlo runs: they now apply, and the memo says so.
        assertThat(sample.risks()).hasSize(sample.analysis().clusters().size());
        assertThat(b200).containsPattern("IRR falls below the [0-9.]+% hurdle in [0-9]+% of 1,000 paths");
        assertThat(b200).containsPattern("1,000 paths \\(plain Monte Carlo sampler, seed -?[0-9]+\\)");
        assertThat(portfolio).contains("Beats hurdle");
        assertThat(b200).contains("SHA-256 of the source: " + sample.inputSha256());
    }
}
