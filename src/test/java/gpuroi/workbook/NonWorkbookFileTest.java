package gpuroi.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NonWorkbookFileTest {
    @TempDir
    Path dir;

    private static WorkbookException failure(Path file) {
        WorkbookException e = catchThrowableOfType(WorkbookException.class, () -> WorkbookReader.read(file, LocalDate.of(2026, 6, 1)));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(e.problems()).hasSize(1);
        return e;
    }

    @Test
    void anExcel97FileIsAskedToBeSavedAsXlsx() throws Exception {
        Path file = dir.resolve("budget.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            wb.createSheet("Fleet").createRow(0).createCell(0).setCellValue("Cluster id");
            wb.write(out);
        }
        assertThat(failure(file).getMessage()).isEqualTo("budget.xls is an Excel 97-2003 file; save it as .xlsx");
    }

    @Test
    void anOldFormatFileRenamedXlsxIsRecognisedByItsContentNotItsName() throws Exception {
        Path file = dir.resolve("renamed.xlsx");
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            wb.createSheet("Fleet");
            wb.write(out);
        }
        assertThat(failure(file).getMessage()).isEqualTo("renamed.xlsx is an Excel 97-2003 file; save it as .xlsx");
    }

    @Test
    void aPasswordProtectedWorkbookAsksForThePasswordToBeRemoved() throws Exception {
        Path file = dir.resolve("secret.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("hunter2");
            try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = encryptor.getDataStream(fs)) {
                wb.createSheet("Fleet");
                wb.write(os);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
        assertThat(failure(file).getMessage()).startsWith("secret.xlsx is password-protected");
    }

    @Test
    void aCorruptZipIsReportedAsDamaged() throws Exception {
        Path file = dir.resolve("broken.xlsx");
        byte[] bytes = new byte[400];
        bytes[0] = 'P';
        bytes[1] = 'K';
        bytes[2] = 3;
        bytes[3] = 4;
        for (int i = 4; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(file, bytes);
        assertThat(failure(file).getMessage()).startsWith("broken.xlsx is damaged or is not an Excel workbook");
    }

    @Test
    void aTextFileRenamedXlsxIsNotAWorkbook() throws Exception {
        Path file = dir.resolve("fleet.xlsx");
        Files.writeString(file, "cluster,model,gpus\nh100-a,H100,8\n", StandardCharsets.UTF_8);
        assertThat(failure(file).getMessage())
                .isEqualTo("fleet.xlsx is not an Excel workbook (it looks like plain text or CSV); open it in Excel and save it as .xlsx");
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("nowhere.xlsx");
        assertThat(failure(file).getMessage()).startsWith("nowhere.xlsx was not found");
    }

    @Test
    void anEmptyFileIsNamed() throws Exception {
        Path file = dir.resolve("empty.xlsx");
        Files.write(file, new byte[0]);
        assertThat(failure(file).getMessage()).isEqualTo("empty.xlsx is empty, not an .xlsx workbook");
    }

    @Test
    void readingNeverChangesTheInputFile() throws Exception {
        Path file = new TestWorkbook().sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price")
                .row("a", "H100", 8, new TestWorkbook.Formula("2*15000", null), 2.5)
                .write(dir.resolve("input.xlsx"));
        byte[] before = Files.readAllBytes(file);
        var modified = Files.getLastModifiedTime(file);

        WorkbookReader.read(file, LocalDate.of(2026, 6, 1));

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
    }

    @Test
    void anOpenDocumentSpreadsheetIsAskedToBeSavedAsXlsx() throws Exception {
        Path file = dir.resolve("fleet.ods");
        try (var zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("mimetype"));
            zip.write("application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write("<office:document-content/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThat(failure(file).getMessage()).isEqualTo("fleet.ods is an OpenDocument spreadsheet (.ods); save it as .xlsx");
    }

    @Test
    void aWordDocumentRenamedXlsxIsNamedForWhatItIs() throws Exception {
        Path file = dir.resolve("memo.xlsx");
        try (var zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThat(failure(file).getMessage()).isEqualTo("memo.xlsx is a Word document, not an Excel workbook");
    }
}
