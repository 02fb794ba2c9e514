package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Lease;
import gpuroi.model.LeaseRole;
import gpuroi.model.MarketQuote;
import gpuroi.model.PricePath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A 10-GPU H100 contract at $4.00/GPU-hr, 50% prepaid, that started a year before the valuation
 * date and runs 23 months: 12 monthly payments of 4 × 10 × 730 × 50% = $14,600 remain, the first
 * on the valuation date itself (month 12 ends on 2026-01-01: still to pay, by the timing convention). The team
 * needs 4 GPUs; 6 are idle. The market (Market sheet) is $2.00/GPU-hr, flat (0% decline). At a 0%
 * hurdle every present cost is a plain sum:
 * <ul>
 *   <li>KEEP = 12 × 14,600 = 175,200;</li>
 *   <li>resale income = 6 GPUs × 730 h × $2.00 × 12 = 105,120 (before fee and discount);</li>
 *   <li>replacement rent for the 4 needed GPUs = 4 × 730 × $2.00 × 12 = 70,080.</li>
 * </ul>
 */
class LeaseAnalyzerTest {
    static final LocalDate VALUATION = LocalDate.of(2026, 1, 1);
    static final List<MarketQuote> FLAT_MARKET = List.of(new MarketQuote("H100 SXM", OptionalDouble.of(2.00),
            OptionalDouble.of(1.80), OptionalDouble.of(0.0), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()));

    static Assumptions atHurdle(double hurdle) {
        return new Assumptions(VALUATION, "USD", hurdle, hurdle, PricePath.ARTICLE_BLENDED, 0, 0);
    }

    static Lease contract(LocalDate start, int term, boolean resaleAllowed, Double fee) {
        return new Lease("reserved-1", LeaseRole.LESSEE, Optional.empty(), Optional.of("NeoCloud"), "H100", 10, 4.00,
                start, term, 0.5, 4, resaleAllowed, fee == null ? OptionalDouble.empty() : OptionalDouble.of(fee));
    }

    static Lease running(boolean resaleAllowed, Double fee) {
        return contract(LocalDate.of(2025, 1, 1), 23, resaleAllowed, fee);
    }

    @Test
    void keepingWinsWhenResaleIsBarredAndTheFeeIsAboveItsBreakEven() {
        ContractAnalysis a = LeaseAnalyzer.analyze(running(false, 110_000.0), atHurdle(0), FLAT_MARKET);

        assertThat(a.remainingMonths()).isEqualTo(12);
        assertThat(a.monthlyObligation()).isCloseTo(14_600, within(1e-9));
        assertThat(a.prepaymentStillDue()).isZero();
        assertThat(a.keepCost()).isCloseTo(175_200, within(1e-6));
        assertThat(a.resellCapacityCost()).isEmpty();
        assertThat(a.terminateCost().getAsDouble()).isCloseTo(110_000 + 70_080, within(1e-6));
        assertThat(a.decision()).isEqualTo(ContractDecision.KEEP);
        assertThat(a.npvGainAtHurdle()).isZero();
        // Terminating wins once fee + 70,080 < 175,200.
        assertThat(a.breakEvenTerminationFee().getAsDouble()).isCloseTo(105_120, within(1e-6));
        // Terminating beats keeping below (175,200 − 110,000) / (4 × 730 × 12) = $1.86073/GPU-hr.
        assertThat(a.breakEvenMarketPriceTerminateOverKeep().getAsDouble()).isCloseTo(65_200.0 / 35_040, within(1e-9));
        assertThat(a.marketPrice().source()).isEqualTo(MarketPrice.Source.MARKET_SHEET);
        assertThat(a.reason()).startsWith("Keep paying").contains("$175,200").contains("resale not allowed")
                .contains("below a fee of $105,120");
        assertThat(a.keepPayments()).hasSize(12);
        assertThat(a.keepPayments().get(0).date()).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void terminatingWinsJustBelowTheBreakEvenFeeAndKeepingJustAbove() {
        ContractAnalysis below = LeaseAnalyzer.analyze(running(false, 105_000.0), atHurdle(0), FLAT_MARKET);
        ContractAnalysis above = LeaseAnalyzer.analyze(running(false, 105_300.0), atHurdle(0), FLAT_MARKET);

        assertThat(below.decision()).isEqualTo(ContractDecision.TERMINATE);
        assertThat(below.terminateCost().getAsDouble()).isCloseTo(175_080, within(1e-6));
        assertThat(below.npvGainAtHurdle()).isCloseTo(120, within(1e-6));
        assertThat(below.reason()).startsWith("Terminate");
        assertThat(above.decision()).isEqualTo(ContractDecision.KEEP);
    }

    /**
     * With resale barred and a $110,000 fee, terminating costs 110,000 + p · 4 · 730 · 12 against
     * keeping's 175,200: equal at p = 65,200 / 35,040 = $1.86073/GPU-hr.
     */
    @Test
    void terminatingBeatsKeepingJustBelowTheBreakEvenMarketPriceAndNotJustAbove() {
        ContractAnalysis below = LeaseAnalyzer.analyze(running(false, 110_000.0), atHurdle(0), market(1.85));
        ContractAnalysis above = LeaseAnalyzer.analyze(running(false, 110_000.0), atHurdle(0), market(1.87));

        assertThat(below.terminateCost().getAsDouble()).isCloseTo(110_000 + 1.85 * 35_040, within(1e-6));
        assertThat(below.decision()).isEqualTo(ContractDecision.TERMINATE);
        assertThat(above.terminateCost().getAsDouble()).isCloseTo(110_000 + 1.87 * 35_040, within(1e-6));
        assertThat(above.decision()).isEqualTo(ContractDecision.KEEP);
    }

    @Test
    void resellingIdleCapacityWinsNetOfTheMarketplaceFeeAndResaleDiscount() {
        Assumptions a = atHurdle(0).withMarketplaceFee(0.10).withResaleDiscount(0.20);

        ContractAnalysis r = LeaseAnalyzer.analyze(running(true, 110_000.0), a, FLAT_MARKET);

        // 105,120 × 0.9 × 0.8 = 75,686.40 of resale income.
        assertThat(r.resellCapacityCost().getAsDouble()).isCloseTo(175_200 - 75_686.40, within(1e-6));
        assertThat(r.decision()).isEqualTo(ContractDecision.RESELL_CAPACITY);
        assertThat(r.npvGainAtHurdle()).isCloseTo(75_686.40, within(1e-6));
        // Terminating would need fee + 70,080 < 99,513.60.
        assertThat(r.breakEvenTerminationFee().getAsDouble()).isCloseTo(29_433.60, within(1e-6));
        assertThat(r.reason()).startsWith("Resell the 6 idle GPUs");
    }

    /**
     * With a $50,000 fee, reselling costs 175,200 − p · 6·730·12·0.72 and terminating 50,000 + p · 4·730·12;
     * they are equal at p = 125,200 / (37,843.2 + 35,040) = $1.71780/GPU-hr.
     */
    @Test
    void resellingBeatsTerminatingJustAboveTheBreakEvenMarketPriceAndLosesJustBelow() {
        Assumptions a = atHurdle(0).withMarketplaceFee(0.10).withResaleDiscount(0.20);
        double breakEven = 125_200 / (37_843.2 + 35_040);

        ContractAnalysis at2 = LeaseAnalyzer.analyze(running(true, 50_000.0), a, FLAT_MARKET);
        ContractAnalysis cheap = LeaseAnalyzer.analyze(running(true, 50_000.0), a, market(1.70));
        ContractAnalysis dearer = LeaseAnalyzer.analyze(running(true, 50_000.0), a, market(1.75));

        assertThat(at2.breakEvenMarketPriceResellOverTerminate().getAsDouble()).isCloseTo(breakEven, within(1e-9));
        assertThat(cheap.resellCapacityCost().getAsDouble()).isCloseTo(110_866.56, within(1e-6));
        assertThat(cheap.terminateCost().getAsDouble()).isCloseTo(109_568, within(1e-6));
        assertThat(cheap.decision()).isEqualTo(ContractDecision.TERMINATE);
        assertThat(dearer.resellCapacityCost().getAsDouble()).isCloseTo(108_974.40, within(1e-6));
        assertThat(dearer.terminateCost().getAsDouble()).isCloseTo(111_320, within(1e-6));
        assertThat(dearer.decision()).isEqualTo(ContractDecision.RESELL_CAPACITY);
    }

    @Test
    void presentCostsDiscountEachMonthEndAtTheHurdleRate() {
        double hurdle = 0.12;
        double v = Math.pow(1.12, -1.0 / 12);
        // Payments at t = 0 (the valuation date) to 11 months: an annuity due, Σ v^t = (1 − v^12) / (1 − v).
        double annuity = (1 - Math.pow(v, 12)) / (1 - v);

        ContractAnalysis a = LeaseAnalyzer.analyze(running(true, 60_000.0), atHurdle(hurdle), FLAT_MARKET);

        assertThat(a.keepCost()).isCloseTo(14_600 * annuity, within(1e-6));
        assertThat(a.resellCapacityCost().getAsDouble()).isCloseTo((14_600 - 6 * 730 * 2.0) * annuity, within(1e-6));
        assertThat(a.terminateCost().getAsDouble()).isCloseTo(60_000 + 4 * 730 * 2.0 * annuity, within(1e-6));
    }

    /**
     * Starting three months after the valuation date for 6 months: the prepayment, 50% of
     * 4 × 10 × 730 × 6 = 87,600, is paid with the first month, at its end (month 4), then 14,600 at
     * months 4..9. Terminating before then avoids the prepayment.
     */
    @Test
    void aContractStartingAfterTheValuationDateStillOwesItsPrepaymentWithItsFirstMonth() {
        Lease future = contract(LocalDate.of(2026, 4, 1), 6, false, 100_000.0);
        double hurdle = 0.12;
        double keep = 87_600 * Math.pow(1.12, -4.0 / 12);
        double rent = 0;
        for (int t = 4; t <= 9; t++) {
            keep += 14_600 * Math.pow(1.12, -t / 12.0);
            rent += 4 * 730 * 2.0 * Math.pow(1.12, -t / 12.0);
        }

        ContractAnalysis flat = LeaseAnalyzer.analyze(future, atHurdle(0), FLAT_MARKET);
        ContractAnalysis discounted = LeaseAnalyzer.analyze(future, atHurdle(hurdle), FLAT_MARKET);

        assertThat(flat.prepaymentStillDue()).isCloseTo(87_600, within(1e-9));
        assertThat(flat.keepCost()).isCloseTo(175_200, within(1e-6));
        assertThat(flat.keepPayments().get(0)).isEqualTo(new ContractAnalysis.Payment(LocalDate.of(2026, 5, 1), 87_600));
        assertThat(discounted.remainingMonths()).isEqualTo(6);
        assertThat(discounted.keepCost()).isCloseTo(keep, within(1e-6));
        assertThat(discounted.terminateCost().getAsDouble()).isCloseTo(100_000 + rent, within(1e-6));
    }

    @Test
    void aContractThatHasEndedCostsNothingAndIsKept() {
        ContractAnalysis a = LeaseAnalyzer.analyze(contract(LocalDate.of(2024, 1, 1), 12, true, 1_000.0), atHurdle(0.1), FLAT_MARKET);

        assertThat(a.remainingMonths()).isZero();
        assertThat(a.keepCost()).isZero();
        assertThat(a.terminateCost()).isEmpty();
        assertThat(a.decision()).isEqualTo(ContractDecision.KEEP);
        assertThat(a.reason()).contains("ended on 2024-12-31");
    }

    @Test
    void withoutAMarketRowTheCatalogPriceIsShapedByTheDefaultPath() {
        ContractAnalysis a = LeaseAnalyzer.analyze(running(true, null), atHurdle(0), List.of());

        assertThat(a.marketPrice().source()).isEqualTo(MarketPrice.Source.CATALOG);
        assertThat(a.marketPrice().startPricePerGpuHour()).isEqualTo(2.95);
        assertThat(a.marketPrice().path()).isEqualTo(PricePath.ARTICLE_BLENDED);
        // Blended to 50% over 5 years: month 1 is priced at t = 0.5/12, 2.95 × (1 − 0.5 × (0.5/12) / 5).
        assertThat(a.marketPrice().priceForMonth(1)).isCloseTo(2.95 * (1 - 0.5 * (0.5 / 12) / 5), within(1e-12));
        assertThat(a.marketPrice().description()).contains("catalog");
    }

    @Test
    void aMarketDeclineShapesTheMarketPathAndAnUnknownModelFallsBackToTheContractRate() {
        List<MarketQuote> declining = List.of(new MarketQuote("H100", OptionalDouble.of(2.00), OptionalDouble.empty(),
                OptionalDouble.of(0.40), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()));
        MarketPrice fromSheet = MarketPrice.forModel("H100 SXM5", declining, atHurdle(0), 4.0);
        MarketPrice unknown = MarketPrice.forModel("Mystery-9000", declining, atHurdle(0), 4.0);

        assertThat(fromSheet.priceForMonth(12)).isCloseTo(2.00 * Math.pow(0.6, 11.5 / 12), within(1e-12));
        assertThat(fromSheet.description()).contains("falling 40% a year (Market sheet)");
        assertThat(unknown.source()).isEqualTo(MarketPrice.Source.CONTRACT_RATE);
        assertThat(unknown.startPricePerGpuHour()).isEqualTo(4.0);
    }

    private static List<MarketQuote> market(double onDemand) {
        return List.of(new MarketQuote("H100", OptionalDouble.of(onDemand), OptionalDouble.empty(), OptionalDouble.of(0.0),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()));
    }
}
