package gpuroi.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Memo file names from cluster ids, which come from a spreadsheet and may be anything: the name
 * keeps letters, digits, '-', '_' and '.', cannot climb out of the folder, avoids Windows device
 * names, and never collides with another memo of the same run.
 */
final class MemoFiles {
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");
    private static final Pattern WINDOWS_DEVICE = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");
    private static final int MAX_STEM = 80;

    private final Set<String> taken = new HashSet<>();

    /** A safe file name for {@code id} with {@code suffix}, distinct from every name handed out before (case-insensitively). */
    String nameFor(String id, String suffix) {
        String stem = UNSAFE.matcher(id).replaceAll("_");
        // No leading '-' either: a script's "rm $f" or "lpr $f" would take "-2+3.pdf" for an option.
        stem = stem.replaceAll("\\.{2,}", ".").replaceAll("^[._-]+", "").replaceAll("[._-]+$", "");
        if (stem.isEmpty()) {
            stem = "cluster";
        }
        if (stem.length() > MAX_STEM) {
            stem = stem.substring(0, MAX_STEM);
        }
        if (WINDOWS_DEVICE.matcher(stem).matches()) {
            stem = "_" + stem;
        }
        String name = stem + suffix;
        for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            name = stem + "-" + n + suffix;
        }
        return name;
    }

    /** Writes through a temporary file in the same folder, moved into place, so no reader sees half a PDF. */
    static Path writeAtomically(Path folder, String name, byte[] bytes) throws IOException {
        Path target = folder.resolve(name).normalize();
        if (!target.getParent().equals(folder.normalize())) {
            throw new IOException("memo name " + name + " would leave " + folder);
        }
        // Created like any new file (not Files.createTempFile's owner-only mode), so memos get the usual permissions.
        Path temp = folder.resolve("." + name + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.write(temp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }
}
