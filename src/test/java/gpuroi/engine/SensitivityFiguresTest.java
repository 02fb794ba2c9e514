package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.ClusterUse;
import gpuroi.model.Lease;
import gpuroi.model.MarketQuote;
import gpuroi.model.PricePath;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The sheet's figures, built by linearity from two schedules, against the full engine re-run on
 * every cell ({@link Sensitivity}, {@link DeclineCapexGrid}, {@link RoiEngine}) over seeded random
 * clusters, planned and owned, with and without lessor contracts. A planned cluster's cells are NPV at the hurdle and
 * IRR; an owned one's are what decides it, hold value minus sale and the IRR of holding (see {@link HoldFigures}). NPVs agree to 1e-6 of the larger of
 * the figure and the capex (a cell a few dollars from zero has no meaningful relative error), IRRs to
 * 1e-6 relative.
 */
class SensitivityFiguresTest {
    private static final LocalDate VALUATION = LocalDate.of(2026, 1, 1);

    record Case(Cluster cluster, Assumptions assumptions, List<Lease> contracts) {
    }

    static Case randomCase(Random random) {
        boolean owned = random.nextInt(3) == 0;
        int life = 24 + 12 * random.nextInt(5);
        PricePath path = switch (random.nextInt(3)) {
            case 0 -> new PricePath.Flat();
            case 1 -> new PricePath.AnnualDecline(0.5 * random.nextDouble());
            default -> new PricePath.Blended(0.3 + 0.5 * random.nextDouble(), 2 + random.nextInt(4));
        };
        int gpus = 1 + random.nextInt(64);
        Cluster.Builder b = Cluster.builder("lot-" + random.nextInt(1000)).gpuModel("H100 SXM").gpuCount(gpus)
                .capexPerGpu(10_000 + 40_000 * random.nextDouble()).lifeMonths(life)
                .residualShare(0.2 * random.nextDouble()).powerKwPerGpu(0.7 + random.nextDouble()).pue(1 + 0.5 * random.nextDouble())
                .electricityPerKwh(0.05 + 0.1 * random.nextDouble()).otherOpexPerGpuMonth(300 * random.nextDouble())
                .utilization(0.3 + 0.65 * random.nextDouble()).startPricePerGpuHour(0.8 + 3.2 * random.nextDouble()).pricePath(path);
        LocalDate start = VALUATION;
        if (owned) {
            start = VALUATION.minusMonths(1 + random.nextInt(life - 1));
            b.status(ClusterStatus.OWNED).startDate(start).secondaryPricePerGpu(5_000 + 20_000 * random.nextDouble());
        }
        Cluster cluster = b.build();
        List<Lease> contracts = new ArrayList<>();
        if (random.nextBoolean() && gpus >= 2) {
            contracts.add(LessorContractTest.lessor("k1", cluster.id(), 1 + random.nextInt(gpus / 2), 1.5 + 2.5 * random.nextDouble(),
                    start.plusMonths(random.nextInt(12)), 6 + random.nextInt(36), 0.5 * random.nextDouble()));
        }
        double hurdle = 0.06 + 0.1 * random.nextDouble();
        Assumptions assumptions = new Assumptions(VALUATION, "USD", hurdle, hurdle + 0.02 * random.nextDouble(),
                PricePath.ARTICLE_BLENDED, 0.15 * random.nextDouble(), 0);
        return new Case(cluster, assumptions, contracts);
    }

    private static final List<MarketQuote> NO_QUOTES = List.of();

    /** What a cell measures: NPV at the hurdle (planned), hold value minus sale (owned). */
    static double measure(ClusterMetrics m) {
        return m.hold().map(HoldFigures::holdMinusSale).orElse(m.npvAtHurdle());
    }

    /** The IRR a cell shows: the project's (planned), holding's (owned). */
    static IrrResult irr(ClusterMetrics m) {
        return m.hold().map(HoldFigures::holdIrr).orElse(m.irr());
    }

    static double breakEvenStartPrice(ClusterMetrics m) {
        return m.hold().map(h -> h.breakEvenStartPrice().getAsDouble()).orElseGet(() -> m.breakEvenStartPrice().getAsDouble());
    }

    /**
     * A planned cluster judged for own use: each cell's saving from owning and each row's own = rent start price against the
     * full engine's own-use comparison of that cell, and the tornado against the engine's own-use tornado; a cluster
     * judged as an investment gets no own-use figures.
     */
    @RepeatedTest(12)
    void anOwnUseClustersSavingGridEqualsTheFullEngineRunOfEachCell(RepetitionInfo repetition) {
        Case drawn = randomCase(new Random(9_000L + repetition.getCurrentRepetition()));
        Cluster cluster = drawn.cluster().toBuilder().status(ClusterStatus.PLANNED).startDate(VALUATION)
                .use(ClusterUse.OWN_USE).build();
        List<Lease> contracts = drawn.contracts().isEmpty() ? List.of()
                : List.of(LessorContractTest.lessor("k1", cluster.id(), 1, 2.0, VALUATION.plusMonths(2), 12, 0.1));
        ClusterAnalysis base = RoiEngine.analyzeWithContracts(cluster, drawn.assumptions(), contracts);
        double scale = cluster.totalCapex();

        SensitivityFigures.OwnUse own = SensitivityFigures.of(base).ownUse().orElseThrow();

        Sensitivity.Grid full = Sensitivity.startPriceByUtilization(cluster, drawn.assumptions(), contracts, NO_QUOTES);
        for (int row = 0; row < 7; row++) {
            for (int column = 0; column < 7; column++) {
                double expected = full.at(row, column).ownUse().savingFromOwning();
                assertThat(own.savingFromOwning().get(row).get(column)).as("saving at (%d, %d)", row, column)
                        .isCloseTo(expected, within(1e-6 * Math.max(Math.abs(expected), scale)));
            }
            OptionalDouble expected = full.at(row, 0).ownUse().breakEvenStartPrice();
            assertThat(own.breakEvenStartPrice().get(row).isPresent()).isEqualTo(expected.isPresent());
            if (expected.isPresent()) {
                assertThat(own.breakEvenStartPrice().get(row).getAsDouble())
                        .isCloseTo(expected.getAsDouble(), within(1e-9 * Math.max(1, expected.getAsDouble())));
            }
        }
        assertThat(own.tornado()).isEqualTo(Tornado.of(cluster, drawn.assumptions(), contracts, base.tornadoRangesWithDefaults(),
                Tornado.Measure.OWN_USE_SAVING));
        ClusterAnalysis investment = RoiEngine.analyzeWithContracts(cluster.toBuilder().use(ClusterUse.RENT_OUT).build(), drawn.assumptions(),
                contracts);
        assertThat(SensitivityFigures.of(investment).ownUse()).isEmpty();
    }

    @RepeatedTest(16)
    void everyCellEqualsTheFullEngineRunOfThatCell(RepetitionInfo repetition) {
        Case c = randomCase(new Random(8_000L + repetition.getCurrentRepetition()));
        ClusterAnalysis base = RoiEngine.analyzeWithContracts(c.cluster(), c.assumptions(), c.contracts());
        double scale = c.cluster().totalCapex();

        SensitivityFigures figures = SensitivityFigures.of(base);

        Sensitivity.Grid full = Sensitivity.startPriceByUtilization(c.cluster(), c.assumptions(), c.contracts(), NO_QUOTES);
        SensitivityFigures.StartPriceByUtilization grid = figures.startPriceByUtilization();
        assertThat(grid.startPrices()).isEqualTo(full.startPrices());
        assertThat(grid.utilizations()).isEqualTo(full.utilizations());
        for (int row = 0; row < 7; row++) {
            for (int column = 0; column < 7; column++) {
                ClusterMetrics expected = full.at(row, column);
                double npv = grid.npvAtHurdle().get(row).get(column);
                assertThat(npv).as("NPV at (%d, %d)", row, column)
                        .isCloseTo(measure(expected), within(1e-6 * Math.max(Math.abs(measure(expected)), scale)));
                IrrResult irr = grid.irr().get(row).get(column);
                assertThat(irr.getClass()).as("IRR kind at (%d, %d)", row, column).isEqualTo(irr(expected).getClass());
                if (irr(expected).annualRate().isPresent()) {
                    double rate = irr(expected).annualRate().getAsDouble();
                    assertThat(irr.annualRate().getAsDouble()).as("IRR at (%d, %d)", row, column)
                            .isCloseTo(rate, within(1e-6 * Math.max(Math.abs(rate), 1e-3)));
                }
            }
            // The engine's own closed-form break-even at this row's utilization (any column has it).
            double breakEven = grid.breakEvenStartPrice().get(row).getAsDouble();
            double expected = breakEvenStartPrice(full.at(row, 0));
            assertThat(breakEven).isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
        }

        if (c.cluster().status() == ClusterStatus.PLANNED) {
            DeclineCapexGrid fullDecline = DeclineCapexGrid.of(c.cluster(), c.assumptions(), c.contracts(), NO_QUOTES);
            SensitivityFigures.DeclineByCapex decline = figures.declineByCapex().orElseThrow();
            assertThat(decline.annualDeclines()).isEqualTo(fullDecline.annualDeclines());
            assertThat(decline.capexPerGpu()).isEqualTo(fullDecline.capexPerGpu());
            for (int row = 0; row < decline.annualDeclines().size(); row++) {
                for (int column = 0; column < decline.capexPerGpu().size(); column++) {
                    double expected = fullDecline.at(row, column).npvAtHurdle();
                    assertThat(decline.npvAtHurdle().get(row).get(column)).as("decline NPV at (%d, %d)", row, column)
                            .isCloseTo(expected, within(1e-6 * Math.max(Math.abs(expected), scale)));
                    IrrResult expectedIrr = fullDecline.at(row, column).irr();
                    IrrResult irr = decline.irr().get(row).get(column);
                    assertThat(irr.getClass()).as("decline IRR kind at (%d, %d)", row, column).isEqualTo(expectedIrr.getClass());
                    if (expectedIrr.annualRate().isPresent()) {
                        double rate = expectedIrr.annualRate().getAsDouble();
                        assertThat(irr.annualRate().getAsDouble()).as("decline IRR at (%d, %d)", row, column)
                                .isCloseTo(rate, within(1e-6 * Math.max(Math.abs(rate), 1e-3)));
                    }
                }
                assertThat(decline.breakEvenCapexPerGpu().get(row).isPresent())
                        .isEqualTo(fullDecline.breakEvenCapexPerGpu().get(row).isPresent());
                if (decline.breakEvenCapexPerGpu().get(row).isPresent()) {
                    double expected = fullDecline.breakEvenCapexPerGpu().get(row).getAsDouble();
                    assertThat(decline.breakEvenCapexPerGpu().get(row).getAsDouble()).isCloseTo(expected, within(1e-6 * expected));
                }
            }
        } else {
            assertThat(figures.declineByCapex()).isEmpty();
        }
        assertThat(figures.tornado()).isEqualTo(Tornado.of(c.cluster(), c.assumptions(), c.contracts(), NO_QUOTES));
    }

    @RepeatedTest(8)
    void theBaseCellIsTheAnalysisItselfBitForBit(RepetitionInfo repetition) {
        Case c = randomCase(new Random(9_000L + repetition.getCurrentRepetition()));
        ClusterAnalysis base = RoiEngine.analyzeWithContracts(c.cluster(), c.assumptions(), c.contracts());

        SensitivityFigures.StartPriceByUtilization grid = SensitivityFigures.of(base).startPriceByUtilization();

        assertThat(grid.baseRow()).isEqualTo(3);
        assertThat(grid.baseColumn()).isEqualTo(3);
        assertThat(grid.startPrices().get(3)).isEqualTo(c.cluster().startPricePerGpuHour());
        assertThat(grid.utilizations().get(3)).isEqualTo(c.cluster().utilization());
        assertThat(grid.npvAtHurdle().get(3).get(3)).isEqualTo(measure(base.metrics()));
        assertThat(grid.irr().get(3).get(3)).isEqualTo(irr(base.metrics()));
    }

    @RepeatedTest(8)
    void atEachRowsBreakEvenStartPriceTheEngineGivesZeroNpvAtTheHurdle(RepetitionInfo repetition) {
        Case c = randomCase(new Random(10_000L + repetition.getCurrentRepetition()));
        ClusterAnalysis base = RoiEngine.analyzeWithContracts(c.cluster(), c.assumptions(), c.contracts());
        SensitivityFigures.StartPriceByUtilization grid = SensitivityFigures.of(base).startPriceByUtilization();

        for (int row = 0; row < 7; row++) {
            double price = grid.breakEvenStartPrice().get(row).getAsDouble();
            if (price < 0) {
                continue; // a contract alone clears the hurdle: no price to plug back
            }
            Cluster atBreakEven = c.cluster().toBuilder().startPricePerGpuHour(price).utilization(grid.utilizations().get(row)).build();
            double npv = measure(RoiEngine.analyzeWithContracts(atBreakEven, c.assumptions(), c.contracts()).metrics());
            assertThat(npv).as("row %d", row).isCloseTo(0, within(1e-9 * c.cluster().totalCapex()));
        }
    }

    @Test
    void aClusterLetOutWholeForItsLifeHasTheSameFiguresInEveryCellAndNoBreakEvenPrice() {
        Cluster cluster = Cluster.builder("let-out").gpuModel("H100").gpuCount(4).capexPerGpu(20_000).lifeMonths(24)
                .utilization(0.6).startPricePerGpuHour(2.0).build();
        Lease whole = LessorContractTest.lessor("all", "let-out", 4, 3.0, VALUATION, 24, 0);
        Assumptions assumptions = Assumptions.defaults(VALUATION);

        SensitivityFigures figures = SensitivityFigures.of(RoiEngine.analyzeWithContracts(cluster, assumptions, List.of(whole)));

        double centre = figures.startPriceByUtilization().npvAtHurdle().get(3).get(3);
        figures.startPriceByUtilization().npvAtHurdle().forEach(row -> assertThat(row).containsOnly(centre));
        assertThat(figures.startPriceByUtilization().breakEvenStartPrice()).allSatisfy(b -> assertThat(b).isEmpty());
    }
}
