package gpuroi.bench;

import gpuroi.engine.FleetResult;
import gpuroi.engine.RiskProfile;
import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.RiskInputs;
import gpuroi.model.Sampler;
import gpuroi.pipeline.Conversion;
import gpuroi.report.MemoContext;
import gpuroi.report.MemoRenderer;
import gpuroi.report.Paper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Java side of {@code bench/scale}, one small job per process so the script can time each one
 * cold as a whole process ({@code /usr/bin/time}) or read the figure a warm job prints:
 * <ul>
 *   <li>{@code generate N FILE}: a fleet workbook of N clusters ({@link WorkbookBenchmark#fleet});</li>
 *   <li>{@code poi-open-save IN OUT}: the baseline, a plain POI open of IN and save to OUT;</li>
 *   <li>{@code memos SECONDS}: memos per second, rendering the mixed-fleet sample's memos as
 *       {@code convert} does (on every core), after a warm-up of the same length;</li>
 *   <li>{@code monte-carlo}: Monte Carlo path-months per second on {@link MonteCarloBenchmark}'s
 *       fleet of 100 clusters (10,000 paths of 60 months each), after one warm-up fleet.</li>
 * </ul>
 * The warm hot-folder job is {@code gpuroi.cli.HotFolderJobTiming}. Each warm job prints one line
 * {@code RESULT name value}, which the script reads.
 */
public final class ScaleBenchmark {
    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "generate" -> WorkbookBenchmark.fleet(Path.of(args[2]), Integer.parseInt(args[1]));
            case "poi-open-save" -> openAndSave(Path.of(args[1]), Path.of(args[2]));
            case "memos" -> memosPerSecond(Double.parseDouble(args[1]));
            case "monte-carlo" -> monteCarloThroughput();
            default -> {
                System.err.println("usage: ScaleBenchmark generate N FILE | poi-open-save IN OUT | memos SECONDS | monte-carlo");
                System.exit(2);
            }
        }
    }

    static void openAndSave(Path from, Path to) throws Exception {
        try (InputStream in = Files.newInputStream(from); XSSFWorkbook workbook = new XSSFWorkbook(in);
             OutputStream out = Files.newOutputStream(to)) {
            workbook.write(out);
        }
    }

    private static void memosPerSecond(double seconds) throws Exception {
        Conversion.Options options = Conversion.Options.at(LocalDate.of(2026, 6, 1), Optional.empty(), "bench");
        Conversion.Analyzed sample = Conversion.analyze(Path.of("samples/mixed-fleet.xlsx"), options);
        MemoRenderer renderer = MemoRenderer.builtIn(Paper.A4);
        MemoContext context = new MemoContext("mixed-fleet.xlsx", sample.inputSha256(), "bench", List.of());
        renderFor(seconds, renderer, sample, context);
        long start = System.nanoTime();
        int memos = renderFor(seconds, renderer, sample, context);
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "RESULT memos_per_second %.1f%n", memos / elapsed);
    }

    /** Renders the sample's memos again and again for about {@code seconds}; returns how many. */
    private static int renderFor(double seconds, MemoRenderer renderer, Conversion.Analyzed sample, MemoContext context)
            throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int memos = 0;
        while (System.nanoTime() < end) {
            memos += renderer.renderAll(FleetResult.of(sample.analysis()), context).size();
        }
        return memos;
    }

    private static void monteCarloThroughput() {
        Assumptions assumptions = Assumptions.defaults(LocalDate.of(2026, 1, 1));
        List<Cluster> fleet = MonteCarloBenchmark.fleet(100);
        RiskInputs inputs = MonteCarloBenchmark.inputs(Sampler.MONTE_CARLO);
        MonteCarloBenchmark.run(fleet, assumptions, inputs);
        long start = System.nanoTime();
        List<RiskProfile> profiles = MonteCarloBenchmark.run(fleet, assumptions, inputs);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long pathMonths = 0;
        for (Cluster cluster : fleet) {
            pathMonths += (long) inputs.paths() * cluster.lifeMonths();
        }
        System.out.printf(Locale.ROOT, "RESULT monte_carlo_seconds %.2f%n", elapsed);
        System.out.printf(Locale.ROOT, "RESULT monte_carlo_path_months_per_second %.0f%n", pathMonths / elapsed);
        System.out.printf(Locale.ROOT, "RESULT monte_carlo_clusters %d%n", profiles.size());
    }
}
