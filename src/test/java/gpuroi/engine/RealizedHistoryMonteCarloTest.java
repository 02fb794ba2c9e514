package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.PricePath;
import gpuroi.model.RiskInputs;
import gpuroi.model.ValueRange;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Months before the valuation date are realized: a Monte Carlo draws only the months to come, whatever decline,
 * volatility, capex or power range it is given. A cluster bought 2022-01-01 with a 24-month life ended a year before
 * the 2025-01-01 valuation date; every flow it has is history.
 */
class RealizedHistoryMonteCarloTest {
    static final double DISCOUNT = 0.08;
    static final double CAPEX = 10 * 20_000;
    /** Revenue 10·730·0.7·2.00·0.9 = 9,198 less power 730 and other opex 500. */
    static final double NET = 7_968;
    static final double RESIDUAL = 40_000;

    static Cluster.Builder finished() {
        return Cluster.builder("retired")
                .status(ClusterStatus.OWNED)
                .startDate(LocalDate.of(2022, 1, 1))
                .gpuCount(10)
                .capexPerGpu(20_000)
                .lifeMonths(24)
                .startPricePerGpuHour(2.00)
                .pricePath(new PricePath.Flat())
                .utilization(0.7)
                .powerKwPerGpu(1.0)
                .pue(1.0)
                .electricityPerKwh(0.10)
                .otherOpexPerGpuMonth(50)
                .residualShare(0.2)
                .secondaryPricePerGpu(9_000.0);
    }

    static Assumptions assumptions() {
        return new Assumptions(LocalDate.of(2025, 1, 1), "USD", DISCOUNT, 0.10, PricePath.ARTICLE_BLENDED, 0.10, 0.05);
    }

    /** Every flow compounded forward to the valuation date, 36 months after the purchase: month m by 1.08^((36 − m)/12). */
    static double realizedNpv() {
        double npv = -CAPEX * Math.pow(1 + DISCOUNT, 3);
        for (int m = 1; m <= 24; m++) {
            npv += NET * Math.pow(1 + DISCOUNT, (36 - m) / 12.0);
        }
        return npv + RESIDUAL * Math.pow(1 + DISCOUNT, 1);
    }

    static RiskInputs everyUncertainty(int paths) {
        return RiskInputs.defaults(11).withPaths(paths)
                .withAnnualDecline(ValueRange.pert(0.0, 0.2, 0.6))
                .withCapexFactor(ValueRange.triangular(0.8, 1.0, 1.3))
                .withPowerPriceFactor(ValueRange.triangular(0.5, 1.0, 2.0))
                .withPriceVolatility(0.6)
                .withJumps(2, 0.3);
    }

    @Test
    void aFinishedClusterHasItsRealizedNpvOnEveryPathAndNeverFlips() {
        RiskProfile risk = MonteCarlo.analyze(finished().build(), assumptions(), everyUncertainty(2_000));
        double realized = realizedNpv();
        assertThat(risk.baseNpv()).isCloseTo(realized, within(1e-6));
        assertThat(risk.npv().p5()).isCloseTo(realized, within(1e-6));
        assertThat(risk.npv().p50()).isCloseTo(realized, within(1e-6));
        assertThat(risk.npv().p95()).isCloseTo(realized, within(1e-6));
        assertThat(risk.meanNpv()).isCloseTo(realized, within(1e-6));
        assertThat(risk.decisionFlipShare()).isZero();
        assertThat(risk.baseDecision()).isEqualTo(Decision.RESELL);
        assertThat(risk.holdValue().orElseThrow().p5()).isZero();
        assertThat(risk.holdValue().orElseThrow().p95()).isZero();
    }

    @Test
    void aFinishedClusterHasNothingLeftToHoldAndItsResidualIsNotSoldAgain() {
        ClusterAnalysis a = RoiEngine.analyze(finished().build(), assumptions());
        HoldFigures h = a.metrics().hold().orElseThrow();
        assertThat(h.lifeEndedOn()).contains(LocalDate.of(2024, 1, 1));
        assertThat(h.holdValue()).isZero();
        assertThat(h.saleValue()).isEmpty();
        assertThat(a.metrics().saleValueNow()).isEmpty();
        assertThat(a.recommendation().decision()).isEqualTo(Decision.RESELL);
        assertThat(a.recommendation().reason()).contains("useful life ended on 2024-01-01")
                .contains("$40,000 residual").contains("not counted again");
        // The same without a secondary price: the decision does not depend on a sale that is not counted.
        ClusterAnalysis noPrice = RoiEngine.analyze(finished().secondaryPricePerGpu(null).build(), assumptions());
        assertThat(noPrice.recommendation()).isEqualTo(a.recommendation());
    }

    @Test
    void aMidLifeClusterKeepsItsRealizedMonthsOnEveryPath() {
        // Bought 2024-01-01: months 1..11 end before the valuation date and are history.
        Cluster midLife = finished().startDate(LocalDate.of(2024, 1, 1)).build();
        MonteCarlo.SimulatedMarket market = MonteCarlo.simulateMarket(midLife, assumptions(), everyUncertainty(200), 0);
        for (int path = 0; path < 200; path++) {
            for (int m = 1; m <= 11; m++) {
                assertThat(market.pricePerGpuHour()[path][m]).as("path %d month %d", path, m).isEqualTo(2.00);
                assertThat(market.utilization()[path][m]).isEqualTo(0.7);
            }
        }
        // The months to come do move.
        assertThat(market.pricePerGpuHour()[0][20]).isNotEqualTo(market.pricePerGpuHour()[1][20]);
    }
}
