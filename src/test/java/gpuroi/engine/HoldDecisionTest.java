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
 * A mid-life owned cluster on a flat price at constant utilization, so every month after the purchase nets the same
 * N and the hold value is an annuity: bought 2024-01-01, valued 2025-01-16 (12 + 15/31 months later), 36 months of
 * life. Month m falls m − 12 − 15/31 months after the valuation date; months 13..36 are still to come.
 */
class HoldDecisionTest {
    static final LocalDate PURCHASE = LocalDate.of(2024, 1, 1);
    static final LocalDate VALUATION = LocalDate.of(2025, 1, 16);
    static final double ELAPSED_MONTHS = 12 + 15.0 / 31;
    static final int GPUS = 10;
    static final double CAPEX_PER_GPU = 20_000;
    static final double PRICE = 2.00;
    static final double UTILIZATION = 0.7;
    static final double MARKETPLACE_FEE = 0.10;
    static final double RESALE_FEE = 0.05;
    static final double HURDLE = 0.10;
    /** Revenue 10·730·0.7·2.00·0.9 = 9,198 less power 10·1·1·730·0.10 = 730 and other opex 10·50 = 500. */
    static final double NET = 9_198 - 730 - 500;
    /** 20% of the 200,000 capex, at the end of month 36. */
    static final double RESIDUAL = 40_000;
    /** Costs a month (power and other opex): what the market revenue must cover. */
    static final double COSTS = 1_230;
    /** Market revenue per $1/GPU-hr of price at this utilization, after the fee: 10·730·0.7·0.9. */
    static final double REVENUE_PER_PRICE = 10 * 730 * 0.7 * 0.9;
    /** Market revenue per 100% of utilization at this price, after the fee: 10·730·2.00·0.9. */
    static final double REVENUE_PER_UTILIZATION = 10 * 730 * 2.00 * 0.9;

    static Cluster.Builder owned(double secondaryPerGpu) {
        return Cluster.builder("mid-life")
                .status(ClusterStatus.OWNED)
                .startDate(PURCHASE)
                .gpuCount(GPUS)
                .capexPerGpu(CAPEX_PER_GPU)
                .lifeMonths(36)
                .startPricePerGpuHour(PRICE)
                .pricePath(new PricePath.Flat())
                .utilization(UTILIZATION)
                .powerKwPerGpu(1.0)
                .pue(1.0)
                .electricityPerKwh(0.10)
                .otherOpexPerGpuMonth(50)
                .residualShare(0.2)
                .secondaryPricePerGpu(secondaryPerGpu);
    }

    static Assumptions assumptions() {
        return new Assumptions(VALUATION, "USD", 0.08, HURDLE, PricePath.ARTICLE_BLENDED, MARKETPLACE_FEE, RESALE_FEE);
    }

    /** One month's discount factor at an annual rate: (1 + rate)^(−1/12). */
    static double monthly(double annualRate) {
        return Math.pow(1 + annualRate, -1 / 12.0);
    }

    /**
     * Σ_{m=13}^{36} net·v^(m − elapsed) + residual·v^(36 − elapsed) = v^(−elapsed)·(net·v^13·(1 − v^24)/(1 − v) + residual·v^36).
     */
    static double holdValue(double net, double annualRate) {
        double v = monthly(annualRate);
        return Math.pow(v, -ELAPSED_MONTHS) * (net * Math.pow(v, 13) * (1 - Math.pow(v, 24)) / (1 - v) + RESIDUAL * Math.pow(v, 36));
    }

    /** The monthly net at which holding is worth {@code target}: the annuity solved for its payment. */
    static double netAt(double target) {
        double v = monthly(HURDLE);
        double annuity = Math.pow(v, -ELAPSED_MONTHS) * Math.pow(v, 13) * (1 - Math.pow(v, 24)) / (1 - v);
        double residual = Math.pow(v, -ELAPSED_MONTHS) * RESIDUAL * Math.pow(v, 36);
        return (target - residual) / annuity;
    }

    static HoldFigures hold(Cluster cluster) {
        return RoiEngine.analyze(cluster, assumptions()).metrics().hold().orElseThrow();
    }

    static Decision decision(Cluster cluster) {
        return RoiEngine.analyze(cluster, assumptions()).recommendation().decision();
    }

    @Test
    void holdValueIsTheRemainingAnnuityAndResidualAtTheHurdle() {
        HoldFigures h = hold(owned(15_000).build());
        assertThat(h.holdValue()).isCloseTo(holdValue(NET, HURDLE), within(1e-6));
        assertThat(h.saleValue().getAsDouble()).isCloseTo(15_000 * GPUS * (1 - RESALE_FEE), within(1e-9));
        assertThat(h.holdMinusSale()).isCloseTo(holdValue(NET, HURDLE) - 142_500, within(1e-6));
        assertThat(h.capexStillDue()).isZero();
        assertThat(h.lifeEnded()).isFalse();
    }

    @Test
    void theHoldIrrDiscountsTheRemainingFlowsBackToTheSaleProceedsForgone() {
        HoldFigures h = hold(owned(15_000).build());
        double irr = ((IrrResult.Unique) h.holdIrr()).annual();
        // At the IRR the hold value, by the annuity formula, equals the 142,500 the sale would have fetched.
        assertThat(holdValue(NET, irr)).isCloseTo(142_500, within(1e-4));
        // Holding beats the 10% hurdle exactly when its IRR does.
        assertThat(irr > HURDLE).isEqualTo(holdValue(NET, HURDLE) > 142_500);
    }

    @Test
    void theHoldIrrIsAbsentWithoutASalePriceToForgo() {
        Cluster noPrice = owned(15_000).secondaryPricePerGpu(null).build();
        assertThat(hold(noPrice).holdIrr()).isInstanceOf(IrrResult.None.class);
        assertThat(decision(noPrice)).isEqualTo(Decision.HOLD);
    }

    @Test
    void theBreakEvenSecondaryPriceIsTheHoldValuePerGpuBeforeTheResaleFee() {
        double expected = holdValue(NET, HURDLE) / (GPUS * (1 - RESALE_FEE));
        assertThat(hold(owned(15_000).build()).breakEvenSecondaryPrice().getAsDouble()).isCloseTo(expected, within(1e-9));
        assertThat(decision(owned(expected * (1 - 1e-9)).build())).isEqualTo(Decision.HOLD);
        assertThat(decision(owned(expected * (1 + 1e-9)).build())).isEqualTo(Decision.RESELL);
    }

    @Test
    void theBreakEvenStartPriceMakesTheAnnuityWorthTheSale() {
        double sale = 15_000 * GPUS * (1 - RESALE_FEE);
        double expected = (netAt(sale) + COSTS) / REVENUE_PER_PRICE;
        HoldFigures h = hold(owned(15_000).build());
        assertThat(h.breakEvenStartPrice().getAsDouble()).isCloseTo(expected, within(1e-9));
        assertThat(h.startPriceMoveToFlip(owned(15_000).build()).getAsDouble()).isCloseTo(expected / PRICE - 1, within(1e-12));
        assertThat(decision(owned(15_000).startPricePerGpuHour(expected * (1 + 1e-9)).build())).isEqualTo(Decision.HOLD);
        assertThat(decision(owned(15_000).startPricePerGpuHour(expected * (1 - 1e-9)).build())).isEqualTo(Decision.RESELL);
    }

    @Test
    void theBreakEvenUtilizationMakesTheAnnuityWorthTheSale() {
        double sale = 15_000 * GPUS * (1 - RESALE_FEE);
        double expected = (netAt(sale) + COSTS) / REVENUE_PER_UTILIZATION;
        assertThat(expected).isBetween(0.0, UTILIZATION);
        assertThat(hold(owned(15_000).build()).breakEvenUtilization().getAsDouble()).isCloseTo(expected, within(1e-12));
        assertThat(decision(owned(15_000).utilization(expected * (1 + 1e-9)).build())).isEqualTo(Decision.HOLD);
        assertThat(decision(owned(15_000).utilization(expected * (1 - 1e-9)).build())).isEqualTo(Decision.RESELL);
    }

    @Test
    void aClusterThatShouldBeSoldHasBreakEvensAboveItsInputsThatFlipItBackToHold() {
        // A sale at 19,000 a GPU (237,500 net) beats holding; holding wins back from a higher price or utilization.
        Cluster cluster = owned(25_000).build();
        assertThat(decision(cluster)).isEqualTo(Decision.RESELL);
        double sale = 25_000 * GPUS * (1 - RESALE_FEE);
        double price = (netAt(sale) + COSTS) / REVENUE_PER_PRICE;
        double utilization = (netAt(sale) + COSTS) / REVENUE_PER_UTILIZATION;
        HoldFigures h = hold(cluster);
        assertThat(h.breakEvenStartPrice().getAsDouble()).isCloseTo(price, within(1e-9)).isGreaterThan(PRICE);
        assertThat(h.breakEvenUtilization().getAsDouble()).isCloseTo(utilization, within(1e-12)).isGreaterThan(UTILIZATION);
        assertThat(decision(owned(25_000).startPricePerGpuHour(price * (1 + 1e-9)).build())).isEqualTo(Decision.HOLD);
        assertThat(decision(owned(25_000).startPricePerGpuHour(price * (1 - 1e-9)).build())).isEqualTo(Decision.RESELL);
        assertThat(decision(owned(25_000).utilization(utilization * (1 + 1e-9)).build())).isEqualTo(Decision.HOLD);
        assertThat(decision(owned(25_000).utilization(utilization * (1 - 1e-9)).build())).isEqualTo(Decision.RESELL);
    }

    @Test
    void theWholeLifeFiguresStillCountTheHistoryButDecideNothing() {
        ClusterMetrics m = RoiEngine.analyze(owned(15_000).build(), assumptions()).metrics();
        // Since purchase: the capex and the 12 months already earned are in the whole-life NPV, not in the hold value.
        assertThat(m.npvAtHurdle()).isNotCloseTo(m.hold().orElseThrow().holdValue(), within(1.0));
        assertThat(m.remainingValueAtHurdle()).isEqualTo(m.hold().orElseThrow().holdValue());
    }

    @Test
    void theReasonCitesTheForwardFiguresAndNotTheWholeLifeOnes() {
        ClusterAnalysis a = RoiEngine.analyze(owned(15_000).build(), assumptions());
        String reason = a.recommendation().reason();
        assertThat(reason).contains(gpuroi.model.Formats.money(a.metrics().hold().orElseThrow().holdValue(), "USD"))
                .contains("$142,500")
                .doesNotContain(gpuroi.model.Formats.money(a.metrics().npvAtHurdle(), "USD"))
                .doesNotContain("IRR " + a.metrics().irr().display(1));
    }
}
