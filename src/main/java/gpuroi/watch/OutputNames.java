package gpuroi.watch;

import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The names a hot folder gives an input and everything derived from it.
 *
 * <p>An input keeps one name, its job name, from processing to done or failed; its outputs go to
 * out/STEM, its error files to failed/NAME.error.txt and .json, and its staging folder and temporary
 * files add up to 53 bytes more. A file system allows 255 bytes per name, so a job name is kept to
 * {@link #MAX_JOB_NAME_BYTES}: a longer one is cut and ends in {@code ~} and a short hash of the whole
 * stem, so two long names that differ only at the end still get different job names.
 *
 * <p>Output folders must not meet even where the file system ignores case or Unicode normalization
 * (macOS, Windows shares): {@link #fold} is the form two names are compared in.
 */
final class OutputNames {
    /** 255 bytes, less the 53 the longest derived name adds (.NAME.error.json.UUID.tmp) and room for a -yyyyMMdd-HHmmss-n suffix. */
    static final int MAX_JOB_NAME_BYTES = 160;
    /** An extension longer than this is treated as part of the stem when a name is shortened. */
    private static final int MAX_EXTENSION_BYTES = 16;

    private OutputNames() {
    }

    /** {@code Q1.xlsx → Q1}: the name without its last extension. */
    static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * {@code stem + suffix + extension}, the stem cut and marked with {@code ~} and 8 hex digits of its
     * SHA-256 when the whole would be longer than {@link #MAX_JOB_NAME_BYTES} in UTF-8.
     */
    static String fit(String stem, String suffix, String extension) {
        if (bytes(extension) > MAX_EXTENSION_BYTES) {
            stem = stem + extension;
            extension = "";
        }
        String whole = stem + suffix + extension;
        if (bytes(whole) <= MAX_JOB_NAME_BYTES) {
            return whole;
        }
        String mark = "~" + sha256(stem.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
        int room = MAX_JOB_NAME_BYTES - bytes(mark + suffix + extension);
        return prefix(stem, room) + mark + suffix + extension;
    }

    /** A dropped name as a job name: itself, or shortened by {@link #fit}. */
    static String fit(String name) {
        return fit(stem(name), "", name.substring(stem(name).length()));
    }

    /** The longest prefix of {@code text} whose UTF-8 is at most {@code maxBytes}, never splitting a character. */
    private static String prefix(String text, int maxBytes) {
        int used = 0;
        int end = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            int size = bytes(new String(Character.toChars(cp)));
            if (used + size > maxBytes) {
                break;
            }
            used += size;
            end += Character.charCount(cp);
        }
        return text.substring(0, end);
    }

    static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * The form in which two names count as the same output folder: Unicode-normalized (NFKC) and
     * case-folded, so {@code Q1}, {@code q1} and a decomposed {@code Zu\u0308rich} meet {@code Zürich}.
     */
    static String fold(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a listed file name can be named again from its text: false when its bytes are not valid
     * in the character set the runtime decodes file names with (a UTF-8 name under the C locale, a
     * Latin-1 name under UTF-8), where its text holds replacement characters and names another file,
     * or none.
     */
    static boolean isRepresentable(Path fileName) {
        try {
            return fileName.getFileSystem().getPath(fileName.toString()).equals(fileName);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /**
     * A listed file's name with every byte outside printable ASCII, and %, written as %XX:
     * {@code Fleet Z%C3%BCrich.xlsx}. Reversible, and valid in any locale.
     */
    static String escapedBytes(Path file) {
        String raw = file.toAbsolutePath().toUri().getRawPath();
        if (raw.endsWith("/")) {
            raw = raw.substring(0, raw.length() - 1);
        }
        String last = raw.substring(raw.lastIndexOf('/') + 1);
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < last.length(); i++) {
            char c = last.charAt(i);
            if (c == '%' && i + 2 < last.length()) {
                int b = Integer.parseInt(last.substring(i + 1, i + 3), 16);
                if (b >= 0x20 && b < 0x7F && b != '%') {
                    name.append((char) b);
                } else {
                    name.append(last, i, i + 3);
                }
                i += 2;
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }

    /** A name printed in a log line or a message: control characters written as {@code \n}, {@code \t}, {@code \u001B}. */
    static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                        ? String.format(Locale.ROOT, "\\u%04X", (int) c) : null;
            };
            if (escape != null && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                out.append(escape != null ? escape : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
