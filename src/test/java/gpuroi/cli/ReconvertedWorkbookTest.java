package gpuroi.cli;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workbook gpu-roi converted, converted again: the sheets gpu-roi added are replaced whatever their size, since they
 * are read as empty and their parts never loaded (ROI Cash Flows of a fleet of a few thousand clusters holds more XML
 * than POI can hold in one part), while their parts are still held to the zip-bomb ratio.
 */
class ReconvertedWorkbookTest {
    /** Just past the most POI holds of one part (ZipArchiveFakeEntry's 100,000,000 bytes). */
    private static final long PAST_POI = 100_000_000L + (1L << 20);

    @TempDir
    Path dir;

    @Test
    void aConvertedWorkbookWhoseCashFlowSheetIsTooLargeToReadConvertsAgainToTheSameFigures() throws Exception {
        Path first = converted();
        Path large = withPartReplaced(first, "large.xlsx", sheetPart(first, "ROI Cash Flows"), ReconvertedWorkbookTest::rowsOfNumbers);

        Path again = dir.resolve("again.xlsx");
        CliRun run = CliRun.of("convert", "--no-memos", "--valuation-date", "2026-01-01", large.toString(), "-o", again.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        for (String sheet : List.of("ROI Summary", "ROI Inputs", "ROI Cash Flows")) {
            assertThat(numbers(again, sheet)).as(sheet).isNotEmpty().isEqualTo(numbers(first, sheet));
        }
        try (ZipFile zip = new ZipFile(again.toFile())) {
            assertThat(zip.getEntry(sheetPart(again, "ROI Cash Flows")).getSize()).isLessThan(1L << 20);
        }
    }

    /**
     * A formula or a defined name of the investor's own that names one of the added sheets would read 0 from an emptied
     * sheet whenever the reader calculates it: then the added sheets are read as they stand, as before, and one too large
     * is refused as such.
     */
    @Test
    void anAddedSheetNamedByAFormulaOrANameOfTheInvestorsIsReadAsItStands() throws Exception {
        Path first = converted();
        Path formula = edited(first, "formula.xlsx", book -> book.getSheet("Fleet").createRow(40).createCell(25)
                .setCellFormula("'ROI Summary'!C2"));
        Path name = edited(first, "name.xlsx", book -> {
            Name summaryFigure = book.createName();
            summaryFigure.setNameName("FromSummary");
            summaryFigure.setRefersToFormula("'ROI Summary'!$C$2");
        });
        for (Path linked : List.of(formula, name)) {
            String part = sheetPart(linked, "ROI Cash Flows");
            Path large = withPartReplaced(linked, "large-" + linked.getFileName(), part, ReconvertedWorkbookTest::rowsOfNumbers);

            CliRun run = CliRun.of("convert", "--no-memos", large.toString(), "-o", dir.resolve("out.xlsx").toString());

            assertThat(run.exitCode()).as(linked.toString()).isEqualTo(2);
            assertThat(run.err()).contains(large.getFileName() + " refused: " + part + " (sheet ROI Cash Flows) holds 96 MB of XML,"
                    + " more than the 95 MB gpu-roi reads of one part");
        }
    }

    private interface Edit {
        void apply(XSSFWorkbook book);
    }

    /** A copy of {@code workbook} edited and saved through POI, as an analyst's script would. */
    private Path edited(Path workbook, String name, Edit edit) throws IOException {
        Path copy = dir.resolve(name);
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(workbook))) {
            edit.apply(book);
            try (OutputStream out = Files.newOutputStream(copy)) {
                book.write(out);
            }
        }
        return copy;
    }

    @Test
    void anAddedSheetThatInflatesLikeAZipBombIsStillRefused() throws Exception {
        Path first = converted();
        String part = sheetPart(first, "ROI Cash Flows");
        Path bomb = withPartReplaced(first, "bomb.xlsx", part, out -> {
            byte[] same = "<row/>".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written < PAST_POI; written += same.length) {
                out.write(same);
            }
        });

        CliRun run = CliRun.of("convert", "--no-memos", bomb.toString(), "-o", dir.resolve("out.xlsx").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("bomb.xlsx refused: " + part + " inflates more than 100 times its compressed size");
        assertThat(dir.resolve("out.xlsx")).doesNotExist();
    }

    private Path converted() throws IOException {
        Path input = Files.write(dir.resolve("fleet.xlsx"), FleetWorkbooks.workedExample("worked-example", 4, "$20,000", "80%"));
        Path first = dir.resolve("first.xlsx");
        CliRun run = CliRun.of("convert", "--no-memos", "--valuation-date", "2026-01-01", input.toString(), "-o", first.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return first;
    }

    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A copy of {@code workbook} with {@code part} holding {@code content} instead. */
    private Path withPartReplaced(Path workbook, String name, String part, Content content) throws IOException {
        Path copy = dir.resolve(name);
        try (ZipFile zip = new ZipFile(workbook.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            out.setLevel(Deflater.BEST_SPEED);
            for (ZipEntry entry : Collections.list(zip.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(part)) {
                    content.writeTo(out);
                } else {
                    try (InputStream in = zip.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        return copy;
    }

    /** The zip entry of a sheet, from the workbook part and its relationships as the file has them. */
    private static String sheetPart(Path workbook, String sheet) throws IOException {
        try (ZipFile zip = new ZipFile(workbook.toFile())) {
            String sheets = text(zip, "xl/workbook.xml");
            Matcher tag = Pattern.compile("<sheet [^>]*name=\"" + Pattern.quote(sheet) + "\"[^>]*>").matcher(sheets);
            assertThat(tag.find()).as(sheet).isTrue();
            Matcher id = Pattern.compile("r:id=\"([^\"]+)\"").matcher(tag.group());
            assertThat(id.find()).isTrue();
            Matcher target = Pattern.compile("<Relationship [^>]*Id=\"" + id.group(1) + "\"[^>]*Target=\"([^\"]+)\"")
                    .matcher(text(zip, "xl/_rels/workbook.xml.rels"));
            assertThat(target.find()).isTrue();
            return target.group(1).startsWith("/") ? target.group(1).substring(1) : "xl/" + target.group(1);
        }
    }

    private static String text(ZipFile zip, String part) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(part))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Every number the sheet shows, row by row: values, and the cached results of formulas. */
    private static List<Double> numbers(Path workbook, String sheet) throws IOException {
        List<Double> numbers = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(workbook))) {
            for (Row row : book.getSheet(sheet)) {
                for (Cell cell : row) {
                    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
                    if (type == CellType.NUMERIC) {
                        numbers.add(cell.getNumericCellValue());
                    }
                }
            }
        }
        return numbers;
    }

    /**
     * A sheet of rows of numbers just past what POI holds of one part, as a fleet of a thousand clusters or more has
     * ROI Cash Flows: compressing about as a real sheet does.
     */
    private static void rowsOfNumbers(OutputStream out) throws IOException {
        Random random = new Random(18);
        long written = write(out, "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        StringBuilder row = new StringBuilder();
        for (int r = 1; written < PAST_POI; r++) {
            row.setLength(0);
            row.append("<row r=\"").append(r).append("\">");
            for (char column = 'A'; column <= 'P'; column++) {
                row.append("<c r=\"").append(column).append(r).append("\"><v>").append(random.nextInt(1_000_000)).append("</v></c>");
            }
            written += write(out, row.append("</row>").toString());
        }
        write(out, "</sheetData></worksheet>");
    }

    private static long write(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        out.write(bytes);
        return bytes.length;
    }
}
