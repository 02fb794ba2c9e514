package gpuroi.workbook;

import gpuroi.cli.Main;
import gpuroi.testing.Programs;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's converted workbook printed to PDF by LibreOffice, as a new user would print it, and
 * read back as text: no {@code ###}, no text cut short, headers broken only between words, and a
 * page count an analyst would carry to a meeting. Runs where {@code soffice} and {@code pdftotext}
 * are installed, and always in CI.
 */
class LibreOfficePrintTest {
    /**
     * The sample printed to 112 pages, most of them shrunk illegibly, before the page setup; 58 at a
     * legible size after it: 16 of them the input's own sheets, 16 the 300 monthly rows of ROI Cash
     * Flows (two pages wide), 3 for ROI Summary.
     */
    private static final int MOST_PAGES = 65;

    @TempDir
    static Path dir;
    private static Path converted;
    private static String pdfText;
    private static int pages;

    @BeforeAll
    static void convertAndPrintOnce() throws Exception {
        Path soffice = Programs.required("soffice");
        Path pdftotext = Programs.required("pdftotext");

        Path input = Files.copy(Path.of("samples", "mixed-fleet.xlsx"), dir.resolve("mixed-fleet.xlsx"));
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "convert", "--no-memos",
                input.toString());
        assertThat(exit).as(err.toString()).isZero();
        converted = dir.resolve("mixed-fleet.roi.xlsx");

        Path outDir = Files.createDirectory(dir.resolve("pdf"));
        run(List.of(soffice.toString(), "--headless", "--norestore", "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                "--convert-to", "pdf", "--outdir", outDir.toString(), converted.toString()));
        Path pdf = outDir.resolve("mixed-fleet.roi.pdf");
        assertThat(pdf).exists();
        Path text = dir.resolve("printed.txt");
        run(List.of(pdftotext.toString(), pdf.toString(), text.toString()));
        pdfText = Files.readString(text);
        // pdftotext ends every page with a form feed.
        pages = (int) pdfText.chars().filter(c -> c == '\f').count();
    }

    private static void run(List<String> command) throws Exception {
        Path log = dir.resolve("command.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(log)).isZero();
    }

    @Test
    void noCellPrintsAsHashes() {
        assertThat(pdfText).doesNotContain("###");
    }

    @Test
    void theSamplePrintsOnAPageCountAnAnalystWouldAccept() {
        assertThat(pages).isBetween(15, MOST_PAGES);
    }

    @Test
    void everyPageSaysWhichFileSheetAndPageItIs() {
        assertThat(pdfText).contains("mixed-fleet.roi.xlsx", WorkbookWriter.SUMMARY_SHEET, WorkbookWriter.NOTES_SHEET);
        Matcher last = Pattern.compile("Page (\\d+) of (\\d+)").matcher(pdfText);
        int footers = 0;
        while (last.find()) {
            footers++;
            assertThat(Integer.parseInt(last.group(1))).isLessThanOrEqualTo(Integer.parseInt(last.group(2)));
        }
        // The input's own sheets print as the analyst set them up; every page of an added sheet has the footer.
        assertThat(footers).isGreaterThanOrEqualTo(WorkbookWriter.OUTPUT_SHEETS.size());
    }

    @Test
    void textsCutShortBeforeArePrintedWhole() {
        String flat = pdfText.replaceAll("\\s+", " ");
        assertThat(flat).contains("n/a (resale not allowed)", "RESELL CAPACITY", "Monte Carlo").doesNotContain("MONTE_CARLO",
                "RESELL_CAPACITY");
    }

    @Test
    void everyWordOfEveryHeaderIsPrintedWhole() throws Exception {
        Set<String> printedWords = new HashSet<>(Arrays.asList(pdfText.split("[\\s]+")));
        List<String> split = new ArrayList<>();
        try (XSSFWorkbook workbook = WriterFixtures.open(converted)) {
            for (String name : WorkbookWriter.OUTPUT_SHEETS) {
                XSSFSheet sheet = workbook.getSheet(name);
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        boolean header = cell.getCellType() == CellType.STRING && cell.getCellStyle().getWrapText()
                                && workbook.getFontAt(cell.getCellStyle().getFontIndex()).getBold();
                        if (!header) {
                            continue;
                        }
                        for (String word : cell.getStringCellValue().split("\\s+")) {
                            if (word.length() >= 4 && !printedWords.contains(word)) {
                                split.add(name + "!" + cell.getAddress() + " '" + word + "'");
                            }
                        }
                    }
                }
            }
        }
        assertThat(split).isEmpty();
    }
}
