package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.PricePath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Properties that must hold for any planned cluster, checked on seeded random clusters: NPV at
 * the IRR is zero, the IRR rises with price and utilization, the three statements of "buying
 * pays" agree, break-evens reproduce what they promise, and XIRR stays within a bound of IRR
 * that follows from how far the calendar dates stray from m/12 years.
 */
class EnginePropertiesTest {
    static final int CLUSTERS_PER_SEED = 40;
    /**
     * Month-end valuation date: month m then falls on a month's last day (Jul 31 + m months). July
     * rather than January so that the first month is 31 days, not February's 28, which keeps the
     * calendar's largest relative stray from m/12 years (ε below) near 2% instead of 8%.
     */
    static final LocalDate VALUATION = LocalDate.of(2026, 7, 31);

    static PricePath randomPath(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> new PricePath.Flat();
            case 1 -> new PricePath.Blended(0.2 + 0.8 * random.nextDouble(), 1 + random.nextInt(7));
            case 2 -> new PricePath.AnnualDecline(0.5 * random.nextDouble());
            default -> {
                List<Double> factors = new ArrayList<>();
                double f = 1;
                for (int i = 0, n = 1 + random.nextInt(7); i < n; i++) {
                    factors.add(f);
                    f *= 0.6 + 0.45 * random.nextDouble();
                }
                yield new PricePath.Custom(random.nextBoolean() ? PricePath.Custom.Step.YEARLY : PricePath.Custom.Step.MONTHLY, factors);
            }
        };
    }

    static Cluster randomCluster(Random random, int index) {
        return Cluster.builder("random-" + index)
                .gpuCount(1 + random.nextInt(64))
                .capexPerGpu(5_000 + 55_000 * random.nextDouble())
                .lifeMonths(12 + random.nextInt(73))
                .utilization(0.3 + 0.7 * random.nextDouble())
                .startPricePerGpuHour(0.5 + 7.5 * random.nextDouble())
                .powerKwPerGpu(1.5 * random.nextDouble())
                .pue(1 + 0.6 * random.nextDouble())
                .electricityPerKwh(0.03 + 0.17 * random.nextDouble())
                .otherOpexPerGpuMonth(random.nextInt(3) == 0 ? 0 : 300 * random.nextDouble())
                .residualShare(random.nextInt(3) == 0 ? 0 : 0.3 * random.nextDouble())
                .pricePath(randomPath(random))
                .build();
    }

    static Assumptions randomAssumptions(Random random) {
        return Assumptions.defaults(VALUATION)
                .withRates(0.25 * random.nextDouble(), 0.25 * random.nextDouble())
                .withMarketplaceFee(random.nextBoolean() ? 0 : 0.2 * random.nextDouble());
    }

    /** Σ flowₘ·(1 + R)^(−m/12), written out here rather than borrowed from the engine. */
    static double npv(double[] flows, double annualRate) {
        double sum = 0;
        for (int m = 0; m < flows.length; m++) {
            sum += flows[m] * Math.pow(1 + annualRate, -m / 12.0);
        }
        return sum;
    }

    static int signChanges(double[] flows) {
        int changes = 0;
        double previous = 0;
        for (double f : flows) {
            if (f != 0) {
                if (previous != 0 && Math.signum(f) != Math.signum(previous)) {
                    changes++;
                }
                previous = f;
            }
        }
        return changes;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18})
    void npvAtTheIrrIsZeroRelativeToCapex(long seed) {
        Random random = new Random(seed);
        int checked = 0;
        for (int i = 0; i < CLUSTERS_PER_SEED; i++) {
            ClusterAnalysis analysis = RoiEngine.analyze(randomCluster(random, i), randomAssumptions(random));
            if (analysis.metrics().irr() instanceof IrrResult.Unique unique) {
                double[] flows = analysis.schedule().netFlows();
                assertThat(npv(flows, unique.annual()) / analysis.metrics().totalCapex()).as("cluster %d", i).isCloseTo(0, within(1e-9));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(CLUSTERS_PER_SEED / 2);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23, 24, 25, 26, 27, 28})
    void irrStrictlyRisesWithStartPriceAndWithUtilization(long seed) {
        Random random = new Random(seed);
        int checked = 0;
        for (int i = 0; i < CLUSTERS_PER_SEED; i++) {
            Cluster cluster = randomCluster(random, i);
            Assumptions assumptions = randomAssumptions(random);
            Cluster pricier = cluster.toBuilder().startPricePerGpuHour(cluster.startPricePerGpuHour() * 1.01).build();
            Cluster busier = cluster.toBuilder().utilization(cluster.utilization() * 0.99).build();
            ClusterAnalysis base = RoiEngine.analyze(cluster, assumptions);
            ClusterAnalysis up = RoiEngine.analyze(pricier, assumptions);
            ClusterAnalysis down = RoiEngine.analyze(busier, assumptions);
            // With one sign change NPV(R) crosses zero once, downwards, and rises with revenue at every R;
            // with several, "the" IRR is not defined and monotonicity is not promised.
            if (signChanges(base.schedule().netFlows()) == 1 && signChanges(up.schedule().netFlows()) == 1
                    && signChanges(down.schedule().netFlows()) == 1
                    && base.metrics().irr() instanceof IrrResult.Unique baseIrr
                    && up.metrics().irr() instanceof IrrResult.Unique upIrr
                    && down.metrics().irr() instanceof IrrResult.Unique downIrr) {
                assertThat(upIrr.annual()).as("price, cluster %d", i).isGreaterThan(baseIrr.annual());
                assertThat(downIrr.annual()).as("utilization, cluster %d", i).isLessThan(baseIrr.annual());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(CLUSTERS_PER_SEED / 3);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {31, 32, 33, 34, 35, 36, 37, 38})
    void npvAtHurdleIsNonNegativeExactlyWhenLevelizedCostIsAtMostLevelizedPriceAndTheDecisionIsBuy(long seed) {
        Random random = new Random(seed);
        int buys = 0;
        int rents = 0;
        for (int i = 0; i < CLUSTERS_PER_SEED; i++) {
            ClusterAnalysis analysis = RoiEngine.analyze(randomCluster(random, i), randomAssumptions(random));
            ClusterMetrics m = analysis.metrics();
            if (Math.abs(m.npvAtHurdle()) < 1e-9 * m.totalCapex()) {
                continue; // a tie is decided by rounding, not by the model
            }
            boolean npvNonNegative = m.npvAtHurdle() >= 0;
            boolean costBelowPrice = m.levelizedCostPerGpuHour().getAsDouble() <= m.levelizedPricePerGpuHour().getAsDouble();
            boolean buy = analysis.recommendation().decision() == Decision.BUY;
            assertThat(costBelowPrice).as("cluster %d", i).isEqualTo(npvNonNegative);
            assertThat(buy).as("cluster %d", i).isEqualTo(npvNonNegative);
            assertThat(analysis.recommendation().decision()).isIn(Decision.BUY, Decision.RENT);
            if (buy) {
                buys++;
            } else {
                rents++;
            }
        }
        assertThat(buys).as("both outcomes are exercised").isPositive();
        assertThat(rents).as("both outcomes are exercised").isPositive();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {41, 42, 43, 44, 45, 46, 47, 48})
    void breakEvensReproduceZeroNpvAtHurdleAndZeroIrrWhenPluggedBack(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < CLUSTERS_PER_SEED; i++) {
            Cluster cluster = randomCluster(random, i);
            Assumptions assumptions = randomAssumptions(random);
            ClusterMetrics m = RoiEngine.analyze(cluster, assumptions).metrics();
            double capex = m.totalCapex();

            double priceForNpv = m.breakEvenStartPrice().getAsDouble();
            ClusterMetrics atPrice = RoiEngine.analyze(cluster.toBuilder().startPricePerGpuHour(priceForNpv).build(), assumptions).metrics();
            assertThat(atPrice.npvAtHurdle() / capex).as("break-even price, cluster %d", i).isCloseTo(0, within(1e-9));

            double priceForZeroIrr = m.breakEvenStartPriceZeroIrr().getAsDouble();
            ClusterAnalysis atZero = RoiEngine.analyze(cluster.toBuilder().startPricePerGpuHour(priceForZeroIrr).build(), assumptions);
            double undiscountedSum = 0;
            for (double f : atZero.schedule().netFlows()) {
                undiscountedSum += f;
            }
            assertThat(undiscountedSum / capex).as("zero-IRR price, cluster %d", i).isCloseTo(0, within(1e-9));
            if (atZero.metrics().irr() instanceof IrrResult.Unique unique) {
                assertThat(unique.annual()).as("zero-IRR price, cluster %d", i).isCloseTo(0, within(1e-8));
            } else if (atZero.metrics().irr() instanceof IrrResult.Ambiguous ambiguous) {
                assertThat(ambiguous.annualRates()).anySatisfy(r -> assertThat(r).isCloseTo(0, within(1e-8)));
            }

            double utilization = m.breakEvenUtilization().getAsDouble();
            if (utilization <= 1) {
                ClusterMetrics atUtilization = RoiEngine.analyze(cluster.toBuilder().utilization(utilization).build(), assumptions).metrics();
                assertThat(atUtilization.npvAtHurdle() / capex).as("break-even utilization, cluster %d", i).isCloseTo(0, within(1e-9));
            }
        }
    }

    /**
     * XIRR and IRR differ only in the times of the flows: dₘ/365 (days from the start) against m/12.
     * Write dₘ/365 = (m/12)(1 + εₘ) with |εₘ| ≤ ε. For flows −capex, then inflows ≥ 0, the value
     * g(u) = Σ cₘ·e^(−u·tₘ) is decreasing, and for u &gt; 0 it lies between f(u(1 + ε)) and
     * f(u(1 − ε)) where f uses m/12 (mirrored for u &lt; 0). So the XIRR's u' = ln(1 + XIRR) lies
     * within |u|·ε/(1 − ε) of the IRR's u = ln(1 + IRR). ε is measured from the actual dates.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {51, 52, 53, 54, 55, 56, 57, 58})
    void xirrOnMonthEndDatesStaysWithinTheBoundImpliedByTheCalendar(long seed) {
        Random random = new Random(seed);
        int checked = 0;
        for (int i = 0; i < CLUSTERS_PER_SEED; i++) {
            ClusterAnalysis analysis = RoiEngine.analyze(randomCluster(random, i), randomAssumptions(random));
            double[] flows = analysis.schedule().netFlows();
            boolean conventional = true;
            for (int m = 1; m < flows.length; m++) {
                conventional &= flows[m] >= 0;
            }
            if (!conventional || !(analysis.metrics().irr() instanceof IrrResult.Unique irr)) {
                continue;
            }
            List<LocalDate> dates = analysis.schedule().dates();
            double epsilon = 0;
            for (int m = 1; m < dates.size(); m++) {
                assertThat(dates.get(m)).isEqualTo(dates.get(m).withDayOfMonth(dates.get(m).lengthOfMonth()));
                double yearsByCalendar = ChronoUnit.DAYS.between(dates.get(0), dates.get(m)) / 365.0;
                epsilon = Math.max(epsilon, Math.abs(yearsByCalendar / (m / 12.0) - 1));
            }
            double u = Math.log1p(irr.annual());
            double uX = Math.log1p(analysis.metrics().xirr().annualRate().getAsDouble());
            assertThat(epsilon).isLessThan(0.02);
            assertThat(Math.abs(uX - u)).as("cluster %d, ε = %s", i, epsilon)
                    .isLessThanOrEqualTo(Math.abs(u) * epsilon / (1 - epsilon) + 1e-12);
            checked++;
        }
        assertThat(checked).isGreaterThan(CLUSTERS_PER_SEED / 4);
    }
}
