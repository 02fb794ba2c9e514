package gpuroi.cli;

import gpuroi.pipeline.Conversion;
import gpuroi.report.MemoRenderer;
import gpuroi.report.Paper;
import gpuroi.watch.JobConverter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * {@code bench/scale}'s warm-JVM figure: one workbook converted with its memos by the hot folder's
 * own job ({@link WatchCommand#pipeline}, the code {@code gpuroi watch} runs for every dropped
 * file), each time into a fresh output folder as the watcher gives it. Prints the median and the
 * fastest of the timed runs after the warm-up runs, as {@code RESULT} lines.
 *
 * <p>{@code HotFolderJobTiming WORKBOOK WARMUPS RUNS}
 */
public final class HotFolderJobTiming {
    private HotFolderJobTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        int warmUps = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        Conversion.Options options = Conversion.Options.at(LocalDate.of(2026, 1, 1), Optional.empty(), "bench");
        JobConverter job = WatchCommand.pipeline(() -> options, Optional.of(MemoRenderer.builtIn(Paper.A4)), OptionalInt.empty());
        Path folders = Files.createTempDirectory("gpuroi-hot-job-");
        try {
            double[] millis = new double[runs];
            for (int i = 0; i < warmUps + runs; i++) {
                Path out = folders.resolve("job-" + i);
                Files.createDirectory(out);
                long start = System.nanoTime();
                JobConverter.Result result = job.convert(input, out);
                double elapsed = (System.nanoTime() - start) / 1e6;
                if (!result.converted()) {
                    throw new IllegalStateException(input + " was not converted: " + result.summary());
                }
                if (i >= warmUps) {
                    millis[i - warmUps] = elapsed;
                }
                delete(out);
            }
            Arrays.sort(millis);
            System.out.printf(Locale.ROOT, "RESULT warm_job_median_ms %.0f%n", millis[runs / 2]);
            System.out.printf(Locale.ROOT, "RESULT warm_job_fastest_ms %.0f%n", millis[0]);
        } finally {
            delete(folders);
        }
    }

    private static void delete(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
