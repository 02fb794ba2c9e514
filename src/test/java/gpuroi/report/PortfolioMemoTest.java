package gpuroi.report;

import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.PortfolioAnalysis;
import gpuroi.engine.RoiEngine;
import gpuroi.model.Formats;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PortfolioMemoTest {
    @Test
    void thePortfolioMemoListsEveryClusterWithItsDecisionAndTheTotals() throws Exception {
        ClusterAnalysis cheap = RoiEngine.analyze(MemoFixtures.workedExample("cheap-lot").toBuilder().startPricePerGpuHour(2.60).build(),
                MemoFixtures.ASSUMPTIONS);
        ClusterAnalysis base = MemoFixtures.analysis("base-lot");
        PortfolioAnalysis portfolio = new PortfolioAnalysis(MemoFixtures.ASSUMPTIONS, List.of(base, cheap));

        String text = MemoFixtures.flatText(MemoRenderer.builtIn(Paper.A4).portfolioMemo(portfolio, MemoFixtures.CONTEXT));

        assertThat(cheap.recommendation().decision().name()).isEqualTo("BUY");
        assertThat(text).contains("base-lot 1 × H100 SXM Planned RENT 1.7% −$1,501 −$1,501 $20,000");
        assertThat(text).contains("cheap-lot 1 × H100 SXM Planned BUY " + cheap.metrics().irr().display(1));
        double npvTotal = base.metrics().npvAtHurdle() + cheap.metrics().npvAtHurdle();
        assertThat(text).contains("Total 2 GPUs " + Formats.money(npvTotal, "USD") + " " + Formats.money(npvTotal, "USD") + " $40,000");
        assertThat(text).contains("1 × RENT").contains("1 × BUY");
        assertThat(text).contains("Warnings Fleet!L2: cluster worked-example: a bare 80 was read as 80%");
    }

    @Test
    void clustersAreRankedByNpvAtTheHurdleRate() throws Exception {
        ClusterAnalysis cheap = RoiEngine.analyze(MemoFixtures.workedExample("best").toBuilder().startPricePerGpuHour(2.60).build(),
                MemoFixtures.ASSUMPTIONS);
        ClusterAnalysis worst = RoiEngine.analyze(MemoFixtures.workedExample("worst").toBuilder().startPricePerGpuHour(1.20).build(),
                MemoFixtures.ASSUMPTIONS);
        PortfolioAnalysis portfolio = new PortfolioAnalysis(MemoFixtures.ASSUMPTIONS, List.of(worst, MemoFixtures.analysis("middle"), cheap));

        String text = MemoFixtures.flatText(MemoRenderer.builtIn(Paper.A4).portfolioMemo(portfolio, MemoFixtures.CONTEXT));
        String ranking = text.substring(text.indexOf("Where capital is best kept or freed"));

        assertThat(ranking).containsSubsequence("1 best BUY", "2 middle RENT", "3 worst RENT");
    }
}
