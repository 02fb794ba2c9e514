package gpuroi.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;

/**
 * Decides when a file still being copied, saved or uploaded is complete: its size and modification
 * time have not changed for the settle interval and, for a workbook, it opens as a zip (whose
 * directory is written last). A workbook that stays unchanged but never opens is taken after ten
 * settle intervals all the same, so the converter can say what is wrong with it instead of it
 * waiting in the inbox forever. Not thread-safe: the scanner alone uses it.
 */
final class FileSettler {
    private record Seen(long size, long modifiedMillis, long unchangedSinceNanos) {
    }

    private final long settleNanos;
    private final Map<Path, Seen> seen = new HashMap<>();

    FileSettler(Duration settle) {
        this.settleNanos = settle.toNanos();
    }

    /** Whether {@code file} is complete as of {@code nowNanos}; each call records what it saw. */
    boolean isComplete(Path file, boolean mustBeZip, long nowNanos) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            seen.remove(file);
            return false;
        }
        long size = attributes.size();
        long modified = attributes.lastModifiedTime().toMillis();
        Seen before = seen.get(file);
        if (before == null || before.size() != size || before.modifiedMillis() != modified) {
            seen.put(file, new Seen(size, modified, nowNanos));
            return settleNanos == 0 && (!mustBeZip || opensAsZip(file));
        }
        long unchanged = nowNanos - before.unchangedSinceNanos();
        if (unchanged < settleNanos) {
            return false;
        }
        return !mustBeZip || opensAsZip(file) || unchanged >= 10 * Math.max(settleNanos, Duration.ofMillis(100).toNanos());
    }

    /** Forgets a file that was taken (or vanished), and every file no longer present. */
    void forget(Path file) {
        seen.remove(file);
    }

    void retainOnly(Set<Path> present) {
        seen.keySet().retainAll(present);
    }

    static boolean opensAsZip(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.size() > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
