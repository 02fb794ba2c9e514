package gpuroi.watch;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The name an input is handled by in the hot folder: one free in every folder it will pass through
 * and whose output folder no other input shares, whatever the file system's case or Unicode rules.
 * The caller holds the folder's name lock while it picks a name and moves the file under it.
 */
final class FreeNames {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final WatchConfig config;
    /** The names of queued and running jobs: taken, though their files may not show it yet. */
    private final Set<String> active;

    FreeNames(WatchConfig config, Set<String> active) {
        this.config = config;
        this.active = active;
    }

    /**
     * A name free in every folder it will pass through: the dropped name itself the first time,
     * then NAME-yyyyMMdd-HHmmss(-n).xlsx, so earlier results are kept, never overwritten.
     */
    String of(String dropped) throws IOException {
        Set<String> stemsInUse = stemsInUse();
        String stem = OutputNames.stem(dropped);
        String extension = dropped.substring(stem.length());
        String candidate = OutputNames.fit(stem, "", extension);
        if (isFree(candidate, stemsInUse)) {
            return candidate;
        }
        String stamp = "-" + LocalDateTime.now().format(STAMP);
        candidate = OutputNames.fit(stem, stamp, extension);
        for (int n = 2; !isFree(candidate, stemsInUse); n++) {
            candidate = OutputNames.fit(stem, stamp + "-" + n, extension);
        }
        return candidate;
    }

    /** Why a taken file is handled under another name than it was dropped with; empty when it is not. */
    List<String> whyRenamed(Path file, String shown, String name) {
        List<String> why = new ArrayList<>();
        if (!OutputNames.isRepresentable(file.getFileName())) {
            why.add("its name is not valid " + System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name())
                    + " text, the character set of this locale for file names (bytes shown as %XX); run gpuroi under a UTF-8 locale, e.g. LANG=C.UTF-8, to keep such names");
        }
        if (OutputNames.bytes(shown) > OutputNames.MAX_JOB_NAME_BYTES) {
            why.add("its name is longer than " + OutputNames.MAX_JOB_NAME_BYTES + " bytes, too long for the names derived from it");
        }
        if (!name.equals(OutputNames.fit(shown))) {
            why.add("the name, or one differing only in case, is already used in "
                    + config.processing().getFileName() + ", " + config.done().getFileName() + ", " + config.failed().getFileName()
                    + " or " + config.out().getFileName());
        }
        return why;
    }

    /**
     * The output folders there are and will be (out/, the stems of what is in processing or queued),
     * folded, so that two inputs never share one where the file system ignores case or normalization.
     */
    private Set<String> stemsInUse() throws IOException {
        Set<String> stems = new HashSet<>();
        for (Path folder : HotFolder.list(config.out())) {
            stems.add(OutputNames.fold(folder.getFileName().toString()));
        }
        for (Path file : HotFolder.list(config.processing())) {
            stems.add(OutputNames.fold(OutputNames.stem(file.getFileName().toString())));
        }
        for (String name : active) {
            stems.add(OutputNames.fold(OutputNames.stem(name)));
        }
        return stems;
    }

    private boolean isFree(String name, Set<String> stemsInUse) {
        String stem = OutputNames.stem(name);
        return !stemsInUse.contains(OutputNames.fold(stem))
                && !active.contains(name)
                && !Files.exists(config.processing().resolve(name))
                && !Files.exists(config.done().resolve(name))
                && !Files.exists(config.failed().resolve(name))
                && !Files.exists(config.failed().resolve(name + ".error.txt"))
                && !Files.exists(config.out().resolve(stem));
    }
}
