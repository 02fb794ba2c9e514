package gpuroi.cli;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** NAME.roi.memos holds exactly the latest conversion's memos, and a failed conversion leaves the last good set alone. */
class MemoFolderReplacementTest {
    private static final Path SAMPLE = Path.of("samples/mixed-fleet.xlsx");

    @TempDir
    Path dir;

    @Test
    void aRenamedClustersOldMemoIsGoneAfterTheNextConversion() throws Exception {
        Path input = Files.copy(SAMPLE, dir.resolve("fleet.xlsx"));
        Path memos = dir.resolve("fleet.roi.memos");
        assertThat(CliRun.of("convert", input.toString()).exitCode()).isZero();
        assertThat(names(memos)).contains("h100-2023.pdf");

        renameCluster(input, "h100-2023", "h100-2023-east");
        CliRun second = CliRun.of("convert", input.toString());

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(names(memos)).contains("h100-2023-east.pdf").doesNotContain("h100-2023.pdf")
                .containsExactlyInAnyOrder("portfolio.pdf", "a100-lot.pdf", "b200-plan.pdf", "bigcloud-reserved-2023.pdf",
                        "gpulist-a100-2024.pdf", "h100-2023-east.pdf", "h200-plan.pdf", "l40s-inference.pdf", "neocloud-h200.pdf");
        assertThat(names(dir)).as("no staging folder left beside it")
                .containsExactlyInAnyOrder("fleet.xlsx", "fleet.roi.xlsx", "fleet.roi.memos");
    }

    @Test
    void aTemplateThatFailsLeavesTheLastCompleteSetOfMemosAsItWas() throws Exception {
        Path input = Files.copy(SAMPLE, dir.resolve("fleet.xlsx"));
        Path memos = dir.resolve("fleet.roi.memos");
        assertThat(CliRun.of("convert", input.toString()).exitCode()).isZero();
        Map<String, byte[]> before = contents(memos);
        Path templates = brokenTemplates();

        renameCluster(input, "h100-2023", "h100-2023-east");
        CliRun failed = CliRun.of("convert", input.toString(), "--templates", templates.toString());

        assertThat(failed.exitCode()).as(failed.out()).isNotZero();
        assertThat(failed.err()).contains("cluster-memo.ftlh");
        Map<String, byte[]> after = contents(memos);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
        assertThat(names(dir)).as("no staging folder left beside it")
                .containsExactlyInAnyOrder("fleet.xlsx", "fleet.roi.xlsx", "fleet.roi.memos", "templates");
    }

    @Test
    void aFolderNamedWithPdfDirKeepsTheFilesItAlreadyHeld() throws Exception {
        Path input = Files.copy(SAMPLE, dir.resolve("fleet.xlsx"));
        Path mine = Files.createDirectories(dir.resolve("board-pack"));
        Files.writeString(mine.resolve("agenda.txt"), "not gpuroi's");

        CliRun run = CliRun.of("convert", input.toString(), "--pdf-dir", mine.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(names(mine)).contains("agenda.txt", "portfolio.pdf", "h100-2023.pdf");
    }

    /** A copy of templates/ whose cluster memo names a variable no memo has, so it fails while rendering. */
    private Path brokenTemplates() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("templates"));
        try (Stream<Path> files = Files.list(Path.of("templates"))) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName().toString()));
            }
        }
        Path cluster = copy.resolve("cluster-memo.ftlh");
        String text = Files.readString(cluster);
        int body = text.indexOf("<body");
        Files.writeString(cluster, text.substring(0, body) + "${noSuchFigure}" + text.substring(body));
        return copy;
    }

    /** Renames a cluster with POI in every sheet that names it (Fleet and the Leases that refer to it), as an analyst would. */
    private static void renameCluster(Path workbook, String from, String to) throws IOException {
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(workbook)) {
            wb = new XSSFWorkbook(in);
        }
        boolean renamed = false;
        for (org.apache.poi.ss.usermodel.Sheet sheet : wb) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(from)) {
                        cell.setCellValue(to);
                        renamed |= sheet.getSheetName().equals("Fleet");
                    }
                }
            }
        }
        assertThat(renamed).as("cluster " + from + " in the Fleet sheet").isTrue();
        try (OutputStream out = Files.newOutputStream(workbook)) {
            wb.write(out);
        }
        wb.close();
    }

    private static Map<String, byte[]> contents(Path folder) throws IOException {
        Map<String, byte[]> contents = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                contents.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return contents;
    }

    private static java.util.List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
