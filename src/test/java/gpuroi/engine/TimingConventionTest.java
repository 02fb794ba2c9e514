package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
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
 * One timing convention for clusters, lessor and lessee contracts: every flow at a month's end, a prepayment with the
 * first month of the term, and a flow dated on the valuation date still to come. Present values are written out.
 */
class TimingConventionTest {
    private static final LocalDate VALUATION = LocalDate.of(2026, 1, 1);
    private static final Assumptions AT_12 = new Assumptions(VALUATION, "USD", 0.12, 0.12, PricePath.ARTICLE_BLENDED, 0, 0);
    private static final List<MarketQuote> FLAT_MARKET = List.of(new MarketQuote("H100", OptionalDouble.of(2.00),
            OptionalDouble.empty(), OptionalDouble.of(0.0), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()));
    private static final double V = Math.pow(1.12, -1.0 / 12);

    /** v^0 + v^1 + v^2 + v^3: four month-end flows, the first on the valuation date. */
    private static final double FOUR_FROM_TODAY = 1 + V + V * V + V * V * V;

    @Test
    void aClusterMonthEndingOnTheValuationDateIsStillToCome() {
        // Bought 2025-10-01, 6 months, 1 GPU at flat $2.00, 100% utilization, no costs: $1,460 a month.
        // Months 3..6 end on 2026-01-01 (valuation), 02-01, 03-01, 04-01.
        Cluster c = Cluster.builder("c").gpuModel("H100").gpuCount(1).capexPerGpu(10_000).lifeMonths(6)
                .status(ClusterStatus.OWNED).startDate(LocalDate.of(2025, 10, 1)).utilization(1).startPricePerGpuHour(2)
                .pricePath(new PricePath.Flat()).build();
        ClusterAnalysis a = RoiEngine.analyze(c, AT_12);
        assertThat(a.schedule().months().get(3).history()).isFalse();
        assertThat(a.schedule().months().get(2).history()).isTrue();
        assertThat(a.metrics().remainingValueAtHurdle()).isCloseTo(1_460 * FOUR_FROM_TODAY, within(1e-6));
    }

    @Test
    void aLesseePaymentOnTheValuationDateIsStillToPayLikeTheClustersMonth() {
        // 10 GPUs at $4.00, no prepayment, from 2025-10-01 for 6 months: 29,200 at each month end; the 3rd is 2026-01-01.
        Lease lease = new Lease("k", LeaseRole.LESSEE, Optional.empty(), Optional.empty(), "H100", 10, 4.00,
                LocalDate.of(2025, 10, 1), 6, 0, 10, false, OptionalDouble.empty());
        ContractAnalysis k = LeaseAnalyzer.analyze(lease, AT_12, FLAT_MARKET);
        assertThat(k.remainingMonths()).isEqualTo(4);
        assertThat(k.keepCost()).isCloseTo(29_200 * FOUR_FROM_TODAY, within(1e-6));
        assertThat(k.keepPayments().get(0).date()).isEqualTo(VALUATION);
    }

    @Test
    void aLesseesPrepaymentIsPaidWithItsFirstMonthAtItsEnd() {
        // From the valuation date, 6 months, 50% prepaid: prepayment 50% × 10 × 4 × 730 × 6 = 87,600 and 14,600 a month,
        // the prepayment with the first month at t = 1.
        Lease lease = new Lease("k", LeaseRole.LESSEE, Optional.empty(), Optional.empty(), "H100", 10, 4.00,
                VALUATION, 6, 0.5, 10, false, OptionalDouble.empty());
        ContractAnalysis k = LeaseAnalyzer.analyze(lease, AT_12, FLAT_MARKET);
        double expected = 87_600 * V;
        for (int t = 1; t <= 6; t++) {
            expected += 14_600 * Math.pow(V, t);
        }
        assertThat(k.prepaymentStillDue()).isCloseTo(87_600, within(1e-9));
        assertThat(k.keepCost()).isCloseTo(expected, within(1e-6));
        assertThat(k.keepPayments().get(0)).isEqualTo(new ContractAnalysis.Payment(LocalDate.of(2026, 2, 1), 87_600));
    }

    @Test
    void aLessorsPrepaymentArrivesWithItsFirstMonthAtItsEndAsALesseesIsPaid() {
        // The same contract, rented out of a cluster bought on the valuation date: month 1 (ending 2026-02-01) carries
        // the 87,600 prepayment and the first 14,600; month 0 (the purchase) carries none.
        Cluster c = Cluster.builder("c").gpuModel("H100").gpuCount(10).capexPerGpu(10_000).lifeMonths(12)
                .status(ClusterStatus.PLANNED).startDate(VALUATION).utilization(0).startPricePerGpuHour(2)
                .pricePath(new PricePath.Flat()).build();
        Lease lease = new Lease("k", LeaseRole.LESSOR, Optional.of("c"), Optional.empty(), "H100", 10, 4.00,
                VALUATION, 6, 0.5, 10, false, OptionalDouble.empty());
        CashFlowSchedule s = RoiEngine.analyzeWithContracts(c, AT_12, List.of(lease)).schedule();
        assertThat(s.months().get(0).contractRevenue()).isZero();
        assertThat(s.months().get(1).date()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(s.months().get(1).contractRevenue()).isCloseTo(87_600 + 14_600, within(1e-9));
    }
}
