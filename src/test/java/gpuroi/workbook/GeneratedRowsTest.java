package gpuroi.workbook;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rows a sheet generates as XML while the workbook is written read back exactly as the same cells written through
 * POI's own streaming rows: text (escaped as POI escapes it), numbers to the last bit, formulas, styles, the sheet's
 * dimension.
 */
class GeneratedRowsTest {
    @TempDir
    Path folder;

    private static final List<String> TEXTS = List.of("plain", " spaced ", "a<b & c>d \"quoted\" 'single'",
            "tab\there\nline\r\n", "non\u00a0breaking", "€ ¥ − Größe 東京", "emoji \ud83d\ude80 rocket", "control \u0001\u001f",
            "lone \ud800 high", "=HYPERLINK(\"x\")", "not \ufffe a character");
    private static final double[] NUMBERS = {0, -0.0, 1, -7, 0.1, 1.0 / 3, 9_007_199_254_740_993.0, 1e20, -2.5e-300,
        4_503_599_627_370_495.5, Double.MAX_VALUE, Double.MIN_VALUE};

    @Test
    void generatedRowsReadBackAsTheSameCellsAsRowsWrittenThroughPoi() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(write()))) {
            Sheet poi = workbook.getSheet("through POI");
            Sheet generated = workbook.getSheet("generated");
            assertThat(generated.getLastRowNum()).isEqualTo(poi.getLastRowNum()).isEqualTo(rows());
            for (int r = 0; r <= poi.getLastRowNum(); r++) {
                Row expected = poi.getRow(r);
                Row actual = generated.getRow(r);
                assertThat(actual.getLastCellNum()).as("row %d", r).isEqualTo(expected.getLastCellNum());
                for (int c = 0; c < expected.getLastCellNum(); c++) {
                    Cell want = expected.getCell(c);
                    Cell got = actual.getCell(c);
                    if (want == null) {
                        assertThat(got).isNull();
                        continue;
                    }
                    assertThat(got.getCellType()).as(want.getAddress().formatAsString()).isEqualTo(want.getCellType());
                    assertThat(got.getCellStyle().getIndex()).isEqualTo(want.getCellStyle().getIndex());
                    if (want.getCellType() == CellType.STRING) {
                        assertThat(got.getStringCellValue()).isEqualTo(want.getStringCellValue());
                    } else {
                        if (want.getCellType() == CellType.FORMULA) {
                            assertThat(got.getCellFormula()).isEqualTo(want.getCellFormula());
                        }
                        assertThat(Double.doubleToRawLongBits(got.getNumericCellValue())).as(want.getAddress().formatAsString())
                                .isEqualTo(Double.doubleToRawLongBits(want.getNumericCellValue()));
                    }
                }
            }
        }
        assertThat(sheetXml(write(), "xl/worksheets/sheet2.xml")).contains("<dimension ref=\"A1:D" + (rows() + 1) + "\"/>");
    }

    @Test
    void aCellWrittenBeforeOneToItsLeftIsRefused() {
        SheetRowsXml rows = new SheetRowsXml((chunk, length) -> chunk);
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle style = workbook.createCellStyle();
            rows.beginRow(0);
            rows.number(2, 1, style);
            assertThatThrownBy(() -> rows.number(1, 1, style)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("B1");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aStoppedConversionStopsGeneratingRowsAndEndsTheirThread() throws Exception {
        try (XSSFWorkbook base = new XSSFWorkbook(); StreamingWorkbook workbook = new StreamingWorkbook(base)) {
            CellStyle style = workbook.createCellStyle();
            Sheet sheet = workbook.createSheet("endless");
            Thread conversion = Thread.currentThread();
            workbook.appendRowsOnWrite(sheet, new CellRangeAddress(0, 10_000_000, 0, 0), xml -> {
                for (int r = 0; r < 10_000_000; r++) {
                    if (r == 100_000) {
                        // What the hot folder does to a job past its timeout.
                        conversion.interrupt();
                    }
                    xml.beginRow(r);
                    xml.formula(0, "A" + r + "+1", r, style);
                    xml.endRow();
                }
            });
            try {
                assertThatThrownBy(() -> workbook.write(new ByteArrayOutputStream()))
                        .isInstanceOf(gpuroi.model.Cancellation.Cancelled.class).hasMessageContaining("endless");
            } finally {
                Thread.interrupted();
            }
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (generatorsAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(generatorsAlive()).isFalse();
    }

    private static boolean generatorsAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("gpuroi-rows-") && t.isAlive());
    }

    private static int rows() {
        return Math.max(TEXTS.size(), NUMBERS.length) * 300;
    }

    /** The same cells twice: once through POI's rows, once generated; enough rows for several chunks of XML. */
    private static byte[] write() throws IOException {
        try (XSSFWorkbook base = new XSSFWorkbook(); StreamingWorkbook workbook = new StreamingWorkbook(base)) {
            CellStyle[] styles = {workbook.createCellStyle(), workbook.createCellStyle()};
            styles[1].setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            Sheet poi = workbook.createSheet("through POI");
            Sheet generated = workbook.createSheet("generated");
            for (Sheet sheet : List.of(poi, generated)) {
                Row header = sheet.createRow(0);
                header.createCell(0).setCellValue("Header");
            }
            for (int r = 1; r <= rows(); r++) {
                Row row = poi.createRow(r);
                Cell text = row.createCell(0);
                text.setCellValue(TEXTS.get(r % TEXTS.size()));
                text.setCellStyle(styles[r % 2]);
                row.createCell(1).setCellValue(NUMBERS[r % NUMBERS.length]);
                row.getCell(1).setCellStyle(styles[1]);
                Cell formula = row.createCell(3);
                formula.setCellFormula("IF($B" + (r + 1) + "<0,'through POI'!$A$1&\"<\",B" + (r + 1) + ")");
                formula.setCellValue(NUMBERS[(r + 1) % NUMBERS.length]);
                formula.setCellStyle(styles[1]);
            }
            workbook.appendRowsOnWrite(generated, new CellRangeAddress(0, rows(), 0, 3), xml -> {
                for (int r = 1; r <= rows(); r++) {
                    xml.beginRow(r);
                    xml.text(0, TEXTS.get(r % TEXTS.size()), styles[r % 2]);
                    xml.number(1, NUMBERS[r % NUMBERS.length], styles[1]);
                    xml.formula(3, "IF($B" + (r + 1) + "<0,'through POI'!$A$1&\"<\",B" + (r + 1) + ")",
                            NUMBERS[(r + 1) % NUMBERS.length], styles[1]);
                    xml.endRow();
                }
            });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private String sheetXml(byte[] xlsx, String part) throws IOException {
        Path file = Files.createTempFile(folder, "generated", ".xlsx");
        Files.write(file, xlsx);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(part);
            return new String(zip.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
