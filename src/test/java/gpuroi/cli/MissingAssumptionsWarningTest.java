package gpuroi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workbook with no Assumptions sheet (written by openpyxl: a Fleet and a Leases sheet) is analysed
 * at the contract's defaults, and every output says so: the text of convert and validate, --json,
 * the ROI Notes sheet and every memo. --strict refuses it.
 */
class MissingAssumptionsWarningTest {
    @TempDir
    Path dir;

    /** The contract's defaults: hurdle = discount rate = 10%, valued at the first day of the current month. */
    private static String expectedWarning() {
        return "no Assumptions sheet was read: hurdle rate 10%, discount rate 10% and valuation date "
                + LocalDate.now().withDayOfMonth(1) + " are defaults";
    }

    private Path input() throws Exception {
        return Files.copy(Path.of("src/test/resources/foreign/sheets-no-assumptions.xlsx"), dir.resolve("fleet.xlsx"));
    }

    @Test
    void convertPrintsTheWarningWithTheDefaultValues() throws Exception {
        CliRun run = CliRun.of("convert", input().toString(), "--no-memos");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("  warning: Assumptions: " + expectedWarning());
    }

    @Test
    void aValuationDateGivenOnTheCommandLineIsNotCalledADefault() throws Exception {
        CliRun run = CliRun.of("convert", input().toString(), "--no-memos", "--valuation-date", "2026-03-01");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("  warning: Assumptions: no Assumptions sheet was read: hurdle rate 10% and discount rate 10%"
                + " are defaults (the valuation date 2026-03-01 is --valuation-date's)");
        assertThat(run.out()).doesNotContain("valuation date 2026-03-01 are defaults");
    }

    @Test
    void validatePrintsTheWarningWithTheDefaultValues() throws Exception {
        CliRun run = CliRun.of("validate", input().toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("warning: Assumptions: " + expectedWarning());
    }

    @Test
    void jsonListsTheWarningAtTheAssumptionsSheet() throws Exception {
        CliRun run = CliRun.of("convert", input().toString(), "--no-memos", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode warnings = run.json().get("workbooks").get(0).get("warnings");
        assertThat(warnings).anySatisfy(w -> {
            assertThat(w.get("sheet").asText()).isEqualTo("Assumptions");
            assertThat(w.get("message").asText()).startsWith(expectedWarning());
        });
    }

    @Test
    void theRoiNotesSheetListsItAsAWarning() throws Exception {
        Path input = input();
        CliRun run = CliRun.of("convert", input.toString(), "--no-memos");
        assertThat(run.exitCode()).as(run.err()).isZero();

        List<String> warnings = new ArrayList<>();
        try (InputStream in = Files.newInputStream(dir.resolve("fleet.roi.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Row row : wb.getSheet("ROI Notes")) {
                if (row.getCell(0) != null && row.getCell(0).getStringCellValue().equals("Warning")) {
                    warnings.add(row.getCell(1).getStringCellValue() + " | " + row.getCell(2).getStringCellValue());
                }
            }
        }
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("Assumptions | " + expectedWarning()));
    }

    @Test
    void everyMemoPortfolioClusterAndContractShowsIt() throws Exception {
        CliRun run = CliRun.of("convert", input().toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        List<Path> memos;
        try (Stream<Path> files = Files.list(dir.resolve("fleet.roi.memos"))) {
            memos = files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
        // The portfolio memo, one per cluster (h100-a, h200-b) and one for the contract rented-h100.
        assertThat(memos).extracting(p -> p.getFileName().toString())
                .contains("portfolio.pdf", "h100-a.pdf", "h200-b.pdf")
                .anySatisfy(name -> assertThat(name).contains("rented-h100"))
                .hasSize(4);
        for (Path memo : memos) {
            assertThat(text(memo)).as(memo.getFileName().toString()).contains(expectedWarning());
        }
    }

    @Test
    void strictRefusesAWorkbookWithoutAssumptions() throws Exception {
        CliRun run = CliRun.of("convert", "--strict", input().toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(dir.resolve("fleet.roi.xlsx")).doesNotExist();
    }

    /** The memo's text with line breaks and hyphenation at line ends folded, so a wrapped sentence reads whole. */
    private static String text(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ").replace("- ", "-");
        }
    }
}
