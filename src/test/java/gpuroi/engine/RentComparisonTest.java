package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.MarketQuote;
import gpuroi.model.Portfolio;
import gpuroi.model.PricePath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A planned single H100 for 12 months at 50% utilization bills 12 × 365 = 4,380 GPU-hours. At its own
 * $1.00/GPU-hr it cannot pay back $20,000, so the answer is RENT; renting those hours costs
 * 4,380 × $2.00 = $8,760 on demand (Market sheet, flat) or 4,380 × $1.50 = $6,570 reserved.
 */
class RentComparisonTest {
    static final LocalDate VALUATION = LocalDate.of(2026, 1, 1);
    static final List<MarketQuote> MARKET = List.of(new MarketQuote("H100", OptionalDouble.of(2.00), OptionalDouble.of(1.50),
            OptionalDouble.of(0.0), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()));

    static Cluster planned() {
        return Cluster.builder("maybe").gpuModel("H100 SXM").gpuCount(1).capexPerGpu(20_000).lifeMonths(12)
                .utilization(0.5).startPricePerGpuHour(1.00).pricePath(new PricePath.Flat()).build();
    }

    static Assumptions at(double hurdle) {
        return new Assumptions(VALUATION, "USD", hurdle, hurdle, PricePath.ARTICLE_BLENDED, 0, 0);
    }

    @Test
    void aRentDecisionStatesWhatRentingTheSameGpuHoursCostsOnDemandAndReserved() {
        ClusterAnalysis a = RoiEngine.analyze(planned(), at(0), List.of(), MARKET);

        assertThat(a.recommendation().decision()).isEqualTo(Decision.RENT);
        assertThat(a.metrics().rentingCostOnDemandAtHurdle().getAsDouble()).isCloseTo(8_760, within(1e-6));
        assertThat(a.metrics().rentingCostReservedAtHurdle().getAsDouble()).isCloseTo(6_570, within(1e-6));
        assertThat(a.metrics().owningCostAtHurdle()).isCloseTo(20_000, within(1e-9));
        assertThat(a.recommendation().reason()).endsWith(" Renting the same 4,380 GPU-hours would cost $8,760 on demand"
                + " (from $2.00/GPU-hr, Market sheet) or $6,570 reserved at $1.50/GPU-hr, against $20,000 to own,"
                + " all at the 0.0% hurdle.");
    }

    @Test
    void rentingCostsAreDiscountedAtTheHurdleLikeEveryOtherMonthEndFlow() {
        double v = Math.pow(1.12, -1.0 / 12);
        double annuity = v * (1 - Math.pow(v, 12)) / (1 - v);

        ClusterAnalysis a = RoiEngine.analyze(planned(), at(0.12), List.of(), MARKET);

        assertThat(a.metrics().rentingCostOnDemandAtHurdle().getAsDouble()).isCloseTo(365 * 2.00 * annuity, within(1e-6));
        assertThat(a.metrics().rentingCostReservedAtHurdle().getAsDouble()).isCloseTo(365 * 1.50 * annuity, within(1e-6));
    }

    @Test
    void withoutAMarketRowTheCatalogPricesOnDemandAndNoReservedFigureIsInvented() {
        ClusterAnalysis a = RoiEngine.analyze(planned(), at(0), List.of(), List.of());

        assertThat(a.metrics().rentingCostReservedAtHurdle()).isEmpty();
        assertThat(a.recommendation().reason()).contains("(from $2.95/GPU-hr, catalog)").doesNotContain("reserved");
    }

    @Test
    void theSingleClusterEntryPointKeepsItsReasonWithoutMarketFigures() {
        ClusterAnalysis plain = RoiEngine.analyze(planned(), at(0));
        ClusterAnalysis viaPortfolio = RoiEngine.analyze(new Portfolio(at(0), List.of(planned()), List.of(), MARKET)).clusters().get(0);

        assertThat(plain.recommendation().reason()).doesNotContain("Renting the same");
        assertThat(viaPortfolio.recommendation().reason()).startsWith(plain.recommendation().reason());
        assertThat(viaPortfolio.metrics().npvAtHurdle()).isEqualTo(plain.metrics().npvAtHurdle());
    }
}
