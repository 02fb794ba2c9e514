package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.Field;
import gpuroi.model.InvalidValueException;
import gpuroi.model.Lease;
import gpuroi.model.LeaseRole;
import gpuroi.model.PricePath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Lessor contracts fix part of a cluster's revenue. Every expected figure is written out from the
 * conventions: a contract covers the cluster months whose midpoint lies in its term, bills
 * rate × GPUs × 730 × (1 − prepaid) in each, and lands the prepaid share as a lump in its first month.
 */
class LessorContractTest {
    static final double FEE = 0.10;

    static Assumptions assumptions(LocalDate valuation, double rate) {
        return new Assumptions(valuation, "USD", rate, rate, PricePath.ARTICLE_BLENDED, FEE, 0);
    }

    /** 8 H100s bought on 1 Jan 2023, 60 months, $3.00 flat, 60% utilization, no running costs. */
    static Cluster.Builder cluster2023() {
        return Cluster.builder("hall-a").gpuModel("H100").status(ClusterStatus.OWNED).startDate(LocalDate.of(2023, 1, 1))
                .gpuCount(8).capexPerGpu(40_000).lifeMonths(60).utilization(0.6).startPricePerGpuHour(3.00)
                .pricePath(new PricePath.Flat());
    }

    static Lease lessor(String id, String cluster, int gpus, double rate, LocalDate start, int term, double prepaid) {
        return new Lease(id, LeaseRole.LESSOR, Optional.of(cluster), Optional.of("LabCo"), "H100", gpus, rate, start, term,
                prepaid, gpus, false, OptionalDouble.empty());
    }

    /**
     * A reserved $4.20/GPU-hr contract for 4 of the 8 GPUs from 1 Mar 2023, 36 months, 50% prepaid:
     * it covers months 3..38. Market revenue per GPU: 730 × 60% × $3.00 × 90% = 1,182.60.
     * <ul>
     *   <li>months 1–2 and 39–60: 8 × 1,182.60 = 9,460.80;</li>
     *   <li>months 4–38: contract 4 × 4.20 × 730 × 50% = 6,132 plus 4 uncommitted GPUs 4,730.40 = 10,862.40;</li>
     *   <li>month 3 adds the prepayment 50% × 4 × 4.20 × 730 × 36 = 220,752: 231,614.40.</li>
     * </ul>
     */
    @Test
    void aReservedContractFrom2023BillsItsRateInTermWithThePrepaymentInItsStartMonthThenFallsBackToTheMarket() {
        Lease reserved = lessor("reserved-2023", "hall-a", 4, 4.20, LocalDate.of(2023, 3, 1), 36, 0.5);
        CashFlowSchedule s = CashFlowModel.schedule(cluster2023().build(), assumptions(LocalDate.of(2025, 1, 1), 0), List.of(reserved));

        assertThat(s.months().get(1).revenue()).isCloseTo(9_460.80, within(1e-6));
        assertThat(s.months().get(2).revenue()).isCloseTo(9_460.80, within(1e-6));
        assertThat(s.months().get(3).revenue()).isCloseTo(231_614.40, within(1e-6));
        assertThat(s.months().get(3).contractRevenue()).isCloseTo(6_132 + 220_752, within(1e-6));
        for (int m = 4; m <= 38; m++) {
            assertThat(s.months().get(m).revenue()).as("month %d", m).isCloseTo(10_862.40, within(1e-6));
            assertThat(s.months().get(m).contractedGpus()).isEqualTo(4);
        }
        for (int m = 39; m <= 60; m++) {
            assertThat(s.months().get(m).revenue()).as("month %d", m).isCloseTo(9_460.80, within(1e-6));
            assertThat(s.months().get(m).contractedGpus()).isZero();
        }
        // Billed hours: 4 contracted GPUs bill all 730 hours, the other 4 at 60%.
        assertThat(s.months().get(10).utilizedGpuHours()).isCloseTo(4 * 730 + 4 * 730 * 0.6, within(1e-9));
        assertThat(s.totalRevenue()).isCloseTo(24 * 9_460.80 + 35 * 10_862.40 + 231_614.40, within(1e-4));
    }

    /**
     * Valued on 1 Jan 2025 the contract started 22 months earlier: the prepayment is history. At a 0%
     * hurdle what is left is months 24–38 (15 × 10,862.40) and 39–60 (22 × 9,460.80).
     */
    @Test
    void aContractThatStartedBeforeTheValuationDateLeavesItsPrepaymentInTheHistory() {
        Lease reserved = lessor("reserved-2023", "hall-a", 4, 4.20, LocalDate.of(2023, 3, 1), 36, 0.5);
        Cluster cluster = cluster2023().build();
        CashFlowSchedule s = CashFlowModel.schedule(cluster, assumptions(LocalDate.of(2025, 1, 1), 0), List.of(reserved));

        ClusterMetrics metrics = Metrics.of(s);

        assertThat(s.months().get(3).history()).isTrue();
        assertThat(metrics.remainingValueAtHurdle()).isCloseTo(15 * 10_862.40 + 22 * 9_460.80, within(1e-4));
    }

    /**
     * A planned 4-GPU cluster from 1 Jan 2025 with a 12-month life, and a contract for 2 GPUs at
     * $3.00 from 1 Jul 2025 for 24 months, 25% prepaid: only months 7–12 lie in the life. Each bills
     * 3 × 2 × 730 × 75% = 3,285; the lump is 25% of the six months' value, 25% × 3 × 2 × 730 × 6 = 6,570.
     */
    @Test
    void monthsOfAContractBeyondTheClustersLifeAreIgnoredPrepaymentIncluded() {
        Cluster shortLived = Cluster.builder("short").gpuModel("H100").startDate(LocalDate.of(2025, 1, 1)).gpuCount(4)
                .capexPerGpu(10_000).lifeMonths(12).utilization(0.5).startPricePerGpuHour(2.00).pricePath(new PricePath.Flat())
                .build();
        Lease longer = lessor("long", "short", 2, 3.00, LocalDate.of(2025, 7, 1), 24, 0.25);

        CashFlowSchedule s = CashFlowModel.schedule(shortLived, assumptions(LocalDate.of(2025, 1, 1), 0.1), List.of(longer));

        double market4 = 4 * 730 * 0.5 * 2.00 * 0.9;
        double market2 = 2 * 730 * 0.5 * 2.00 * 0.9;
        assertThat(s.months()).hasSize(13);
        assertThat(s.months().get(6).revenue()).isCloseTo(market4, within(1e-6));
        assertThat(s.months().get(7).revenue()).isCloseTo(market2 + 3_285 + 6_570, within(1e-6));
        assertThat(s.months().get(12).revenue()).isCloseTo(market2 + 3_285, within(1e-6));
    }

    /** 4 GPUs at $4.00 for months 1–12 and 3 GPUs at $3.50 from month 7: months 7–12 carry both. */
    @Test
    void overlappingContractsAddUpAndOnlyTheUncommittedGpusEarnTheMarket() {
        Cluster cluster = cluster2023().build();
        Lease a = lessor("a", "hall-a", 4, 4.00, LocalDate.of(2023, 1, 1), 12, 0);
        Lease b = lessor("b", "hall-a", 3, 3.50, LocalDate.of(2023, 7, 1), 12, 0);

        CashFlowSchedule s = CashFlowModel.schedule(cluster, assumptions(LocalDate.of(2023, 1, 1), 0.1), List.of(a, b));

        assertThat(s.months().get(6).contractedGpus()).isEqualTo(4);
        assertThat(s.months().get(9).contractedGpus()).isEqualTo(7);
        assertThat(s.months().get(9).revenue())
                .isCloseTo(4 * 4.00 * 730 + 3 * 3.50 * 730 + 1 * 1_182.60, within(1e-6));
        assertThat(s.months().get(15).contractedGpus()).isEqualTo(3);
        assertThat(s.months().get(19).contractedGpus()).isZero();
    }

    @Test
    void overlappingContractsThatRentOutMoreGpusThanTheClusterHasAreRejectedNamingThem() {
        Cluster cluster = cluster2023().build();
        Lease a = lessor("a", "hall-a", 4, 4.00, LocalDate.of(2023, 1, 1), 12, 0);
        Lease b = lessor("b", "hall-a", 5, 3.50, LocalDate.of(2023, 7, 1), 12, 0);

        assertThatThrownBy(() -> CashFlowModel.schedule(cluster, assumptions(LocalDate.of(2023, 1, 1), 0.1), List.of(a, b)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo(Field.CONTRACTED_GPUS);
                    assertThat(e.found()).contains("9 GPUs of cluster hall-a").contains("JULY 2023").contains("a, b");
                    assertThat(e.expected()).contains("at most the 8 GPUs");
                });
    }

    @Test
    void breakEvenStartPriceAndUtilizationStillGiveZeroNpvAtTheHurdleWithAContract() {
        Assumptions assumptions = new Assumptions(LocalDate.of(2025, 1, 1), "USD", 0.08, 0.12,
                PricePath.ARTICLE_BLENDED, FEE, 0);
        Cluster planned = Cluster.builder("new-hall").gpuModel("H100").gpuCount(16).capexPerGpu(30_000).lifeMonths(48)
                .powerKwPerGpu(1.1).pue(1.3).electricityPerKwh(0.09).otherOpexPerGpuMonth(150).utilization(0.55)
                .startPricePerGpuHour(2.20).build();
        List<Lease> contracts = List.of(lessor("anchor", "new-hall", 6, 2.60, LocalDate.of(2025, 4, 1), 24, 0.3));

        ClusterMetrics base = Metrics.of(CashFlowModel.schedule(planned, assumptions, contracts));
        double price = base.breakEvenStartPrice().getAsDouble();
        double utilization = base.breakEvenUtilization().getAsDouble();
        double zeroIrrPrice = base.breakEvenStartPriceZeroIrr().getAsDouble();

        CashFlowSchedule atPrice = CashFlowModel.schedule(planned.toBuilder().startPricePerGpuHour(price).build(), assumptions, contracts);
        CashFlowSchedule atUtilization = CashFlowModel.schedule(planned.toBuilder().utilization(utilization).build(), assumptions, contracts);
        CashFlowSchedule atZeroIrr = CashFlowModel.schedule(planned.toBuilder().startPricePerGpuHour(zeroIrrPrice).build(), assumptions, contracts);

        assertThat(utilization).isBetween(0.0, 1.0);
        assertThat(atPrice.npvAtValuationDate(0.12)).isCloseTo(0, within(1e-5));
        assertThat(atUtilization.npvAtValuationDate(0.12)).isCloseTo(0, within(1e-5));
        assertThat(atZeroIrr.npvAtValuationDate(0)).isCloseTo(0, within(1e-5));
        // The contract carries part of the cost, so the market has less to earn than without it.
        ClusterMetrics withoutContract = Metrics.of(CashFlowModel.schedule(planned, assumptions));
        assertThat(price).isNotCloseTo(withoutContract.breakEvenStartPrice().getAsDouble(), within(1e-3));
    }

    @Test
    void aClusterWithoutContractsGetsExactlyTheFiguresItGotBefore() {
        Cluster cluster = cluster2023().build();
        Assumptions assumptions = assumptions(LocalDate.of(2025, 1, 1), 0.1);

        CashFlowSchedule plain = CashFlowModel.schedule(cluster, assumptions);
        CashFlowSchedule empty = CashFlowModel.schedule(cluster, assumptions, List.of());

        assertThat(empty.netFlows()).containsExactly(plain.netFlows());
        assertThat(Metrics.of(empty)).isEqualTo(Metrics.of(plain));
        // Bit for bit the arithmetic of the model before contracts: (GPUs · 730 · utilization · (1 − fee)) · price.
        assertThat(plain.months().get(1).revenue()).isEqualTo(8 * 730.0 * 0.6 * (1 - FEE) * 3.00);
    }

    /** 8 GPUs for 24 months at $4.00, fully billed: 8 × 4 × 730 × 24 = 560,640 against 8 × 20,000 of capex. */
    @Test
    void aPlannedClusterWhoseContractAlonePaysForItIsABuyWhateverTheMarketPrice() {
        Cluster planned = Cluster.builder("anchored").gpuModel("H100").startDate(LocalDate.of(2025, 1, 1)).gpuCount(8)
                .capexPerGpu(20_000).lifeMonths(36).utilization(0.5).startPricePerGpuHour(1.00).build();
        Lease anchor = lessor("anchor", "anchored", 8, 4.00, LocalDate.of(2025, 1, 1), 24, 0);

        ClusterAnalysis a = RoiEngine.analyzeWithContracts(planned, assumptions(LocalDate.of(2025, 1, 1), 0.1), List.of(anchor));

        assertThat(a.recommendation().decision()).isEqualTo(Decision.BUY);
        assertThat(a.metrics().breakEvenStartPrice().getAsDouble()).isNegative();
        assertThat(a.recommendation().reason()).contains("no market price or utilization would make renting win");
    }
}
