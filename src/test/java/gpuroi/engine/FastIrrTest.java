package gpuroi.engine;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The Monte Carlo's fast IRR agrees with {@link IrrSolver} wherever it answers. */
class FastIrrTest {

    @RepeatedTest(200)
    void onRandomInvestThenEarnFlowsItFindsTheSameRateAsTheSolver(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition());
        double[] net = new double[61];
        net[0] = -50_000;
        double level = 300 + random.nextDouble() * 2_000;
        for (int m = 1; m < net.length; m++) {
            net[m] = level * (0.5 + random.nextDouble());
        }
        IrrResult exact = IrrSolver.periodic(net, 12);

        assertThat(FastIrr.annual(net)).isCloseTo(exact.annualRate().getAsDouble(), within(1e-12));
    }

    @RepeatedTest(100)
    void onFlowsThatLoseMoneyLateAndThenGetTheResidualItAgreesWithTheSolver(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(1_000 + repetition.getCurrentRepetition());
        double[] net = new double[61];
        net[0] = -50_000;
        for (int m = 1; m < net.length; m++) {
            net[m] = 2_000 * Math.pow(0.93, m) - 150 + 100 * random.nextDouble();
        }
        net[60] += 5_000 + 10_000 * random.nextDouble();
        IrrResult exact = IrrSolver.periodic(net, 12);

        if (exact instanceof IrrResult.Unique unique) {
            assertThat(FastIrr.annual(net)).isCloseTo(unique.annual(), within(1e-12));
        } else {
            assertThat(FastIrr.annual(net)).isNaN();
        }
    }

    @Test
    void flowsBuiltFromAKnownMonthlyRateReturnThatRate() {
        double monthly = 0.015;
        double[] net = new double[61];
        net[0] = -1_000;
        for (int m = 1; m < net.length; m++) {
            net[m] = 1_000 * monthly / (1 - Math.pow(1 + monthly, -60));
        }
        assertThat(FastIrr.annual(net)).isCloseTo(Math.pow(1 + monthly, 12) - 1, within(1e-12));
    }

    @Test
    void aLosingPathHasANegativeRateAndFlowsThatNeverPayHaveNone() {
        double[] losing = new double[61];
        losing[0] = -60_000;
        java.util.Arrays.fill(losing, 1, 61, 500);
        assertThat(FastIrr.annual(losing)).isCloseTo(IrrSolver.periodic(losing, 12).annualRate().getAsDouble(), within(1e-12))
                .isNegative();

        double[] neverPays = new double[61];
        neverPays[0] = -1_000;
        assertThat(FastIrr.annual(neverPays)).isNaN();
    }

    @Test
    void flowsWithSeveralRootsHaveNoSingleRate() {
        // −1, +2.3, −1.32: roots at 10% and 20% a month, both in range.
        assertThat(FastIrr.annual(new double[] {-1, 2.3, -1.32})).isNaN();
    }
}
