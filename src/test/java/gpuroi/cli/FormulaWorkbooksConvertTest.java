package gpuroi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code gpuroi convert} on fleet workbooks of formulas written by openpyxl, XlsxWriter and
 * LibreOffice gives the decisions, IRRs and NPVs of their plain-values twins; formulas it cannot
 * calculate are refused at their cell with exit code 2 and nothing written. The workbooks are made
 * by src/test/fixtures/formulas.py.
 */
class FormulaWorkbooksConvertTest {

    @TempDir
    Path dir;

    private static CliRun convert(Path input) {
        return CliRun.of("convert", "--no-memos", "--json", input.toString());
    }

    @ParameterizedTest(name = "{0} converts as {1}")
    @CsvSource({
        "formulas-openpyxl.xlsx, formulas-openpyxl-values.xlsx",
        "formulas-xlsxwriter.xlsx, formulas-xlsxwriter-values.xlsx",
        "formulas-libreoffice.xlsx, formulas-openpyxl-values.xlsx",
    })
    void aWorkbookOfFormulasConvertsToTheDecisionsIrrsAndNpvsOfItsPlainValuesTwin(String formulas, String values) throws Exception {
        CliRun fromFormulas = convert(TestFiles.copyForeign(formulas, dir));
        CliRun fromValues = convert(TestFiles.copyForeign(values, dir));
        assertThat(fromFormulas.exitCode()).as(fromFormulas.err()).isZero();
        assertThat(fromValues.exitCode()).as(fromValues.err()).isZero();

        JsonNode formulaClusters = fromFormulas.clusters();
        JsonNode valueClusters = fromValues.clusters();
        assertThat(formulaClusters.findValuesAsText("id")).containsExactly("h100-owned", "h200-planned", "a100-owned");
        for (int i = 0; i < 3; i++) {
            JsonNode mine = formulaClusters.get(i);
            JsonNode twin = valueClusters.get(i);
            assertThat(mine.get("decision")).as(mine.get("id").asText()).isEqualTo(twin.get("decision"));
            assertThat(mine.get("irr")).as(mine.get("id").asText()).isEqualTo(twin.get("irr"));
            assertThat(mine.get("npv")).as(mine.get("id").asText()).isEqualTo(twin.get("npv"));
            // Not "no IRR, nothing invested": the capex was read.
            assertThat(mine.get("npv").isNumber()).isTrue();
        }
        // Every other figure too: the two runs differ only in the files they name.
        assertThat(formulaClusters).isEqualTo(valueClusters);
        assertThat(dir.resolve(formulas.replace(".xlsx", ".roi.xlsx"))).exists();
    }

    @ParameterizedTest(name = "{0} is refused at {1}")
    @CsvSource(delimiter = '|', value = {
        "formulas-na.xlsx          | Fleet!D3       | =NA() → '#N/A'",
        "formulas-unsupported.xlsx | Assumptions!B5 | =EFFECT(0.114,12), which uses EFFECT, a function this tool cannot calculate",
        "formulas-link.xlsx        | Fleet!D2       | =[1]Prices!B2, which reads the other workbook capex-quotes.xlsx, a link this tool cannot follow",
        "formulas-nan.xlsx         | Fleet!N2       | a number cell saved as 'NaN'",
    })
    void aFormulaOrNumberThatCannotBeReadIsRefusedAtItsCellAndNothingIsWritten(String fixture, String cell, String found)
            throws Exception {
        Path input = TestFiles.copyForeign(fixture, dir);
        CliRun run = CliRun.of("convert", "--no-memos", input.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith(fixture + ": not converted").contains("\n  " + cell + ": found " + found + ", expected ")
                .doesNotContain("Exception").doesNotContain("\tat ");
        if (!fixture.equals("formulas-na.xlsx") && !fixture.equals("formulas-nan.xlsx")) {
            assertThat(run.err()).contains("Paste Special > Values");
        }
        assertThat(TestFiles.namesIn(dir)).containsExactly(fixture);
    }
}
