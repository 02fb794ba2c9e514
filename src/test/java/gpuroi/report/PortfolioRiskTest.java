package gpuroi.report;

import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.MonteCarlo;
import gpuroi.engine.PortfolioAnalysis;
import gpuroi.engine.RiskProfile;
import gpuroi.engine.RoiEngine;
import gpuroi.model.Formats;
import gpuroi.model.Portfolio;
import gpuroi.model.RiskInputs;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The portfolio memo's Risk table: every cluster with its profile's figures, the shakiest first, and one sentence on how decisions hold. */
class PortfolioRiskTest {
    private final PortfolioAnalysis portfolio = new PortfolioAnalysis(MemoFixtures.ASSUMPTIONS, List.of(
            MemoFixtures.analysis("base-lot"),
            RoiEngine.analyze(MemoFixtures.workedExample("rich-lot").toBuilder().startPricePerGpuHour(2.80).build(), MemoFixtures.ASSUMPTIONS),
            RoiEngine.analyze(MemoFixtures.workedExample("near-lot").toBuilder().startPricePerGpuHour(2.20).build(), MemoFixtures.ASSUMPTIONS)));

    private List<RiskProfile> risks() {
        return risks(portfolio, RiskInputs.defaults(7).withPaths(500));
    }

    /** The Monte Carlo of the analysed clusters as one portfolio, each cluster drawing its own streams. */
    private static List<RiskProfile> risks(PortfolioAnalysis analysed, RiskInputs inputs) {
        Portfolio clusters = new Portfolio(MemoFixtures.ASSUMPTIONS, analysed.clusters().stream().map(ClusterAnalysis::cluster).toList(),
                List.of(), List.of());
        return MonteCarlo.analyze(clusters, MemoFixtures.ASSUMPTIONS, cluster -> inputs);
    }

    @Test
    void everyClusterIsListedWithItsProfilesFiguresHighestOddsOfLossFirst() throws Exception {
        List<RiskProfile> risks = risks();
        String text = MemoFixtures.flatText(MemoRenderer.builtIn(Paper.A4).portfolioMemo(portfolio, risks, MemoFixtures.CONTEXT, MemoSelection.all(portfolio)));
        String table = text.substring(text.indexOf("Beats hurdle"));

        List<String> expectedRows = new ArrayList<>();
        risks.stream()
                .sorted(Comparator.comparingDouble((RiskProfile r) -> -r.probabilityOfLoss()).thenComparingDouble(r -> r.npv().p5()))
                .forEach(r -> expectedRows.add(r.clusterId() + " " + r.baseDecision().name() + " " + Formats.money(r.npv().p5(), "USD") + " "
                        + Formats.money(r.npv().p50(), "USD") + " " + Formats.money(r.npv().p95(), "USD") + " "
                        + Formats.percent(r.probabilityOfLoss(), 0) + " " + Formats.percent(r.probabilityOfBeatingHurdle(), 0) + " "
                        + Formats.percent(r.decisionFlipShare(), 0)));
        assertThat(table).containsSubsequence(expectedRows);
        assertThat(table).contains("500 paths per cluster, plain Monte Carlo sampler, seed 7");

        long holding = risks.stream().filter(r -> r.decisionFlipShare() <= 0.10).count();
        assertThat(holding).as("the near-break-even lot is fragile").isLessThan(3);
        assertThat(text).contains(holding + " of 3 clusters' decisions hold in at least 90% of paths");
        RiskProfile nearLot = risks.get(2);
        assertThat(text).contains("near-lot (" + nearLot.baseDecision().name() + ") flips in " + Formats.percent(nearLot.decisionFlipShare(), 0));
    }

    @Test
    void withoutAMonteCarloThePortfolioMemoHasNoRiskTable() throws Exception {
        String text = MemoFixtures.flatText(MemoRenderer.builtIn(Paper.A4).portfolioMemo(portfolio, List.of(), MemoFixtures.CONTEXT, MemoSelection.all(portfolio)));

        assertThat(text).doesNotContain("Beats hurdle").doesNotContain("paths");
        assertThat(text).contains("Recommended changes, ranked");
    }

    @Test
    void theSameSeedGivesAByteIdenticalPortfolioMemo() throws Exception {
        byte[] first = MemoRenderer.builtIn(Paper.A4).portfolioMemo(portfolio, risks(), MemoFixtures.CONTEXT, MemoSelection.all(portfolio));

        assertThat(MemoRenderer.builtIn(Paper.A4).portfolioMemo(portfolio, risks(), MemoFixtures.CONTEXT, MemoSelection.all(portfolio))).isEqualTo(first);
    }

    @Test
    void anOwnedClustersRowIsMarkedAsSincePurchase() throws Exception {
        ClusterAnalysis owned = RoiEngine.analyze(MemoFixtures.workedExample("old-lot").toBuilder()
                .status(gpuroi.model.ClusterStatus.OWNED).startDate(MemoFixtures.VALUATION.minusMonths(6)).build(), MemoFixtures.ASSUMPTIONS);
        PortfolioAnalysis withOwned = new PortfolioAnalysis(MemoFixtures.ASSUMPTIONS, List.of(MemoFixtures.analysis("base-lot"), owned));
        List<RiskProfile> risks = risks(withOwned, RiskInputs.defaults(7).withPaths(200));

        String text = MemoFixtures.flatText(MemoRenderer.builtIn(Paper.A4).portfolioMemo(withOwned, risks, MemoFixtures.CONTEXT, MemoSelection.all(withOwned)));
        String table = text.substring(text.indexOf("Beats hurdle"));

        assertThat(table).contains("old-lot * " + owned.recommendation().decision().name() + " ")
                .contains("base-lot " + withOwned.clusters().get(0).recommendation().decision().name() + " ")
                .contains("* Owned: NPV, loss and beats hurdle since purchase (realized + expected");
    }
}
