package gpuroi.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class LeaseTest {
    private static Lease lessee(int gpus, int needed) {
        return new Lease("c1", LeaseRole.LESSEE, Optional.empty(), Optional.of("BigCloud"), "H100", gpus, 2.4,
                LocalDate.of(2025, 1, 1), 24, 0.5, needed, true, OptionalDouble.of(100_000));
    }

    @Test
    void aLesseeContractKnowsItsIdleGpusAndEndDate() {
        Lease l = lessee(32, 20);
        assertThat(l.idleGpus()).isEqualTo(12);
        assertThat(l.endDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(l.totalContractValue()).isEqualTo(2.4 * 32 * 730 * 24);
    }

    @Test
    void needingMoreGpusThanContractedIsRejectedNamingTheField() {
        assertThatThrownBy(() -> lessee(8, 9)).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.field()).isEqualTo(Field.GPUS_NEEDED));
    }

    @Test
    void aLessorContractMustNameItsCluster() {
        assertThatThrownBy(() -> new Lease("c1", LeaseRole.LESSOR, Optional.empty(), Optional.empty(), "H100", 8, 4.2,
                LocalDate.of(2023, 4, 1), 36, 0.5, 8, false, OptionalDouble.empty()))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(Field.CLUSTER_ID));
    }

    @Test
    void rolesAreReadLeniently() {
        assertThat(LeaseRole.parse(" lessor ")).isEqualTo(LeaseRole.LESSOR);
        assertThat(LeaseRole.parse("We rent in")).isEqualTo(LeaseRole.LESSEE);
        assertThatThrownBy(() -> LeaseRole.parse("both")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aPortfolioRejectsALessorContractForAnUnknownCluster() {
        Lease lessor = new Lease("c1", LeaseRole.LESSOR, Optional.of("ghost"), Optional.empty(), "H100", 8, 4.2,
                LocalDate.of(2023, 4, 1), 36, 0.5, 8, false, OptionalDouble.empty());
        Cluster cluster = Cluster.builder("real").gpuModel("H100").capexPerGpu(30_000).startPricePerGpuHour(2.5).build();
        assertThatThrownBy(() -> new Portfolio(Assumptions.defaults(LocalDate.of(2026, 6, 1)), List.of(cluster), List.of(lessor), List.of()))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.found()).isEqualTo("'ghost'"));
    }

    @Test
    void everyInvalidFieldOfAContractIsReportedAtOnce() {
        assertThatThrownBy(() -> new Lease("c1", LeaseRole.LESSEE, Optional.empty(), Optional.empty(), "H100", 8, -1,
                LocalDate.of(2025, 1, 1), 0, 1.5, 8, false, OptionalDouble.empty()))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.all())
                        .extracting(InvalidValueException::field)
                        .containsExactly(Field.RATE_PER_GPU_HOUR, Field.TERM, Field.PREPAID_SHARE));
    }
}
