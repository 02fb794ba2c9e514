package gpuroi.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static gpuroi.cli.FleetWorkbooks.row;
import static org.assertj.core.api.Assertions.assertThat;

/** Small workbooks to drop into a hot folder, and waiting for what happens to them. */
final class WatchFixtures {
    private WatchFixtures() {
    }

    /**
     * Monte Carlo runs for {@link #slowWorkbook}: one to a few seconds on a small, busy machine, long enough to
     * see a job running and stop or kill its watcher mid-job, short enough to convert again after.
     */
    static final int MID_JOB_RUNS = 50_000;

    /** A one-cluster fleet that converts cleanly (the worked example). */
    static byte[] validWorkbook(String clusterId) throws IOException {
        return FleetWorkbooks.workedExample(clusterId, 1, "$20,000", "80%");
    }

    /** A fleet whose Fleet sheet has two cells to fix: C4 (GPUs) and D4 (capex per GPU). */
    static byte[] invalidWorkbook() throws IOException {
        return FleetWorkbooks.workedExample("broken", "lots", "free", "80%");
    }

    /**
     * A one-cluster fleet that is slow for real, so that a test can stop or kill a watcher while it converts:
     * its Assumptions ask for {@code monteCarloRuns} Monte Carlo paths over a 20-year life (240 months each).
     */
    static byte[] slowWorkbook(String clusterId, int monteCarloRuns) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            XSSFSheet assumptions = wb.createSheet("Assumptions");
            row(assumptions, 0, "Parameter", "Value");
            row(assumptions, 1, "Valuation date", "2026-01-01");
            row(assumptions, 2, "Discount rate", "10%");
            row(assumptions, 3, "Monte Carlo runs", monteCarloRuns);
            XSSFSheet fleet = wb.createSheet("Fleet");
            row(fleet, 0, "Cluster ID", "GPU model", "GPUs", "Capex per GPU ($)", "Status", "Useful life (years)",
                    "Residual value", "Power per GPU (kW)", "PUE", "Electricity ($/kWh)", "Other opex per GPU-month",
                    "Utilization", "Start price ($/GPU-hr)", "Price path");
            row(fleet, 1, clusterId, "H100 SXM", 8, 20000, "Planned", 20, "10%", 1.0, 1.25, 0.10, 20, "80%", "$2.00/hr", "blended:0.5:2");
            wb.write(bytes);
            return bytes.toByteArray();
        }
    }

    /**
     * Whether the hot folder under {@code root} is converting {@code name} now: the input in processing, its
     * staging folder in out/ (made when a worker starts the job, removed when it ends) and status.json counting a
     * running job. A queued input is only in processing.
     */
    static boolean converting(Path root, String name) {
        if (!names(root.resolve("processing")).contains(name)
                || names(root.resolve("out")).stream().noneMatch(n -> n.startsWith(".staging-" + name + "-"))) {
            return false;
        }
        try {
            return new ObjectMapper().readTree(root.resolve("status.json").toFile()).path("running").asInt() > 0;
        } catch (IOException e) {
            // Not written yet, or caught between two writes: the next look tells.
            return false;
        }
    }

    /** Writes a whole file at once, as a copy onto a local disk mostly looks. */
    static Path drop(Path inbox, String name, byte[] bytes) throws IOException {
        return Files.write(inbox.resolve(name), bytes);
    }

    static void await(Object what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting for: %s", what).isLessThan(deadline);
            Thread.sleep(25);
        }
    }

    /** The names in a folder, sorted. */
    static java.util.List<String> names(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return java.util.List.of();
        }
    }

    /** Opens a computed workbook with POI and checks it carries the results. */
    static void assertComputedWorkbook(Path file) throws IOException {
        assertThat(file).isRegularFile();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheet("ROI Summary")).as(file.toString()).isNotNull();
            assertThat(wb.getSheet("Fleet")).as(file.toString()).isNotNull();
        }
    }
}
