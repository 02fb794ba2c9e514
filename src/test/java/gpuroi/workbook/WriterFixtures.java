package gpuroi.workbook;

import gpuroi.engine.FleetResult;
import gpuroi.engine.PortfolioAnalysis;
import gpuroi.engine.RoiEngine;
import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** Shared inputs of the writer tests: the worked example of {@code worked-example.md} and small workbooks. */
final class WriterFixtures {
    static final LocalDate VALUATION = LocalDate.of(2026, 1, 1);

    private WriterFixtures() {
    }

    /** The cluster of {@code shared/spec/worked-example.md}. */
    static Cluster.Builder workedExample(String id) {
        return gpuroi.engine.WorkedExampleTest.workedExample(id);
    }

    static PortfolioAnalysis analyze(Cluster... clusters) {
        Assumptions assumptions = Assumptions.defaults(VALUATION);
        return new PortfolioAnalysis(assumptions,
                Arrays.stream(clusters).map(c -> RoiEngine.analyze(c, assumptions)).toList());
    }

    static RunInfo runInfo(Path input) {
        return new RunInfo(input.getFileName().toString(), "ab".repeat(32), "0.1.0-test", VALUATION);
    }

    /** A minimal input: one Fleet sheet with a header and the cluster ids. */
    static Path fleetWorkbook(Path dir, String fileName, String... clusterIds) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            var sheet = workbook.createSheet("Fleet");
            sheet.createRow(0).createCell(0).setCellValue("Cluster id");
            for (int i = 0; i < clusterIds.length; i++) {
                sheet.createRow(i + 1).createCell(0).setCellValue(clusterIds[i]);
            }
            return save(workbook, dir.resolve(fileName));
        }
    }

    static Path save(XSSFWorkbook workbook, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        return file;
    }

    static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    static void write(Path input, Path output, PortfolioAnalysis analysis) throws IOException {
        WorkbookWriter.write(input, output, FleetResult.of(analysis), List.of(), InputCells.NONE, runInfo(input));
    }
}
