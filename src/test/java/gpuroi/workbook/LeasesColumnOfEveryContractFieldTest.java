package gpuroi.workbook;

import gpuroi.model.Lease;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every field a contract can refuse points at its own Leases column, and the one refusal that takes several
 * contracts together (more GPUs rented out than the cluster has) is named at a contract's cell too, so no
 * contract problem loses its cell.
 */
class LeasesColumnOfEveryContractFieldTest {
    private static final LocalDate VALUATION = LocalDate.of(2026, 6, 1);

    @TempDir
    Path dir;

    private static TestWorkbook fleet() {
        return new TestWorkbook().sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price", "Status", "Purchase date")
                .row("h100-2023", "H100 SXM", 64, 45_000, 2.5, "Owned", LocalDate.of(2023, 3, 1));
    }

    @Test
    void everyFieldAContractCanRefuseHasALeasesColumn() {
        assertThat(LeasesSheet.COLUMN_OF_FIELD.keySet()).containsAll(Lease.FIELDS);
    }

    @Test
    void eachFieldHasAColumnOfTheLeasesSheetAndNoTwoShareOne() {
        assertThat(LeasesSheet.COLUMNS).containsAll(LeasesSheet.COLUMN_OF_FIELD.values());
        assertThat(new HashSet<>(LeasesSheet.COLUMN_OF_FIELD.values())).hasSameSizeAs(LeasesSheet.COLUMN_OF_FIELD.keySet());
    }

    @Test
    void aBadValueOfEveryFieldIsReportedAtItsOwnCell() throws Exception {
        // One bad value a row, on the diagonal: contract id, role, cluster id, model, count, rate, start, term,
        // prepaid share, GPUs needed, termination fee.
        Path file = fleet().sheet("Leases")
                .row("Contract id", "Role", "Cluster id", "GPU model", "GPU count", "Rate", "Start date", "Term", "Prepaid share",
                        "GPUs actually needed", "Termination fee")
                .row(null, "Lessee", null, "H100", 8, 2.0, "2025-01-01", 12, null, null, null)
                .row("r", "Landlady", null, "H100", 8, 2.0, "2025-01-01", 12, null, null, null)
                .row("c", "Lessor", null, "H100", 8, 2.0, "2025-01-01", 12, null, null, null)
                .row("m", "Lessee", null, null, 8, 2.0, "2025-01-01", 12, null, null, null)
                .row("n", "Lessee", null, "H100", 0, 2.0, "2025-01-01", 12, null, null, null)
                .row("p", "Lessee", null, "H100", 8, -1, "2025-01-01", 12, null, null, null)
                .row("s", "Lessee", null, "H100", 8, 2.0, "soon", 12, null, null, null)
                .row("t", "Lessee", null, "H100", 8, 2.0, "2025-01-01", 0, null, null, null)
                .row("u", "Lessee", null, "H100", 8, 2.0, "2025-01-01", 12, "150%", null, null)
                .row("v", "Lessee", null, "H100", 8, 2.0, "2025-01-01", 12, null, 10, null)
                .row("w", "Lessee", null, "H100", 8, 2.0, "2025-01-01", 12, null, null, -1)
                .write(dir.resolve("bad-contracts.xlsx"));

        WorkbookException e = catchThrowableOfType(WorkbookException.class, () -> WorkbookReader.read(file, VALUATION));

        assertThat(e.problems()).extracting(CellProblem::cell).containsExactly("Leases!A2", "Leases!B3", "Leases!C4", "Leases!D5",
                "Leases!E6", "Leases!F7", "Leases!G8", "Leases!H9", "Leases!I10", "Leases!J11", "Leases!K12");
    }

    @Test
    void lessorContractsRentingOutMoreGpusTogetherThanTheClusterHasAreReportedAtTheGpuCountOfTheOneStartingThen() throws Exception {
        // 40 GPUs from January and 40 more from June 2024 on a 64-GPU cluster: 80 GPUs from 1 June.
        Path file = fleet().sheet("Leases")
                .row("Contract id", "Role", "Cluster id", "GPU model", "GPU count", "Rate", "Start date", "Term")
                .row("acme", "Lessor", "h100-2023", "H100", 40, 2.0, "2024-01-01", 12)
                .row("beta", "Lessor", "h100-2023", "H100", 40, 2.0, "2024-06-01", 12)
                .write(dir.resolve("overbooked.xlsx"));

        WorkbookException e = catchThrowableOfType(WorkbookException.class, () -> WorkbookReader.read(file, VALUATION));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.cell()).isEqualTo("Leases!E3");
            assertThat(p.found()).contains("80 GPUs of cluster h100-2023 on 2024-06-01 (contracts acme, beta)");
            assertThat(p.expected()).isEqualTo("contracted GPUs: at most the 64 GPUs of the cluster under contract at any time");
        });
    }
}
