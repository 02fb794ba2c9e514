package gpuroi.bench;

import gpuroi.engine.IrrResult;
import gpuroi.engine.IrrSolver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/** The IRR solver on one 5-year cluster's 61 monthly flows (capex, then 60 months). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class IrrSolverBenchmark {
    private double[] conventional;
    private double[] twoSignChanges;

    @Setup
    public void buildFlows() {
        // The article's H100 at $2.85 on the blended path, less $66.43 a month of power.
        conventional = new double[61];
        conventional[0] = -50_000;
        for (int m = 1; m <= 60; m++) {
            conventional[m] = 730 * 2.85 * (1 - (m - 0.5) / 120) - 66.43;
        }
        // The same with a decommissioning cost in the last month: the solver must scan for every root.
        twoSignChanges = conventional.clone();
        twoSignChanges[60] -= 40_000;
    }

    @Benchmark
    public IrrResult periodicIrrOfSixtyOneMonthlyFlows() {
        return IrrSolver.periodic(conventional, 12);
    }

    @Benchmark
    public IrrResult periodicIrrOfSixtyOneMonthlyFlowsWithTwoSignChanges() {
        return IrrSolver.periodic(twoSignChanges, 12);
    }
}
