package gpuroi.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The IRR solver against references that do not come from it: the spreadsheet examples of
 * {@code worked-example.md} (Excel's documentation), rates the flows were built from, and a plain
 * bisection on the NPV polynomial evaluated in 34-digit decimal arithmetic.
 */
class IrrSolverTest {

    // ---- Spreadsheet references (worked-example.md, "Spreadsheet function references") ----

    @Test
    void irrOfTheSpreadsheetExampleIsEightPointSixSixPercent() {
        IrrResult irr = IrrSolver.periodic(new double[] {-70_000, 12_000, 15_000, 18_000, 21_000, 26_000}, 1);
        assertThat(irr).isInstanceOf(IrrResult.Unique.class);
        assertThat(irr.annualRate().getAsDouble()).isCloseTo(0.0866309, within(1e-7));
    }

    @Test
    void irrOfTheSpreadsheetExampleWithoutItsLastValueIsMinusTwoPointOneTwoPercent() {
        IrrResult irr = IrrSolver.periodic(new double[] {-70_000, 12_000, 15_000, 18_000, 21_000}, 1);
        assertThat(irr.annualRate().getAsDouble()).isCloseTo(-0.0212448, within(1e-7));
    }

    static final List<LocalDate> XIRR_DATES = List.of(LocalDate.of(2008, 1, 1), LocalDate.of(2008, 3, 1),
            LocalDate.of(2008, 10, 30), LocalDate.of(2009, 2, 15), LocalDate.of(2009, 4, 1));
    static final double[] XIRR_AMOUNTS = {-10_000, 2_750, 4_250, 3_250, 2_750};

    @Test
    void xirrOfTheSpreadsheetExampleIsThirtySevenPointThreeFourPercent() {
        IrrResult xirr = IrrSolver.xirr(XIRR_DATES, XIRR_AMOUNTS);
        assertThat(xirr.annualRate().getAsDouble()).isCloseTo(0.3733625, within(1e-7));
    }

    @Test
    void xirrDoesNotDependOnTheOrderTheDatesAreGivenIn() {
        // Reversed, and rotated so that the first date given is not the earliest: the rate is the
        // root of the same function up to a positive factor, so it must not move.
        List<LocalDate> reversed = List.of(XIRR_DATES.get(4), XIRR_DATES.get(3), XIRR_DATES.get(2), XIRR_DATES.get(1), XIRR_DATES.get(0));
        double[] reversedAmounts = {XIRR_AMOUNTS[4], XIRR_AMOUNTS[3], XIRR_AMOUNTS[2], XIRR_AMOUNTS[1], XIRR_AMOUNTS[0]};
        List<LocalDate> rotated = List.of(XIRR_DATES.get(2), XIRR_DATES.get(0), XIRR_DATES.get(4), XIRR_DATES.get(1), XIRR_DATES.get(3));
        double[] rotatedAmounts = {XIRR_AMOUNTS[2], XIRR_AMOUNTS[0], XIRR_AMOUNTS[4], XIRR_AMOUNTS[1], XIRR_AMOUNTS[3]};

        assertThat(IrrSolver.xirr(reversed, reversedAmounts).annualRate().getAsDouble()).isCloseTo(0.3733625, within(1e-7));
        assertThat(IrrSolver.xirr(rotated, rotatedAmounts).annualRate().getAsDouble()).isCloseTo(0.3733625, within(1e-7));
    }

    @Test
    void mirrOfTheSpreadsheetExampleIsTwelvePointSixOnePercent() {
        double[] flows = {-120_000, 39_000, 30_000, 21_000, 37_000, 46_000};
        assertThat(Returns.mirr(flows, 0.10, 0.12).getAsDouble()).isCloseTo(0.1260941, within(1e-7));
    }

    // ---- Independent reference: bisection in decimal arithmetic ----

    private static final MathContext MC = MathContext.DECIMAL128;

    /** Σ aᵢ·xⁱ by Horner in 34-digit decimals, x = 1/(1 + periodic rate). */
    private static BigDecimal npvAtDiscountFactor(BigDecimal[] flows, BigDecimal x) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = flows.length - 1; i >= 0; i--) {
            sum = sum.multiply(x, MC).add(flows[i], MC);
        }
        return sum;
    }

    /**
     * The annual IRR of conventional flows (outflows first, then inflows). Their NPV is a polynomial
     * in the discount factor x with one sign change in its coefficients, so by Descartes it has
     * exactly one positive root, below which it is negative (it starts at a₀ &lt; 0) and above which
     * it is positive: plain bisection on the sign finds it.
     */
    static double referenceIrr(double[] doubleFlows, int periodsPerYear) {
        BigDecimal[] flows = new BigDecimal[doubleFlows.length];
        for (int i = 0; i < flows.length; i++) {
            flows[i] = new BigDecimal(doubleFlows[i], MC);
        }
        BigDecimal two = BigDecimal.valueOf(2);
        // Bracket the root between neighbouring powers of two, then halve the bracket 64 times:
        // its relative width ends below 2^−64, far finer than a double.
        BigDecimal lo = BigDecimal.ONE;
        BigDecimal hi = BigDecimal.ONE;
        if (npvAtDiscountFactor(flows, BigDecimal.ONE).signum() < 0) {
            while (npvAtDiscountFactor(flows, hi).signum() < 0) {
                lo = hi;
                hi = hi.multiply(two);
                assertThat(hi).as("reference bracket").isLessThan(new BigDecimal("1e12"));
            }
        } else {
            while (npvAtDiscountFactor(flows, lo).signum() >= 0) {
                hi = lo;
                lo = lo.divide(two, MC);
                assertThat(lo).as("reference bracket").isGreaterThan(new BigDecimal("1e-12"));
            }
        }
        for (int i = 0; i < 64; i++) {
            BigDecimal mid = lo.add(hi).divide(two, MC);
            if (npvAtDiscountFactor(flows, mid).signum() < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double x = lo.add(hi).divide(two, MC).doubleValue();
        // (1/x)^ppy − 1 without cancellation near 0.
        return Math.expm1(-periodsPerYear * Math.log(x));
    }

    /** Outflows in the first 1–3 periods, then inflows (some zero), so exactly one sign change. */
    static double[] conventionalFlows(Random random, int periods, double capexToInflows) {
        int outflowPeriods = 1 + random.nextInt(Math.min(3, periods - 1));
        double[] flows = new double[periods];
        double inflows = 0;
        for (int i = outflowPeriods; i < periods; i++) {
            flows[i] = random.nextInt(8) == 0 ? 0 : 100 + 10_000 * random.nextDouble();
            inflows += flows[i];
        }
        if (inflows == 0) {
            flows[periods - 1] = 1_000;
            inflows = 1_000;
        }
        double outflow = capexToInflows * inflows;
        double[] split = new double[outflowPeriods];
        double splitSum = 0;
        for (int i = 0; i < outflowPeriods; i++) {
            split[i] = 0.2 + random.nextDouble();
            splitSum += split[i];
        }
        for (int i = 0; i < outflowPeriods; i++) {
            flows[i] = -outflow * split[i] / splitSum;
        }
        return flows;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void periodicIrrAgreesWithAnIndependentBisectionOnConventionalFlows(long seed) {
        Random random = new Random(seed);
        int compared = 0;
        for (int k = 0; k < 12; k++) {
            boolean monthly = random.nextBoolean();
            int periodsPerYear = monthly ? 12 : 1;
            int periods = monthly ? 2 + random.nextInt(120) : 2 + random.nextInt(30);
            // Outflows from 1% to 500% of the inflows: IRRs from far above +1000% to deeply negative.
            double capexToInflows = Math.exp(Math.log(0.01) + random.nextDouble() * Math.log(500));
            double[] flows = conventionalFlows(random, periods, capexToInflows);
            double reference = referenceIrr(flows, periodsPerYear);
            if (reference <= IrrSolver.MIN_ANNUAL_RATE || reference >= IrrSolver.MAX_ANNUAL_RATE) {
                continue;
            }
            IrrResult irr = IrrSolver.periodic(flows, periodsPerYear);
            assertThat(irr).as("seed %d case %d", seed, k).isInstanceOf(IrrResult.Unique.class);
            assertThat(irr.annualRate().getAsDouble()).as("seed %d case %d", seed, k)
                    .isCloseTo(reference, within(1e-9 * Math.max(1, Math.abs(reference))));
            compared++;
        }
        assertThat(compared).as("cases inside the solver's range").isGreaterThanOrEqualTo(8);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {101, 102, 103, 104, 105, 106, 107, 108, 109, 110})
    void irrOfFlowsBuiltAtAKnownRateReturnsThatRate(long seed) {
        Random random = new Random(seed);
        // Annual rates spread evenly in ln(1 + R) from −99% to +1000%, plus the two ends themselves.
        double[] ends = {-0.99, 10.0};
        for (int k = 0; k < 22; k++) {
            double annual = k < 2 ? ends[k] : Math.expm1(Math.log(0.01) + random.nextDouble() * (Math.log(11) - Math.log(0.01)));
            double monthlyGrowth = Math.pow(1 + annual, 1.0 / 12);
            int months = 1 + random.nextInt(84);
            double[] flows = new double[months + 1];
            double presentValue = 0;
            for (int m = 1; m <= months; m++) {
                flows[m] = random.nextInt(10) == 0 ? 0 : 50 + 5_000 * random.nextDouble();
                presentValue += flows[m] * Math.pow(monthlyGrowth, -m);
            }
            if (presentValue == 0) {
                flows[months] = 1_000;
                presentValue = 1_000 * Math.pow(monthlyGrowth, -months);
            }
            flows[0] = -presentValue;

            IrrResult irr = IrrSolver.periodic(flows, 12);
            assertThat(irr).as("R=%s", annual).isInstanceOf(IrrResult.Unique.class);
            assertThat(irr.annualRate().getAsDouble()).as("R=%s", annual).isCloseTo(annual, within(1e-9 * Math.max(1, Math.abs(annual))));
            assertThat(irr.annualRate().getAsDouble()).as("R=%s vs bisection", annual)
                    .isCloseTo(referenceIrr(flows, 12), within(1e-9 * Math.max(1, Math.abs(annual))));
            assertThat(((IrrResult.Unique) irr).periodic()).isCloseTo(monthlyGrowth - 1, within(1e-12));
        }
    }

    // ---- When there is no single IRR ----

    @Test
    void flowsThatNeverChangeSignHaveNoIrrAndSayWhy() {
        IrrResult allIn = IrrSolver.periodic(new double[] {100, 200, 0, 50}, 12);
        IrrResult allOut = IrrSolver.periodic(new double[] {-100, 0, -5}, 12);
        assertThat(allIn).isInstanceOf(IrrResult.None.class);
        assertThat(allIn.note()).contains("positive");
        assertThat(allIn.annualRate()).isEmpty();
        assertThat(allIn.display(1)).isEqualTo("no IRR");
        assertThat(allOut).isInstanceOf(IrrResult.None.class);
        assertThat(allOut.note()).contains("negative").contains("never pays back");
    }

    @Test
    void flowsMinusOnePlusFiveMinusSixHaveTwoIrrsOneHundredAndTwoHundredPercent() {
        // −1 + 5x − 6x² = 0 with x = 1/(1 + r): x = 1/2 or 1/3, so r = 100% or 200%.
        IrrResult irr = IrrSolver.periodic(new double[] {-1, 5, -6}, 1);
        assertThat(irr).isInstanceOf(IrrResult.Ambiguous.class);
        List<Double> rates = ((IrrResult.Ambiguous) irr).annualRates();
        assertThat(rates).hasSize(2);
        assertThat(rates).anySatisfy(r -> assertThat(r).isCloseTo(1.0, within(1e-9)));
        assertThat(rates).anySatisfy(r -> assertThat(r).isCloseTo(2.0, within(1e-9)));
        assertThat(irr.annualRate()).isEmpty();
        assertThat(irr.note()).contains("2 times").contains("NPV");
        assertThat(irr.display(0)).isEqualTo("ambiguous (100% or 200%)");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {201, 202, 203, 204, 205})
    void flowsBuiltWithTwoKnownRatesAreAmbiguousBetweenExactlyThoseRates(long seed) {
        // NPV in x = 1/(1 + r) is −(x − x₁)(x − x₂)·q(x) with q's coefficients all positive, so q has
        // no positive root and the flows' only IRRs are r₁ and r₂.
        Random random = new Random(seed);
        for (int k = 0; k < 40; k++) {
            double u1 = -2 + 4 * random.nextDouble();
            double u2 = u1 + (random.nextBoolean() ? 1 : -1) * (0.05 + random.nextDouble());
            double x1 = Math.exp(-u1);
            double x2 = Math.exp(-u2);
            double[] quadratic = {x1 * x2, -(x1 + x2), 1};
            double[] q = new double[1 + random.nextInt(6)];
            for (int i = 0; i < q.length; i++) {
                q[i] = 0.1 + random.nextDouble();
            }
            double[] flows = new double[quadratic.length + q.length - 1];
            for (int i = 0; i < quadratic.length; i++) {
                for (int j = 0; j < q.length; j++) {
                    flows[i + j] -= quadratic[i] * q[j];
                }
            }
            IrrResult irr = IrrSolver.periodic(flows, 1);
            assertThat(irr).as("u = %s, %s", u1, u2).isInstanceOf(IrrResult.Ambiguous.class);
            List<Double> rates = ((IrrResult.Ambiguous) irr).annualRates();
            assertThat(rates).as("u = %s, %s", u1, u2).hasSize(2);
            assertThat(rates).anySatisfy(r -> assertThat(Math.log1p(r)).isCloseTo(u1, within(1e-9)));
            assertThat(rates).anySatisfy(r -> assertThat(Math.log1p(r)).isCloseTo(u2, within(1e-9)));
        }
    }

    @Test
    void anIrrAboveTheSearchRangeIsReportedAsNoneAbove() {
        // −1 then +1,000,000 a year later: 99,999,900% a year, far above the +1,000,000% searched.
        IrrResult irr = IrrSolver.periodic(new double[] {-1, 1_000_000}, 1);
        assertThat(irr).isInstanceOf(IrrResult.None.class);
        assertThat(irr.note()).contains("above");
    }

    @Test
    void anIrrBelowTheSearchRangeIsReportedAsNoneBelow() {
        // −1 then +0.00001: −99.999% a year, below the −99.99% searched.
        IrrResult irr = IrrSolver.periodic(new double[] {-1, 0.00001}, 1);
        assertThat(irr).isInstanceOf(IrrResult.None.class);
        assertThat(irr.note()).contains("below");
    }

    @Test
    void zeroFlowsHaveNoIrr() {
        assertThat(IrrSolver.periodic(new double[] {0, 0, 0}, 12)).isInstanceOf(IrrResult.None.class);
        assertThat(IrrSolver.periodic(new double[0], 12)).isInstanceOf(IrrResult.None.class);
        assertThat(IrrSolver.xirr(List.of(), new double[0])).isInstanceOf(IrrResult.None.class);
    }

    @Test
    void nonFiniteFlowsHaveNoIrrRatherThanNaN() {
        IrrResult irr = IrrSolver.periodic(new double[] {-100, Double.NaN, 200}, 12);
        assertThat(irr).isInstanceOf(IrrResult.None.class);
        assertThat(irr.note()).contains("finite");
    }

    @Test
    void aLoanThatIsReceivedFirstAndRepaidLaterHasTheBorrowingRateAsItsIrr() {
        // +1000 now, −1100 in a year: 10%. Monthly: +1000, then −1000·1.01^12 after 12 months: 1%/month.
        assertThat(IrrSolver.periodic(new double[] {1000, -1100}, 1).annualRate().getAsDouble()).isCloseTo(0.10, within(1e-12));
        double[] monthly = new double[13];
        monthly[0] = 1000;
        monthly[12] = -1000 * Math.pow(1.01, 12);
        IrrResult irr = IrrSolver.periodic(monthly, 12);
        assertThat(((IrrResult.Unique) irr).periodic()).isCloseTo(0.01, within(1e-12));
        assertThat(irr.annualRate().getAsDouble()).isCloseTo(Math.pow(1.01, 12) - 1, within(1e-12));
    }

    @Test
    void datedIrrOfOneYearAndOneDayIsComputedOnActual365() {
        // −100 on 2024-01-01, +110 on 2025-01-01: 366 days (leap year) = 366/365 years, so the
        // rate is 1.1^(365/366) − 1, a little under 10%.
        IrrResult xirr = IrrSolver.xirr(List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1)), new double[] {-100, 110});
        assertThat(xirr.annualRate().getAsDouble()).isCloseTo(Math.pow(1.1, 365.0 / 366) - 1, within(1e-12));
    }

    @Test
    void aRootExactlyAtZeroIsFound() {
        IrrResult irr = IrrSolver.periodic(new double[] {-300, 100, 100, 100}, 12);
        assertThat(irr.annualRate().getAsDouble()).isCloseTo(0.0, within(1e-12));
    }
}
