package gpuroi.workbook;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.openxml4j.util.ZipArchiveFakeEntry;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.RecordFormatException;

/**
 * What an input .xlsx may unpack to, set here and nowhere else. An .xlsx is a zip of XML files,
 * and a small zip can inflate to gigabytes (a "zip bomb") or declare entities that read local
 * files or expand exponentially (XXE, "billion laughs"). Every entry is inflated once, counting
 * bytes and never keeping them, before anything else unpacks the file; the same limits are given
 * to POI, which checks them again as it reads.
 */
final class PackageLimits {
    /** Most zip entries read; a workbook has about 10 plus a few per sheet, chart and picture. */
    static final int MAX_ENTRIES = 10_000;
    /**
     * Largest single entry inflated. A sheet formatted down to row 1,048,576 is about 160 MB of XML
     * (its empty rows are dropped after this check); a fleet's data is kilobytes.
     */
    static final long MAX_ENTRY_BYTES = 512L << 20;
    /** Largest total of all entries inflated. */
    static final long MAX_TOTAL_BYTES = 1L << 30;
    /**
     * Largest part of a sheet gpu-roi adds ({@link AddedSheetParts}), which is read as empty and so is neither held to
     * {@link #MAX_ENTRY_BYTES} nor counted in {@link #MAX_TOTAL_BYTES}: ROI Cash Flows of the most clusters one sheet
     * holds (some 17,000) is about 1.1 GB of XML.
     */
    static final long MAX_ADDED_SHEET_BYTES = 2L << 30;
    /**
     * Smallest compressed/inflated size ratio once an entry passes {@link #GRACE_BYTES}: 0.01 is
     * 100:1, POI's own default. Real sheets compress about 10:1; a bomb of one repeated byte 1000:1.
     */
    static final double MIN_INFLATE_RATIO = 0.01;
    /** Entries smaller than this are not held to the ratio (a small, very regular styles part). */
    static final long GRACE_BYTES = 100L << 10;

    private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);

    static {
        ZipSecureFile.setMaxFileCount(MAX_ENTRIES);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setGraceEntrySize(GRACE_BYTES);
    }

    private PackageLimits() {
    }

    /**
     * Refuses a zip that breaks a limit, whose XML declares a DOCTYPE (the only way to define
     * entities; Excel never writes one), or whose parts are damaged, with one line naming the file,
     * the part and the reason. A zip that cannot be read at all is refused as damaged, since its
     * entries cannot be checked.
     *
     * <p>POI reads a package front to back through its local headers, while the zip directory at
     * the end lists the same parts again. Every part is inflated through the local headers, as POI
     * will read it, and its checksum (CRC-32) and sizes are held to both the local header and the
     * directory: a part edited or cut without its checksum being updated is refused here, never
     * read, whatever figure it now holds.
     */
    static void check(Path file, String name, Set<String> addedSheets) throws WorkbookException {
        Map<String, ZipEntry> directory = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                throw refused(name, "a zip of " + zip.size() + " entries",
                        "it holds " + String.format(Locale.US, "%,d", zip.size()) + " zip entries (at most "
                                + String.format(Locale.US, "%,d", MAX_ENTRIES) + " are read; a workbook has a few per sheet)");
            }
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
                ZipEntry entry = all.nextElement();
                if (directory.put(entry.getName(), entry) != null) {
                    throw damaged(file, name, entry.getName(), "it is listed twice in the zip directory");
                }
            }
        } catch (IOException | RuntimeException e) {
            throw unreadableZip(name);
        }
        inflateAll(file, name, directory, addedSheets);
    }

    /** Inflates every part as POI will read it, checking each against the zip directory; refuses at the first fault. */
    private static void inflateAll(Path file, String name, Map<String, ZipEntry> directory, Set<String> addedSheets)
            throws WorkbookException {
        Set<String> seen = new HashSet<>();
        long total = 0;
        String part = null;
        // POI opens a workbook from its bytes through Commons Compress's stream reader, so the parts are read here the
        // same way: java.util.zip's stream reader cannot follow the ZIP64 data descriptors POI's own writer emits.
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(
                new BufferedInputStream(Files.newInputStream(file), 64 * 1024), "UTF-8", true, true)) {
            for (ZipArchiveEntry local = zip.getNextEntry(); local != null; local = zip.getNextEntry()) {
                part = local.getName();
                ZipEntry listed = directory.get(part);
                if (listed == null) {
                    throw damaged(file, name, part, "it is not listed in the zip directory");
                }
                if (!seen.add(part)) {
                    throw damaged(file, name, part, "it is stored twice");
                }
                if (!zip.canReadEntryData(local)) {
                    throw damaged(file, name, part, CUT);
                }
                CRC32 crc = new CRC32();
                boolean added = addedSheets.contains(part);
                long size = inflatedSize(zip, listed, crc, file, name, added ? MAX_ADDED_SHEET_BYTES : MAX_ENTRY_BYTES,
                        added ? Long.MAX_VALUE : MAX_TOTAL_BYTES - total);
                total += added ? 0 : size;
                // Having reached the part's end, the reader holds the local header's figures, or its data descriptor's.
                if (listed.getCrc() != -1 && listed.getCrc() != crc.getValue()
                        || local.getCrc() != -1 && local.getCrc() != crc.getValue()) {
                    throw damaged(file, name, part, CHECKSUM);
                }
                if (listed.getSize() != -1 && listed.getSize() != size
                        || local.getSize() != -1 && local.getSize() != size
                        || listed.getCompressedSize() != -1 && local.getCompressedSize() != -1
                        && listed.getCompressedSize() != local.getCompressedSize()) {
                    throw damaged(file, name, part, SIZES);
                }
                part = null;
            }
        } catch (ZipException e) {
            String why = String.valueOf(e.getMessage());
            if (part == null) {
                throw unreadableZip(name);
            }
            throw damaged(file, name, part, why.contains("CRC") ? CHECKSUM : why.contains("size") ? SIZES : CUT);
        } catch (EOFException e) {
            throw part == null ? unreadableZip(name) : damaged(file, name, part, CUT);
        } catch (IOException | RuntimeException e) {
            throw part == null ? unreadableZip(name) : damaged(file, name, part, CUT);
        }
        for (String listed : directory.keySet()) {
            if (!seen.contains(listed)) {
                throw damaged(file, name, listed, "it is listed in the zip directory but its data cannot be found");
            }
        }
    }

    private static final String CHECKSUM = "its checksum does not match (bad CRC)";
    private static final String SIZES = "its size does not match the size recorded for it";
    private static final String CUT = "its data is cut short or cannot be inflated";

    private static WorkbookException unreadableZip(String name) {
        return WorkbookException.ofFile(name, "a damaged zip file", "an .xlsx workbook",
                name + " is damaged or is not an Excel workbook (its zip directory cannot be read: the file may be cut short"
                        + " or not be a zip at all); re-save it from Excel");
    }

    /** {@code fleet.xlsx: xl/worksheets/sheet2.xml (sheet Fleet) is damaged: its checksum does not match (bad CRC); …}. */
    private static WorkbookException damaged(Path file, String name, String part, String why) {
        String sheet = PackageParts.sheetNoted(file, part);
        return WorkbookException.ofFile(name, "a damaged part " + part, "an .xlsx workbook whose parts are intact",
                name + ": " + part + sheet + " is damaged: " + why + "; re-save the workbook from Excel or restore a copy");
    }

    /** Inflates one entry without keeping it, and returns its size; refuses it past a limit or with a DOCTYPE. */
    private static long inflatedSize(InputStream in, ZipEntry entry, CRC32 crc, Path file, String name, long partLimit,
                                     long totalLeft) throws IOException, WorkbookException {
        long compressed = Math.max(entry.getCompressedSize(), 0);
        boolean xml = isXml(entry.getName());
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        int doctypeMatched = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            crc.update(buffer, 0, n);
            size += n;
            if (size > partLimit) {
                throw refused(name, "a zip entry inflating past " + mb(partLimit), tooLarge(file, entry.getName(), partLimit));
            }
            if (size > totalLeft) {
                throw refused(name, "zip entries inflating past " + mb(MAX_TOTAL_BYTES), "its parts inflate to more than "
                        + mb(MAX_TOTAL_BYTES) + " in all (limit per workbook)");
            }
            if (size > GRACE_BYTES && (double) compressed / size < MIN_INFLATE_RATIO) {
                throw refused(name, "a zip bomb", entry.getName() + " inflates more than "
                        + Math.round(1 / MIN_INFLATE_RATIO) + " times its compressed size (" + kb(compressed)
                        + " to over " + kb(size) + "), as zip bombs do; a real sheet compresses about 10 times");
            }
            if (xml) {
                doctypeMatched = scanForDoctype(buffer, n, doctypeMatched);
                if (doctypeMatched == DOCTYPE.length) {
                    throw refused(name, "an XML part declaring a DOCTYPE", entry.getName()
                            + " declares a DOCTYPE, which can define entities that read local files or expand without end;"
                            + " Excel never writes one");
                }
            }
        }
        return size;
    }

    /** How much of {@code <!DOCTYPE} is matched after {@code n} more bytes, carrying a partial match across reads. */
    private static int scanForDoctype(byte[] bytes, int n, int matched) {
        for (int i = 0; i < n && matched < DOCTYPE.length; i++) {
            if (bytes[i] == DOCTYPE[matched]) {
                matched++;
            } else {
                matched = bytes[i] == DOCTYPE[0] ? 1 : 0;
            }
        }
        return matched;
    }

    private static boolean isXml(String entryName) {
        String lower = entryName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".xml") || lower.endsWith(".rels") || lower.endsWith(".vml");
    }

    /** {@code xl/worksheets/sheet2.xml (sheet Fleet) inflates to more than 512 MB (limit per part)}. */
    private static String tooLarge(Path file, String part, long limit) {
        return part + PackageParts.sheetNoted(file, part) + " inflates to more than " + mb(limit) + " (limit per part)";
    }

    /**
     * Why POI could not open a package that passed {@link #check}, when that is a part too large for it to hold: POI reads
     * each part of a workbook opened from its bytes into one array of at most {@link ZipArchiveFakeEntry#getMaxEntrySize}
     * bytes (about 95 MB), while {@link #check} lets a sheet formatted down to the last row through, to be trimmed first.
     * The part named is the largest of {@code parsed} (the bytes POI was given, empty rows dropped) above that size; empty
     * when {@code failure} is not POI's refusal of an array or no part is that large.
     */
    static Optional<String> tooLargeToRead(Path file, byte[] parsed, Throwable failure) {
        boolean arrayRefused = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            arrayRefused |= t instanceof RecordFormatException && String.valueOf(t.getMessage()).contains("maximum length");
        }
        if (!arrayRefused) {
            return Optional.empty();
        }
        long most = ZipArchiveFakeEntry.getMaxEntrySize();
        ZipArchiveEntry largest = null;
        try (org.apache.commons.compress.archivers.zip.ZipFile zip = org.apache.commons.compress.archivers.zip.ZipFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(parsed)).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (entry.getSize() > most && (largest == null || entry.getSize() > largest.getSize())) {
                    largest = entry;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Checked readable just before; should it fail now, the part goes unnamed.
        }
        if (largest == null) {
            // Refused by some other of POI's array limits: not a part too large, so the caller judges it as before.
            return Optional.empty();
        }
        return Optional.of(largest.getName() + PackageParts.sheetNoted(file, largest.getName()) + " holds " + mb(largest.getSize())
                + " of XML, more than the " + mb(most) + " gpu-roi reads of one part (a fleet's data is kilobytes)");
    }

    private static WorkbookException refused(String name, String found, String reason) {
        return WorkbookException.ofFile(name, found, "an .xlsx workbook within gpu-roi's size and safety limits",
                name + " refused: " + reason);
    }

    private static String mb(long bytes) {
        return String.format(Locale.US, "%,d MB", bytes >> 20);
    }

    private static String kb(long bytes) {
        return String.format(Locale.US, "%,d KB", Math.max(1, bytes >> 10));
    }
}
