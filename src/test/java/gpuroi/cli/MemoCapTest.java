package gpuroi.cli;

import gpuroi.pipeline.Conversion;
import gpuroi.report.MemoRenderer;
import gpuroi.report.MemoSelection;
import gpuroi.report.Paper;
import gpuroi.watch.JobConverter;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large fleet gets the portfolio memo and memos only for the clusters and contracts with the most money at stake;
 * the rest are named in the portfolio memo, the ROI Notes sheet and the console, and {@code --memos all} renders them.
 */
class MemoCapTest {
    @TempDir
    Path dir;

    /*
     * Money at stake in samples/mixed-fleet.xlsx, by hand from its Fleet and Leases rows:
     * clusters (GPUs × capex per GPU): h100-2023 64 × 45,000 = 2,880,000; h200-plan 32 × 38,000 = 1,216,000;
     * b200-plan 16 × 62,000 = 992,000; a100-lot 32 × 16,000 = 512,000; l40s-inference 48 × 9,500 = 456,000.
     * Lessee contracts (GPUs × rate × 730 h × months): bigcloud-reserved-2023 128 × 4.35 × 730 × 48 = 19,510,272;
     * gpulist-a100-2024 32 × 2.10 × 730 × 36 = 1,766,016; neocloud-h200 16 × 3.90 × 730 × 18 = 819,936.
     * The three largest: bigcloud-reserved-2023, h100-2023, gpulist-a100-2024.
     */
    private static final List<String> SAMPLE_LEFT_OUT = List.of("a100-lot", "h200-plan", "b200-plan", "l40s-inference", "neocloud-h200");

    @Test
    void withMemosThreeTheSampleGetsThePortfolioMemoAndTheThreeMemosWithTheMostMoneyAtStake() throws Exception {
        Path input = Files.copy(Path.of("samples/mixed-fleet.xlsx"), dir.resolve("mixed-fleet.xlsx"));

        CliRun run = CliRun.of("convert", input.toString(), "--memos", "3");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path memos = dir.resolve("mixed-fleet.roi.memos");
        assertThat(pdfNames(memos)).containsExactlyInAnyOrder("portfolio.pdf", "bigcloud-reserved-2023.pdf", "h100-2023.pdf",
                "gpulist-a100-2024.pdf");
        String portfolio = pdfText(memos.resolve("portfolio.pdf"));
        assertThat(portfolio).contains("Memos not rendered").contains("No memo in this folder for 5 clusters and contracts")
                .contains("--memos all").contains(String.join(", ", SAMPLE_LEFT_OUT));
        assertThat(memoNotes(dir.resolve("mixed-fleet.roi.xlsx"))).containsExactlyElementsOf(SAMPLE_LEFT_OUT);
        assertThat(CliRun.of("convert", input.toString(), "--memos", "3", "--json").json().at("/workbooks/0/memosNotRendered"))
                .extracting(com.fasterxml.jackson.databind.JsonNode::asText).containsExactlyElementsOf(SAMPLE_LEFT_OUT);
        assertThat(run.out()).contains("4 memos").contains("memos not rendered for 5 clusters and contracts (a100-lot, h200-plan,"
                + " b200-plan, l40s-inference, neocloud-h200)").contains("--memos all");
    }

    @Test
    void underTheDefaultCapTheSampleGetsEveryMemoAndNoNoteAboutMemos() throws Exception {
        Path input = Files.copy(Path.of("samples/mixed-fleet.xlsx"), dir.resolve("mixed-fleet.xlsx"));

        CliRun run = CliRun.of("convert", input.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(pdfNames(dir.resolve("mixed-fleet.roi.memos"))).hasSize(1 + 5 + 3);
        assertThat(pdfText(dir.resolve("mixed-fleet.roi.memos/portfolio.pdf"))).doesNotContain("Memos not rendered");
        assertThat(memoNotes(dir.resolve("mixed-fleet.roi.xlsx"))).isEmpty();
        assertThat(run.out()).doesNotContain("memos not rendered");
    }

    @Test
    void aFleetTwoClustersAboveTheDefaultCapLeavesOutTheTwoSmallestAndMemosAllRendersThem() throws Exception {
        int clusters = MemoSelection.DEFAULT_CAP + 2;
        Path input = fleet(dir.resolve("fleet.xlsx"), clusters);

        CliRun run = CliRun.of("convert", input.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        // Capex per GPU is 20,000 + 100 × (7i mod 52) with 8 GPUs each: the two smallest are i = 0 (mod 0) and i = 15 (105 mod 52 = 1).
        List<String> expected = new ArrayList<>();
        expected.add("portfolio.pdf");
        for (int i = 0; i < clusters; i++) {
            if (i != 0 && i != 15) {
                expected.add(String.format("lot-%02d.pdf", i));
            }
        }
        Path memos = dir.resolve("fleet.roi.memos");
        assertThat(pdfNames(memos)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(pdfText(memos.resolve("portfolio.pdf"))).contains("No memo in this folder for 2 clusters and contracts")
                .contains("lot-00, lot-15");
        assertThat(memoNotes(dir.resolve("fleet.roi.xlsx"))).containsExactly("lot-00", "lot-15");

        CliRun all = CliRun.of("convert", input.toString(), "--memos", "all");

        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(pdfNames(memos)).hasSize(1 + clusters).contains("lot-00.pdf", "lot-15.pdf");
        assertThat(pdfText(memos.resolve("portfolio.pdf"))).doesNotContain("Memos not rendered");
        assertThat(memoNotes(dir.resolve("fleet.roi.xlsx"))).isEmpty();
        assertThat(all.out()).doesNotContain("memos not rendered");
    }

    @Test
    void pastFiftyClustersThePortfolioMemoListsFiftyAndNamesTheWorkbookThatListsTheOthers() throws Exception {
        int clusters = MemoSelection.DEFAULT_CAP + 2;
        Path input = fleet(dir.resolve("fleet.xlsx"), clusters);

        CliRun run = CliRun.of("convert", input.toString(), "--memos", "0", "-o", dir.resolve("priced.xlsx").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String portfolio = pdfText(dir.resolve("priced.memos/portfolio.pdf"));
        // Capex per GPU is 20,000 + 100 × (7i mod 52): the two smallest, i = 0 and i = 15, are left out of the decisions table.
        assertThat(portfolio).contains("Shown: the 50 clusters with the most capex, largest first; the other 2, added up in the line"
                + " \"more\", are listed with every figure in the ROI Summary sheet of priced.xlsx. The total is over all 52 clusters.");
        assertThat(portfolio).doesNotContain("lot-00 8 × H100").doesNotContain("lot-15 8 × H100").contains("lot-51 8 × H100");
        List<String> first50 = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            first50.add(String.format("lot-%02d", i));
        }
        assertThat(portfolio).contains("No memo in this folder for 52 clusters and contracts").contains(String.join(", ", first50)
                + ", and 2 more: the ROI Notes sheet of priced.xlsx has a row for each (Memo not rendered)");
        assertThat(memoNotes(dir.resolve("priced.xlsx"))).hasSize(52);
    }

    @Test
    void theHotFolderPipelineKeepsToItsCapAndSaysHowManyMemosItLeftOut() throws Exception {
        Path input = Files.copy(Path.of("samples/mixed-fleet.xlsx"), dir.resolve("mixed-fleet.xlsx"));
        Path out = Files.createDirectories(dir.resolve("out"));
        JobConverter pipeline = WatchCommand.pipeline(() -> Conversion.Options.at(LocalDate.of(2026, 6, 1), Optional.empty(), "test"),
                Optional.of(MemoRenderer.builtIn(Paper.A4)), OptionalInt.of(3));

        JobConverter.Result result = pipeline.convert(input, out);

        assertThat(result.converted()).as(result.errorText()).isTrue();
        assertThat(result.summary()).contains("4 memos (5 not rendered");
        assertThat(pdfNames(out.resolve("mixed-fleet.roi.memos"))).containsExactlyInAnyOrder("portfolio.pdf",
                "bigcloud-reserved-2023.pdf", "h100-2023.pdf", "gpulist-a100-2024.pdf");
        assertThat(memoNotes(out.resolve("mixed-fleet.roi.xlsx"))).containsExactlyElementsOf(SAMPLE_LEFT_OUT);
    }

    @Test
    void memosThatAreNeitherAllNorAWholeNumberAreRefusedBeforeAnyWorkbookIsRead() throws Exception {
        Path input = Files.copy(Path.of("samples/mixed-fleet.xlsx"), dir.resolve("mixed-fleet.xlsx"));

        CliRun some = CliRun.of("convert", input.toString(), "--memos", "some");
        CliRun both = CliRun.of("convert", input.toString(), "--memos", "3", "--no-memos");

        assertThat(some.exitCode()).isNotZero();
        assertThat(some.err()).contains("--memos 'some'").contains("expected 'all' or a whole number");
        assertThat(both.exitCode()).isNotZero();
        assertThat(both.err()).contains("--memos 3 and --no-memos: choose one");
        assertThat(dir.resolve("mixed-fleet.roi.xlsx")).doesNotExist();
    }

    /** {@code count} planned clusters lot-00, lot-01, …, 8 GPUs each, capex per GPU a permutation of 20,000 + 100 × k. */
    static Path fleet(Path file, int count) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet assumptions = wb.createSheet("Assumptions");
            FleetWorkbooks.row(assumptions, 0, "Parameter", "Value");
            FleetWorkbooks.row(assumptions, 1, "Valuation date", "2026-01-01");
            FleetWorkbooks.row(assumptions, 2, "Discount rate", "10%");
            XSSFSheet fleet = wb.createSheet("Fleet");
            FleetWorkbooks.row(fleet, 0, "Cluster ID", "GPU model", "GPUs", "Capex per GPU ($)", "Status", "Useful life (years)",
                    "Residual value", "Power per GPU (kW)", "PUE", "Electricity ($/kWh)", "Other opex per GPU-month",
                    "Utilization", "Start price ($/GPU-hr)", "Price path");
            for (int i = 0; i < count; i++) {
                FleetWorkbooks.row(fleet, i + 1, String.format("lot-%02d", i), "H100 SXM", 8, 20_000 + 100 * ((7 * i) % count),
                        "Planned", 2, "10%", 1.0, 1.25, 0.10, 20, "80%", "$2.00/hr", "blended:0.5:2");
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }

    private static List<String> pdfNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pdf")).toList();
        }
    }

    /** The locations of the ROI Notes rows of kind "Memo not rendered", in sheet order. */
    private static List<String> memoNotes(Path workbook) throws IOException {
        List<String> ids = new ArrayList<>();
        DataFormatter text = new DataFormatter();
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Row row : wb.getSheet("ROI Notes")) {
                if (text.formatCellValue(row.getCell(0)).equals("Memo not rendered")) {
                    ids.add(text.formatCellValue(row.getCell(1)));
                    assertThat(text.formatCellValue(row.getCell(2))).contains("--memos all");
                }
            }
        }
        return ids;
    }

    private static String pdfText(Path pdf) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ").replace("- ", "-");
        }
    }
}
