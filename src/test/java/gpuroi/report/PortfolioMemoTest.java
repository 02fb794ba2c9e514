package gpuroi.report;

import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.PortfolioAnalysis;
import gpuroi.engine.RoiEngine;
import gpuroi.model.ClusterStatus;
import gpuroi.model.Formats;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PortfolioMemoTest {
    @Test
    void thePortfolioMemoListsEveryClusterWithItsDecisionAndTheTotals() throws Exception {
        ClusterAnalysis cheap = RoiEngine.analyze(MemoFixtures.workedExample("cheap-lot").toBuilder().startPricePerGpuHour(2.60).build(),
                MemoFixtures.ASSUMPTIONS);
        ClusterAnalysis base = MemoFixtures.analysis("base-lot");
        PortfolioAnalysis portfolio = new PortfolioAnalysis(MemoFixtures.ASSUMPTIONS, List.of(base, cheap));

        String text = MemoFixtures.flatText(MemoRenderer.builtIn(Paper.A4).portfolioMemo(portfolio, List.of(), MemoFixtures.CONTEXT, MemoSelection.all(portfolio)));

        assertThat(cheap.recommendation().decision().name()).isEqualTo("BUY");
        // Value from today: RENT buys nothing ($0); BUY is worth its NPV at the hurdle. Then IRR and NPV since purchase.
        assertThat(text).contains("base-lot 1 × H100 SXM Planned RENT $0 1.7% −$1,501 $20,000");
        assertThat(text).contains("cheap-lot 1 × H100 SXM Planned BUY " + Formats.money(cheap.metrics().npvAtHurdle(), "USD") + " "
                + cheap.metrics().irr().display(1));
        double npvTotal = base.metrics().npvAtHurdle() + cheap.metrics().npvAtHurdle();
        assertThat(text).contains("Total 2 GPUs " + Formats.money(cheap.metrics().npvAtHurdle(), "USD") + " "
                + Formats.money(npvTotal, "USD") + " $40,000");
        assertThat(text).contains("1 × RENT").contains("1 × BUY");
        assertThat(text).contains("Warnings Fleet!L2: cluster worked-example: a bare 80 was read as 80%");
    }

    @Test
    void clustersAreRankedByWhatTheirDecisionDoesWithCapitalThenByTheGainOverTheAlternative() throws Exception {
        ClusterAnalysis cheap = RoiEngine.analyze(MemoFixtures.workedExample("best").toBuilder().startPricePerGpuHour(2.60).build(),
                MemoFixtures.ASSUMPTIONS);
        ClusterAnalysis worst = RoiEngine.analyze(MemoFixtures.workedExample("worst").toBuilder().startPricePerGpuHour(1.20).build(),
                MemoFixtures.ASSUMPTIONS);
        PortfolioAnalysis portfolio = new PortfolioAnalysis(MemoFixtures.ASSUMPTIONS, List.of(worst, MemoFixtures.analysis("middle"), cheap));

        String text = MemoFixtures.flatText(MemoRenderer.builtIn(Paper.A4).portfolioMemo(portfolio, List.of(), MemoFixtures.CONTEXT, MemoSelection.all(portfolio)));
        String ranking = text.substring(text.indexOf("What the decisions do with capital"));

        // Capital to commit first; then capital not to commit, the larger loss avoided (worst, NPV further below 0) first.
        assertThat(ranking).containsSubsequence("1 best BUY $20,000", "commit $20,000 of capex: owning is worth",
                "2 worst RENT $20,000", "do not commit $20,000: bought, its NPV at the hurdle would be", "3 middle RENT");
        assertThat(text).doesNotContain("capital earns more than the hurdle");
    }

    @Test
    void aClusterPastItsUsefulLifeHasNothingLeftToFreeAndIsNotARecommendedChange() throws Exception {
        // The worked example's 24 months from 2023-06-01 ended on 2025-06-01, before the 2026-01-01 valuation date.
        ClusterAnalysis finished = RoiEngine.analyze(MemoFixtures.workedExample("finished").toBuilder().status(ClusterStatus.OWNED)
                .startDate(LocalDate.of(2023, 6, 1)).secondaryPricePerGpu(5_000.0).build(), MemoFixtures.ASSUMPTIONS);
        PortfolioAnalysis portfolio = new PortfolioAnalysis(MemoFixtures.ASSUMPTIONS, List.of(finished));

        String text = MemoFixtures.flatText(MemoRenderer.builtIn(Paper.A4).portfolioMemo(portfolio, List.of(), MemoFixtures.CONTEXT, MemoSelection.all(portfolio)));

        assertThat(finished.recommendation().decision().name()).isEqualTo("RESELL");
        String ranking = text.substring(text.indexOf("What the decisions do with capital"));
        assertThat(ranking).contains("1 finished RESELL $0 $0 n/a nothing left to free: its useful life has ended");
        assertThat(text.substring(text.indexOf("Recommended changes, ranked")))
                .contains("None: every cluster and contract is best left as it is.");
    }
}
