package gpuroi.workbook;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/** The CRC-32 of two byte sequences one after the other, from each one's CRC, is the CRC of the joined bytes. */
class CrcOfJoinedBytesTest {
    @Test
    void theCombinedCrcIsTheCrcOfTheJoinedBytes() {
        Random random = new Random(3);
        int[] lengths = {0, 1, 2, 3, 7, 8, 31, 32, 33, 1_000, 65_536, 1 << 20, (1 << 20) + 12_345};
        for (int a : lengths) {
            for (int b : lengths) {
                byte[] first = new byte[a];
                byte[] second = new byte[b];
                random.nextBytes(first);
                random.nextBytes(second);
                CRC32 joined = new CRC32();
                joined.update(first);
                joined.update(second);
                assertThat(Crc32.combine(crc(first), crc(second), b)).as("%d then %d bytes", a, b).isEqualTo(joined.getValue());
            }
        }
    }

    @Test
    void theCrcOfAKnownTextJoinedFromTwoHalvesIsTheStandardCheckValue() {
        // CRC-32 of "123456789" is 0xCBF43926, the check value every CRC-32 implementation is tested against.
        byte[] digits = "123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        long first = crc(java.util.Arrays.copyOfRange(digits, 0, 4));
        long second = crc(java.util.Arrays.copyOfRange(digits, 4, 9));
        assertThat(Crc32.combine(first, second, 5)).isEqualTo(0xCBF43926L);
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
