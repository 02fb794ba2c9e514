package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterUse;
import gpuroi.model.MarketQuote;
import gpuroi.model.Portfolio;
import gpuroi.model.PricePath;
import gpuroi.model.RiskInputs;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * BUY or RENT on its stated basis, checked by hand.
 *
 * <p>The sample's b200-plan: 16 B200 planned at the valuation date, $62,000 each ($992,000), 5 years, 15%
 * residual ($148,800 at month 60), 1.8 kW × PUE 1.25 × 730 h × $0.08 = $2,102.40 of power and 16 × $150 =
 * $2,400 of other opex a month, 80% utilization (16 × 730 × 0.8 = 9,344 GPU-hours a month, 560,640 in all),
 * $6.00/GPU-hr falling 35% a year, a 12% hurdle and an 8% marketplace fee. With v = 1.12^(−1/12) and
 * q = 0.65^(1/12), month m's price is 6 · 0.65^(−1/24) · q^m, so both present costs are geometric series:
 * owning = 992,000 + 4,502.40 · Σ v^m − 148,800 · v^60 = $1,112,821.37; renting the same hours =
 * 9,344 · 6 · 0.65^(−1/24) · Σ (qv)^m = $1,149,506.89 (m = 1..60). The fee on renting them out is 8% of that,
 * $91,960.55, and NPV at the hurdle as an investment is 0.92 · 1,149,506.89 − 1,112,821.37 = −$55,275.03.
 */
class BuyOrRentBasisTest {
    static final LocalDate VALUATION = LocalDate.of(2026, 6, 1);
    static final double V = Math.pow(1.12, -1.0 / 12);
    static final double Q = Math.pow(0.65, 1.0 / 12);

    static Assumptions twelvePercentHurdleEightPercentFee() {
        return new Assumptions(VALUATION, "USD", 0.10, 0.12, PricePath.ARTICLE_BLENDED, 0.08, 0.05);
    }

    static Cluster b200(ClusterUse use) {
        return Cluster.builder("b200-plan").gpuModel("B200").gpuCount(16).capexPerGpu(62_000).lifeMonths(60)
                .residualShare(0.15).powerKwPerGpu(1.8).pue(1.25).electricityPerKwh(0.08).otherOpexPerGpuMonth(150)
                .utilization(0.80).startPricePerGpuHour(6.00).pricePath(new PricePath.AnnualDecline(0.35)).use(use).build();
    }

    static double sum(double ratio, int n) {
        return ratio * (1 - Math.pow(ratio, n)) / (1 - ratio);
    }

    static final double OWN = 992_000 + 4_502.40 * sum(V, 60) - 148_800 * Math.pow(V, 60);
    static final double RENT = 9_344 * 6 * Math.pow(0.65, -1.0 / 24) * sum(Q * V, 60);

    @Test
    void theHandComputedPresentCostsOfTheB200MatchTheFiguresQuotedForIt() {
        // The series above, against the figures an investor read off the memo.
        assertThat(OWN).isCloseTo(1_112_821.37, within(0.01));
        assertThat(RENT).isCloseTo(1_149_506.89, within(0.01));
    }

    @Test
    void rentedOutTheB200IsARentBecauseTheMarketplaceFeeTurnsItsNpvNegative() {
        ClusterAnalysis a = RoiEngine.analyze(b200(ClusterUse.RENT_OUT), twelvePercentHurdleEightPercentFee());
        OwnUseComparison own = a.metrics().ownUse();

        assertThat(a.recommendation().decision()).isEqualTo(Decision.RENT);
        assertThat(a.metrics().npvAtHurdle()).isCloseTo(0.92 * RENT - OWN, within(1e-6));
        assertThat(own.costToOwn()).isCloseTo(OWN, within(1e-6));
        assertThat(own.costToRent()).isCloseTo(RENT, within(1e-6));
        assertThat(own.marketplaceFeeAtHurdle()).isCloseTo(0.08 * RENT, within(1e-6));
        assertThat(own.gpuHours()).isCloseTo(560_640, within(1e-6));
        String reason = a.recommendation().reason();
        assertThat(reason).startsWith("IRR ").contains("falls short of the 12.0% hurdle (NPV −$55,275 at 12.0%)")
                .contains("net of the 8.0% marketplace fee");
        // The own-use figures, which favour buying, appear only in the sentence that says why they do not decide.
        assertThat(reason).endsWith(" For own use the answer would be BUY (owning the GPU-hours costs $1,112,821 against"
                + " $1,149,507 to rent them): renting them out, the 8.0% marketplace fee takes $91,961 of revenue at the"
                + " 12.0% hurdle, which turns NPV negative; for own use no fee is paid.");
        assertThat(reason).doesNotContain("on demand").doesNotContain("1,976,882");
    }

    @Test
    void forOwnUseTheB200IsABuyBecauseRentingTheSameHoursOnItsOwnPathCostsMore() {
        ClusterAnalysis a = RoiEngine.analyze(b200(ClusterUse.OWN_USE), twelvePercentHurdleEightPercentFee());
        OwnUseComparison own = a.metrics().ownUse();

        assertThat(a.recommendation().decision()).isEqualTo(Decision.BUY);
        assertThat(own.savingFromOwning()).isCloseTo(RENT - OWN, within(1e-6));
        // Break-even: renting costs owning's cost when p0 · Σ hours · shape · v^m = OWN, i.e. p0 = 6 · OWN / RENT.
        assertThat(own.breakEvenStartPrice().getAsDouble()).isCloseTo(6 * OWN / RENT, within(1e-9));
        // Utilization scales the hours alone: 0.8 · OWN / RENT.
        assertThat(own.breakEvenUtilization().getAsDouble()).isCloseTo(0.8 * OWN / RENT, within(1e-12));
        assertThat(a.recommendation().reason()).isEqualTo("For own use, owning the 560,640 GPU-hours costs $1,112,821"
                + " against $1,149,507 to rent them on the cluster's price path (falling 35% a year from $6.00/GPU-hr),"
                + " present values at the 12.0% hurdle (no marketplace fee is paid). An owned GPU-hour costs $"
                + String.format(java.util.Locale.US, "%.2f", OWN / presentHours()) + " against $"
                + String.format(java.util.Locale.US, "%.2f", RENT / presentHours()) + " rented; renting would be cheaper below a start price of $"
                + String.format(java.util.Locale.US, "%.2f", 6 * OWN / RENT) + "/GPU-hr (now $6.00) or below "
                + String.format(java.util.Locale.US, "%.1f", 80 * OWN / RENT) + "% utilization."
                + " As an investment renting the hours out the answer would be RENT (NPV −$55,275 at the 12.0% hurdle):"
                + " the 8.0% marketplace fee takes $91,961 of revenue at the 12.0% hurdle, which turns NPV negative;"
                + " for own use no fee is paid.");
    }

    /** PV at 12% of 9,344 GPU-hours a month for 60 months. */
    static double presentHours() {
        return 9_344 * sum(V, 60);
    }

    @Test
    void onAFlatPriceBothPresentCostsAreClosedFormAnnuities() {
        // 1 GPU, 24 months, $2.00 flat, 50% utilization (365 h a month), $20,000 capex, 10% residual,
        // 0.7 kW × 1.3 × $0.10 × 730 = $66.43 of power and $50 of other opex a month, 10% hurdle, 10% fee.
        Assumptions at = new Assumptions(VALUATION, "USD", 0.10, 0.10, PricePath.ARTICLE_BLENDED, 0.10, 0);
        Cluster gpu = Cluster.builder("flat").gpuModel("H100").gpuCount(1).capexPerGpu(20_000).lifeMonths(24)
                .residualShare(0.10).powerKwPerGpu(0.7).pue(1.3).electricityPerKwh(0.10).otherOpexPerGpuMonth(50)
                .utilization(0.5).startPricePerGpuHour(2.00).pricePath(new PricePath.Flat()).use(ClusterUse.OWN_USE).build();
        double v = Math.pow(1.10, -1.0 / 12);
        double annuity = sum(v, 24);
        double owning = 20_000 + (66.43 + 50) * annuity - 2_000 * Math.pow(v, 24);
        double renting = 365 * 2.00 * annuity;

        ClusterAnalysis a = RoiEngine.analyze(gpu, at);
        OwnUseComparison own = a.metrics().ownUse();

        assertThat(own.costToOwn()).isCloseTo(owning, within(1e-6));
        assertThat(own.costToRent()).isCloseTo(renting, within(1e-6));
        assertThat(own.costToRentPerGpuHour().getAsDouble()).isCloseTo(2.00, within(1e-12));
        assertThat(own.costToOwnPerGpuHour().getAsDouble()).isCloseTo(owning / (365 * annuity), within(1e-9));
        // $20,000 for 8,760 hours at $2.00: renting is far cheaper, on both bases.
        assertThat(a.recommendation().decision()).isEqualTo(Decision.RENT);
        assertThat(Decisions.asInvestment(a.metrics())).isEqualTo(Decision.RENT);
        assertThat(Decisions.basisDisagreement(a.schedule(), a.metrics())).isEmpty();
        assertThat(a.recommendation().reason()).startsWith("For own use, renting the 8,760 GPU-hours on the cluster's price"
                + " path (flat at $2.00/GPU-hr) costs $" + String.format(java.util.Locale.US, "%,.0f", renting)
                + " against $" + String.format(java.util.Locale.US, "%,.0f", owning) + " to own them");
    }

    @Test
    void theOwnUseSavingIsNpvAtTheHurdleWithTheFeeAddedBackForAnyCluster() {
        SplittableRandom random = new SplittableRandom(14);
        for (int i = 0; i < 200; i++) {
            double fee = random.nextDouble(0, 0.3);
            Assumptions at = new Assumptions(VALUATION.plusMonths(random.nextInt(0, 6)), "USD", 0.08,
                    random.nextDouble(0, 0.25), PricePath.ARTICLE_BLENDED, fee, 0);
            Cluster c = Cluster.builder("c" + i).gpuCount(random.nextInt(1, 64)).capexPerGpu(random.nextDouble(1_000, 60_000))
                    .lifeMonths(random.nextInt(6, 84)).residualShare(random.nextDouble(0, 0.3)).powerKwPerGpu(random.nextDouble(0, 2))
                    .electricityPerKwh(random.nextDouble(0, 0.2)).otherOpexPerGpuMonth(random.nextDouble(0, 300))
                    .utilization(random.nextDouble(0, 1)).startPricePerGpuHour(random.nextDouble(0.5, 8))
                    .pricePath(new PricePath.AnnualDecline(random.nextDouble(0, 0.5)))
                    .startDate(VALUATION.plusMonths(random.nextInt(0, 12))).build();
            ClusterMetrics m = RoiEngine.analyze(c, at).metrics();
            // Renting the hours out earns (1 − fee) of what renting them in costs: the two views differ by the fee alone.
            assertThat(m.ownUse().savingFromOwning())
                    .isCloseTo(m.npvAtHurdle() + m.ownUse().marketplaceFeeAtHurdle(), within(1e-6 * (1 + Math.abs(m.npvAtHurdle()))));
            assertThat(m.ownUse().marketplaceFeeAtHurdle()).isCloseTo(fee * m.ownUse().costToRent(), within(1e-9 * m.ownUse().costToRent() + 1e-9));
        }
    }

    @Test
    void marketQuotesDoNotChangeWhatRentingTheHoursCosts() {
        List<MarketQuote> market = List.of(new MarketQuote("B200", OptionalDouble.of(9.00), OptionalDouble.of(5.00),
                OptionalDouble.of(0.0), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()));

        Assumptions at = twelvePercentHurdleEightPercentFee();

        ClusterAnalysis plain = RoiEngine.analyze(b200(ClusterUse.OWN_USE), at);
        ClusterAnalysis quoted = RoiEngine.analyze(new Portfolio(at, List.of(b200(ClusterUse.OWN_USE)), List.of(), market), at)
                .clusters().get(0);

        assertThat(quoted.metrics().ownUse()).isEqualTo(plain.metrics().ownUse());
        assertThat(quoted.recommendation()).isEqualTo(plain.recommendation());
    }

    @Test
    void monteCarloWithoutUncertaintyKeepsEachBasisDecisionOnEveryPath() {
        RiskInputs still = RiskInputs.deterministic(50, 7);

        RiskProfile ownUse = MonteCarlo.analyze(b200(ClusterUse.OWN_USE), twelvePercentHurdleEightPercentFee(), still);
        RiskProfile rentOut = MonteCarlo.analyze(b200(ClusterUse.RENT_OUT), twelvePercentHurdleEightPercentFee(), still);

        assertThat(ownUse.baseDecision()).isEqualTo(Decision.BUY);
        assertThat(ownUse.decisionFlipShare()).isZero();
        assertThat(rentOut.baseDecision()).isEqualTo(Decision.RENT);
        assertThat(rentOut.decisionFlipShare()).isZero();
    }
}
