package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.Field;
import gpuroi.model.InvalidValueException;
import gpuroi.model.Lease;
import gpuroi.model.LeaseRole;
import gpuroi.model.Portfolio;
import gpuroi.model.PricePath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PortfolioContractsTest {
    static final LocalDate VALUATION = LocalDate.of(2025, 1, 1);
    static final Assumptions ASSUMPTIONS = new Assumptions(VALUATION, "USD", 0.1, 0.1, PricePath.ARTICLE_BLENDED, 0.1, 0);

    static Cluster hall() {
        return Cluster.builder("hall-a").gpuModel("H100").status(ClusterStatus.OWNED).startDate(LocalDate.of(2023, 1, 1))
                .gpuCount(8).capexPerGpu(40_000).utilization(0.6).startPricePerGpuHour(3.00).pricePath(new PricePath.Flat())
                .build();
    }

    static Lease out(String id, int gpus, LocalDate start, int term) {
        return new Lease(id, LeaseRole.LESSOR, Optional.of("hall-a"), Optional.empty(), "H100", gpus, 4.20, start, term, 0.5,
                gpus, false, OptionalDouble.empty());
    }

    @Test
    void thePortfolioEntryPointFeedsEachClusterItsOwnLessorContractsAndAnalysesLesseeContractsApart() {
        Lease reserved = out("reserved-2023", 4, LocalDate.of(2023, 3, 1), 36);
        Lease rentedIn = new Lease("burst", LeaseRole.LESSEE, Optional.empty(), Optional.empty(), "H100", 2, 2.5,
                LocalDate.of(2024, 7, 1), 12, 0, 2, false, OptionalDouble.empty());

        PortfolioAnalysis p = RoiEngine.analyze(new Portfolio(ASSUMPTIONS, List.of(hall()), List.of(reserved, rentedIn), List.of()),
                ASSUMPTIONS);

        CashFlowSchedule s = p.clusters().get(0).schedule();
        assertThat(s.lessorContracts()).containsExactly(reserved);
        // Month 3 (March 2023) carries the 220,752 prepayment and the first 6,132 of billing.
        assertThat(s.months().get(3).contractRevenue()).isCloseTo(220_752 + 6_132, within(1e-6));
        assertThat(p.contracts()).singleElement().satisfies(c -> {
            assertThat(c.contract()).isEqualTo(rentedIn);
            // 7 payments of 2 × 2.50 × 730 = 3,650 remain: month ends 2025-01-01 (the valuation date: still to pay) to 2025-07-01.
            assertThat(c.remainingMonths()).isEqualTo(7);
        });
        assertThat(p.rollup().months().get(0).gpusContractedOut()).isEqualTo(4);
    }

    @Test
    void lessorContractsOverlappingBeyondTheClustersGpusAreRejectedByThePortfolio() {
        Lease a = out("a", 5, LocalDate.of(2024, 1, 1), 12);
        Lease b = out("b", 4, LocalDate.of(2024, 6, 1), 12);

        assertThatThrownBy(() -> new Portfolio(ASSUMPTIONS, List.of(hall()), List.of(a, b), List.of()))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo(Field.CONTRACTED_GPUS);
                    assertThat(e.found()).isEqualTo("'9 GPUs of cluster hall-a on 2024-06-01 (contracts a, b)'");
                    assertThat(e.expected()).isEqualTo("at most the 8 GPUs of the cluster under contract at any time");
                });
    }

    @Test
    void backToBackLessorContractsOfTheWholeClusterAreAccepted() {
        Lease a = out("a", 8, LocalDate.of(2024, 1, 1), 12);
        Lease b = out("b", 8, LocalDate.of(2025, 1, 1), 12);

        PortfolioAnalysis p = RoiEngine.analyze(new Portfolio(ASSUMPTIONS, List.of(hall()), List.of(a, b), List.of()), ASSUMPTIONS);

        CashFlowSchedule s = p.clusters().get(0).schedule();
        assertThat(s.months().get(24).contractedGpus()).isEqualTo(8);
        assertThat(s.months().get(25).contractedGpus()).isEqualTo(8);
        assertThat(s.months().get(25).marketGpuHours()).isZero();
        assertThat(s.months().get(37).contractedGpus()).isZero();
    }
}
