package gpuroi.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import gpuroi.testing.ZipParts;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sample workbook damaged below the XML: a part edited without its checksum, sizes that disagree
 * between the local header, the zip directory and the data. Each is refused before anything is read,
 * naming the part and its sheet, however plausible the edited figure.
 */
class DamagedPackageTest {
    private static final Path SAMPLE = Path.of("samples/mixed-fleet.xlsx");
    private static final String FLEET = "xl/worksheets/sheet2.xml";
    /** Fleet!E5 of the sample: capex per GPU of h100-2023 (64 GPUs). */
    private static final String CAPEX = "<c r=\"E5\" t=\"n\" s=\"5\"><v>45000.0</v></c>";
    /** Fleet!F5: its total capex, =D5*E5, whose saved result the reader checks against E5. */
    private static final String TOTAL = "<f>D5*E5</f><v>2880000.0</v>";

    @TempDir
    Path dir;

    private String refusal(byte[] bytes, String name) throws Exception {
        Path file = Files.write(dir.resolve(name), bytes);
        WorkbookException e = catchThrowableOfType(WorkbookException.class, () -> WorkbookReader.read(file, LocalDate.of(2026, 1, 1)));
        assertThat(e).as("%s was read", name).isNotNull();
        assertThat(e.isAboutTheFile()).isTrue();
        return e.getMessage();
    }

    /** The sample stored uncompressed, so that its Fleet XML can be patched in the file's bytes. */
    private byte[] stored() throws Exception {
        byte[] bytes = ZipParts.of(SAMPLE).bytes(true);
        assertThat(indexOf(bytes, CAPEX)).as("the sample's capex cell").isPositive();
        return bytes;
    }

    @Test
    void aFleetPartEditedWithoutUpdatingItsChecksumIsRefusedNamingThePartAndSheet() throws Exception {
        byte[] bytes = stored();
        // 95,000 × 64 = 6,080,000: the edit is consistent, so only the checksum can tell.
        bytes[indexOf(bytes, CAPEX) + CAPEX.indexOf("45000")] = '9';
        int total = indexOf(bytes, TOTAL) + TOTAL.indexOf("2880000");
        bytes[total] = '6';
        bytes[total + 1] = '0';

        assertThat(refusal(bytes, "edited.xlsx")).isEqualTo("edited.xlsx: " + FLEET + " (sheet Fleet) is damaged: its checksum does not"
                + " match (bad CRC); re-save the workbook from Excel or restore a copy");
    }

    @Test
    void theSameEditWithTheChecksumUpdatedIsReadWithTheNewFigure() throws Exception {
        Path file = ZipParts.of(SAMPLE).withText(FLEET, xml -> xml.replace(CAPEX, CAPEX.replace("45000", "95000"))
                .replace(TOTAL, TOTAL.replace("2880000", "6080000")))
                .write(dir.resolve("retyped.xlsx"));

        WorkbookInput input = WorkbookReader.read(file, LocalDate.of(2026, 1, 1));

        assertThat(input.portfolio().clusters()).filteredOn(c -> c.id().equals("h100-2023")).singleElement()
                .satisfies(c -> assertThat(c.capexPerGpu()).isEqualTo(95_000.0));
    }

    @Test
    void aLocalHeaderWhoseSizeDisagreesWithTheDataIsRefused() throws Exception {
        byte[] bytes = stored();
        int header = localHeader(bytes, FLEET);
        ByteBuffer le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        le.putInt(header + 22, le.getInt(header + 22) - 1);

        assertThat(refusal(bytes, "short.xlsx")).startsWith("short.xlsx: " + FLEET + " (sheet Fleet) is damaged: ")
                .endsWith("; re-save the workbook from Excel or restore a copy");
    }

    @Test
    void aZipDirectoryWhoseSizeDisagreesWithThePartIsRefused() throws Exception {
        byte[] bytes = stored();
        int central = lastIndexOf(bytes, FLEET) - 46;
        ByteBuffer le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(le.getInt(central)).as("central directory signature").isEqualTo(0x02014b50);
        le.putInt(central + 24, le.getInt(central + 24) + 7);

        assertThat(refusal(bytes, "listed.xlsx")).isEqualTo("listed.xlsx: " + FLEET + " (sheet Fleet) is damaged: its size does not"
                + " match the size recorded for it; re-save the workbook from Excel or restore a copy");
    }

    @Test
    void aPartCutShortIsRefusedRatherThanReadAsFarAsItGoes() throws Exception {
        byte[] whole = ZipParts.of(SAMPLE).bytes(false);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);

        assertThat(refusal(cut, "cut.xlsx")).startsWith("cut.xlsx is damaged or is not an Excel workbook");
    }

    private static int localHeader(byte[] bytes, String part) {
        for (int at = 0; at >= 0; at = indexOf(bytes, part, at + 1)) {
            ByteBuffer le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            if (at >= 30 && le.getInt(at - 30) == 0x04034b50) {
                return at - 30;
            }
        }
        throw new AssertionError("no local header for " + part);
    }

    private static int indexOf(byte[] bytes, String text) {
        return indexOf(bytes, text, 0);
    }

    private static int indexOf(byte[] bytes, String text, int from) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = Math.max(0, from); i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int lastIndexOf(byte[] bytes, String text) {
        int last = -1;
        for (int at = indexOf(bytes, text); at >= 0; at = indexOf(bytes, text, at + 1)) {
            last = at;
        }
        return last;
    }
}
