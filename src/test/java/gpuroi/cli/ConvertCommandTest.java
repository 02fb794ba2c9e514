package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code gpuroi convert} and {@code validate} on real .xlsx files in a real folder. */
class ConvertCommandTest {
    @TempDir
    Path dir;

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** The worked example of worked-example.md as a one-row Fleet sheet below a title, typed the way people do. */
    Path workedExampleWorkbook(String name, Object utilization) throws IOException {
        return Files.write(dir.resolve(name), FleetWorkbooks.workedExample("worked-example", 1, "$20,000", utilization));
    }

    @Test
    void convertWritesTheComputedWorkbookBesideTheInputAndLeavesTheInputUntouched() throws Exception {
        Path input = workedExampleWorkbook("fleet.xlsx", "80%");
        String before = sha256(input);
        FileTime modified = Files.getLastModifiedTime(input);

        CliRun run = run("convert", input.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path output = dir.resolve("fleet.roi.xlsx");
        assertThat(output).exists();
        assertThat(sha256(input)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(input)).isEqualTo(modified);
        assertThat(run.out()).contains("worked-example").contains("RENT").contains("1.7%").contains("$2.16/hr");
        try (InputStream in = Files.newInputStream(output); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheet("Fleet")).isNotNull();
            assertThat(wb.getSheet("ROI Summary")).isNotNull();
            assertThat(wb.getSheet("ROI Cash Flows")).isNotNull();
            assertThat(wb.getSheet("ROI Notes")).isNotNull();
            assertThat(wb.getSheetName(wb.getActiveSheetIndex())).as("opens on the results").isEqualTo("ROI Summary");
            long selectedTabs = java.util.stream.IntStream.range(0, wb.getNumberOfSheets())
                    .filter(i -> wb.getSheetAt(i).isSelected()).count();
            assertThat(selectedTabs).as("no sheets grouped with the summary").isEqualTo(1);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("fleet.xlsx", "fleet.roi.xlsx", "fleet.roi.memos");
        }
    }

    @Test
    void jsonListsEachWorkbookWithItsClustersFiguresAndWarnings() throws Exception {
        Path input = workedExampleWorkbook("fleet.xlsx", 80);
        CliRun run = run("convert", input.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode workbook = run.json().get("workbooks").get(0);
        assertThat(workbook.get("input").asText()).endsWith("fleet.xlsx");
        assertThat(workbook.get("output").asText()).endsWith("fleet.roi.xlsx");
        assertThat(workbook.get("sha256").asText()).isEqualTo(sha256(input));
        JsonNode cluster = workbook.get("clusters").get(0);
        assertThat(cluster.get("id").asText()).isEqualTo("worked-example");
        assertThat(cluster.get("decision").asText()).isEqualTo("RENT");
        assertThat(cluster.get("irr").asDouble()).isCloseTo(0.0173859500, within(1e-9));
        assertThat(cluster.get("npv").asDouble()).isCloseTo(-1501.220218, within(1e-3));
        assertThat(cluster.get("paybackMonths").asDouble()).isCloseTo(23.857540, within(1e-6));
        assertThat(cluster.get("breakEvenPrice").asDouble()).isCloseTo(2.155832, within(1e-6));
        // The bare 80 in the utilization column was read as 80% with a warning on its cell.
        JsonNode warning = workbook.get("warnings").get(0);
        assertThat(warning.get("sheet").asText()).isEqualTo("Fleet");
        assertThat(warning.get("cell").asText()).isEqualTo("L4");
        assertThat(warning.get("message").asText()).contains("80%");
        assertThat(workbook.get("errors")).isEmpty();
    }

    @Test
    void strictTurnsWarningsIntoExitCodeOneAndWritesNothing() throws Exception {
        Path input = workedExampleWorkbook("fleet.xlsx", 80);
        CliRun run = run("convert", "--strict", input.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(dir.resolve("fleet.roi.xlsx")).doesNotExist();
        assertThat(dir.resolve("fleet.roi.memos")).doesNotExist();
    }

    @Test
    void convertWritesAPortfolioMemoAndAMemoPerClusterBesideTheOutputAndListsThemInJson() throws Exception {
        Path input = workedExampleWorkbook("fleet.xlsx", "80%");
        CliRun run = run("convert", input.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path folder = dir.resolve("fleet.roi.memos");
        JsonNode memos = run.json().get("workbooks").get(0).get("memos");
        assertThat(memos).hasSize(2);
        assertThat(memos.get(0).asText()).isEqualTo(folder.resolve("portfolio.pdf").toString());
        assertThat(memos.get(1).asText()).isEqualTo(folder.resolve("worked-example.pdf").toString());
        assertThat(Files.readAllBytes(folder.resolve("worked-example.pdf"))).startsWith("%PDF-".getBytes());
    }

    @Test
    void memosGoWherePdfDirSaysOnTheChosenPaperOrNowhereWithNoMemos() throws Exception {
        Path input = workedExampleWorkbook("fleet.xlsx", "80%");
        Path pdfs = dir.resolve("pdfs");
        CliRun run = run("convert", input.toString(), "--pdf-dir", pdfs.toString(), "--paper", "letter");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(pdfs.resolve("portfolio.pdf")).exists();
        assertThat(pdfs.resolve("worked-example.pdf")).exists();
        assertThat(run.out()).contains("2 memos → " + pdfs);

        Files.delete(dir.resolve("fleet.roi.xlsx"));
        CliRun bare = run("convert", input.toString(), "--no-memos", "--json");
        assertThat(bare.exitCode()).as(bare.err()).isZero();
        assertThat(bare.json().get("workbooks").get(0).get("memos")).isEmpty();
        assertThat(dir.resolve("fleet.roi.memos")).doesNotExist();
    }

    @Test
    void aBrokenMemoTemplateIsNamedWithItsLineExitCodeTwoAndNothingIsWritten() throws Exception {
        Path input = workedExampleWorkbook("fleet.xlsx", "80%");
        Path templates = Files.createDirectory(dir.resolve("my-templates"));
        for (String name : List.of("cluster-memo.ftlh", "portfolio-memo.ftlh", "memo.css")) {
            Files.copy(Path.of("templates", name), templates.resolve(name));
        }
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(templates.resolve("portfolio-memo.ftlh")));
        lines.set(13, "<p>${nothing.here}</p>");
        Files.write(templates.resolve("portfolio-memo.ftlh"), lines);

        CliRun run = run("convert", input.toString(), "--templates", templates.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("memo template portfolio-memo.ftlh, line 14");
        assertThat(dir.resolve("fleet.roi.xlsx")).doesNotExist();

        CliRun missing = run("convert", input.toString(), "--templates", dir.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--templates").contains("not a folder");

        CliRun paper = run("convert", input.toString(), "--paper", "a3");
        assertThat(paper.exitCode()).isEqualTo(2);
        assertThat(paper.err()).contains("a4 or letter");
    }

    @Test
    void anInvalidWorkbookGetsEveryProblemByCellExitCodeTwoAndNoOutput() throws Exception {
        Path input;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet fleet = wb.createSheet("Fleet");
            FleetWorkbooks.row(fleet, 0, "Cluster ID", "GPU model", "GPUs", "Capex per GPU", "Utilization", "Start price");
            FleetWorkbooks.row(fleet, 1, "a", "H100", -8, 30000, "250%", 2.5);
            FleetWorkbooks.row(fleet, 2, "a", "H100", 8, "lots", "70%", 2.5);
            input = dir.resolve("bad.xlsx");
            try (OutputStream out = Files.newOutputStream(input)) {
                wb.write(out);
            }
        }
        CliRun run = run("convert", input.toString(), "--json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(dir.resolve("bad.roi.xlsx")).doesNotExist();
        JsonNode workbook = run.json().get("workbooks").get(0);
        assertThat(workbook.get("output").isNull()).isTrue();
        List<String> cells = workbook.get("errors").findValuesAsText("cell");
        assertThat(cells).contains("C2", "E2", "D3").anyMatch(c -> c.startsWith("A"));
        assertThat(workbook.get("errors").toString()).contains("250%").contains("lots");

        CliRun text = run("convert", input.toString());
        assertThat(text.exitCode()).isEqualTo(2);
        assertThat(text.err()).contains("Fleet!C2").contains("Fleet!E2").contains("Fleet!D3").doesNotContain("Exception");
    }

    @Test
    void aFileThatIsNotAWorkbookGetsOneLineAndExitCodeTwo() throws Exception {
        Path input = dir.resolve("notes.xlsx");
        Files.writeString(input, "not a spreadsheet");
        CliRun run = run("convert", input.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("notes.xlsx").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(dir.resolve("notes.roi.xlsx")).doesNotExist();
    }

    @Test
    void severalWorkbooksGoIntoTheOutputFolderAndOneBadFileDoesNotStopTheOthers() throws Exception {
        Path good = workedExampleWorkbook("good.xlsx", "80%");
        Path bad = dir.resolve("bad.xlsx");
        Files.write(bad, new byte[0]);
        Path out = Files.createDirectory(dir.resolve("out"));
        CliRun run = run("convert", good.toString(), bad.toString(), "-o", out.toString(), "--json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(out.resolve("good.roi.xlsx")).exists();
        assertThat(out.resolve("bad.roi.xlsx")).doesNotExist();
        assertThat(run.json().get("workbooks")).hasSize(2);
    }

    @Test
    void anOutputThatIsTheInputIsRefused() throws Exception {
        Path input = workedExampleWorkbook("fleet.xlsx", "80%");
        String before = sha256(input);
        CliRun run = run("convert", input.toString(), "-o", input.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("input");
        assertThat(sha256(input)).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(input);
        }
    }

    @Test
    void validateReportsTheDecisionsAndWritesNothing() throws Exception {
        Path input = workedExampleWorkbook("fleet.xlsx", "80%");
        CliRun run = run("validate", input.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("worked-example").contains("RENT");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void theBundledSampleConvertsWithoutErrors() throws Exception {
        Path sample = Files.copy(Path.of("samples/mixed-fleet.xlsx"), dir.resolve("fleet.xlsx"));
        CliRun run = run("convert", sample.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode workbook = run.json().get("workbooks").get(0);
        assertThat(workbook.get("errors")).isEmpty();
        assertThat(workbook.get("clusters").findValuesAsText("decision")).isNotEmpty();
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
