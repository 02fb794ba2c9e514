package gpuroi.report;

import java.util.Optional;
import gpuroi.engine.SensitivityFigures;
import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.HoldFigures;
import gpuroi.engine.RoiEngine;
import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.Formats;
import gpuroi.model.PricePath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An owned cluster's memo argues HOLD/RESELL with the figures from the valuation date: the value of holding, the sale,
 * the IRR of holding and the margins to the flip; the whole-life figures follow, labelled since purchase, and the
 * tornado has no bar for the capex already spent. The mid-life cluster of the engine's hand-computed hold test.
 */
class OwnedClusterMemoTest {
    static final Assumptions ASSUMPTIONS = new Assumptions(LocalDate.of(2025, 1, 16), "USD", 0.08, 0.10,
            PricePath.ARTICLE_BLENDED, 0.10, 0.05);

    static Cluster owned() {
        return Cluster.builder("mid-life").gpuModel("H100 SXM").status(ClusterStatus.OWNED).startDate(LocalDate.of(2024, 1, 1))
                .gpuCount(10).capexPerGpu(20_000).lifeMonths(36).startPricePerGpuHour(2.00).pricePath(new PricePath.Flat())
                .utilization(0.7).powerKwPerGpu(1.0).pue(1.0).electricityPerKwh(0.10).otherOpexPerGpuMonth(50)
                .residualShare(0.2).secondaryPricePerGpu(15_000.0).build();
    }

    @Test
    void theKeyFiguresLeadWithHoldingAndLabelTheWholeLifeOnesSincePurchase() throws Exception {
        ClusterAnalysis analysis = RoiEngine.analyze(owned(), ASSUMPTIONS);
        HoldFigures hold = analysis.metrics().hold().orElseThrow();
        String text = MemoFixtures.flatText(MemoRenderer.builtIn(Paper.A4).clusterMemo(analysis, SensitivityFigures.of(analysis), Optional.empty(), ASSUMPTIONS, MemoFixtures.CONTEXT));

        int holdRow = text.indexOf("Value of holding, at 10.0% " + Formats.money(hold.holdValue(), "USD"));
        assertThat(holdRow).isPositive();
        assertThat(text).contains("Sale now, net of fees $142,500");
        assertThat(text).contains("IRR of holding " + hold.holdIrr().display(1));
        assertThat(text.indexOf("IRR since purchase (realized + expected)")).isGreaterThan(holdRow);
        assertThat(text).contains("NPV at 10.0% since purchase (realized + expected) " + Formats.money(analysis.metrics().npvAtHurdle(), "USD"));
        assertThat(text).doesNotContain("before owning stops paying");
        // HOLD: every price from now on could fall by the engine's named margin before selling wins.
        assertThat(text).contains("could fall " + Formats.percent(-hold.startPriceMoveToFlip(owned()).getAsDouble(), 1) + " before selling wins");
    }

    @Test
    void withoutASecondaryPriceTheSaleRowSaysItWasNotAssessedRatherThanNamingAFeeOnNothing() throws Exception {
        Cluster unpriced = owned().toBuilder().secondaryPricePerGpu(null).build();
        ClusterAnalysis analysis = RoiEngine.analyze(unpriced, ASSUMPTIONS);
        String text = MemoFixtures.flatText(MemoRenderer.builtIn(Paper.A4).clusterMemo(analysis, SensitivityFigures.of(analysis),
                Optional.empty(), ASSUMPTIONS, MemoFixtures.CONTEXT));

        assertThat(text).contains("Sale now, net of fees no secondary price not assessed: the Fleet sheet gives no secondary price per GPU")
                .doesNotContain("no secondary price less the");
    }

    @Test
    void thePriceAndCashFlowChartsSayTheyRunSincePurchaseAndWhereTheValuationDateFalls() throws Exception {
        String text = MemoFixtures.flatText(MemoRenderer.builtIn(Paper.A4).clusterMemo(RoiEngine.analyze(owned(), ASSUMPTIONS), SensitivityFigures.of(RoiEngine.analyze(owned(), ASSUMPTIONS)), Optional.empty(), ASSUMPTIONS, MemoFixtures.CONTEXT));

        assertThat(text).contains("Rental price against the cost of owning, since purchase (realized + expected)")
                .contains("Cumulative cash flow, since purchase (realized + expected)")
                .contains("The dashed line marks the valuation date (2025-01-16): months to its left are realized")
                .contains("realized ← valuation date 2025-01-16 → expected")
                .contains("Levelized cost").contains("/GPU-hr since purchase");
    }

    @Test
    void theTornadoMovesHoldingLessSellingAndHasNoCapexBar() throws Exception {
        ClusterAnalysis analysis = RoiEngine.analyze(owned(), ASSUMPTIONS);
        String text = MemoFixtures.flatText(MemoRenderer.builtIn(Paper.A4).clusterMemo(analysis, SensitivityFigures.of(analysis), Optional.empty(), ASSUMPTIONS, MemoFixtures.CONTEXT));
        assertThat(text).contains("What moves holding against selling most").contains("moves hold value minus sale")
                .contains("Secondary price per GPU $12,000–$18,000")
                .doesNotContain("Capex per GPU $16,000–$24,000");
    }
}
