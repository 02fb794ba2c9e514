package gpuroi.pipeline;

import gpuroi.report.MemoTemplateException;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Puts a conversion's memos in place only once the whole set is rendered, in a staging folder beside
 * the target. A folder gpuroi names ({@code NAME.roi.memos}) is then swapped in whole, so it holds
 * exactly this conversion's memos: one for a renamed or removed cluster does not linger. Any other
 * folder (a single --pdf-dir) is the user's: the new memos are moved in and nothing else is touched.
 * If rendering fails, the target is as it was.
 */
final class MemoFolder {

    /** Renders into the folder it is given and returns what it wrote there. */
    interface Render {
        List<Path> into(Path folder) throws MemoTemplateException, IOException;
    }

    private MemoFolder() {
    }

    static List<Path> replace(Path folder, Render render) throws MemoTemplateException, IOException {
        Path target = folder.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) {
            return render.into(folder);
        }
        String name = target.getFileName().toString();
        Path staging = parent.resolve("." + name + "." + UUID.randomUUID() + ".staging");
        List<Path> staged;
        try {
            staged = render.into(staging);
        } catch (MemoTemplateException | IOException | RuntimeException e) {
            try {
                deleteTree(staging);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        if (name.endsWith(".memos") || !Files.exists(target)) {
            swap(staging, target, parent.resolve("." + name + "." + UUID.randomUUID() + ".old"));
        } else {
            for (Path memo : staged) {
                move(memo, target.resolve(memo.getFileName().toString()));
            }
            deleteTree(staging);
        }
        List<Path> placed = new ArrayList<>();
        for (Path memo : staged) {
            placed.add(folder.resolve(memo.getFileName().toString()).normalize());
        }
        return placed;
    }

    /** The old folder goes aside, the new one takes its name, and only then is the old one deleted. */
    private static void swap(Path staging, Path target, Path aside) throws IOException {
        boolean hadOld = Files.exists(target);
        if (hadOld) {
            Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (hadOld) {
                Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        if (hadOld) {
            deleteTree(aside);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
