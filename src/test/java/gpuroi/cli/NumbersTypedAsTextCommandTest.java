package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * European and Swiss amounts typed as text, end to end through {@code convert} on the openpyxl
 * fixtures of src/test/fixtures/locale.py, and through {@code quote}'s flags.
 */
class NumbersTypedAsTextCommandTest {
    @TempDir
    Path dir;

    @Test
    void theDeclaredEuroWorkbookAndItsPlainNumbersTwinConvertToTheSameDecisionsAndFigures() throws Exception {
        CliRun typed = CliRun.of("convert", TestFiles.copyForeign("locale-eur-declared.xlsx", dir).toString(), "--json");
        CliRun plain = CliRun.of("convert", TestFiles.copyForeign("locale-eur-plain.xlsx", dir).toString(), "--json");

        assertThat(typed.exitCode()).as(typed.err()).isZero();
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        JsonNode typedClusters = typed.clusters();
        JsonNode plainClusters = plain.clusters();
        assertThat(typedClusters).hasSize(5);
        assertThat(typedClusters).isEqualTo(plainClusters);
        assertThat(typed.json().get("workbooks").get(0).get("warnings")).isEmpty();
        assertThat(typed.json().get("workbooks").get(0).get("currency").asText()).isEqualTo("EUR");
        assertThat(dir.resolve("locale-eur-declared.roi.xlsx")).exists();
    }

    @Test
    void theEuroWorkbookWithoutItsDeclarationIsRefusedAtEachAmountThatReadsTwoWaysAndNothingIsWritten() throws Exception {
        Path input = TestFiles.copyForeign("locale-eur-undeclared.xlsx", dir);

        CliRun run = CliRun.of("convert", "--valuation-date", "2026-01-01", input.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err())
                .contains("locale-eur-undeclared.xlsx: not converted, 3 problems")
                .contains("Fleet!D2: found '62.000 €'")
                .contains("62000 if the dot separates thousands (as in 1.234,56), 62 if it is a decimal point (as in 1,234.56)")
                .contains("Fleet!J2: found '€9.000'")
                .contains("9000 if the dot separates thousands (as in 1.234,56), 9 if it is a decimal point")
                .contains("Fleet!N2: found '1.250 €'")
                .contains("Assumptions row 'Number format'")
                .doesNotContain("Fleet!D3").doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
        assertThat(TestFiles.namesIn(dir)).containsExactly("locale-eur-undeclared.xlsx");
    }

    @Test
    void aEuroAmountInADollarWorkbookConvertsWithAWarningAtItsCell() throws Exception {
        CliRun run = CliRun.of("convert", TestFiles.copyForeign("locale-usd-euro-amount.xlsx", dir).toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("warning: Fleet!D2: '41,500 €' is marked € (EUR) but the workbook's currency is USD");
    }

    @Test
    void aPriceTypedTheOtherWayInADeclaredWorkbookIsRefusedAtItsCell() throws Exception {
        CliRun run = CliRun.of("convert", TestFiles.copyForeign("locale-eur-point-refused.xlsx", dir).toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("Fleet!I2: found '2.85'").contains("in 1,234.56 it would read 2.85");
        assertThat(TestFiles.namesIn(dir)).containsExactly("locale-eur-point-refused.xlsx");
    }

    @Test
    void anAmbiguousQuoteFlagIsRefusedWithBothReadings() {
        CliRun run = CliRun.of("quote", "--capex-per-gpu", "62.000", "--price", "2.85", "--valuation-date", "2026-01-01");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--capex-per-gpu: '62.000' can be read two ways: 62000 if the dot separates thousands "
                + "(as in 1.234,56), 62 if it is a decimal point (as in 1,234.56); write 62000 or 62");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void quoteFlagsInEuropeanAndSwissNotationGiveTheSameQuoteAsPlainNumbers() throws Exception {
        CliRun european = CliRun.of("quote", "--capex-per-gpu", "62\u00a0000 €", "--price", "2,85 €/h", "--utilization", "70,5 %",
                "--secondary-price", "9’000", "--valuation-date", "2026-01-01", "--json");
        CliRun plain = CliRun.of("quote", "--capex-per-gpu", "62000", "--price", "2.85", "--utilization", "0.705",
                "--secondary-price", "9000", "--valuation-date", "2026-01-01", "--json");

        assertThat(european.exitCode()).as(european.err()).isZero();
        assertThat(european.json().get("irr").asDouble()).isCloseTo(plain.json().get("irr").asDouble(), within(0.0));
        assertThat(european.json().get("npv").asDouble()).isEqualTo(plain.json().get("npv").asDouble());
    }
}
