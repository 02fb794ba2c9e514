package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Units typed after amounts or named in headers, end to end through {@code convert} on the openpyxl fixtures of
 * src/test/fixtures/units.py, and through {@code quote}'s flags: a unit that is the column's own is read, another unit or
 * a scale is refused at its cell, never read as if it were the column's unit.
 */
class PerUnitSuffixCommandTest {
    @TempDir
    Path dir;

    @Test
    void suffixesThatSayEachColumnsOwnUnitGiveTheFiguresOfThePlainNumbers() throws Exception {
        CliRun typed = CliRun.of("convert", TestFiles.copyForeign("units-agreeing.xlsx", dir).toString(), "--json");
        CliRun plain = CliRun.of("convert", TestFiles.copyForeign("units-plain.xlsx", dir).toString(), "--json");

        assertThat(typed.exitCode()).as(typed.err()).isZero();
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        JsonNode typedClusters = typed.clusters();
        assertThat(typedClusters).hasSize(2);
        assertThat(typedClusters).isEqualTo(plain.clusters());
        assertThat(typed.json().get("workbooks").get(0).get("warnings")).isEmpty();
    }

    @Test
    void aFigureTypedPerAnotherUnitIsRefusedAtItsCellAndNothingIsWritten() throws Exception {
        Path input = TestFiles.copyForeign("units-mismatched.xlsx", dir);

        CliRun run = CliRun.of("convert", input.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err())
                .contains("units-mismatched.xlsx: not converted, 4 problems")
                .contains("Fleet!N2: found '$1,440/year', expected an amount per GPU and month such as 150 or $150/month"
                        + " ('$1,440/year' is a figure per year, not per GPU-month; write the figure per GPU-month)")
                .contains("Fleet!I2: found '$2,080/month'").contains("is a figure per month, not per GPU-hour")
                .contains("Fleet!M2: found '$0.08/hr'").contains("is a figure per hour, not per kWh")
                .contains("Fleet!D2: found '$45,000/yr'").contains("is a figure per year, not per GPU")
                .doesNotContain("Fleet!D3").doesNotContain("Fleet!N3").doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
        assertThat(TestFiles.namesIn(dir)).containsExactly("units-mismatched.xlsx");
    }

    @Test
    void marketPricesAndLeaseTermsTypedPerAnotherUnitAreRefusedAtTheirCells() throws Exception {
        CliRun run = CliRun.of("convert", TestFiles.copyForeign("units-mismatched-market-leases.xlsx", dir).toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err())
                .contains("not converted, 4 problems")
                .contains("Market!B2: found '$2.95/month'").contains("'$2.95/month' is a figure per month, not per GPU-hour")
                .contains("Market!E2: found '$38,000/yr'").contains("'$38,000/yr' is a figure per year, not per GPU")
                .contains("Leases!G2: found '$3,000/month'").contains("'$3,000/month' is a figure per month, not per GPU-hour")
                .contains("Leases!M2: found '$15k/GPU'").contains("'$15k/GPU' is a figure per GPU; write the number alone");
        assertThat(TestFiles.namesIn(dir)).containsExactly("units-mismatched-market-leases.xlsx");
    }

    @Test
    void headersNamingAnotherUnitOrAScaleAreRefusedAtTheirCellsBeforeAnyFigureIsRead() throws Exception {
        CliRun run = CliRun.of("convert", TestFiles.copyForeign("units-headers-other.xlsx", dir).toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err())
                .contains("not converted, 4 problems")
                .contains("Fleet!D1: found the header 'Capex per GPU ($k)' (in thousands), expected amounts in whole currency"
                        + " units, as gpu-roi reads 'Capex per GPU' (it does not rescale a column)")
                .contains("Fleet!I1: found the header 'Start rental price ($/GPU-month)' (per month), expected figures per GPU-hour")
                .contains("Fleet!M1: found the header 'Electricity (¢/kWh)' (in cents)")
                .contains("Fleet!N1: found the header 'Other opex per GPU-year' (per year), expected figures per GPU-month, as"
                        + " gpu-roi reads 'Other opex per GPU-month'");
        assertThat(TestFiles.namesIn(dir)).containsExactly("units-headers-other.xlsx");
    }

    @Test
    void headersWithTheColumnsOwnUnitOrACommentReadAsThePlainOnes() throws Exception {
        CliRun own = CliRun.of("convert", TestFiles.copyForeign("units-headers-own.xlsx", dir).toString(), "--json");
        CliRun plain = CliRun.of("convert", TestFiles.copyForeign("units-plain.xlsx", dir).toString(), "--json");

        assertThat(own.exitCode()).as(own.err()).isZero();
        assertThat(own.clusters())
                .isEqualTo(plain.clusters());
    }

    @Test
    void aQuoteFlagTypedPerAnotherUnitIsRefusedAndOneInItsOwnUnitIsRead() throws IOException {
        CliRun yearly = CliRun.of("quote", "--preset", "article-h100", "--opex", "$1,440/year", "--valuation-date", "2026-01-01");
        CliRun monthlyPrice = CliRun.of("quote", "--preset", "article-h100", "--price", "$2,080/month", "--valuation-date",
                "2026-01-01");
        CliRun typed = CliRun.of("quote", "--preset", "article-h100", "--opex", "$120/GPU/month", "--price", "$2.85/GPU-hr",
                "--kwh-price", "$0.08 per kWh", "--valuation-date", "2026-01-01", "--json");
        CliRun plain = CliRun.of("quote", "--preset", "article-h100", "--opex", "120", "--price", "2.85", "--kwh-price", "0.08",
                "--valuation-date", "2026-01-01", "--json");

        assertThat(yearly.exitCode()).isEqualTo(2);
        assertThat(yearly.err()).contains("--opex").contains("'$1,440/year' is a figure per year, not per GPU-month");
        assertThat(yearly.out()).isEmpty();
        assertThat(monthlyPrice.exitCode()).isEqualTo(2);
        assertThat(monthlyPrice.err()).contains("--price").contains("'$2,080/month' is a figure per month, not per GPU-hour");
        assertThat(typed.exitCode()).as(typed.err()).isZero();
        assertThat(typed.json().get("npv").asDouble()).isEqualTo(plain.json().get("npv").asDouble());
        assertThat(typed.json().get("irr").asDouble()).isEqualTo(plain.json().get("irr").asDouble());
    }
}
