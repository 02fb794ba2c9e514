package gpuroi.bench;

import gpuroi.report.MemoSelection;
import gpuroi.engine.SensitivityFigures;
import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.ContractAnalysis;
import gpuroi.pipeline.Conversion;
import gpuroi.report.MemoContext;
import gpuroi.report.MemoRenderer;
import gpuroi.report.Paper;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The CPU time one thread spends rendering the mixed-fleet sample's nine memos (as {@link MemoBenchmark}'s one-thread
 * case), after warm-up runs. On a machine shared with other builds, wall-clock throughput follows the load; the CPU time
 * of the rendering thread does much less, so it is the figure to compare changes by. Memos per second on N idle cores is
 * at most N × 9 / (the CPU seconds of a run).
 *
 * <p>{@code MemoCpuTime WARMUPS RUNS}; prints {@code RESULT} lines.
 */
public final class MemoCpuTime {
    private MemoCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int warmUps = Integer.parseInt(args[0]);
        int runs = Integer.parseInt(args[1]);
        Conversion.Options options = Conversion.Options.at(LocalDate.of(2026, 6, 1), Optional.empty(), "bench");
        Conversion.Analyzed sample = Conversion.analyze(Path.of("samples/mixed-fleet.xlsx"), options);
        MemoRenderer renderer = MemoRenderer.builtIn(Paper.A4);
        MemoContext context = new MemoContext("mixed-fleet.xlsx", sample.inputSha256(), "bench", List.of());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] cpuMillis = new double[runs];
        long bytes = 0;
        for (int i = 0; i < warmUps + runs; i++) {
            long start = threads.getCurrentThreadCpuTime();
            bytes = renderer.portfolioMemo(sample.analysis(), List.of(), context, MemoSelection.all(sample.analysis())).length;
            for (ClusterAnalysis cluster : sample.analysis().clusters()) {
                bytes += renderer.clusterMemo(cluster, SensitivityFigures.of(cluster), Optional.empty(), sample.analysis().assumptions(), context).length;
            }
            for (ContractAnalysis contract : sample.analysis().contracts()) {
                bytes += renderer.contractMemo(contract, Optional.empty(), sample.analysis().assumptions(), context).length;
            }
            double elapsed = (threads.getCurrentThreadCpuTime() - start) / 1e6;
            if (i >= warmUps) {
                cpuMillis[i - warmUps] = elapsed;
            }
        }
        int memos = 1 + sample.analysis().clusters().size() + sample.analysis().contracts().size();
        Arrays.sort(cpuMillis);
        System.out.printf(Locale.ROOT, "RESULT memos_per_run %d (%,d bytes of PDF)%n", memos, bytes);
        System.out.printf(Locale.ROOT, "RESULT cpu_ms_per_run_median %.1f%n", cpuMillis[runs / 2]);
        System.out.printf(Locale.ROOT, "RESULT cpu_ms_per_run_fastest %.1f%n", cpuMillis[0]);
        System.out.printf(Locale.ROOT, "RESULT cpu_ms_per_memo_median %.2f%n", cpuMillis[runs / 2] / memos);
    }
}
