package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Lease;
import gpuroi.model.MarketQuote;
import gpuroi.model.RiskInputs;
import gpuroi.model.Sampler;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The lessee contracts' Monte Carlo against the deterministic {@link LeaseAnalyzer}: LeaseAnalyzerTest's
 * 10-GPU H100 contract (12 payments left, 4 GPUs needed, 6 idle) at a 10% hurdle.
 */
class ContractMonteCarloTest {
    private static final Assumptions ASSUMPTIONS = LeaseAnalyzerTest.atHurdle(0.10);

    private static ContractAnalysis analysed(Lease contract, double marketPrice) {
        List<MarketQuote> market = List.of(new MarketQuote("H100 SXM", OptionalDouble.of(marketPrice), OptionalDouble.empty(),
                OptionalDouble.of(0.0), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()));
        return LeaseAnalyzer.analyze(contract, ASSUMPTIONS, market);
    }

    @Test
    void withNoUncertaintyEveryPercentileIsTheDeterministicCostAndNothingFlips() {
        for (Lease contract : List.of(LeaseAnalyzerTest.running(true, 110_000.0), LeaseAnalyzerTest.running(false, 60_000.0),
                LeaseAnalyzerTest.running(false, null))) {
            ContractAnalysis base = analysed(contract, 2.00);

            ContractRiskProfile risk = ContractMonteCarlo.analyze(base, ASSUMPTIONS, RiskInputs.deterministic(300, 5), 2);

            double cost = base.chosenCost();
            assertThat(risk.baseDecision()).isEqualTo(base.decision());
            assertThat(risk.chosenCost()).isEqualTo(new RiskProfile.Percentiles(cost, cost, cost));
            assertThat(risk.expectedShortfallCost()).as("the mean of equal costs").isCloseTo(cost, within(1e-9 * cost));
            assertThat(risk.decisionFlipShare()).isZero();
            assertThat(risk.bestActionShare()).containsEntry(base.decision(), 1.0);
            double bestOther = Double.POSITIVE_INFINITY;
            for (OptionalDouble other : List.of(OptionalDouble.of(base.keepCost()), base.resellCapacityCost(), base.terminateCost())) {
                if (other.isPresent() && other.getAsDouble() != cost) {
                    bestOther = Math.min(bestOther, other.getAsDouble());
                }
            }
            if (Double.isInfinite(bestOther)) {
                assertThat(risk.advantage()).as("only KEEP is open").isEmpty();
            } else {
                double advantage = bestOther - cost;
                assertThat(risk.advantage()).hasValue(new RiskProfile.Percentiles(advantage, advantage, advantage));
            }
            if (base.decision() == ContractDecision.KEEP) {
                assertThat(risk.probabilityOfLoss()).isEmpty();
            } else {
                assertThat(risk.probabilityOfLoss()).hasValue(0.0);
            }
        }
    }

    /**
     * At the market price where terminating costs exactly what keeping does, the terminate cost is the
     * fee plus a weighted sum of lognormal prices whose mean stays on the path: it falls below keeping on
     * at least half the paths and, since the median of a lognormal with log-sd s is its mean · e^(−s²/2),
     * on at most about Φ(s/2) of them, s being the price volatility over the remaining year.
     */
    @Test
    void aContractAtItsDeterministicFlipPointFlipsOnAboutHalfThePaths() {
        Lease contract = LeaseAnalyzerTest.running(false, 110_000.0);
        double flipPrice = analysed(contract, 2.00).breakEvenMarketPriceTerminateOverKeep().getAsDouble();
        ContractAnalysis atFlip = analysed(contract, flipPrice);
        assertThat(atFlip.terminateCost().getAsDouble()).isCloseTo(atFlip.keepCost(), within(1e-6));
        int paths = 20_000;
        double sigma = 0.2;

        ContractRiskProfile risk = ContractMonteCarlo.analyze(atFlip, ASSUMPTIONS,
                RiskInputs.deterministic(paths, 11).withPriceVolatility(sigma), 0);

        double standardError = Math.sqrt(0.25 / paths);
        double upper = normalCdf(sigma * Math.sqrt(1.0) / 2);
        assertThat(risk.decisionFlipShare()).isBetween(0.5 - 4 * standardError, upper + 4 * standardError);
        assertThat(risk.bestActionShare().getOrDefault(ContractDecision.TERMINATE, 0.0) + risk.bestActionShare()
                .getOrDefault(ContractDecision.KEEP, 0.0)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void theSameSeedGivesTheSameFiguresOnAnyNumberOfThreadsAndStreamsDifferByIndex() throws Exception {
        List<ContractAnalysis> contracts = List.of(analysed(LeaseAnalyzerTest.running(true, 110_000.0), 2.00),
                analysed(LeaseAnalyzerTest.running(false, 60_000.0), 1.50));
        RiskInputs inputs = RiskInputs.defaults(99).withPaths(3_000).withJumps(0.8, 0.2).withSampler(Sampler.LATIN_HYPERCUBE)
                .withAnnualDecline(RiskInputs.SOURCE_DECLINE_RANGE);

        List<ContractRiskProfile> one = Threads.runOn(1, () -> ContractMonteCarlo.analyze(contracts, ASSUMPTIONS, inputs, 3));
        List<ContractRiskProfile> three = Threads.runOn(3, () -> ContractMonteCarlo.analyze(contracts, ASSUMPTIONS, inputs, 3));
        List<ContractRiskProfile> again = Threads.runOn(2, () -> ContractMonteCarlo.analyze(contracts, ASSUMPTIONS, inputs, 3));

        assertThat(three).isEqualTo(one);
        assertThat(again).isEqualTo(one);
        assertThat(one.get(0).seed()).isEqualTo(99);
        assertThat(one.get(0).sampler()).isEqualTo(Sampler.LATIN_HYPERCUBE);
        assertThat(ContractMonteCarlo.analyze(contracts.get(1), ASSUMPTIONS, inputs, 4)).isEqualTo(one.get(1));
        assertThat(ContractMonteCarlo.analyze(contracts.get(1), ASSUMPTIONS, inputs, 5).chosenCost())
                .isNotEqualTo(one.get(1).chosenCost());
    }


    /** Φ(x) by the Abramowitz–Stegun 7.1.26 erf approximation (error below 1.5e-7). */
    private static double normalCdf(double x) {
        double z = Math.abs(x) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * z);
        double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t
                * Math.exp(-z * z);
        return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
