package gpuroi.workbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Drops the rows below a sheet's last value that hold only formatting. A fill or border applied
 * "to the end of the sheet" makes Excel store every row down to 1,048,576, each with empty styled
 * cells: a sheet XML of 100+ MB that POI refuses (or takes minutes and gigabytes) to load as
 * objects, for rows that say nothing. Those rows are cut out of the package before POI sees it;
 * everything up to the last value, and every sheet without such a tail, is kept byte for byte.
 *
 * <p>The sheet XML is searched as text, not parsed: rows come in ascending order, so the tail is
 * one stretch from the end of the last row holding a value ({@code <v>}, {@code <f>} or
 * {@code <is>}) to {@code </sheetData>}. A sheet written with namespace prefixes (no plain
 * {@code <sheetData}) is left as it is.
 */
final class TrailingEmptyRows {
    private TrailingEmptyRows() {
    }

    private static final String SHEET_PART = "xl/worksheets/[^/]+\\.xml";
    private static final String[] VALUE_TAGS = {"<v>", "<v ", "<f>", "<f ", "<is>"};

    /**
     * The .xlsx package with each worksheet's trailing value-less rows removed and the parts in {@code addedSheets} (the
     * sheets gpu-roi adds, {@link AddedSheetParts}) emptied, or {@code contents} (the file's bytes) when there is nothing
     * to remove. A file that is not a readable zip gives {@code contents} unchanged, for POI to judge.
     */
    static byte[] trim(Path file, byte[] contents, Set<String> addedSheets) {
        // ZipFile reads the central directory, so it accepts every zip layout Excel, LibreOffice and POI write.
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Map<String, byte[]> trimmedSheets = new LinkedHashMap<>();
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (addedSheets.contains(entry.getName())) {
                    // Replaced on conversion and never read: not even loaded.
                    trimmedSheets.put(entry.getName(), AddedSheetParts.EMPTY_SHEET);
                } else if (entry.getName().matches(SHEET_PART)) {
                    byte[] sheet = read(zip, entry);
                    byte[] trimmed = withoutTrailingEmptyRows(sheet);
                    if (trimmed != sheet) {
                        trimmedSheets.put(entry.getName(), trimmed);
                    }
                }
            }
            if (trimmedSheets.isEmpty()) {
                return contents;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(contents.length);
            try (ZipOutputStream zipOut = new ZipOutputStream(out)) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    zipOut.putNextEntry(new ZipEntry(entry.getName()));
                    byte[] sheet = trimmedSheets.get(entry.getName());
                    zipOut.write(sheet != null ? sheet : read(zip, entry));
                    zipOut.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            // Whatever cannot be read here is reported by POI when it opens the original bytes.
            return contents;
        }
    }

    private static byte[] read(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    /** The sheet XML without the rows after its last value, or the same array when there are none. */
    static byte[] withoutTrailingEmptyRows(byte[] sheetXml) {
        // ISO-8859-1 maps each byte to one char, so indexes in the text are indexes in the bytes,
        // and the markup searched for is ASCII whatever the encoding of the cell text.
        String xml = new String(sheetXml, StandardCharsets.ISO_8859_1);
        int dataStart = xml.indexOf("<sheetData");
        int dataEnd = xml.lastIndexOf("</sheetData>");
        if (dataStart < 0 || dataEnd < dataStart) {
            return sheetXml;
        }
        int lastValue = -1;
        for (String tag : VALUE_TAGS) {
            lastValue = Math.max(lastValue, xml.lastIndexOf(tag, dataEnd));
        }
        int keepUntil;
        if (lastValue < dataStart) {
            keepUntil = xml.indexOf('>', dataStart) + 1;
        } else {
            int rowEnd = xml.indexOf("</row>", lastValue);
            if (rowEnd < 0 || rowEnd > dataEnd) {
                return sheetXml;
            }
            keepUntil = rowEnd + "</row>".length();
        }
        if (keepUntil <= 0 || xml.indexOf("<row", keepUntil) < 0 || xml.indexOf("<row", keepUntil) > dataEnd) {
            return sheetXml;
        }
        byte[] trimmed = new byte[keepUntil + sheetXml.length - dataEnd];
        System.arraycopy(sheetXml, 0, trimmed, 0, keepUntil);
        System.arraycopy(sheetXml, dataEnd, trimmed, keepUntil, sheetXml.length - dataEnd);
        return trimmed;
    }
}
