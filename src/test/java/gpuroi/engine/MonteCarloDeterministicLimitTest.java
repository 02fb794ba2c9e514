package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.Lease;
import gpuroi.model.Portfolio;
import gpuroi.model.RiskInputs;
import gpuroi.model.Sampler;
import gpuroi.model.ValueRange;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** With nothing uncertain, every path is the deterministic schedule, to the last bit; and threads never matter. */
class MonteCarloDeterministicLimitTest {
    private final Assumptions assumptions = Assumptions.defaults(WorkedExampleTest.VALUATION);

    @Test
    void withZeroVolatilityEveryPercentileIsTheDeterministicNpvAndIrr() {
        Cluster cluster = WorkedExampleTest.workedExample();
        ClusterMetrics base = RoiEngine.analyze(cluster, assumptions).metrics();

        RiskProfile risk = MonteCarlo.analyze(cluster, assumptions, RiskInputs.deterministic(200, 7));

        assertThat(risk.baseNpv()).isEqualTo(base.npv());
        assertThat(risk.npv()).isEqualTo(new RiskProfile.Percentiles(base.npv(), base.npv(), base.npv()));
        double irr = base.irr().annualRate().getAsDouble();
        assertThat(risk.irr().p5()).hasValue(irr);
        assertThat(risk.irr().p50()).hasValue(irr);
        assertThat(risk.irr().p95()).hasValue(irr);
        assertThat(risk.pathsWithoutSingleIrr()).isZero();
        assertThat(risk.expectedShortfallNpv()).isEqualTo(base.npv());
        assertThat(risk.decisionFlipShare()).isZero();
        assertThat(risk.baseDecision()).isEqualTo(RoiEngine.analyze(cluster, assumptions).recommendation().decision());
        assertThat(risk.probabilityOfLoss()).isEqualTo(irr < 0 ? 1.0 : 0.0);
        assertThat(risk.probabilityOfBeatingHurdle()).isEqualTo(base.npvAtHurdle() > 0 ? 1.0 : 0.0);
    }

    @Test
    void withZeroVolatilityAnOwnedClusterWithAContractAndHistoryIsItsDeterministicSchedule() {
        LocalDate valuation = LocalDate.of(2025, 3, 1);
        Assumptions rates = LessorContractTest.assumptions(valuation, 0.12);
        Cluster owned = LessorContractTest.cluster2023().powerKwPerGpu(1.1).pue(1.3).electricityPerKwh(0.09)
                .otherOpexPerGpuMonth(150).residualShare(0.1).secondaryPricePerGpu(22_000.0).build();
        List<Lease> contracts = List.of(LessorContractTest.lessor("c1", "hall-a", 4, 3.2, LocalDate.of(2024, 6, 1), 24, 0.5));
        ClusterAnalysis base = RoiEngine.analyzeWithContracts(owned, rates, contracts);

        RiskProfile risk = MonteCarlo.analyzeWithContracts(owned, rates, contracts, RiskInputs.deterministic(50, 11), 3);

        assertThat(risk.npv().p5()).isEqualTo(base.metrics().npv());
        assertThat(risk.npv().p95()).isEqualTo(base.metrics().npv());
        assertThat(risk.irr().p50()).hasValue(base.metrics().irr().annualRate().getAsDouble());
        assertThat(risk.baseDecision()).isEqualTo(base.recommendation().decision());
        assertThat(risk.decisionFlipShare()).isZero();
    }

    @Test
    void theSameSeedGivesTheSameFiguresOnOneThreadAndOnThree() throws Exception {
        Cluster cluster = WorkedExampleTest.workedExample();
        RiskInputs inputs = RiskInputs.defaults(2024).withPaths(2_000).withJumps(0.5, 0.2)
                .withSampler(Sampler.LATIN_HYPERCUBE)
                .withAnnualDecline(RiskInputs.SOURCE_DECLINE_RANGE)
                .withCapexFactor(ValueRange.pert(0.9, 1.0, 1.2))
                .withPowerPriceFactor(ValueRange.triangular(0.8, 1.0, 1.5));

        RiskProfile oneThread = runOn(1, cluster, inputs);
        RiskProfile threeThreads = runOn(3, cluster, inputs);
        RiskProfile again = runOn(3, cluster, inputs);

        assertThat(threeThreads).isEqualTo(oneThread);
        assertThat(again).isEqualTo(oneThread);
        assertThat(oneThread.seed()).isEqualTo(2024);
        assertThat(oneThread.sampler()).isEqualTo(Sampler.LATIN_HYPERCUBE);
        assertThat(runOn(1, cluster, inputs.withSeed(2025)).npv()).isNotEqualTo(oneThread.npv());
    }

    @Test
    void aWholePortfolioRunsClustersInParallelWithTheSameFiguresOnOneThreadAndOnThree() throws Exception {
        Cluster first = WorkedExampleTest.workedExample();
        Cluster second = first.toBuilder().id("second").startPricePerGpuHour(2.40).utilization(0.6).build();
        Cluster third = first.toBuilder().id("third").status(ClusterStatus.OWNED).startDate(LocalDate.of(2025, 1, 1))
                .secondaryPricePerGpu(20_000.0).build();
        Portfolio portfolio = new Portfolio(assumptions, List.of(first, second, third), List.of(), List.of());
        RiskInputs inputs = RiskInputs.defaults(77).withPaths(1_500).withJumps(1.0, 0.3)
                .withSampler(Sampler.LATIN_HYPERCUBE).withAnnualDecline(RiskInputs.SOURCE_DECLINE_RANGE);

        List<RiskProfile> oneThread = Threads.runOn(1, () -> MonteCarlo.analyze(portfolio, assumptions, cluster -> inputs));
        List<RiskProfile> threeThreads = Threads.runOn(3, () -> MonteCarlo.analyze(portfolio, assumptions, cluster -> inputs));
        List<RiskProfile> again = Threads.runOn(2, () -> MonteCarlo.analyze(portfolio, assumptions, cluster -> inputs));

        assertThat(threeThreads).isEqualTo(oneThread);
        assertThat(again).isEqualTo(oneThread);
        assertThat(oneThread).extracting(RiskProfile::clusterId).containsExactly("worked-example", "second", "third");
        for (int c = 0; c < 3; c++) {
            assertThat(oneThread.get(c))
                    .isEqualTo(MonteCarlo.analyzeWithContracts(portfolio.clusters().get(c), assumptions, List.of(), inputs, c));
        }
    }

    @Test
    void aClusterKeepsItsOwnStreamsWhateverClustersComeBeforeIt() {
        Cluster cluster = WorkedExampleTest.workedExample();
        RiskInputs inputs = RiskInputs.defaults(5).withPaths(500);

        RiskProfile asFifth = MonteCarlo.analyzeWithContracts(cluster, assumptions, List.of(), inputs, 4);

        assertThat(MonteCarlo.analyzeWithContracts(cluster, assumptions, List.of(), inputs, 4)).isEqualTo(asFifth);
        assertThat(MonteCarlo.analyzeWithContracts(cluster, assumptions, List.of(), inputs, 5).npv()).isNotEqualTo(asFifth.npv());
    }

    @Test
    void anOwnedClusterWithoutAKnownSalePriceNeverFlipsFromHold() {
        Cluster owned = WorkedExampleTest.workedExample().toBuilder().status(ClusterStatus.OWNED)
                .startDate(LocalDate.of(2025, 1, 1)).build();

        RiskProfile risk = MonteCarlo.analyze(owned, assumptions, RiskInputs.defaults(1).withPaths(300));

        assertThat(risk.baseDecision()).isEqualTo(Decision.HOLD);
        assertThat(risk.decisionFlipShare()).isZero();
    }

    private RiskProfile runOn(int threads, Cluster cluster, RiskInputs inputs) throws Exception {
        return Threads.runOn(threads, () -> MonteCarlo.analyze(cluster, assumptions, inputs));
    }
}
