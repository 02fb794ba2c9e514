package gpuroi.cli;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Small workbooks to drop into a hot folder, and waiting for what happens to them. */
final class WatchFixtures {
    private WatchFixtures() {
    }

    /** A one-cluster fleet that converts cleanly (the worked example). */
    static byte[] validWorkbook(String clusterId) throws IOException {
        return FleetWorkbooks.workedExample(clusterId, 1, "$20,000", "80%");
    }

    /** A fleet whose Fleet sheet has two cells to fix: C4 (GPUs) and D4 (capex per GPU). */
    static byte[] invalidWorkbook() throws IOException {
        return FleetWorkbooks.workedExample("broken", "lots", "free", "80%");
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
