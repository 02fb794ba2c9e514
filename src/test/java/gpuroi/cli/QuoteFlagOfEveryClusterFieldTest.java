package gpuroi.cli;

import gpuroi.model.Cluster;
import gpuroi.model.Field;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.HashSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every field a cluster can refuse is named by the quote flag it was typed under, so no problem loses its flag. */
class QuoteFlagOfEveryClusterFieldTest {

    @Test
    void everyFieldAClusterCanRefuseHasAQuoteFlag() {
        assertThat(QuoteCommand.FLAG_OF_FIELD.keySet()).containsAll(Cluster.FIELDS);
    }

    @Test
    void eachFlagIsARealOptionOfTheQuoteCommandAndNoTwoFieldsShareOne() {
        CommandLine.Model.CommandSpec spec = new CommandLine(new QuoteCommand()).getCommandSpec();
        for (Map.Entry<Field, String> e : QuoteCommand.FLAG_OF_FIELD.entrySet()) {
            assertThat(spec.findOption(e.getValue())).as("option %s for %s", e.getValue(), e.getKey()).isNotNull();
        }
        assertThat(new HashSet<>(QuoteCommand.FLAG_OF_FIELD.values())).hasSameSizeAs(QuoteCommand.FLAG_OF_FIELD.keySet());
    }

    @Test
    void aValueTheClusterRefusesIsReportedUnderTheFlagTheUserTyped() {
        CliRun run = CliRun.of("quote", "--capex-per-gpu", "30000", "--price", "2.5", "--kwh-price", "150", "--opex", "-3");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err())
                .contains("--kwh-price '150': expected a price per kWh from 0 to 100")
                .contains("--opex '-3': expected an amount from 0 to 1,000,000,000 per GPU-month");
    }
}
