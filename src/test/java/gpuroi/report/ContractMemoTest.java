package gpuroi.report;

import gpuroi.engine.FleetResult;
import gpuroi.engine.ContractAnalysis;
import gpuroi.engine.LeaseAnalyzer;
import gpuroi.engine.PortfolioAnalysis;
import gpuroi.model.Assumptions;
import gpuroi.model.Formats;
import gpuroi.model.Lease;
import gpuroi.model.LeaseRole;
import gpuroi.model.MarketQuote;
import gpuroi.model.PricePath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

/** A memo per lessee contract, and the contracts and ranked actions in the portfolio memo, read back with PDFBox. */
class ContractMemoTest {
    private static final Assumptions ASSUMPTIONS = new Assumptions(MemoFixtures.VALUATION, "USD", 0.10, 0.10,
            new PricePath.Blended(0.5, 5), 0.10, 0.0);
    private static final List<MarketQuote> MARKET = List.of(new MarketQuote("H100 SXM", OptionalDouble.of(2.00),
            OptionalDouble.empty(), OptionalDouble.of(0.0), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()));

    @TempDir
    Path dir;

    private final MemoRenderer renderer = MemoRenderer.builtIn(Paper.A4);

    /** 10 H100s at $4.00 with 25 payments left (the first on the valuation date), 6 needed, a $200k fee: terminating is cheapest. */
    static ContractAnalysis idle() {
        Lease lease = new Lease("idle-h100", LeaseRole.LESSEE, Optional.empty(), Optional.of("NeoCloud"), "H100 SXM", 10, 4.00,
                LocalDate.of(2024, 1, 1), 48, 0, 6, true, OptionalDouble.of(200_000));
        return LeaseAnalyzer.analyze(lease, ASSUMPTIONS, MARKET);
    }

    /** All 8 GPUs needed, no fee: keeping is the only option. */
    static ContractAnalysis kept() {
        Lease lease = new Lease("kept-a100", LeaseRole.LESSEE, Optional.empty(), Optional.empty(), "H100 SXM", 8, 1.50,
                LocalDate.of(2025, 7, 1), 24, 0.25, 8, false, OptionalDouble.empty());
        return LeaseAnalyzer.analyze(lease, ASSUMPTIONS, MARKET);
    }

    @Test
    void aContractMemoPrintsTheEnginesDecisionTheThreeCostsAndTheFlipPoints() throws Exception {
        ContractAnalysis k = idle();

        byte[] pdf = renderer.contractMemo(k, Optional.empty(), ASSUMPTIONS, MemoFixtures.CONTEXT);

        String text = MemoFixtures.flatText(pdf);
        assertThat(k.decision().name()).isEqualTo("TERMINATE");
        assertThat(text).contains("idle-h100", "TERMINATE", "NeoCloud", "10 × H100 SXM at $4.00/GPU-hr")
                .contains("KEEP " + Formats.money(k.keepCost(), "USD"))
                .contains("RESELL CAPACITY " + Formats.money(k.resellCapacityCost().getAsDouble(), "USD"))
                .contains("TERMINATE " + Formats.money(k.terminateCost().getAsDouble(), "USD"))
                .contains("Monthly obligation $29,200")
                .contains("Remaining months 25")
                .contains(Formats.money(k.npvGainAtHurdle(), "USD"))
                .contains(Formats.money(k.breakEvenTerminationFee().getAsDouble(), "USD"))
                .contains("$2.00/GPU-hr: on-demand $2.00/GPU-hr from the Market sheet");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Contract memo: idle-h100");
            assertThat(document.getDocumentInformation().getSubject()).startsWith("TERMINATE: 10 × H100 SXM");
        }
    }

    @Test
    void aClosedOptionSaysWhyInsteadOfShowingACost() throws Exception {
        String text = MemoFixtures.flatText(renderer.contractMemo(kept(), Optional.empty(), ASSUMPTIONS, MemoFixtures.CONTEXT));

        assertThat(text).contains("KEEP", "closed: no idle GPUs", "closed: no termination fee in the contract");
    }

    @Test
    void thePortfolioMemoListsTheContractsAndTheRankedActions() throws Exception {
        PortfolioAnalysis portfolio = new PortfolioAnalysis(ASSUMPTIONS, List.of(MemoFixtures.analysis("worked-example")),
                List.of(idle(), kept()));

        String text = MemoFixtures.flatText(renderer.portfolioMemo(portfolio, List.of(), MemoFixtures.CONTEXT, MemoSelection.all(portfolio)));

        ContractAnalysis k = idle();
        assertThat(text).contains("Rental contracts", "idle-h100", "kept-a100")
                .contains("TERMINATE " + Formats.money(k.keepCost(), "USD") + " " + Formats.money(k.chosenCost(), "USD")
                        + " " + Formats.money(k.npvGainAtHurdle(), "USD"))
                .contains("Recommended changes, ranked")
                .contains("1 idle-h100 TERMINATE " + Formats.money(k.npvGainAtHurdle(), "USD"))
                .contains("2 worked-example RENT");
    }

    @Test
    void writingTheMemosGivesEachContractItsOwnFileAfterTheClusters() throws Exception {
        PortfolioAnalysis portfolio = new PortfolioAnalysis(ASSUMPTIONS, List.of(MemoFixtures.analysis("idle-h100")),
                List.of(idle(), kept()));

        List<Path> memos = renderer.writeAll(FleetResult.of(portfolio), MemoSelection.all(portfolio), MemoFixtures.CONTEXT, dir.resolve("memos"));

        assertThat(memos).extracting(p -> p.getFileName().toString())
                .containsExactly("portfolio.pdf", "idle-h100.pdf", "idle-h100-2.pdf", "kept-a100.pdf");
        assertThat(MemoFixtures.flatText(java.nio.file.Files.readAllBytes(memos.get(2)))).contains("Rented from NeoCloud", "TERMINATE")
                .doesNotContain("Sensitivity");
    }
}
