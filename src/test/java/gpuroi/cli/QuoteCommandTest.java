package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code gpuroi quote} end to end in-process: flags in, table or JSON out, exit codes. */
class QuoteCommandTest {

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** The worked example of shared/spec/worked-example.md, typed as a user would. */
    static final String[] WORKED_EXAMPLE = {
        "quote", "--gpus", "1", "--capex-per-gpu", "$20,000", "--life", "2", "--price", "$2.00/hr",
        "--path", "blended:50%:2", "--utilization", "80%", "--power-kw", "1.0", "--pue", "1.25",
        "--kwh-price", "0.10", "--opex", "20", "--residual", "10%", "--discount", "10%",
        "--valuation-date", "2026-01-01", "--json"};

    @Test
    void jsonForTheWorkedExampleCarriesTheDocumentsFigures() throws Exception {
        CliRun run = run(WORKED_EXAMPLE);
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("irr").asDouble()).isCloseTo(0.0173859500, within(1e-9));
        assertThat(json.get("npv").asDouble()).isCloseTo(-1501.220218, within(1e-3));
        assertThat(json.get("paybackMonths").asDouble()).isCloseTo(23.857540, within(1e-6));
        assertThat(json.get("discountedPaybackMonths").isNull()).isTrue();
        assertThat(json.get("breakEvenPrice").asDouble()).isCloseTo(2.155832, within(1e-6));
        assertThat(json.get("breakEvenPriceZeroIrr").asDouble()).isCloseTo(1.966324, within(1e-6));
        assertThat(json.get("breakEvenUtilization").asDouble()).isCloseTo(0.862333, within(1e-6));
        assertThat(json.get("levelizedCostPerGpuHour").asDouble()).isCloseTo(1.633956, within(1e-6));
        assertThat(json.get("moic").asDouble()).isCloseTo(1.017700, within(1e-6));
        assertThat(json.get("decision").asText()).isEqualTo("RENT");
        assertThat(json.get("reason").asText()).contains("$2.16");
        assertThat(json.has("mirr")).isTrue();
        assertThat(json.get("inputs").get("pricePath").asText()).isEqualTo("blended:0.5:2");
    }

    @Test
    void scheduleInJsonListsEveryMonthWithTheDocumentsNetFlows() throws Exception {
        String[] args = java.util.Arrays.copyOf(WORKED_EXAMPLE, WORKED_EXAMPLE.length + 1);
        args[args.length - 1] = "--schedule";
        JsonNode months = run(args).json().get("months");
        assertThat(months).hasSize(25);
        assertThat(months.get(1).get("net").asDouble()).isCloseTo(1044.5833, within(5e-5));
        assertThat(months.get(24).get("net").asDouble()).isCloseTo(2484.9167, within(5e-5));
        assertThat(months.get(24).get("cumulative").asDouble()).isCloseTo(354.0000, within(5e-4));
    }

    @Test
    void articlePresetPrintsBothMeasuresSideBySideWithTheArticlesThresholds() {
        CliRun run = run("quote", "--preset", "article-h100", "--valuation-date", "2026-11-01");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("BUY")
                .contains("The article's price points")
                .contains("$1.65/hr").contains("$2.85/hr").contains("$4.50/hr")
                // The article's measure, from the source: 0.1% / 12.4% / 23.5%, break-even $1.64.
                .containsPattern("\\$1\\.65/hr\\s+\\S+\\s+0\\.(0|1)\\d%")
                .containsPattern("\\$2\\.85/hr\\s+\\S+\\s+12\\.(3|4|5)\\d%")
                .containsPattern("\\$4\\.50/hr\\s+\\S+\\s+23\\.(4|5|6)\\d%")
                .contains("$1.64/hr")
                .contains("Why two returns?");
    }

    @Test
    void articlePresetJsonHasTheTrueIrrBesideTheArticlesMeasure() throws Exception {
        JsonNode json = run("quote", "--preset", "article-h100", "--json").json();
        JsonNode points = json.get("articlePricePoints");
        assertThat(points).hasSize(3);
        assertThat(points.get(1).get("startPricePerGpuHour").asDouble()).isEqualTo(2.85);
        assertThat(points.get(1).get("annualizedTotalReturn").asDouble()).isCloseTo(0.124, within(0.002));
        // domain.md: the true IRR at $2.85 with these inputs is about 34.5%.
        assertThat(points.get(1).get("irr").asDouble()).isCloseTo(0.345, within(0.005));
        assertThat(json.get("breakEvenPriceZeroIrr").asDouble()).isCloseTo(1.64, within(0.005));
    }

    @Test
    void presetValuesCanBeOverriddenByFlags() throws Exception {
        JsonNode json = run("quote", "--preset", "article-h100", "--power-kw", "0", "--price", "2.85", "--json").json();
        // Without power the article's measure at $2.85 is 13.4% (domain.md).
        assertThat(json.get("annualizedTotalReturn").asDouble()).isCloseTo(0.134, within(0.002));
        assertThat(json.has("articlePricePoints")).as("an explicit --price replaces the price points").isFalse();
    }

    @Test
    void badValuesAreAllReportedTogetherWithExitCodeTwo() {
        CliRun run = run("quote", "--gpus", "-3", "--capex-per-gpu", "50k", "--price", "2.85",
                "--utilization", "250%", "--path", "zigzag", "--pue", "0.5");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .contains("4 problems")
                .contains("--path 'zigzag'")
                .contains("--gpus")
                .contains("--utilization")
                .contains("--pue")
                .doesNotContain("Exception");
    }

    @Test
    void aBareSeventyInAShareFlagIsReadAsSeventyPercentWithAWarning() throws Exception {
        CliRun run = run("quote", "--capex-per-gpu", "50000", "--price", "2.85", "--utilization", "70", "--json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.json().get("inputs").get("utilization").asDouble()).isEqualTo(0.70);
        assertThat(run.err()).contains("warning").contains("--utilization").contains("70%");
    }

    @Test
    void missingRequiredFlagsAreNamedWithAnExample() {
        CliRun run = run("quote");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--capex-per-gpu is required").contains("--price is required");
    }

    @Test
    void textThatIsNotANumberIsNamedWithItsFlag() {
        CliRun run = run("quote", "--capex-per-gpu", "fifty grand", "--price", "2.85");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--capex-per-gpu").contains("'fifty grand' is not a number");
    }

    @Test
    void unknownOptionsGiveExitCodeTwoAndPointToHelp() {
        CliRun run = run("quote", "--colour", "blue");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--colour").contains("--help");
    }

    @Test
    void helpExplainsEveryFlagWithUnitsAndDefaults() {
        CliRun run = run("quote", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("--gpus").contains("--capex-per-gpu").contains("--price").contains("--utilization")
                .contains("--life").contains("--path").contains("--power-kw").contains("--pue").contains("--kwh-price")
                .contains("--opex").contains("--residual").contains("--fee").contains("--hurdle").contains("--discount")
                .contains("--json").contains("Default: 100%").contains("blended:0.5:5").contains("per GPU-hour");
    }

    @Test
    void anOwnedClusterGetsHoldOrResellAgainstItsSecondaryPrice() throws Exception {
        String[] owned = {"quote", "--status", "owned", "--purchase-date", "2024-01-01", "--valuation-date", "2026-01-01",
            "--capex-per-gpu", "45000", "--price", "4.50", "--path", "decline:40%", "--json"};
        JsonNode cheapSale = run(append(owned, "--secondary-price", "1000")).json();
        JsonNode richSale = run(append(owned, "--secondary-price", "40000")).json();
        assertThat(cheapSale.get("decision").asText()).isEqualTo("HOLD");
        assertThat(richSale.get("decision").asText()).isEqualTo("RESELL");
        double flip = cheapSale.get("breakEvenSecondaryPrice").asDouble();
        assertThat(flip).isBetween(1000.0, 40000.0);
        assertThat(run(append(owned, "--secondary-price", String.valueOf(flip * 0.99))).json().get("decision").asText()).isEqualTo("HOLD");
        assertThat(run(append(owned, "--secondary-price", String.valueOf(flip * 1.01))).json().get("decision").asText()).isEqualTo("RESELL");
    }

    @Test
    void anOwnedClusterWithoutAPurchaseDateIsRejected() {
        CliRun run = run("quote", "--status", "owned", "--capex-per-gpu", "45000", "--price", "4.50");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--purchase-date");
    }

    @Test
    void noIrrIsReportedAsNullWithAReasonNotAsANumber() throws Exception {
        // Power costs 1.15 kW × 730 h × $0.10 = $83.95 a month against $7.30 of rent: every flow is negative.
        JsonNode json = run("quote", "--capex-per-gpu", "50000", "--price", "0.01", "--kwh-price", "0.10", "--json").json();
        assertThat(json.get("irr").isNull()).isTrue();
        assertThat(json.get("irrNote").asText()).contains("negative");
        assertThat(json.get("paybackMonths").isNull()).isTrue();
        assertThat(json.get("decision").asText()).isEqualTo("RENT");
    }

    private static String[] append(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
