package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.Lease;
import gpuroi.model.LeaseRole;
import gpuroi.model.MarketQuote;
import gpuroi.model.Portfolio;
import gpuroi.model.PricePath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PortfolioRollupTest {
    static final LocalDate VALUATION = LocalDate.of(2026, 1, 1);
    static final Assumptions AT_ZERO = new Assumptions(VALUATION, "USD", 0, 0, PricePath.ARTICLE_BLENDED, 0, 0);

    static Lease lessee(String id, LocalDate start, int term, int gpus, int needed, double rate, Double fee, boolean resale) {
        return new Lease(id, LeaseRole.LESSEE, Optional.empty(), Optional.empty(), "H100", gpus, rate, start, term, 0, needed,
                resale, fee == null ? OptionalDouble.empty() : OptionalDouble.of(fee));
    }

    /**
     * A planned GPU from 1 Jan 2026 (capex 10,000, 2 months, $1.00 × 730 h against 1,000 opex: −270 a
     * month), an owned GPU bought 1 Dec 2025 for nothing earning 730 × $2.00 = 1,460 a month for 3
     * months, and a 2-month lessee contract from 1 Jan 2026 at $1.00 for 1 GPU (730 a month).
     * Month-end flows dated the 1st count in that month:
     * <ul>
     *   <li>Jan: −10,000 + 1,460 = −8,540, cash needed 10,000;</li>
     *   <li>Feb and Mar: −270 − 730 + 1,460 = 460, cash needed 1,000;</li>
     * </ul>
     * GPUs owned: 2 in Jan and Feb (both clusters), 0 in Mar; rented in: 1 in Jan and Feb.
     */
    @Test
    void cashNeededAndCapacityAreCountedPerCalendarMonthFromTheValuationDate() {
        Cluster planned = Cluster.builder("planned").gpuModel("H100").startDate(VALUATION).capexPerGpu(10_000).lifeMonths(2)
                .otherOpexPerGpuMonth(1_000).startPricePerGpuHour(1.00).pricePath(new PricePath.Flat()).build();
        Cluster owned = Cluster.builder("owned").gpuModel("H100").status(ClusterStatus.OWNED).startDate(LocalDate.of(2025, 12, 1))
                .lifeMonths(3).startPricePerGpuHour(2.00).pricePath(new PricePath.Flat()).build();
        Lease rentedIn = lessee("in", VALUATION, 2, 1, 1, 1.00, null, false);

        PortfolioRollup r = RoiEngine.analyze(new Portfolio(AT_ZERO, List.of(planned, owned), List.of(rentedIn), List.of()), AT_ZERO)
                .rollup();

        assertThat(r.months()).extracting(PortfolioRollup.MonthPosition::month)
                .containsExactly(YearMonth.of(2026, 1), YearMonth.of(2026, 2), YearMonth.of(2026, 3));
        PortfolioRollup.MonthPosition jan = r.months().get(0);
        PortfolioRollup.MonthPosition feb = r.months().get(1);
        PortfolioRollup.MonthPosition mar = r.months().get(2);
        assertThat(jan.netFlow()).isCloseTo(-8_540, within(1e-9));
        assertThat(jan.cashNeeded()).isCloseTo(10_000, within(1e-9));
        assertThat(feb.netFlow()).isCloseTo(460, within(1e-9));
        assertThat(feb.cashNeeded()).isCloseTo(1_000, within(1e-9));
        assertThat(mar.netFlow()).isCloseTo(460, within(1e-9));
        assertThat(List.of(jan.gpusOwned(), feb.gpusOwned(), mar.gpusOwned())).containsExactly(2, 2, 0);
        assertThat(List.of(jan.gpusRentedIn(), feb.gpusRentedIn(), mar.gpusRentedIn())).containsExactly(1, 1, 0);
        assertThat(jan.gpusNeeded()).isEqualTo(1);
        assertThat(r.totalCapex()).isEqualTo(10_000);
        assertThat(r.plannedCapex()).isEqualTo(10_000);
        // At 0%, from the valuation date: planned −10,540 if bought (RENT: 0 as decided); owned, no secondary price,
        // held at 3 × 1,460 = 4,380 (its month-1 flow on the valuation date included); contract kept at 1,460.
        assertThat(r.valueAsEntered()).isCloseTo(-10_540 + 4_380 - 1_460, within(1e-6));
        assertThat(r.valueFollowingDecisions()).isCloseTo(0 + 4_380 - 1_460, within(1e-6));
        // Whole life: the owned GPU cost nothing, so its since-purchase NPV is also 4,380.
        assertThat(r.clustersNpvAtHurdleSincePurchase()).isCloseTo(-10_540 + 4_380, within(1e-6));
    }

    @Test
    void totalsAreTheSumOfTheClustersAndContractsAndActionsAreRankedByTheirGain() {
        Assumptions assumptions = new Assumptions(VALUATION, "USD", 0.08, 0.12, PricePath.ARTICLE_BLENDED, 0.05, 0.03);
        Cluster old = Cluster.builder("old").gpuModel("H100").status(ClusterStatus.OWNED).startDate(LocalDate.of(2024, 1, 1))
                .gpuCount(8).capexPerGpu(40_000).utilization(0.5).startPricePerGpuHour(1.50).powerKwPerGpu(1.2).pue(1.3)
                .electricityPerKwh(0.1).secondaryPricePerGpu(23_000.0).build();
        Cluster fresh = Cluster.builder("fresh").gpuModel("H100").gpuCount(8).capexPerGpu(15_000)
                .utilization(0.8).startPricePerGpuHour(2.50).build();
        Cluster doubtful = Cluster.builder("doubtful").gpuModel("B200").gpuCount(8).capexPerGpu(64_000)
                .utilization(0.6).startPricePerGpuHour(3.00).build();
        Lease idleHeavy = lessee("idle-heavy", LocalDate.of(2025, 7, 1), 24, 16, 4, 3.80, 40_000.0, true);
        Lease kept = lessee("kept", LocalDate.of(2025, 7, 1), 12, 4, 4, 2.00, null, false);
        List<MarketQuote> market = List.of(new MarketQuote("H100", OptionalDouble.of(2.10), OptionalDouble.of(1.90),
                OptionalDouble.of(0.3), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()));

        PortfolioAnalysis p = RoiEngine.analyze(new Portfolio(assumptions, List.of(old, fresh, doubtful), List.of(idleHeavy, kept), market),
                assumptions);
        PortfolioRollup r = p.rollup();

        assertThat(p.contracts()).extracting(c -> c.contract().contractId()).containsExactly("idle-heavy", "kept");
        ClusterAnalysis o = p.clusters().get(0);
        HoldFigures oldHold = o.metrics().hold().orElseThrow();
        double oldForward = Math.max(oldHold.holdValue(), oldHold.saleValue().getAsDouble());
        double freshNpv = p.clusters().get(1).metrics().npvAtHurdle();
        double chosen = p.contracts().stream().mapToDouble(ContractAnalysis::chosenCost).sum();
        // old RESELLs, fresh is bought, doubtful is not (0).
        assertThat(r.clustersValueOfDecisions()).isCloseTo(oldForward + freshNpv, within(1e-6));
        assertThat(r.valueFollowingDecisions()).isCloseTo(oldForward + freshNpv - chosen, within(1e-6));
        assertThat(r.capexToCommit()).isEqualTo(8 * 15_000);
        assertThat(r.clustersNpvSincePurchase()).isCloseTo(p.clusters().stream().mapToDouble(c -> c.metrics().npv()).sum(), within(1e-6));
        assertThat(r.totalCapex()).isEqualTo(8 * 40_000 + 8 * 15_000 + 8 * 64_000);
        assertThat(r.plannedCapex()).isEqualTo(8 * 15_000 + 8 * 64_000);
        // The months' net flows add up to the undiscounted future flows of every part.
        double future = p.clusters().stream().flatMap(c -> c.schedule().months().stream()).filter(m -> !m.history())
                .mapToDouble(MonthlyCashFlow::net).sum()
                - p.contracts().stream().flatMap(c -> c.keepPayments().stream()).mapToDouble(ContractAnalysis.Payment::amount).sum();
        assertThat(r.months().stream().mapToDouble(PortfolioRollup.MonthPosition::netFlow).sum()).isCloseTo(future, within(1e-4));

        ClusterAnalysis oldA = p.clusters().get(0);
        ClusterAnalysis freshA = p.clusters().get(1);
        ClusterAnalysis doubtfulA = p.clusters().get(2);
        ContractAnalysis idleA = p.contracts().get(0);
        assertThat(oldA.recommendation().decision()).isEqualTo(Decision.RESELL);
        assertThat(freshA.recommendation().decision()).isEqualTo(Decision.BUY);
        assertThat(doubtfulA.recommendation().decision()).isEqualTo(Decision.RENT);
        assertThat(idleA.decision()).isNotEqualTo(ContractDecision.KEEP);
        assertThat(r.actions()).extracting(PortfolioRollup.RankedAction::subject)
                .containsExactlyInAnyOrder("old", "fresh", "doubtful", "idle-heavy");
        assertThat(r.actions()).extracting(PortfolioRollup.RankedAction::npvGainAtHurdle)
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(gain(r, "old")).isCloseTo(-oldHold.holdMinusSale(), within(1e-6));
        assertThat(gain(r, "fresh")).isCloseTo(freshA.metrics().npvAtHurdle(), within(1e-6));
        assertThat(gain(r, "doubtful")).isCloseTo(-doubtfulA.metrics().npvAtHurdle(), within(1e-6));
        assertThat(gain(r, "idle-heavy")).isCloseTo(idleA.keepCost() - idleA.chosenCost(), within(1e-6));
    }

    /**
     * The owned clusters' forward figures are the hold decision's own: a purchase after the valuation date counts its
     * capex still due. One GPU bought 1 Mar 2026 for 10,000, 3 months at flat $2.00 and 100% (1,460 a month), sale
     * $2,000 per GPU, no fees, at 0%: holding is worth −10,000 + 3 × 1,460 = −5,620, so it is sold for 2,000 and the
     * sale gains 2,000 − (−5,620) = 7,620 over holding.
     */
    @Test
    void anOwnedClusterStillToBePaidCountsItsCapexInThePortfolio() {
        Cluster late = Cluster.builder("late").gpuModel("H100").status(ClusterStatus.OWNED).startDate(LocalDate.of(2026, 3, 1))
                .capexPerGpu(10_000).lifeMonths(3).utilization(1).startPricePerGpuHour(2.00).pricePath(new PricePath.Flat())
                .secondaryPricePerGpu(2_000.0).build();

        PortfolioRollup r = RoiEngine.analyze(new Portfolio(AT_ZERO, List.of(late), List.of(), List.of()), AT_ZERO).rollup();

        PortfolioRollup.ClusterPosition p = r.clusters().get(0);
        assertThat(p.decision()).isEqualTo(Decision.RESELL);
        assertThat(p.role()).isEqualTo(PortfolioRollup.CapitalRole.FREE);
        assertThat(p.valueAsEntered()).isCloseTo(-5_620, within(1e-6));
        assertThat(p.valueOfDecision()).isCloseTo(2_000, within(1e-6));
        assertThat(p.gainOverAlternative().getAsDouble()).isCloseTo(7_620, within(1e-6));
        assertThat(r.valueAsEntered()).isCloseTo(-5_620, within(1e-6));
        assertThat(r.valueFollowingDecisions()).isCloseTo(2_000, within(1e-6));
        assertThat(gain(r, "late")).isCloseTo(7_620, within(1e-6));
    }

    /**
     * A cluster whose useful life ended before the valuation date (bought 1 Jan 2024 for 12 months) booked its residual
     * as its sale at the end of life: it adds nothing from today, however high its secondary price, and its RESELL is
     * not a change to make now.
     */
    @Test
    void aClusterPastItsUsefulLifeAddsNothingAndIsNotARecommendedChange() {
        Cluster finished = Cluster.builder("finished").gpuModel("H100").status(ClusterStatus.OWNED)
                .startDate(LocalDate.of(2024, 1, 1)).capexPerGpu(10_000).lifeMonths(12).utilization(1)
                .startPricePerGpuHour(2.00).pricePath(new PricePath.Flat()).secondaryPricePerGpu(50_000.0).build();

        PortfolioRollup r = RoiEngine.analyze(new Portfolio(AT_ZERO, List.of(finished), List.of(), List.of()), AT_ZERO).rollup();

        PortfolioRollup.ClusterPosition p = r.clusters().get(0);
        assertThat(p.decision()).isEqualTo(Decision.RESELL);
        assertThat(p.valueAsEntered()).isZero();
        assertThat(p.valueOfDecision()).isZero();
        assertThat(p.alternativeValue()).isEmpty();
        assertThat(r.valueFollowingDecisions()).isZero();
        assertThat(r.actions()).isEmpty();
        // Its whole life (12 × 1,460 − 10,000 = 7,520 at 0%) stays apart, since purchase.
        assertThat(r.clustersNpvAtHurdleSincePurchase()).isCloseTo(7_520, within(1e-6));
    }

    private static double gain(PortfolioRollup r, String subject) {
        return r.actions().stream().filter(a -> a.subject().equals(subject)).findFirst().orElseThrow().npvGainAtHurdle();
    }
}
