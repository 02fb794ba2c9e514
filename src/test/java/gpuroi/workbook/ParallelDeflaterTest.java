package gpuroi.workbook;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bytes deflated in blocks on several threads come back whole and in order through a plain inflater and through a zip
 * reader that checks the entry's CRC, and compress about as well as one stream.
 */
class ParallelDeflaterTest {
    @TempDir
    Path folder;

    @Test
    void severalBlocksWrittenInOddPiecesInflateBackToTheSameBytes() throws Exception {
        byte[] input = sheetLikeText(ParallelDeflater.BLOCK * 3 + 12_345);
        try (ParallelDeflater deflater = new ParallelDeflater(3, "test")) {
            writeInPieces(deflater, input);
            ParallelDeflater.Result result = deflater.finish();
            byte[] deflated = readAll(result);
            assertThat(inflate(deflated)).isEqualTo(input);
            assertThat(result.size()).isEqualTo(input.length);
            assertThat(result.compressedSize()).isEqualTo(deflated.length);
            assertThat(result.crc()).isEqualTo(crc(input));
        }
    }

    @Test
    void inputOfWholeBlocksEndsWithAnEmptyLastBlock() throws Exception {
        byte[] input = sheetLikeText(ParallelDeflater.BLOCK * 2);
        assertThat(roundTrip(input, 2)).isEqualTo(input);
    }

    @Test
    void anEmptyEntryAndOneShorterThanABlockAreDeflatedToo() throws Exception {
        assertThat(roundTrip(new byte[0], 2)).isEmpty();
        byte[] small = "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>".getBytes(StandardCharsets.US_ASCII);
        assertThat(roundTrip(small, 2)).isEqualTo(small);
    }

    @Test
    void incompressibleBytesSpilledToATemporaryFileComeBackAndTheFileIsDeletedOnClose() throws Exception {
        byte[] input = new byte[ParallelDeflater.BLOCK * 5 + 7];
        new Random(7).nextBytes(input);
        try (ParallelDeflater deflater = new ParallelDeflater(2, "test", folder, 2 << 20, ParallelDeflater::deflate)) {
            writeInPieces(deflater, input);
            ParallelDeflater.Result result = deflater.finish();
            assertThat(filesIn(folder)).hasSize(1);
            assertThat(inflate(readAll(result))).isEqualTo(input);
            assertThat(result.crc()).isEqualTo(crc(input));
        }
        assertThat(filesIn(folder)).isEmpty();
    }

    @Test
    void blocksWithThePrecedingBytesAsTheirDictionaryCompressAboutAsWellAsOneStream() throws Exception {
        byte[] input = sheetLikeText(ParallelDeflater.BLOCK * 6);
        long parallel;
        try (ParallelDeflater deflater = new ParallelDeflater(2, "test")) {
            deflater.write(input);
            parallel = deflater.finish().compressedSize();
        }
        Deflater one = new Deflater(Deflater.BEST_SPEED, true);
        one.setInput(input);
        one.finish();
        byte[] buffer = new byte[1 << 16];
        long single = 0;
        while (!one.finished()) {
            single += one.deflate(buffer);
        }
        one.end();
        assertThat((double) parallel).isLessThan(single * 1.02);
    }

    @Test
    void theDeflatedBytesMakeAZipEntryThatReadersCheckAgainstItsCrc() throws Exception {
        byte[] input = sheetLikeText(ParallelDeflater.BLOCK * 2 + 999);
        Path zip = folder.resolve("entry.zip");
        try (ParallelDeflater deflater = new ParallelDeflater(2, "test");
                OutputStream file = Files.newOutputStream(zip);
                ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
            out.setUseZip64(Zip64Mode.AsNeeded);
            writeInPieces(deflater, input);
            ParallelDeflater.Result result = deflater.finish();
            ZipArchiveEntry entry = new ZipArchiveEntry("xl/worksheets/sheet1.xml");
            entry.setMethod(ZipEntry.DEFLATED);
            entry.setCrc(result.crc());
            entry.setSize(result.size());
            entry.setCompressedSize(result.compressedSize());
            try (InputStream deflated = result.open()) {
                out.addRawArchiveEntry(entry, deflated);
            }
            out.finish();
        }
        try (ZipFile read = new ZipFile(zip.toFile())) {
            ZipEntry entry = read.getEntry("xl/worksheets/sheet1.xml");
            assertThat(entry.getCrc()).isEqualTo(crc(input));
            assertThat(read.getInputStream(entry).readAllBytes()).isEqualTo(input);
        }
        // The streaming reader compares the CRC of what it inflates with the entry's, and throws on a mismatch.
        try (ZipInputStream read = new ZipInputStream(Files.newInputStream(zip))) {
            assertThat(read.getNextEntry().getName()).isEqualTo("xl/worksheets/sheet1.xml");
            assertThat(read.readAllBytes()).isEqualTo(input);
        }
    }

    @Test
    void bytesDeflatedAheadOnAnotherDeflaterJoinTheMiddleOfAnEntry() throws Exception {
        int[][] sizes = {{0, 0, 0}, {300, 5, 40}, {40_000, ParallelDeflater.BLOCK * 2 + 77, 9_000},
            {ParallelDeflater.BLOCK + 3, 20_000, ParallelDeflater.BLOCK}, {1_000, ParallelDeflater.BLOCK * 2, 0}};
        for (int[] size : sizes) {
            byte[] all = sheetLikeText(size[0] + size[1] + size[2]);
            try (ParallelDeflater entry = new ParallelDeflater(2, "test"); ParallelDeflater ahead = new ParallelDeflater(2, "test")) {
                writeInPieces(ahead, java.util.Arrays.copyOfRange(all, size[0], size[0] + size[1]));
                ParallelDeflater.Result rows = ahead.finishOpen();
                writeInPieces(entry, java.util.Arrays.copyOfRange(all, 0, size[0]));
                entry.append(rows);
                writeInPieces(entry, java.util.Arrays.copyOfRange(all, size[0] + size[1], all.length));
                ParallelDeflater.Result result = entry.finish();
                assertThat(inflate(readAll(result))).as("%d + %d + %d bytes", size[0], size[1], size[2]).isEqualTo(all);
                assertThat(result.crc()).isEqualTo(crc(all));
                assertThat(result.size()).isEqualTo(all.length);
                assertThat(result.compressedSize()).isEqualTo(readAll(result).length);
            }
        }
    }

    private static byte[] roundTrip(byte[] input, int threads) throws Exception {
        try (ParallelDeflater deflater = new ParallelDeflater(threads, "test")) {
            deflater.write(input);
            ParallelDeflater.Result result = deflater.finish();
            assertThat(result.crc()).isEqualTo(crc(input));
            assertThat(result.size()).isEqualTo(input.length);
            return inflate(readAll(result));
        }
    }

    /** Rows of cells much like a cash-flow sheet's, varied enough not to repeat within a block. */
    static byte[] sheetLikeText(int length) {
        StringBuilder text = new StringBuilder(length + 200);
        Random random = new Random(42);
        for (int row = 1; text.length() < length; row++) {
            text.append("<row r=\"").append(row).append("\">");
            for (char column = 'A'; column <= 'J'; column++) {
                text.append("<c r=\"").append(column).append(row).append("\" s=\"").append(random.nextInt(9))
                        .append("\"><f>$E").append(row).append("*730*$G").append(row).append("*(1-$M").append(row)
                        .append(")</f><v>").append(random.nextDouble() * 1e6).append("</v></c>");
            }
            text.append("</row>\n");
        }
        text.setLength(length);
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes in pieces of varying sizes, some crossing block boundaries, some single bytes. */
    private static void writeInPieces(OutputStream out, byte[] input) throws IOException {
        Random random = new Random(1);
        int at = 0;
        while (at < input.length) {
            if (random.nextInt(10) == 0) {
                out.write(input[at++]);
                continue;
            }
            int n = Math.min(input.length - at, 1 + random.nextInt(700_000));
            out.write(input, at, n);
            at += n;
        }
    }

    private static byte[] readAll(ParallelDeflater.Result result) throws IOException {
        try (InputStream in = result.open()) {
            return in.readAllBytes();
        }
    }

    /** The raw deflate stream inflated, which must end exactly where the bytes end. */
    private static byte[] inflate(byte[] deflated) throws DataFormatException {
        Inflater inflater = new Inflater(true);
        inflater.setInput(deflated);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                throw new AssertionError("the deflate stream ends before its last block");
            }
            out.write(buffer, 0, n);
        }
        assertThat(inflater.getRemaining()).as("bytes after the end of the stream").isZero();
        inflater.end();
        return out.toByteArray();
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    static java.util.List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
