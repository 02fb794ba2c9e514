package gpuroi.bench;

import gpuroi.engine.FleetResult;
import gpuroi.report.MemoSelection;
import gpuroi.engine.SensitivityFigures;
import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.ContractAnalysis;
import gpuroi.pipeline.Conversion;
import gpuroi.report.MemoContext;
import gpuroi.report.MemoRenderer;
import gpuroi.report.Paper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Every memo of the bundled mixed-fleet sample (the portfolio memo, five cluster memos and three
 * contract memos) in one warm JVM, in memory: templates, charts, sensitivity grid, layout and PDF.
 * Memos per second is nine times the operations per second. Target: at least 20 memos/s on 2 cores.
 * Run with {@code bench/run MemoBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MemoBenchmark {
    private Conversion.Analyzed sample;
    private MemoRenderer renderer;
    private MemoContext context;

    @Setup
    public void readSample() throws Exception {
        Conversion.Options options = Conversion.Options.at(LocalDate.of(2026, 6, 1), Optional.empty(), "bench");
        sample = Conversion.analyze(Path.of("samples/mixed-fleet.xlsx"), options);
        renderer = MemoRenderer.builtIn(Paper.A4);
        context = new MemoContext("mixed-fleet.xlsx", sample.inputSha256(), "bench", List.of());
    }

    /** What {@code gpuroi convert} does: all nine memos, rendered on every core. */
    @Benchmark
    public void allMemosOfTheMixedFleet(Blackhole sink) throws Exception {
        sink.consume(renderer.renderAll(FleetResult.of(sample.analysis()), context));
    }

    /** The same nine memos one after the other on the calling thread. */
    @Benchmark
    public void allMemosOfTheMixedFleetOnOneThread(Blackhole sink) throws Exception {
        sink.consume(renderer.portfolioMemo(sample.analysis(), List.of(), context, MemoSelection.all(sample.analysis())));
        for (ClusterAnalysis cluster : sample.analysis().clusters()) {
            sink.consume(renderer.clusterMemo(cluster, SensitivityFigures.of(cluster), Optional.empty(), sample.analysis().assumptions(), context));
        }
        for (ContractAnalysis contract : sample.analysis().contracts()) {
            sink.consume(renderer.contractMemo(contract, Optional.empty(), sample.analysis().assumptions(), context));
        }
    }
}
