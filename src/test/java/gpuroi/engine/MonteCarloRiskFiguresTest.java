package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.RiskInputs;
import gpuroi.model.Sampler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The risk figures read off the simulated NPVs and IRRs the way their definitions say. */
class MonteCarloRiskFiguresTest {
    private final Assumptions assumptions = Assumptions.defaults(WorkedExampleTest.VALUATION);
    private final Cluster cluster = WorkedExampleTest.workedExample();

    @Test
    void percentilesAreOrderedAndTheExpectedShortfallLiesBelowTheFifthPercentile() {
        RiskProfile risk = MonteCarlo.analyze(cluster, assumptions, RiskInputs.defaults(17).withPaths(4_000));

        assertThat(risk.npv().p5()).isLessThan(risk.npv().p50());
        assertThat(risk.npv().p50()).isLessThan(risk.npv().p95());
        assertThat(risk.irr().p5().getAsDouble()).isLessThan(risk.irr().p50().getAsDouble());
        assertThat(risk.irr().p50().getAsDouble()).isLessThan(risk.irr().p95().getAsDouble());
        assertThat(risk.expectedShortfallNpv()).isLessThan(risk.npv().p5());
        assertThat(risk.probabilityOfBeatingHurdle()).isLessThanOrEqualTo(1 - risk.probabilityOfLoss());
    }

    @Test
    void theHistogramsCountEveryPathAndCentreWhereThePercentilesSay() {
        RiskProfile risk = MonteCarlo.analyze(cluster, assumptions, RiskInputs.defaults(17).withPaths(4_000));
        Histogram npv = risk.npvHistogram();
        Histogram irr = risk.irrHistogram().orElseThrow();

        assertThat(npv.total()).isEqualTo(4_000);
        assertThat(irr.total()).isEqualTo(4_000 - risk.pathsWithoutSingleIrr());
        // The bins hold P5..P95 well inside them, and the running count passes half the paths in the
        // bin that holds the median.
        assertThat(npv.binStart(0)).isLessThan(risk.npv().p5());
        assertThat(npv.binStart(npv.bins())).isGreaterThan(risk.npv().p95());
        int running = npv.below();
        int medianBin = -1;
        for (int b = 0; b < npv.bins() && medianBin < 0; b++) {
            running += npv.counts().get(b);
            if (running >= 2_000) {
                medianBin = b;
            }
        }
        assertThat(risk.npv().p50()).isBetween(npv.binStart(medianBin), npv.binStart(medianBin + 1));
    }

    @Test
    void atTheBreakEvenPriceAboutHalfThePathsFlipTheDecision() {
        double breakEven = RoiEngine.analyze(cluster, assumptions).metrics().breakEvenStartPrice().getAsDouble();
        Cluster atBreakEven = cluster.toBuilder().startPricePerGpuHour(breakEven * (1 + 1e-9)).build();
        int paths = 4_000;
        // Price noise only, and symmetric in log terms: NPV is linear in the price, whose mean stays on the
        // path, so the NPV's median sits a little below zero; the flip share is near but under one half.
        RiskProfile risk = MonteCarlo.analyze(atBreakEven, assumptions,
                RiskInputs.deterministic(paths, 4).withPriceVolatility(0.05).withSampler(Sampler.LATIN_HYPERCUBE));

        assertThat(risk.baseDecision()).isEqualTo(Decision.BUY);
        assertThat(risk.decisionFlipShare()).isCloseTo(0.5, within(0.1));
        assertThat(risk.probabilityOfBeatingHurdle()).isCloseTo(1 - risk.decisionFlipShare(), within(1.0 / paths));
    }

    @Test
    void aClusterThatCannotPayBackLosesOnEveryPath() {
        Cluster hopeless = cluster.toBuilder().startPricePerGpuHour(0.2).build();
        RiskProfile risk = MonteCarlo.analyze(hopeless, assumptions, RiskInputs.defaults(3).withPaths(1_000));

        assertThat(risk.probabilityOfLoss()).isEqualTo(1.0);
        assertThat(risk.probabilityOfBeatingHurdle()).isZero();
        assertThat(risk.baseDecision()).isEqualTo(Decision.RENT);
        assertThat(risk.decisionFlipShare()).isZero();
    }
}
