package gpuroi.cli;

import gpuroi.workbook.PoiWarmUp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up warm-up ({@link PoiWarmUp}: XMLBeans' schema types and log4j on one thread, the JDK's locale
 * data, XML factories and fonts on another, while the command reads) only ever saves time: a conversion that starts with it writes the same workbook as one
 * that does not.
 */
class WarmUpConvertTest {
    @TempDir
    Path dir;

    @Test
    void aConversionStartedWithTheWarmUpWritesTheSameWorkbookAsOneWithout() throws Exception {
        Path input = Files.write(dir.resolve("fleet.xlsx"), FleetWorkbooks.workedExample("worked-example", 4, "$20,000", "80%"));
        Files.createDirectories(dir.resolve("cold"));
        Files.createDirectories(dir.resolve("warm"));

        CliRun cold = CliRun.of("convert", "--no-memos", input.toString(), "-o", dir.resolve("cold/fleet.roi.xlsx").toString());
        PoiWarmUp.start(true);
        CliRun warm = CliRun.of("convert", "--no-memos", input.toString(), "-o", dir.resolve("warm/fleet.roi.xlsx").toString());

        assertThat(cold.exitCode()).as(cold.err()).isZero();
        assertThat(warm.exitCode()).as(warm.err()).isZero();
        assertThat(warm.out().replace("warm", "cold")).isEqualTo(cold.out());
        Map<String, String> coldParts = parts(dir.resolve("cold/fleet.roi.xlsx"));
        assertThat(coldParts).containsKeys("xl/charts/chart1.xml", "xl/drawings/drawing1.xml", "xl/styles.xml");
        assertThat(parts(dir.resolve("warm/fleet.roi.xlsx"))).isEqualTo(coldParts);
    }

    /** Every part of the package but its core properties, which hold the time it was written. */
    private static Map<String, String> parts(Path workbook) throws IOException {
        Map<String, String> parts = new TreeMap<>();
        try (ZipFile zip = new ZipFile(workbook.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (!entry.getName().equals("docProps/core.xml")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        parts.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return parts;
    }
}
