package gpuroi.bench;

import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.RoiEngine;
import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.PricePath;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

/**
 * One cluster's full analysis: schedule, IRR, XIRR, NPVs, MIRR, paybacks, levelized figures,
 * break-evens and the decision. Target: well under a millisecond.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RoiEngineBenchmark {
    private final Assumptions assumptions = Assumptions.defaults(LocalDate.of(2026, 1, 1));

    private final Cluster planned = Cluster.builder("bench-planned")
            .gpuModel("H100 SXM")
            .gpuCount(64)
            .capexPerGpu(45_000)
            .lifeMonths(60)
            .utilization(0.7)
            .startPricePerGpuHour(2.85)
            .pricePath(PricePath.ARTICLE_BLENDED)
            .powerKwPerGpu(1.2)
            .pue(1.3)
            .electricityPerKwh(0.08)
            .otherOpexPerGpuMonth(200)
            .residualShare(0.1)
            .build();

    private final Cluster owned = planned.toBuilder()
            .status(ClusterStatus.OWNED)
            .startDate(LocalDate.of(2024, 6, 15))
            .secondaryPricePerGpu(23_000.0)
            .build();

    @Benchmark
    public ClusterAnalysis analyzePlannedFiveYearCluster() {
        return RoiEngine.analyze(planned, assumptions);
    }

    @Benchmark
    public ClusterAnalysis analyzeOwnedFiveYearCluster() {
        return RoiEngine.analyze(owned, assumptions);
    }
}
