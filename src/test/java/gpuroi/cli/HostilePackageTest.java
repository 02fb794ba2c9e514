package gpuroi.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile .xlsx packages through {@code gpuroi convert}: cut short, zip bombs, too many entries,
 * XML entity tricks. Each is refused with exit code 2 and one line naming the file and the reason,
 * within seconds, leaving the input untouched and nothing else in its folder.
 */
class HostilePackageTest {
    private static final Duration QUICKLY = Duration.ofSeconds(30);
    private static final String FLEET_SHEET = "xl/worksheets/sheet2.xml";

    @TempDir
    Path dir;

    /** Runs convert, checks exit code 2, speed, the untouched input and the empty folder; returns the message. */
    private String refused(Path input) throws IOException {
        byte[] before = Files.readAllBytes(input);
        long started = System.nanoTime();
        CliRun run = CliRun.of("convert", "--valuation-date", "2026-01-01", input.toString());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(took).isLessThan(QUICKLY);
        assertThat(run.err()).contains(input.getFileName().toString())
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("internal error");
        assertThat(Files.readAllBytes(input)).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(input.getFileName().toString());
        }
        return run.err();
    }

    private static byte[] goodWorkbook() throws IOException {
        return FleetWorkbooks.workedExample("a", 8, 30_000, "70%");
    }

    /** The entries of a zip, in order. */
    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private Path zip(String name, Map<String, byte[]> entries) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return file;
    }

    /** The worked example with one part's XML changed. */
    private Path withPart(String name, String part, java.util.function.UnaryOperator<String> change) throws IOException {
        Map<String, byte[]> entries = entries(goodWorkbook());
        assertThat(entries).containsKey(part);
        entries.put(part, change.apply(new String(entries.get(part), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        return zip(name, entries);
    }

    @Test
    void aWorkbookCutShortAnywhereIsCalledDamagedAndNeverHalfRead() throws Exception {
        byte[] whole = goodWorkbook();
        for (int cut : new int[] {4, 30, 100, whole.length / 3, whole.length / 2, whole.length - 200, whole.length - 22, whole.length - 1}) {
            Path input = Files.write(dir.resolve("cut.xlsx"), Arrays.copyOf(whole, cut));
            assertThat(refused(input)).as("cut at %d of %d", cut, whole.length)
                    .contains("cut.xlsx is damaged or is not an Excel workbook");
            Files.delete(input);
        }
    }

    @Test
    void aZipBombSheetIsRefusedAsOneBeforeItIsInflated() throws Exception {
        Map<String, byte[]> entries = entries(goodWorkbook());
        Path input = dir.resolve("bomb.xlsx");
        try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(input)))) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                if (e.getKey().equals(FLEET_SHEET)) {
                    // 128 MB of one repeated byte deflates to about 128 KB: a thousand to one.
                    String xml = new String(e.getValue(), StandardCharsets.UTF_8);
                    int cut = xml.indexOf("</sheetData>");
                    out.write(xml.substring(0, cut).getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1 << 20];
                    Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 128; i++) {
                        out.write(spaces);
                    }
                    out.write(xml.substring(cut).getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(e.getValue());
                }
                out.closeEntry();
            }
        }
        assertThat(Files.size(input)).isLessThan(1L << 20);

        assertThat(refused(input)).contains("bomb.xlsx refused: " + FLEET_SHEET + " inflates more than 100 times its compressed size");
    }

    @Test
    void aZipOfMoreEntriesThanAnyWorkbookHasIsRefusedByCount() throws Exception {
        Path input = dir.resolve("many.xlsx");
        try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(input)))) {
            for (Map.Entry<String, byte[]> e : entries(goodWorkbook()).entrySet()) {
                putStored(out, e.getKey(), e.getValue());
            }
            for (int i = 0; i < 12_000; i++) {
                putStored(out, "xl/media/pad" + i + ".bin", new byte[] {1});
            }
        }

        assertThat(refused(input)).contains("many.xlsx refused: it holds 12,0").contains("zip entries (at most 10,000 are read");
    }

    @Test
    void aWorkbookOfOneHundredThousandSheetsIsRefusedByItsEntryCountWithoutParsingASheet() throws Exception {
        Path input = dir.resolve("sheets.xlsx");
        int sheets = 100_000;
        try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(input)))) {
            put(out, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "</Types>");
            put(out, "_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
                    + " Target=\"xl/workbook.xml\"/></Relationships>");
            StringBuilder workbook = new StringBuilder("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                    + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
            StringBuilder rels = new StringBuilder("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
            for (int i = 1; i <= sheets; i++) {
                workbook.append("<sheet name=\"S").append(i).append("\" sheetId=\"").append(i).append("\" r:id=\"rId").append(i).append("\"/>");
                rels.append("<Relationship Id=\"rId").append(i).append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\"")
                        .append(" Target=\"worksheets/sheet").append(i).append(".xml\"/>");
            }
            put(out, "xl/workbook.xml", workbook.append("</sheets></workbook>").toString());
            put(out, "xl/_rels/workbook.xml.rels", rels.append("</Relationships>").toString());
            byte[] sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData/></worksheet>"
                    .getBytes(StandardCharsets.UTF_8);
            for (int i = 1; i <= sheets; i++) {
                putStored(out, "xl/worksheets/sheet" + i + ".xml", sheet);
            }
        }

        assertThat(refused(input)).contains("sheets.xlsx refused: it holds 100,004 zip entries");
    }

    /** An uncompressed entry: writing 100,000 deflated ones takes the test longer than the refusal. */
    private static void putStored(ZipOutputStream out, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setCrc(crc.getValue());
        out.putNextEntry(entry);
        out.write(content);
        out.closeEntry();
    }

    private static void put(ZipOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    @Test
    void anExternalEntityInASheetIsRefusedAndTheFileItNamesIsNeverRead() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        Path input = withPart("xxe.xlsx", FLEET_SHEET, xml -> xml
                .replaceFirst("<worksheet", "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]><worksheet")
                .replaceFirst("<v>[^<]*</v>", "<v>&xxe;</v>"));

        String message = refusedWith(input, "secret.txt");
        assertThat(message).contains("xxe.xlsx refused: " + FLEET_SHEET + " declares a DOCTYPE")
                .doesNotContain("TOP-SECRET");
    }

    @Test
    void anExternalEntityToEtcPasswdInSharedStringsIsRefused() throws Exception {
        Path input = withPart("passwd.xlsx", "xl/sharedStrings.xml", xml -> xml
                .replaceFirst("<sst", "<!DOCTYPE sst [<!ENTITY p SYSTEM \"file:///etc/passwd\">]><sst")
                .replaceFirst("<t>([^<]*)</t>", "<t>&p;</t>"));

        assertThat(refused(input)).contains("passwd.xlsx refused: xl/sharedStrings.xml declares a DOCTYPE")
                .doesNotContain("root:");
    }

    @Test
    void aBillionLaughsSharedStringsPartIsRefusedAtOnce() throws Exception {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE sst [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            doctype.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                doctype.append("&lol").append(i - 1).append(';');
            }
            doctype.append("\">");
        }
        doctype.append("]>");
        Path input = withPart("laughs.xlsx", "xl/sharedStrings.xml", xml -> xml
                .replaceFirst("<sst", doctype + "<sst")
                .replaceFirst("<t>([^<]*)</t>", "<t>&lol9;</t>"));

        assertThat(refused(input)).contains("laughs.xlsx refused: xl/sharedStrings.xml declares a DOCTYPE");
    }

    /** As {@link #refused}, with an extra file in the folder that the run must leave alone. */
    private String refusedWith(Path input, String otherFile) throws IOException {
        CliRun run = CliRun.of("convert", "--valuation-date", "2026-01-01", input.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(input.getFileName().toString(), otherFile);
        }
        return run.err();
    }

    @Test
    void aMacroEnabledWorkbookIsRefusedWithWhatToDoRatherThanConvertedIntoAFileExcelWillNotOpen() throws Exception {
        Path input = dir.resolve("macros.xlsm");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb =
                     new org.apache.poi.xssf.usermodel.XSSFWorkbook(org.apache.poi.xssf.usermodel.XSSFWorkbookType.XLSM)) {
            FleetWorkbooks.row(wb.createSheet("Fleet"), 0, "Cluster id", "GPU model", "GPUs", "Capex per GPU", "Start price");
            FleetWorkbooks.row(wb.getSheet("Fleet"), 1, "a", "H100 SXM", 8, 30_000, 2.5);
            try (var out = Files.newOutputStream(input)) {
                wb.write(out);
            }
        }

        assertThat(refused(input)).contains("macros.xlsm is a macro-enabled workbook (.xlsm); gpu-roi never runs macros")
                .contains("save a copy as .xlsx");
    }
}
