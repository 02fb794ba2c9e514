package gpuroi.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import gpuroi.engine.CashFlowSchedule;
import gpuroi.engine.RoiEngine;
import gpuroi.model.Lease;
import gpuroi.model.LeaseRole;
import gpuroi.model.MarketQuote;
import gpuroi.model.Portfolio;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeasesAndMarketReadingTest {
    private static final LocalDate VALUATION = LocalDate.of(2026, 6, 1);

    @TempDir
    Path dir;

    private static TestWorkbook fleet() {
        return new TestWorkbook().sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price", "Status", "Purchase date")
                .row("h100-2023", "H100 SXM", 64, 45_000, 2.5, "Owned", LocalDate.of(2023, 3, 1));
    }

    @Test
    void lessorAndLesseeContractsAreReadWithTheirDefaultsNoted() throws Exception {
        Path file = fleet().sheet("leases ")
                .row("Contracts")
                .row("Contract", "Role", "Cluster", "Customer", "GPU model", "GPUs", "Rate ($/GPU-hr)", "Start", "Term (months)",
                        "Prepaid %", "GPUs needed", "Resale allowed", "Termination fee (USD)")
                .row("acme-2023", "Lessor", "h100-2023", "Acme AI", null, null, "$4.20/hr", "2023-04-01", 36, "50%", null, null, null)
                .row("cloud-in", "Lessee", null, "BigCloud", "H100", 32, 2.40, LocalDate.of(2025, 1, 1), 24, 0, 20, "yes", null)
                .row("exit-me", "lessee", null, "NeoCloud", "H200", 16, "$3.90", "2025-10-01", 12, null, 16, "No", "$150k")
                .write(dir.resolve("leases.xlsx"));

        WorkbookInput input = WorkbookReader.read(file, VALUATION);

        assertThat(input.portfolio().leases()).hasSize(3);
        Lease lessor = input.portfolio().leases().get(0);
        assertThat(lessor.role()).isEqualTo(LeaseRole.LESSOR);
        assertThat(lessor.clusterId()).contains("h100-2023");
        assertThat(lessor.counterparty()).contains("Acme AI");
        assertThat(lessor.gpuModel()).isEqualTo("H100 SXM");
        assertThat(lessor.gpuCount()).isEqualTo(64);
        assertThat(lessor.ratePerGpuHour()).isEqualTo(4.20);
        assertThat(lessor.startDate()).isEqualTo(LocalDate.of(2023, 4, 1));
        assertThat(lessor.termMonths()).isEqualTo(36);
        assertThat(lessor.prepaidShare()).isCloseTo(0.5, within(1e-12));

        Lease idle = input.portfolio().leases().get(1);
        assertThat(idle.role()).isEqualTo(LeaseRole.LESSEE);
        assertThat(idle.idleGpus()).isEqualTo(12);
        assertThat(idle.resaleAllowed()).isTrue();
        assertThat(idle.terminationFee()).isEmpty();

        Lease exit = input.portfolio().leases().get(2);
        assertThat(exit.terminationFee()).hasValue(150_000);
        assertThat(exit.resaleAllowed()).isFalse();
        assertThat(exit.prepaidShare()).isZero();

        assertThat(input.notes(InputNote.Kind.DEFAULT)).anySatisfy(n -> {
            assertThat(n.location()).isEqualTo("'leases '!F3");
            assertThat(n.message()).contains("acme-2023").contains("64 GPUs");
        });
    }

    @Test
    void aTermInYearsIsTurnedIntoMonths() throws Exception {
        Path file = fleet().sheet("Leases")
                .row("Contract id", "Role", "GPU model", "GPU count", "Rate", "Start date", "Term (years)")
                .row("three-years", "Lessee", "A100", 8, 1.2, "2024-01-01", 3)
                .write(dir.resolve("years.xlsx"));

        assertThat(WorkbookReader.read(file, VALUATION).portfolio().leases().get(0).termMonths()).isEqualTo(36);
    }

    @Test
    void aLessorContractNamingItsClusterInAnotherCaseRentsOutThatCluster() throws Exception {
        Path file = fleet().sheet("Leases")
                .row("Contract id", "Role", "Cluster id", "GPU model", "GPU count", "Rate", "Start date", "Term")
                .row("acme", "Lessor", "H100-2023", "H100", 16, 2.0, "2026-01-01", 12)
                .write(dir.resolve("cluster-case.xlsx"));

        Portfolio portfolio = WorkbookReader.read(file, VALUATION).portfolio();

        assertThat(portfolio.leases()).singleElement().satisfies(l -> assertThat(l.clusterId()).contains("h100-2023"));
        // June 2026, the cluster's month from 1 June, falls in the contract's year: 16 of its 64 GPUs are rented out.
        CashFlowSchedule schedule = RoiEngine.analyze(portfolio, portfolio.assumptions()).clusters().get(0).schedule();
        assertThat(schedule.months()).filteredOn(m -> m.date().equals(LocalDate.of(2026, 7, 1)))
                .singleElement().satisfies(m -> assertThat(m.contractedGpus()).isEqualTo(16));
    }

    @Test
    void leaseProblemsNameTheirCells() throws Exception {
        Path file = fleet().sheet("Leases")
                .row("Contract id", "Role", "Cluster id", "GPU model", "GPU count", "Rate", "Start date", "Term", "GPUs needed", "Resale allowed")
                .row("x", "Landlady", null, "H100", 8, 2.0, "2024-01-01", 12, null, null)
                .row("y", "Lessor", "h100-9999", null, null, 2.0, "2024-01-01", 12, null, null)
                .row("z", "Lessee", null, "H100", 8, 2.0, "soon", 12, 10, "maybe")
                .row("x", "Lessee", null, "H100", 8, 2.0, "2024-01-01", 12, 9, null)
                .row("w", "Lessor", "h100-2023", null, 65, 2.0, "2024-01-01", 12, null, null)
                .write(dir.resolve("bad-leases.xlsx"));

        WorkbookException e = catchThrowableOfType(WorkbookException.class, () -> WorkbookReader.read(file, VALUATION));

        assertThat(e.problems()).extracting(CellProblem::cell)
                .containsExactly("Leases!B2", "Leases!C3", "Leases!G4", "Leases!J4", "Leases!A5", "Leases!I5", "Leases!E6");
        assertThat(e.problems().get(1).expected()).contains("h100-2023");
        assertThat(e.problems().get(5).expected()).contains("GPUs needed").contains("0 to the 8 GPUs");
        assertThat(e.problems().get(6).expected()).contains("at most the 64 GPUs of cluster h100-2023");
    }

    @Test
    void marketRowsAreReadAndFeedTheFleet() throws Exception {
        Path file = new TestWorkbook()
                .sheet("MARKET")
                .row("Market prices, May 2026")
                .row("GPU", "On-demand [$/hr]", "Reserved ($/GPU-hr)", "Annual decline", "New price", "Used price", "Power (kW)", "Source")
                .row("H100 SXM", "$2.95", 2.10, "40%", "38.75k", "23,500", 1.2, "survey")
                .row("MI300X", 2.10, null, null, null, null, null, "quote")
                .sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU")
                .row("amd", "AMD Instinct MI300X", 8, 15_000)
                .write(dir.resolve("market.xlsx"));

        WorkbookInput input = WorkbookReader.read(file, VALUATION);

        MarketQuote h100 = input.portfolio().quoteFor("h100").orElseThrow();
        assertThat(h100.onDemandPricePerGpuHour()).hasValue(2.95);
        assertThat(h100.reservedPricePerGpuHour()).hasValue(2.10);
        assertThat(h100.annualPriceDecline().getAsDouble()).isCloseTo(0.4, within(1e-12));
        assertThat(h100.newPricePerGpu()).hasValue(38_750);
        assertThat(h100.secondaryPricePerGpu()).hasValue(23_500);
        assertThat(h100.powerKwPerGpu()).hasValue(1.2);
        assertThat(input.portfolio().cluster("amd").orElseThrow().startPricePerGpuHour()).isEqualTo(2.10);
    }

    @Test
    void aModelListedTwiceOnTheMarketSheetIsAnError() throws Exception {
        Path file = fleet().sheet("Market")
                .row("GPU model", "On-demand price")
                .row("H100", 2.95)
                .row("NVIDIA H100 SXM5", 3.10)
                .row("A100", "cheap")
                .write(dir.resolve("dup-market.xlsx"));

        WorkbookException e = catchThrowableOfType(WorkbookException.class, () -> WorkbookReader.read(file, VALUATION));

        assertThat(e.problems()).extracting(CellProblem::cell).containsExactly("Market!A3", "Market!B4");
        assertThat(e.problems().get(0).expected()).contains("already in Market!A2");
    }
}
