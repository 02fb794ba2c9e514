package gpuroi.workbook;

/**
 * The CRC-32 of two byte sequences one after the other from the CRC of each and the second's length, as zlib's
 * {@code crc32_combine} works it out (the CRC is linear over GF(2): the first CRC is carried through as many zero
 * bytes as the second sequence has, by squaring the one-zero-bit operator, then added to the second CRC). Lets bytes
 * deflated separately, on another thread, join an entry whose CRC covers all of them.
 */
final class Crc32 {
    /** The reversed CRC-32 polynomial, as java.util.zip.CRC32 and zip use it. */
    private static final long POLYNOMIAL = 0xedb88320L;

    private Crc32() {
    }

    /** The CRC-32 of A followed by B, given A's CRC, B's CRC and B's length in bytes. */
    static long combine(long crcA, long crcB, long lengthB) {
        if (lengthB <= 0) {
            return crcA;
        }
        long[] even = new long[32];
        long[] odd = new long[32];
        // The operator for one zero bit.
        odd[0] = POLYNOMIAL;
        long row = 1;
        for (int n = 1; n < 32; n++) {
            odd[n] = row;
            row <<= 1;
        }
        square(even, odd); // two zero bits
        square(odd, even); // four zero bits
        long crc = crcA;
        long length = lengthB;
        // Each pass squares the operator (one zero byte first, then two, four...) and applies it for each bit of the length.
        do {
            square(even, odd);
            if ((length & 1) != 0) {
                crc = times(even, crc);
            }
            length >>= 1;
            if (length == 0) {
                break;
            }
            square(odd, even);
            if ((length & 1) != 0) {
                crc = times(odd, crc);
            }
            length >>= 1;
        } while (length != 0);
        return (crc ^ crcB) & 0xffffffffL;
    }

    private static long times(long[] matrix, long vector) {
        long sum = 0;
        for (int i = 0; vector != 0; i++, vector >>>= 1) {
            if ((vector & 1) != 0) {
                sum ^= matrix[i];
            }
        }
        return sum;
    }

    private static void square(long[] square, long[] matrix) {
        for (int n = 0; n < 32; n++) {
            square[n] = times(matrix, matrix[n]);
        }
    }
}
