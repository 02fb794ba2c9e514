package gpuroi.workbook;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The tuned streaming writer changes how fast the sheets are written, never what is written. */
class StreamingWorkbookTest {
    @TempDir
    Path folder;

    private static final List<String> TEXTS = List.of("plain", "", " spaced ", "a<b & c>d \"quoted\" 'single'",
            "tab\there\nline\r\n", "non\u00a0breaking", "€ ¥ − Größe 東京", "emoji \ud83d\ude80 rocket", "control \u0001\u001f",
            "lone \ud800 high", "lone \udc00 low", "=HYPERLINK(\"x\")");

    @Test
    void sheetXmlIsByteForByteWhatPlainSxssfWrites() throws IOException {
        Map<String, byte[]> plain = sheets(write(false));
        Map<String, byte[]> tuned = sheets(write(true));
        assertThat(tuned.keySet()).isEqualTo(plain.keySet());
        for (String name : plain.keySet()) {
            assertThat(new String(tuned.get(name), StandardCharsets.UTF_8)).as(name)
                    .isEqualTo(new String(plain.get(name), StandardCharsets.UTF_8));
            assertThat(tuned.get(name)).as(name).isEqualTo(plain.get(name));
        }
    }

    private static byte[] write(boolean tuned) throws IOException {
        try (XSSFWorkbook base = new XSSFWorkbook()) {
            base.createSheet("Input").createRow(0).createCell(0).setCellValue("kept");
            try (SXSSFWorkbook workbook = tuned ? new StreamingWorkbook(base) : new SXSSFWorkbook(base, 500, false, false)) {
                Sheet sheet = workbook.createSheet("Out put");
                for (int r = 0; r < 1_200; r++) {
                    Row row = sheet.createRow(r);
                    String text = TEXTS.get(r % TEXTS.size());
                    row.createCell(0).setCellValue(text);
                    row.createCell(1).setCellValue(r * 1.1);
                    row.createCell(2).setCellFormula("IF($B" + (r + 1) + "=0,0,'Input'!$A$1&\"<\"&B" + (r + 1) + ")");
                    row.createCell(3).setCellFormula("B" + (r + 1) + "*2");
                    row.getCell(3).setCellValue(r * 2.2);
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                workbook.write(out);
                return out.toByteArray();
            }
        }
    }

    /** The worksheet parts, read through the zip's central directory (its entries use data descriptors). */
    private Map<String, byte[]> sheets(byte[] xlsx) throws IOException {
        Path file = Files.createTempFile(folder, "sheets", ".xlsx");
        Files.write(file, xlsx);
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (entry.getName().startsWith("xl/worksheets/")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        parts.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
        return parts;
    }
}
