package gpuroi.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * An .xlsx package taken apart into its parts and written back by hand with java.util.zip, so that
 * a test can change one part's XML, drop a part, or store parts uncompressed and then patch bytes
 * behind the checksum's back, as damage on a disk or in transit would.
 */
public final class ZipParts {
    private final Map<String, byte[]> parts;

    private ZipParts(Map<String, byte[]> parts) {
        this.parts = parts;
    }

    public static ZipParts of(Path xlsx) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(xlsx))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                parts.put(e.getName(), zip.readAllBytes());
            }
        }
        return new ZipParts(parts);
    }

    public Map<String, byte[]> parts() {
        return parts;
    }

    public String text(String part) {
        return new String(parts.get(part), StandardCharsets.UTF_8);
    }

    /** The same package with one part's text changed. */
    public ZipParts withText(String part, UnaryOperator<String> change) {
        Map<String, byte[]> copy = new LinkedHashMap<>(parts);
        copy.put(part, change.apply(text(part)).getBytes(StandardCharsets.UTF_8));
        return new ZipParts(copy);
    }

    public ZipParts without(String part) {
        Map<String, byte[]> copy = new LinkedHashMap<>(parts);
        copy.remove(part);
        return new ZipParts(copy);
    }

    /** Writes the package deflated, as Excel does. */
    public Path write(Path file) throws IOException {
        Files.write(file, bytes(false));
        return file;
    }

    /** The package's bytes; stored uncompressed, a part's text can be found and patched in them as is. */
    public byte[] bytes(boolean stored) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                ZipEntry entry = new ZipEntry(part.getKey());
                if (stored) {
                    CRC32 crc = new CRC32();
                    crc.update(part.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(part.getValue().length);
                    entry.setCompressedSize(part.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(part.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
