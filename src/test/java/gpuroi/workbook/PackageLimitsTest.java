package gpuroi.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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
}
