package gpuroi.workbook;

import gpuroi.engine.Tornado;
import gpuroi.model.Cluster;
import gpuroi.model.RiskInputs;
import gpuroi.model.RiskRange;
import gpuroi.model.RiskSettings;
import gpuroi.model.Sampler;
import gpuroi.model.UncertainInput;
import gpuroi.model.ValueRange;
import gpuroi.workbook.TestWorkbook.Pct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

/** Monte Carlo settings in the Assumptions sheet and ranges in the Risk sheet, read from real .xlsx files. */
class RiskSettingsReadingTest {
    private static final LocalDate DEFAULT_DATE = LocalDate.of(2026, 6, 1);

    @TempDir
    Path dir;

    /** Two clusters: an H100 at $45,000 and $0.10/kWh, an L40S at $9,000 and $0.08/kWh. */
    private static TestWorkbook withFleet(TestWorkbook wb) {
        return wb.sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price", "Electricity ($/kWh)", "Price path")
                .row("h100", "H100", 8, 45_000, 2.5, 0.10, "decline:0.3")
                .row("l40s", "L40S", 16, 9_000, 0.9, 0.08, "blended:0.5:5");
    }

    @Test
    void theAssumptionsGiveVolatilitiesCorrelationJumpsAndSamplerUnderTheirAliases() throws Exception {
        Path file = withFleet(new TestWorkbook().sheet("Assumptions")
                .row("Parameter", "Value")
                .row("Monte Carlo runs", 500)
                .row("Volatility", "45%")
                .row("Utilisation volatility", new Pct(0.3))
                .row("Rank correlation", -0.25)
                .row("Jumps per year", 0.5)
                .row("Jump size", "30%")
                .row("Sampling method", "LHS"))
                .write(dir.resolve("settings.xlsx"));

        RiskSettings settings = WorkbookReader.read(file, DEFAULT_DATE).riskSettings();
        RiskInputs inputs = settings.applyTo(RiskInputs.defaults(1));

        assertThat(inputs.annualPriceVolatility()).isCloseTo(0.45, within(1e-12));
        assertThat(inputs.annualUtilizationVolatility()).isCloseTo(0.30, within(1e-12));
        assertThat(inputs.priceUtilizationRankCorrelation()).isCloseTo(-0.25, within(1e-12));
        assertThat(inputs.jumpsPerYear()).isCloseTo(0.5, within(1e-12));
        assertThat(inputs.jumpDrop()).isCloseTo(0.30, within(1e-12));
        assertThat(inputs.sampler()).isEqualTo(Sampler.LATIN_HYPERCUBE);
    }

    @Test
    void withMonteCarloRunsTheDefaultsOfTheSettingsLeftOutAreNoted() throws Exception {
        Path file = withFleet(new TestWorkbook().sheet("Assumptions").row("Monte Carlo runs", 1000).row("Sampler", "plain"))
                .write(dir.resolve("defaults.xlsx"));

        WorkbookInput input = WorkbookReader.read(file, DEFAULT_DATE);

        assertThat(input.riskSettings().sampler()).hasValue(Sampler.MONTE_CARLO);
        assertThat(input.notes(InputNote.Kind.DEFAULT)).extracting(InputNote::message)
                .anySatisfy(m -> assertThat(m).startsWith("Price volatility not given; used 32.85%").contains("40%/yr bear case"))
                .anySatisfy(m -> assertThat(m).startsWith("Price-utilization correlation not given; used 0.5"))
                .noneSatisfy(m -> assertThat(m).startsWith("Sampler not given"));
    }

    @Test
    void badSettingsAreReportedAtTheirCellsAllTogether() throws Exception {
        Path file = withFleet(new TestWorkbook().sheet("Assumptions")
                .row("Parameter", "Value")
                .row("Price volatility", "-5%")
                .row("Price-utilization correlation", "1.5")
                .row("Price jumps per year", "often")
                .row("Jump size", "120%")
                .row("Sampler", "quasi-random"))
                .write(dir.resolve("bad.xlsx"));

        WorkbookException e = catchThrowableOfType(WorkbookException.class, () -> WorkbookReader.read(file, DEFAULT_DATE));

        assertThat(e.problems()).extracting(CellProblem::cell)
                .contains("Assumptions!B2", "Assumptions!B3", "Assumptions!B4", "Assumptions!B5", "Assumptions!B6");
        assertThat(e.problems()).filteredOn(p -> p.cell().equals("Assumptions!B2")).singleElement()
                .satisfies(p -> assertThat(p.expected()).contains("from 0% to 500%"));
        assertThat(e.problems()).filteredOn(p -> p.cell().equals("Assumptions!B6")).singleElement()
                .satisfies(p -> assertThat(p.found()).contains("quasi-random"))
                .satisfies(p -> assertThat(p.expected()).contains("Latin hypercube"));
    }

    private TestWorkbook riskSheet(TestWorkbook wb) {
        return wb.sheet("Risk ranges")
                .row("Uncertain inputs for the Monte Carlo and the tornado")
                .blankRow()
                .row("Input", "Low", "Most likely", "High", "Distribution")
                .row("Annual price decline", "10%", "25%", "40%", "PERT")
                .row("Capex per GPU", "$40,000", "$45,000", "$55,000", "Triangular")
                .row("Electricity", new Pct(0.9), new Pct(1.0), new Pct(1.3), null)
                .row("Utilization", new Pct(0.5), new Pct(0.7), new Pct(0.9), "triangle")
                .row("Start price", "$2.00/hr", "$2.50/hr", "$3.00/hr", "")
                .row("Hurdle rate", "8%", "12%", "15%", "pert");
    }

    @Test
    void theRiskSheetGivesRangesInTheirUnitsBelowATitle() throws Exception {
        Path file = riskSheet(withFleet(new TestWorkbook())).write(dir.resolve("ranges.xlsx"));

        WorkbookInput input = WorkbookReader.read(file, DEFAULT_DATE);
        Map<UncertainInput, RiskRange> ranges = input.riskSettings().ranges();

        assertThat(ranges.get(UncertainInput.ANNUAL_PRICE_DECLINE).values()).isEqualTo(ValueRange.pert(0.10, 0.25, 0.40));
        assertThat(ranges.get(UncertainInput.CAPEX_PER_GPU))
                .isEqualTo(new RiskRange(UncertainInput.CAPEX_PER_GPU, ValueRange.triangular(40_000, 45_000, 55_000), false));
        assertThat(ranges.get(UncertainInput.ELECTRICITY_PRICE))
                .isEqualTo(new RiskRange(UncertainInput.ELECTRICITY_PRICE, ValueRange.pert(0.9, 1.0, 1.3), true));
        assertThat(ranges.get(UncertainInput.UTILIZATION).values().shape()).isEqualTo(ValueRange.Shape.TRIANGULAR);
        assertThat(ranges.get(UncertainInput.START_PRICE).values()).isEqualTo(ValueRange.pert(2.0, 2.5, 3.0));

        Cluster h100 = input.portfolio().clusters().get(0);
        RiskInputs forH100 = input.riskSettings().forCluster(RiskInputs.defaults(3), h100);
        assertThat(forH100.annualDecline()).hasValue(ValueRange.pert(0.10, 0.25, 0.40));
        assertThat(forH100.capexFactor().low()).isCloseTo(40_000 / 45_000.0, within(1e-12));
        assertThat(forH100.capexFactor().high()).isCloseTo(55_000 / 45_000.0, within(1e-12));
        assertThat(forH100.powerPriceFactor()).isEqualTo(ValueRange.pert(0.9, 1.0, 1.3));

        Map<Tornado.Input, Tornado.Range> tornado = input.tornadoRanges(h100);
        assertThat(tornado.get(Tornado.Input.ANNUAL_PRICE_DECLINE)).isEqualTo(new Tornado.Range(0.10, 0.40));
        assertThat(tornado.get(Tornado.Input.CAPEX_PER_GPU)).isEqualTo(new Tornado.Range(40_000, 55_000));
        assertThat(tornado.get(Tornado.Input.ELECTRICITY_PER_KWH).low()).isCloseTo(0.09, within(1e-12));
        assertThat(tornado.get(Tornado.Input.ELECTRICITY_PER_KWH).high()).isCloseTo(0.13, within(1e-12));
        assertThat(tornado.get(Tornado.Input.HURDLE_RATE)).isEqualTo(new Tornado.Range(0.08, 0.15));
        assertThat(tornado.get(Tornado.Input.START_PRICE_PER_GPU_HOUR)).isEqualTo(new Tornado.Range(2.0, 3.0));
        // The L40S is on the blended path: a decline range cannot move it in the tornado.
        assertThat(input.tornadoRanges(input.portfolio().clusters().get(1))).doesNotContainKey(Tornado.Input.ANNUAL_PRICE_DECLINE)
                .containsKey(Tornado.Input.ELECTRICITY_PER_KWH);
        assertThat(Tornado.of(h100, input.portfolio().assumptions(), tornado)).hasSize(tornado.size());
    }

    /** The range the Monte Carlo draws each path's decline from is the row's PERT(5%, 15%, 40%), under either sampler. */
    @Test
    void aDeclineRangeFromTheRiskSheetReachesTheMonteCarloAsItsPertRange() throws Exception {
        Path file = withFleet(new TestWorkbook()).sheet("Ranges")
                .row("Input", "Low", "Most likely", "High")
                .row("Price decline", "5%", "15%", "40%")
                .write(dir.resolve("pert.xlsx"));
        WorkbookInput input = WorkbookReader.read(file, DEFAULT_DATE);
        Cluster cluster = input.portfolio().clusters().get(0);

        for (Sampler sampler : Sampler.values()) {
            RiskInputs inputs = input.riskSettings().overriddenBy(RiskSettings.builder().sampler(Optional.of(sampler)).build())
                    .forCluster(RiskInputs.deterministic(100, 21), cluster);

            ValueRange decline = inputs.annualDecline().orElseThrow();
            assertThat(decline.shape()).as("%s", sampler).isEqualTo(ValueRange.Shape.PERT);
            assertThat(decline.low()).isCloseTo(0.05, within(1e-12));
            assertThat(decline.mostLikely()).isCloseTo(0.15, within(1e-12));
            assertThat(decline.high()).isCloseTo(0.40, within(1e-12));
            assertThat(inputs.sampler()).isEqualTo(sampler);
        }
    }

    @Test
    void badRangesAreReportedAtTheirCells() throws Exception {
        Path file = withFleet(new TestWorkbook()).sheet("Risk")
                .row("Input", "Low", "Most likely", "High", "Distribution")
                .row("Annual price decline", "40%", "25%", "50%", "PERT")
                .row("Capex per GPU", "$40,000", "100%", "$55,000", "")
                .row("Utilization", "50%", "70%", "90%", "lognormal")
                .row("Moon phase", "1", "2", "3", "")
                .row("Residual value", "0%", "10%", "150%", "")
                .row("Other opex", "$100", "", "$300", "")
                .row("Annual decline", "10%", "20%", "30%", "")
                .write(dir.resolve("bad-ranges.xlsx"));

        WorkbookException e = catchThrowableOfType(WorkbookException.class, () -> WorkbookReader.read(file, DEFAULT_DATE));

        assertThat(e.problems()).extracting(CellProblem::cell)
                .containsExactlyInAnyOrder("Risk!C2", "Risk!C3", "Risk!E4", "Risk!A5", "Risk!D6", "Risk!C7", "Risk!A8");
        assertThat(e.problems()).filteredOn(p -> p.cell().equals("Risk!C2")).singleElement()
                .satisfies(p -> assertThat(p.expected()).contains("low ≤ most likely ≤ high"));
        assertThat(e.problems()).filteredOn(p -> p.cell().equals("Risk!A5")).singleElement()
                .satisfies(p -> assertThat(p.expected()).contains("Annual price decline").contains("Capex per GPU"));
        assertThat(e.problems()).filteredOn(p -> p.cell().equals("Risk!A8")).singleElement()
                .satisfies(p -> assertThat(p.expected()).contains("Risk!A2"));
    }
}
