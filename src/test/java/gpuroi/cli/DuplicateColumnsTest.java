package gpuroi.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two columns for one input, end to end through {@code convert} on the openpyxl fixtures of src/test/fixtures/columns.py:
 * refused at the second header, naming the first (and saying which is hidden), and nothing is written. The first one used
 * to be read without a word, so a replaced column left hidden beside its replacement decided every figure.
 */
class DuplicateColumnsTest {
    @TempDir
    Path dir;

    private Path copy(String name) throws IOException, URISyntaxException {
        Path source = Path.of(getClass().getResource("/foreign/" + name).toURI());
        return Files.copy(source, dir.resolve(name));
    }

    private List<String> filesInDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aReplacedColumnLeftHiddenBesideItsReplacementIsRefusedNotRead() throws Exception {
        CliRun run = CliRun.of("convert", copy("columns-duplicate-hidden.xlsx").toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("columns-duplicate-hidden.xlsx: not converted, 1 problem")
                .contains("Fleet!J1: found a second column for Utilization, 'Utilization' (the first is 'Utilization' at"
                        + " Fleet!H1, hidden), expected one column per input: delete or rename the one that is not meant");
        assertThat(run.out()).isEmpty();
        assertThat(filesInDir()).containsExactly("columns-duplicate-hidden.xlsx");
    }

    @Test
    void twoNamesOfOneInputAreRefusedAtTheSecond() throws Exception {
        CliRun run = CliRun.of("validate", copy("columns-duplicate-alias.xlsx").toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("not converted, 1 problem")
                .contains("Market!C1: found a second column for On-demand price, 'Market price' (the first is 'On-demand price'"
                        + " at Market!B1)");
    }

    @Test
    void aParameterOnTwoAssumptionsRowsIsRefusedAtTheSecond() throws Exception {
        CliRun run = CliRun.of("validate", copy("columns-duplicate-assumption.xlsx").toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("not converted, 1 problem")
                .contains("Assumptions!A6: found 'Hurdle rate', expected one row for Hurdle rate: it is also at Assumptions!A3"
                        + " ('Hurdle rate'); delete or rename the row that is not meant");
    }
}
