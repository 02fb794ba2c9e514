package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.PricePath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * An owned cluster whose purchase falls after the valuation date (bought, still to be paid): valued 2025-01-01,
 * paid 2025-07-01 (six months on), 24 months of life on a flat price. Its capex is still due, so holding counts it.
 */
class OwnedBeforePurchaseTest {
    static final double HURDLE = 0.10;
    static final double CAPEX = 10 * 20_000;
    /** Revenue 10·730·0.7·2.00·0.9 = 9,198 less power 730 and other opex 500. */
    static final double NET = 7_968;
    static final double RESIDUAL = 40_000;

    static Cluster.Builder owned(double secondaryPerGpu) {
        return Cluster.builder("on-order")
                .status(ClusterStatus.OWNED)
                .startDate(LocalDate.of(2025, 7, 1))
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
                .secondaryPricePerGpu(secondaryPerGpu);
    }

    static Assumptions assumptions() {
        return new Assumptions(LocalDate.of(2025, 1, 1), "USD", 0.08, HURDLE, PricePath.ARTICLE_BLENDED, 0.10, 0.05);
    }

    /** −capex·v^6 + net·Σ_{m=1}^{24} v^(6+m) + residual·v^30, v = 1.1^(−1/12). */
    static double handHoldValue() {
        double v = Math.pow(1 + HURDLE, -1 / 12.0);
        return -CAPEX * Math.pow(v, 6) + NET * Math.pow(v, 7) * (1 - Math.pow(v, 24)) / (1 - v) + RESIDUAL * Math.pow(v, 30);
    }

    @Test
    void theCapexStillDueIsPartOfTheHoldValue() {
        HoldFigures h = RoiEngine.analyze(owned(5_000).build(), assumptions()).metrics().hold().orElseThrow();
        assertThat(h.capexStillDue()).isEqualTo(CAPEX);
        assertThat(h.holdValue()).isCloseTo(handHoldValue(), within(1e-6));
        // Well below what the remaining rent and residual alone are worth (about 207k): the capex is not yet spent.
        assertThat(h.holdValue()).isLessThan(20_000);
    }

    @Test
    void aSaleWorthMoreThanTheValueNetOfTheCapexDueWinsAndFlipsAtThatValuePerGpu() {
        ClusterAnalysis a = RoiEngine.analyze(owned(5_000).build(), assumptions());
        assertThat(a.recommendation().decision()).isEqualTo(Decision.RESELL);
        double flip = handHoldValue() / (10 * 0.95);
        assertThat(a.metrics().breakEvenSecondaryPrice().getAsDouble()).isCloseTo(flip, within(1e-9));
        assertThat(a.recommendation().reason()).contains("capex still due on 2025-07-01")
                .contains(gpuroi.model.Formats.money(CAPEX, "USD"));
        assertThat(RoiEngine.analyze(owned(flip * (1 - 1e-9)).build(), assumptions()).recommendation().decision())
                .isEqualTo(Decision.HOLD);
        assertThat(RoiEngine.analyze(owned(flip * (1 + 1e-9)).build(), assumptions()).recommendation().decision())
                .isEqualTo(Decision.RESELL);
    }

    @Test
    void theMonteCarloHoldRuleCountsTheCapexStillDueToo() {
        // No uncertainty: every path is the schedule, so every path sells, as the deterministic decision does.
        RiskProfile risk = MonteCarlo.analyze(owned(5_000).build(), assumptions(), gpuroi.model.RiskInputs.deterministic(50, 1));
        assertThat(risk.baseDecision()).isEqualTo(Decision.RESELL);
        assertThat(risk.decisionFlipShare()).isZero();
        assertThat(risk.holdValue().orElseThrow().p50()).isCloseTo(handHoldValue(), within(1e-6));
    }
}
