package gpuroi.bench;

import gpuroi.cli.Main;
import gpuroi.pipeline.Conversion;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code bench/workbook}: how long {@code gpuroi convert --no-memos} (read, engine, write) takes on fleets of
 * 100 and 1,000 clusters (10,000 with {@code --large}), next to a plain POI open-and-save, all in
 * one warm JVM. Prints the median of several repetitions and the ratio convert / POI.
 *
 * <p>Two POI baselines, because "the same file" can mean either: the input workbook (a Fleet sheet
 * of one row per cluster) and the converted workbook (the input plus some 61 monthly rows of live
 * formulas per cluster), which is what convert has to write.
 */
public final class WorkbookBenchmark {
    private WorkbookBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> flags = Arrays.asList(args);
        int repetitions = flags.contains("--reps") ? Integer.parseInt(flags.get(flags.indexOf("--reps") + 1)) : 3;
        List<Integer> sizes = new ArrayList<>(List.of(100, 1_000));
        if (flags.contains("--large")) {
            sizes.add(10_000);
        }
        Path dir = Files.createTempDirectory("gpuroi-bench-");
        try {
            System.out.printf(Locale.ROOT, "gpuroi convert vs plain POI open+save, median of %d warm runs (after %d warm-up runs)%n",
                    repetitions, WARM_UP);
            System.out.printf(Locale.ROOT, "%9s %11s %12s %13s %12s %12s %13s %14s%n", "clusters", "input KB", "output KB",
                    "POI in (ms)", "POI out (ms)", "convert (ms)", "read+engine", "convert/POI");
            for (int clusters : sizes) {
                Path input = fleet(dir.resolve("fleet-" + clusters + ".xlsx"), clusters);
                Path output = dir.resolve("fleet-" + clusters + ".roi.xlsx");
                int reps = clusters >= 10_000 ? Math.min(repetitions, 2) : repetitions;
                convert(input, output);
                double poiInput = median(reps, () -> openAndSave(input, dir.resolve("poi-in.xlsx")));
                double poiOutput = median(reps, () -> openAndSave(output, dir.resolve("poi-out.xlsx")));
                double convert = median(reps, () -> convert(input, output));
                double analyze = median(reps, () -> Conversion.analyze(input, OPTIONS));
                System.out.printf(Locale.ROOT, "%9d %11d %12d %13.0f %12.0f %12.0f %13.0f %8.1f× / %.1f×%n", clusters,
                        Files.size(input) / 1024, Files.size(output) / 1024, poiInput, poiOutput, convert, analyze,
                        convert / poiInput, convert / poiOutput);
            }
            System.out.println("convert/POI: against the input's open+save / against the output's open+save (target ≤ 3× at 1,000).");
            System.out.println("Timings on a shared machine vary; compare ratios from the same run.");
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static final int WARM_UP = 1;
    private static final Conversion.Options OPTIONS = Conversion.Options.at(LocalDate.of(2026, 1, 1),
            Optional.of(LocalDate.of(2026, 1, 1)), "bench");

    private interface Job {
        void run() throws Exception;
    }

    /** Median wall time in milliseconds, after warm-up runs. */
    private static double median(int repetitions, Job job) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            job.run();
        }
        double[] millis = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            job.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[repetitions / 2];
    }

    private static void openAndSave(Path from, Path to) throws IOException {
        try (InputStream in = Files.newInputStream(from); XSSFWorkbook workbook = new XSSFWorkbook(in);
             OutputStream out = Files.newOutputStream(to)) {
            workbook.write(out);
        }
    }

    private static void convert(Path input, Path output) {
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(Writer.nullWriter()), new PrintWriter(err), "convert", "--no-memos", "--valuation-date", "2026-01-01",
                input.toString(), "-o", output.toString());
        if (exit != 0) {
            throw new IllegalStateException("convert failed (" + exit + "): " + err);
        }
    }

    private static final String[] PATHS = {"flat", "blended:0.5:5", "decline:0.3", "custom:yearly:1,0.85,0.7,0.6", ""};

    /** A fleet of the given size: every price path, owned and planned clusters, 5-year lives. */
    static Path fleet(Path file, int clusters) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet assumptions = wb.createSheet("Assumptions");
            row(assumptions, 0, "Parameter", "Value");
            row(assumptions, 1, "Discount rate", "10%");
            XSSFSheet fleet = wb.createSheet("Fleet");
            row(fleet, 0, "Cluster id", "GPU model", "GPUs", "Capex per GPU", "Status", "Purchase date", "Useful life (years)",
                    "Residual value", "Power per GPU (kW)", "PUE", "Electricity ($/kWh)", "Other opex per GPU-month",
                    "Utilization", "Start price ($/GPU-hr)", "Price path", "Secondary price per GPU");
            for (int i = 0; i < clusters; i++) {
                boolean owned = i % 3 == 0;
                row(fleet, i + 1, "lot-" + i, i % 2 == 0 ? "H100 SXM" : "H200", 8 + (i % 16) * 8, 28_000 + (i % 10) * 1_000,
                        owned ? "Owned" : "Planned", owned ? "2025-0" + (1 + i % 9) + "-01" : "", 5, "5%", 1.1, 1.3,
                        0.06 + (i % 5) * 0.01, 100, (60 + i % 30) + "%", 2.0 + (i % 20) * 0.1, PATHS[i % PATHS.length],
                        owned ? 20_000 : "");
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }

    private static void row(XSSFSheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else if (!"".equals(values[i])) {
                row.createCell(i).setCellValue((String) values[i]);
            }
        }
    }
}
