package gpuroi.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * One watcher per folder: an operating-system lock on {@code DIR/.gpuroi-watch.lock}, held on a file
 * kept open for the life of the process, so it goes with the process however it ends (no stale lock
 * after a kill). The file names the holder's pid. A lock file removed by hand stops no one by itself,
 * so a new watcher also refuses while status.json names a watcher process still alive, and the
 * running watcher takes the lock again on a new file when it sees its own gone.
 */
final class FolderLock implements AutoCloseable {
    static final String FILE = ".gpuroi-watch.lock";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;
    private FileChannel channel;
    private FileLock lock;
    private Object fileKey;

    private FolderLock(Path path, FileChannel channel, FileLock lock) throws IOException {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
        this.fileKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        writeHolder();
    }

    /** Takes the lock of {@code root}, or says who holds it. */
    static FolderLock acquire(Path root, Path statusFile) throws IOException {
        Path path = root.resolve(FILE);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = tryLock(channel);
        if (lock == null) {
            channel.close();
            throw new IOException("another gpuroi watch is already running on " + root + " (" + holder(path)
                    + " holds " + FILE + "); stop it first, or watch another folder");
        }
        Optional<String> live = liveWatcher(statusFile);
        if (live.isPresent()) {
            lock.release();
            channel.close();
            throw new IOException("another gpuroi watch is already running on " + root + " (" + live.get()
                    + ", says status.json) although " + FILE + " was removed; stop it first");
        }
        return new FolderLock(path, channel, lock);
    }

    /**
     * Whether a watcher holds the lock of {@code root} now (this process's own counts): what tells a status.json
     * saying "running" from one a killed watcher left behind.
     */
    static boolean isHeld(Path root) throws IOException {
        Path path = root.resolve(FILE);
        if (!Files.exists(path)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (NoSuchFileException e) {
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    /**
     * Checks that the lock file is still the one locked; if someone removed or replaced it, locks a new one.
     * Returns false when another process holds the new file: a second watcher runs, and this one must not
     * take files.
     */
    synchronized boolean recheck() {
        try {
            if (Objects.equals(Files.readAttributes(path, BasicFileAttributes.class).fileKey(), fileKey)) {
                return true;
            }
        } catch (IOException e) {
            // Removed: take it again below.
        }
        try {
            FileChannel fresh = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock freshLock = tryLock(fresh);
            if (freshLock == null) {
                fresh.close();
                return false;
            }
            close();
            channel = fresh;
            lock = freshLock;
            fileKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            writeHolder();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The path of the lock file. */
    Path path() {
        return path;
    }

    @Override
    public synchronized void close() {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            // The lock goes with the process anyway.
        }
    }

    private void writeHolder() throws IOException {
        ProcessHandle self = ProcessHandle.current();
        String text = "pid " + self.pid() + "\nstarted " + WatchStatus.processStart(self) + "\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(true);
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // This process holds it already (a second watcher in the same JVM).
            return null;
        }
    }

    /** {@code pid 4711} as the lock file gives it, or words saying it is not known. */
    private static String holder(Path path) {
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            return text.lines().filter(l -> l.startsWith("pid ")).findFirst().orElse("a process whose pid it does not give");
        } catch (IOException e) {
            return "a process whose pid it does not give";
        }
    }

    /**
     * The watcher status.json names, if it is running or stopping and its process is alive: the same pid
     * and the same process start, so a pid the system has since given to another process does not count.
     */
    static Optional<String> liveWatcher(Path statusFile) {
        JsonNode status;
        try {
            status = JSON.readTree(statusFile.toFile());
        } catch (IOException e) {
            return Optional.empty();
        }
        String state = status.path("state").asText("");
        long pid = status.path("pid").asLong(-1);
        if (!state.equals("running") && !state.equals("stopping") && !state.equals("starting") || pid == ProcessHandle.current().pid()) {
            return Optional.empty();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty() || !sameStart(status.path("processStartedAt").asText(""), WatchStatus.processStart(process.get()))) {
            return Optional.empty();
        }
        return Optional.of("pid " + pid + ", started " + status.path("startedAt").asText("at an unknown time"));
    }

    /** Process start times as the system gives them; a second apart at most, as clock ticks round them. */
    private static boolean sameStart(String recorded, String now) {
        try {
            return Duration.between(Instant.parse(recorded), Instant.parse(now)).abs().compareTo(Duration.ofSeconds(1)) <= 0;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
