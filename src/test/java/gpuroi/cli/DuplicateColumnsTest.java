package gpuroi.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two columns for one input, end to end through {@code convert} on the openpyxl fixtures of src/test/fixtures/columns.py:
 * refused at the second header, naming the first (and saying which is hidden), and nothing is written. The first one used
 * to be read without a word, so a replaced column left hidden beside its replacement decided every figure.
 */
class DuplicateColumnsTest {
    @TempDir
    Path dir;

    @Test
    void aReplacedColumnLeftHiddenBesideItsReplacementIsRefusedNotRead() throws Exception {
        CliRun run = CliRun.of("convert", TestFiles.copyForeign("columns-duplicate-hidden.xlsx", dir).toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("columns-duplicate-hidden.xlsx: not converted, 1 problem")
                .contains("Fleet!J1: found a second column for Utilization, 'Utilization' (the first is 'Utilization' at"
                        + " Fleet!H1, hidden), expected one column per input: delete or rename the one that is not meant");
        assertThat(run.out()).isEmpty();
        assertThat(TestFiles.namesIn(dir)).containsExactly("columns-duplicate-hidden.xlsx");
    }

    @Test
    void twoNamesOfOneInputAreRefusedAtTheSecond() throws Exception {
        CliRun run = CliRun.of("validate", TestFiles.copyForeign("columns-duplicate-alias.xlsx", dir).toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("not converted, 1 problem")
                .contains("Market!C1: found a second column for On-demand price, 'Market price' (the first is 'On-demand price'"
                        + " at Market!B1)");
    }

    @Test
    void aParameterOnTwoAssumptionsRowsIsRefusedAtTheSecond() throws Exception {
        CliRun run = CliRun.of("validate", TestFiles.copyForeign("columns-duplicate-assumption.xlsx", dir).toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("not converted, 1 problem")
                .contains("Assumptions!A6: found 'Hurdle rate', expected one row for Hurdle rate: it is also at Assumptions!A3"
                        + " ('Hurdle rate'); delete or rename the row that is not meant");
    }
}
