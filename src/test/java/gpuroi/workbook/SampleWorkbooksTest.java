package gpuroi.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.GpuCatalog;
import gpuroi.model.Lease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleWorkbooksTest {
    private static final LocalDate UNUSED_DEFAULT = LocalDate.of(2030, 1, 1);

    @Test
    void theCommittedSampleReadsWithoutErrors() throws Exception {
        assertThat(SampleWorkbooks.FLEET).as("run SampleWorkbooks.main to create it").exists();
        WorkbookInput input = WorkbookReader.read(SampleWorkbooks.FLEET, UNUSED_DEFAULT);

        assertThat(input.portfolio().assumptions().valuationDate()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(input.portfolio().assumptions().hurdleRate()).isEqualTo(0.12);
        assertThat(input.portfolio().clusters()).extracting(Cluster::id)
                .containsExactly("h100-2023", "a100-lot", "h200-plan", "b200-plan", "l40s-inference");
        assertThat(input.portfolio().leases()).extracting(Lease::contractId)
                .containsExactly("acme-reserved-2023", "bigcloud-training", "neocloud-h200");
        assertThat(input.portfolio().marketQuotes()).hasSize(3);

        Cluster h100 = input.portfolio().cluster("h100-2023").orElseThrow();
        assertThat(h100.status()).isEqualTo(ClusterStatus.OWNED);
        assertThat(h100.startPricePerGpuHour()).isEqualTo(2.85);
        assertThat(h100.utilization()).isEqualTo(0.70);
        assertThat(h100.secondaryPricePerGpu()).hasValue(23_500);
        assertThat(input.portfolio().cluster("a100-lot").orElseThrow().secondaryPricePerGpu()).hasValue(9_000);
        assertThat(input.portfolio().cluster("h200-plan").orElseThrow().startPricePerGpuHour()).isEqualTo(4.50);
        assertThat(input.portfolio().cluster("b200-plan").orElseThrow().capexPerGpu()).isEqualTo(62_000);
        assertThat(input.portfolio().cluster("b200-plan").orElseThrow().startPricePerGpuHour())
                .isEqualTo(GpuCatalog.B200.onDemandPricePerGpuHour());
        assertThat(input.portfolio().leases().get(0).ratePerGpuHour()).isGreaterThan(4.0);
        assertThat(input.portfolio().leases().get(0).prepaidShare()).isEqualTo(0.5);
        assertThat(input.portfolio().leases().get(1).idleGpus()).isEqualTo(80);
        assertThat(input.portfolio().leases().get(2).terminationFee()).hasValue(120_000);

        assertThat(input.notes(InputNote.Kind.CATALOG)).extracting(InputNote::location)
                .containsExactlyInAnyOrder("Fleet!O8", "Fleet!J9");
        assertThat(input.notes(InputNote.Kind.WARNING)).allSatisfy(n -> assertThat(n.message()).contains("read but not applied"));
    }

    @Test
    void theCommittedSampleIsWhatTheGeneratorWritesToday(@TempDir Path dir) throws Exception {
        Path fresh = dir.resolve("fleet.xlsx");
        SampleWorkbooks.writeFleet(fresh);

        assertThat(Files.size(fresh)).isPositive();
        assertThat(WorkbookReader.read(SampleWorkbooks.FLEET, UNUSED_DEFAULT))
                .as("samples/mixed-fleet.xlsx is stale: run SampleWorkbooks.main")
                .isEqualTo(WorkbookReader.read(fresh, UNUSED_DEFAULT));
    }
}
