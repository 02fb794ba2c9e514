package gpuroi.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.openxml4j.util.ZipArchiveFakeEntry;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The package limits themselves; whole hostile workbooks go through the command line in HostilePackageTest. */
class PackageLimitsTest {
    @TempDir
    Path dir;

    private WorkbookException failure(Path file) {
        WorkbookException e = catchThrowableOfType(WorkbookException.class, () -> WorkbookReader.read(file, LocalDate.of(2026, 6, 1)));
        assertThat(e).isNotNull();
        return e;
    }

    @Test
    void aDoctypeSplitAcrossTwoReadsOfThePartIsStillFound() throws Exception {
        for (int before = 64 * 1024 - 9; before <= 64 * 1024; before++) {
            Path file = dir.resolve("split" + before + ".xlsx");
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
                zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
                zip.write(("<!--" + "x".repeat(before - 7) + "-->").getBytes(StandardCharsets.US_ASCII));
                zip.write("<!DOCTYPE sst><sst/>".getBytes(StandardCharsets.US_ASCII));
                zip.closeEntry();
            }
            assertThat(failure(file).getMessage()).as("DOCTYPE at byte %d", before)
                    .isEqualTo(file.getFileName() + " refused: xl/sharedStrings.xml declares a DOCTYPE, which can define entities"
                            + " that read local files or expand without end; Excel never writes one");
        }
    }

    @Test
    void poiIsGivenTheSameLimitsSoItsOwnChecksAgree() throws Exception {
        Path file = new TestWorkbook().sheet("Fleet").row("Cluster id").write(dir.resolve("plain.xlsx"));
        failure(file);

        assertThat(ZipSecureFile.getMaxFileCount()).isEqualTo(PackageLimits.MAX_ENTRIES);
        assertThat(ZipSecureFile.getMaxEntrySize()).isEqualTo(PackageLimits.MAX_ENTRY_BYTES);
        assertThat(ZipSecureFile.getMinInflateRatio()).isEqualTo(PackageLimits.MIN_INFLATE_RATIO);
        assertThat(ZipSecureFile.getGraceEntrySize()).isEqualTo(PackageLimits.GRACE_BYTES);
    }

    /**
     * A sheet of more XML than POI holds in one part, yet within the size a sheet formatted down to its last row may have
     * before it is trimmed: refused naming the part and the sheet, not called damaged.
     */
    @Test
    void aSheetTooLargeToReadIsNamedNotCalledDamaged() throws Exception {
        Path ownSheet = withLargeSheets("own.xlsx", false, "Fleet");
        assertThat(failure(ownSheet).getMessage()).isEqualTo("own.xlsx refused: xl/worksheets/sheet1.xml (sheet Fleet) holds 96 MB"
                + " of XML, more than the 95 MB gpu-roi reads of one part (a fleet's data is kilobytes)");
    }

    /** A larger sheet formatted down past its last value is trimmed before it is read: the part named is the one still too large. */
    @Test
    void thePartNamedIsTheOneStillTooLargeOnceEmptyRowsAreDropped() throws Exception {
        Path file = withLargeSheets("formatted.xlsx", true, "Market");
        assertThat(failure(file).getMessage()).startsWith("formatted.xlsx refused: xl/worksheets/sheet2.xml (sheet Market) holds 96 MB");
    }

    /**
     * A package whose sheet {@code largeName} holds rows of numbers to just past POI's limit, compressing about as a real
     * sheet does; with {@code formattedFleet}, a Fleet sheet before it of one value and even more formatted rows below it.
     */
    private Path withLargeSheets(String fileName, boolean formattedFleet, String largeName) throws Exception {
        Path file = dir.resolve(fileName);
        long target = ZipArchiveFakeEntry.getMaxEntrySize() + (1L << 20);
        String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        int large = formattedFleet ? 2 : 1;
        StringBuilder overrides = new StringBuilder();
        StringBuilder sheets = new StringBuilder();
        StringBuilder rels = new StringBuilder();
        for (int n = 1; n <= large; n++) {
            overrides.append("<Override PartName=\"/xl/worksheets/sheet").append(n).append(".xml\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
            sheets.append("<sheet name=\"").append(n == large ? largeName : "Fleet").append("\" sheetId=\"").append(n)
                    .append("\" r:id=\"rId").append(n).append("\"/>");
            rels.append("<Relationship Id=\"rId").append(n).append("\" Type=\"").append(rel).append("/worksheet\" Target=\"worksheets/sheet")
                    .append(n).append(".xml\"/>");
        }
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(Deflater.BEST_SPEED);
            put(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + overrides + "</Types>");
            put(zip, "_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + rel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            put(zip, "xl/workbook.xml", "<workbook xmlns=\"" + main + "\" xmlns:r=\"" + rel + "\"><sheets>" + sheets + "</sheets></workbook>");
            put(zip, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + rels + "</Relationships>");
            Random random = new Random(18);
            StringBuilder rows = new StringBuilder();
            if (formattedFleet) {
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
                long written = write(zip, "<worksheet xmlns=\"" + main + "\"><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row>");
                for (int r = 2; written < target + (8L << 20); r++) {
                    rows.setLength(0);
                    rows.append("<row r=\"").append(r).append("\" spans=\"1:").append(1 + random.nextInt(16)).append("\" s=\"")
                            .append(random.nextInt(40)).append("\" customFormat=\"1\" ht=\"").append(12 + random.nextInt(9)).append("\"/>");
                    written += write(zip, rows.toString());
                }
                write(zip, "</sheetData></worksheet>");
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + large + ".xml"));
            long written = write(zip, "<worksheet xmlns=\"" + main + "\"><sheetData>");
            for (int r = 1; written < target; r++) {
                rows.setLength(0);
                rows.append("<row r=\"").append(r).append("\">");
                for (char column = 'A'; column <= 'P'; column++) {
                    rows.append("<c r=\"").append(column).append(r).append("\"><v>").append(random.nextInt(1_000_000)).append("</v></c>");
                }
                written += write(zip, rows.append("</row>").toString());
            }
            write(zip, "</sheetData></worksheet>");
            zip.closeEntry();
        }
        return file;
    }

    private static void put(ZipOutputStream zip, String name, String text) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        write(zip, text);
        zip.closeEntry();
    }

    private static long write(ZipOutputStream zip, String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        zip.write(bytes);
        return bytes.length;
    }
}
