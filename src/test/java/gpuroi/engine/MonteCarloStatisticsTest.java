package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.PricePath;
import gpuroi.model.RiskInputs;
import gpuroi.model.Sampler;
import gpuroi.model.ValueRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The sampled market against closed forms. Tolerances are four standard errors of the estimate at
 * the number of paths used, so a correct sampler fails about once in 16,000 runs, and a seed is fixed
 * so a run is the same every time; a wrong drift, volatility or correlation misses by far more.
 */
class MonteCarloStatisticsTest {
    private static final int PATHS = 20_000;
    private static final Assumptions ASSUMPTIONS = Assumptions.defaults(WorkedExampleTest.VALUATION);
    private static final double Z_05 = -1.6448536269514722;

    private static Cluster flatCluster(double utilization) {
        return Cluster.builder("flat").gpuCount(8).capexPerGpu(40_000).lifeMonths(60).utilization(utilization)
                .startPricePerGpuHour(2.0).pricePath(new PricePath.Flat()).build();
    }

    @Test
    void theLastMonthsPriceIsLognormalWithTheClosedFormMeanAndPercentiles() {
        double sigma = 0.4;
        RiskInputs inputs = RiskInputs.deterministic(PATHS, 42).withPriceVolatility(sigma);
        MonteCarlo.SimulatedMarket market = MonteCarlo.simulateMarket(flatCluster(0.7), ASSUMPTIONS, inputs, 0);

        double years = 59.5 / 12;
        double s = sigma * Math.sqrt(years);
        double logMean = Math.log(2.0) - s * s / 2;
        double[] last = Arrays.stream(market.pricePerGpuHour()).mapToDouble(p -> p[60]).sorted().toArray();

        double mean = Arrays.stream(last).average().orElseThrow();
        double standardError = 2.0 * Math.sqrt(Math.expm1(s * s)) / Math.sqrt(PATHS);
        assertThat(mean).isCloseTo(2.0, within(4 * standardError));
        for (double z : new double[] {Z_05, 0, -Z_05}) {
            double p = 0.5 + 0.5 * Math.signum(z) * 0.9;
            double quantile = Math.exp(logMean + s * z);
            double density = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) / (quantile * s);
            double quantileError = Math.sqrt(p * (1 - p) / PATHS) / density;
            assertThat(RiskProfile.Percentiles.at(last, p)).as("P%.0f", p * 100)
                    .isCloseTo(quantile, within(4 * quantileError));
        }
    }

    @Test
    void downwardJumpsLowerTheMeanPriceByTheirExpectedCompoundedDrop() {
        double jumpsPerYear = 1.0;
        double drop = 0.2;
        RiskInputs inputs = RiskInputs.deterministic(PATHS, 9).withJumps(jumpsPerYear, drop);
        MonteCarlo.SimulatedMarket market = MonteCarlo.simulateMarket(flatCluster(0.7), ASSUMPTIONS, inputs, 0);

        double years = 35.5 / 12;
        double[] month36 = Arrays.stream(market.pricePerGpuHour()).mapToDouble(p -> p[36]).toArray();
        // E[(1 − d)^N] for N ~ Poisson(λt) is exp(−λ·t·d); E[(1 − d)^2N] gives the variance.
        double expected = 2.0 * Math.exp(-jumpsPerYear * years * drop);
        double variance = 4.0 * Math.exp(-jumpsPerYear * years * (1 - (1 - drop) * (1 - drop))) - expected * expected;
        assertThat(Arrays.stream(month36).average().orElseThrow())
                .isCloseTo(expected, within(4 * Math.sqrt(variance / PATHS)));
    }

    @Test
    void priceAndUtilizationHaveTheTargetRankCorrelationAtEveryMonth() {
        for (double target : new double[] {0.6, -0.4}) {
            int paths = 2 * PATHS;
            RiskInputs inputs = RiskInputs.deterministic(paths, 3).withPriceVolatility(0.35).withUtilization(0.8, target);
            MonteCarlo.SimulatedMarket market = MonteCarlo.simulateMarket(flatCluster(0.7), ASSUMPTIONS, inputs, 0);
            for (int month : new int[] {1, 30, 60}) {
                double[] price = Arrays.stream(market.pricePerGpuHour()).mapToDouble(p -> p[month]).toArray();
                double[] utilization = Arrays.stream(market.utilization()).mapToDouble(u -> u[month]).toArray();
                // Fisher's z of Spearman's rho has a standard error of about sqrt(1.06 / (N − 3)); at this N
                // four of them are tighter than the gap left by forgetting the 2·sin(π·ρ/6) conversion.
                assertThat(fisherZ(spearman(price, utilization))).as("month %d", month)
                        .isCloseTo(fisherZ(target), within(4 * Math.sqrt(1.06 / (paths - 3))));
            }
        }
    }

    @Test
    void utilizationStaysWithinZeroAndOneAroundTheClustersUtilizationAsMedian() {
        RiskInputs inputs = RiskInputs.deterministic(PATHS, 5).withUtilization(1.5, 0);
        MonteCarlo.SimulatedMarket market = MonteCarlo.simulateMarket(flatCluster(0.8), ASSUMPTIONS, inputs, 0);

        double[] month48 = Arrays.stream(market.utilization()).mapToDouble(u -> u[48]).toArray();
        assertThat(Arrays.stream(month48).min().orElseThrow()).isGreaterThanOrEqualTo(0.0);
        assertThat(Arrays.stream(month48).max().orElseThrow()).isLessThanOrEqualTo(1.0);
        double below = Arrays.stream(month48).filter(u -> u < 0.8).count() / (double) PATHS;
        assertThat(below).isCloseTo(0.5, within(4 * Math.sqrt(0.25 / PATHS)));
    }

    @Test
    void pertDrawsOfTheSourceDeclineRangeHaveThePertMeanAndSpread() {
        ValueRange range = RiskInputs.SOURCE_DECLINE_RANGE;
        RiskInputs inputs = RiskInputs.deterministic(PATHS, 8).withAnnualDecline(range);
        double[] drawn = MonteCarlo.simulateMarket(flatCluster(0.7), ASSUMPTIONS, inputs, 0).annualDecline();

        double mean = range.mean();
        double sd = Math.sqrt((mean - range.low()) * (range.high() - mean) / 7);
        assertThat(Arrays.stream(drawn).average().orElseThrow()).isCloseTo(mean, within(4 * sd / Math.sqrt(PATHS)));
        assertThat(Arrays.stream(drawn).min().orElseThrow()).isGreaterThanOrEqualTo(range.low());
        assertThat(Arrays.stream(drawn).max().orElseThrow()).isLessThanOrEqualTo(range.high());
        double sampleSd = Math.sqrt(Arrays.stream(drawn).map(d -> (d - mean) * (d - mean)).sum() / PATHS);
        assertThat(sampleSd).isCloseTo(sd, within(0.05 * sd));
    }

    /**
     * PERT(a, m, b) has mean (a + 4m + b)/6 and variance (μ − a)(b − μ)/7; the sampled mean of N draws
     * is within four standard errors, √(variance / N), of it, plain Monte Carlo and Latin hypercube alike.
     */
    @ParameterizedTest
    @EnumSource(Sampler.class)
    void aPertDeclineRangeIsDrawnWithItsMeanAndWithinItsEndsUnderEitherSampler(Sampler sampler) {
        RiskInputs inputs = RiskInputs.deterministic(PATHS, 21).withSampler(sampler)
                .withAnnualDecline(ValueRange.pert(0.05, 0.15, 0.40));
        double[] drawn = MonteCarlo.simulateMarket(flatCluster(0.7), ASSUMPTIONS, inputs, 0).annualDecline();

        double mean = (0.05 + 4 * 0.15 + 0.40) / 6;
        double standardError = Math.sqrt((mean - 0.05) * (0.40 - mean) / 7 / PATHS);
        assertThat(Arrays.stream(drawn).average().orElseThrow()).isCloseTo(mean, within(4 * standardError));
        assertThat(Arrays.stream(drawn).min().orElseThrow()).isGreaterThanOrEqualTo(0.05);
        assertThat(Arrays.stream(drawn).max().orElseThrow()).isLessThanOrEqualTo(0.40);
    }

    @Test
    void latinHypercubePutsExactlyOneDrawInEachStratumOfATriangularRange() {
        int paths = 1_000;
        ValueRange triangular = ValueRange.triangular(0.5, 1.0, 1.5);
        RiskInputs inputs = RiskInputs.deterministic(paths, 13).withSampler(Sampler.LATIN_HYPERCUBE).withCapexFactor(triangular);
        double[] drawn = MonteCarlo.simulateMarket(flatCluster(0.7), ASSUMPTIONS, inputs, 0).capexFactor();

        Set<Integer> strata = new HashSet<>();
        for (double x : drawn) {
            double share = (x - 0.5) / 1.0;
            double cumulative = share < 0.5 ? 2 * share * share : 1 - 2 * (1 - share) * (1 - share);
            strata.add((int) Math.floor(cumulative * paths + 1e-9 * paths));
        }
        assertThat(strata).hasSize(paths);
        // Stratified draws match the mean far more closely than independent ones would (SE ≈ 0.0065 here).
        assertThat(Arrays.stream(drawn).average().orElseThrow()).isCloseTo(1.0, within(1e-3));
    }

    private static double fisherZ(double r) {
        return 0.5 * Math.log((1 + r) / (1 - r));
    }

    static double spearman(double[] x, double[] y) {
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        double mean = (x.length - 1) / 2.0;
        double covariance = 0;
        double varianceX = 0;
        double varianceY = 0;
        for (int i = 0; i < x.length; i++) {
            covariance += (rx[i] - mean) * (ry[i] - mean);
            varianceX += (rx[i] - mean) * (rx[i] - mean);
            varianceY += (ry[i] - mean) * (ry[i] - mean);
        }
        return covariance / Math.sqrt(varianceX * varianceY);
    }

    private static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[values.length];
        for (int r = 0; r < order.length; r++) {
            ranks[order[r]] = r;
        }
        return ranks;
    }
}
