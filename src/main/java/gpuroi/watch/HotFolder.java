package gpuroi.watch;

import gpuroi.pipeline.EnvironmentFault;
import gpuroi.pipeline.ErrorDocument;
import gpuroi.pipeline.InputDigest;
import gpuroi.pipeline.OutputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileStore;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

/**
 * A hot folder: workbooks dropped into the inbox are converted into out/, and each input ends in
 * done/ or failed/, never lost, never half-written.
 *
 * <p>Every step a reader or a crash could catch is a rename within one file system: inbox →
 * processing when a job is taken; a staging folder → out/NAME when its outputs are complete;
 * processing → done or failed last. A file is in processing from the moment it is taken until it
 * is settled, so a process killed at any point leaves it there, and the next start either finds its
 * outputs already committed (and finishes the move) or converts it again.
 *
 * <p>Threads: one scanner (a single scheduled thread, which alone lists folders, settles and claims
 * files, and also fires job timeouts), one thread blocked on the WatchService that only asks for a
 * scan, and a pool of workers behind a bounded queue. A job past its timeout is interrupted; if its
 * thread does not stop within the grace period it is abandoned and a fresh worker takes its place, so
 * the folder never stalls. An operating-system lock ({@link FolderLock}) keeps a second watcher off
 * the same folder.
 */
public final class HotFolder implements AutoCloseable {
    private static final String STAGING_PREFIX = ".staging-";
    static final String LINK_REASON = "is a symbolic link; gpuroi does not follow links out of the inbox";
    private static final String LINK_ADVICE = " (copy the workbook itself into the inbox, or start watch with --follow-links)";

    private final WatchConfig config;
    private final JobConverter converter;
    private final Consumer<String> log;
    private final FileSettler settler;
    private final WatchStatus status;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService scanner;
    /** Names in processing that are queued or running. */
    private final Set<String> active = ConcurrentHashMap.newKeySet();
    private final FreeNames freeNames;
    private final AtomicInteger running = new AtomicInteger();
    /** Timed-out jobs whose threads would not stop; each has a fresh worker in its place. */
    private final AtomicInteger abandoned = new AtomicInteger();
    private final AtomicBoolean scanRequested = new AtomicBoolean();
    /** Names in processing the machine failed (unreadable, outputs unwritable), each waiting to be tried again. */
    private final RetrySchedule retries;
    /** Guards choosing a free name and renaming into it, so two moves never pick the same name. */
    private final Object names = new Object();
    private final FolderLock folderLock;
    private volatile boolean lockLost;
    private volatile boolean stopping;
    private volatile WatchService watchService;
    private Thread watchThread;
    private boolean closed;

    private HotFolder(WatchConfig config, JobConverter converter, Consumer<String> log, FolderLock folderLock) {
        this.config = config;
        this.converter = converter;
        this.log = new LogLines(log);
        this.folderLock = folderLock;
        this.settler = new FileSettler(config.settle());
        this.freeNames = new FreeNames(config, active);
        this.retries = new RetrySchedule(config.retryBase(), WatchConfig.RETRY_MAX);
        this.status = new WatchStatus(config.statusFile(), config.workers(), retries);
        AtomicInteger workerCount = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(config.workers(), config.workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(config.queueCapacity()), task -> daemon(task, "gpuroi-watch-job-" + workerCount.incrementAndGet()));
        this.scanner = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "gpuroi-watch-scan"));
    }

    /**
     * Creates the folders, takes the folder's lock (one watcher per folder), and clears the staging
     * folders and temporary files a killed process left behind (our own partial outputs, never
     * anything dropped).
     */
    public static HotFolder open(WatchConfig config, JobConverter converter, Consumer<String> log) throws IOException {
        for (Path folder : List.of(config.root(), config.inbox(), config.processing(), config.done(), config.failed(), config.out())) {
            Files.createDirectories(folder);
        }
        FileStore store = Files.getFileStore(config.root());
        for (Path folder : List.of(config.inbox(), config.processing(), config.done(), config.failed(), config.out())) {
            if (!Files.getFileStore(folder).equals(store)) {
                throw new IOException(folder + " is on another file system than " + config.root()
                        + "; every folder must be on one, so that moves are atomic renames");
            }
        }
        FolderLock lock = FolderLock.acquire(config.root(), config.statusFile());
        try {
            clearLeftovers(config);
            HotFolder hotFolder = new HotFolder(config, converter, log, lock);
            // At once, so that a status.json a killed watcher left saying "running" does not stand a moment longer.
            hotFolder.writeStatusQuietly();
            return hotFolder;
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static void clearLeftovers(WatchConfig config) throws IOException {
        try (Stream<Path> leftovers = Files.list(config.out())) {
            for (Path staging : leftovers.filter(p -> p.getFileName().toString().startsWith(STAGING_PREFIX)).toList()) {
                AtomicFiles.deleteTree(staging);
            }
        }
        for (Path folder : List.of(config.failed(), config.root())) {
            try (Stream<Path> leftovers = Files.list(folder)) {
                for (Path temp : leftovers.filter(AtomicFiles::isOwnTemporaryFile).toList()) {
                    Files.deleteIfExists(temp);
                }
            }
        }
    }

    /** Watches until {@link #close()}: file-system events, a rescan every {@code rescan} as a safety net. */
    public synchronized void start() throws IOException {
        status.state("running");
        WatchService service = config.inbox().getFileSystem().newWatchService();
        config.inbox().register(service, ENTRY_CREATE, ENTRY_MODIFY, OVERFLOW);
        watchService = service;
        watchThread = daemon(() -> {
            try {
                while (!stopping) {
                    var key = service.take();
                    key.pollEvents();
                    key.reset();
                    requestScan();
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                // Closing: the scanner stops too.
            }
        }, "gpuroi-watch-events");
        watchThread.start();
        scanner.scheduleWithFixedDelay(this::scanQuietly, 0, config.rescan().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Converts what is in the inbox and in processing now (waiting for files still being written to
     * settle), then stops. Returns how many inputs went to failed in this run.
     */
    public long runOnce() throws IOException, InterruptedException {
        status.state("running");
        long tickMillis = Math.max(20, Math.min(config.settle().toMillis() / 4, config.rescan().toMillis()));
        try {
            while (true) {
                int waiting;
                try {
                    waiting = scanner.submit(this::scan).get();
                } catch (RejectedExecutionException e) {
                    // Stopped (SIGTERM): close() lets the running jobs finish within the grace period.
                    break;
                } catch (ExecutionException e) {
                    throw new IOException("scanning " + config.inbox() + " failed: " + e.getCause().getMessage(), e.getCause());
                }
                if (waiting == 0 && active.isEmpty()) {
                    break;
                }
                Thread.sleep(tickMillis);
            }
        } finally {
            close();
        }
        return status.failedCount();
    }

    /** What is still in processing (after {@link #runOnce()}: the inputs this run could not finish), as the log shows names. */
    public List<String> leftInProcessing() throws IOException {
        return list(config.processing()).stream().map(HotFolder::shownName).filter(n -> !n.startsWith(".")).map(OutputNames::printable).toList();
    }

    /** Whether {@link #close()} has run (or runs now). */
    public synchronized boolean isClosed() {
        return closed;
    }

    /** How many jobs the machine failed: inputs unreadable or outputs unwritable (their inputs stay in processing). */
    public long outputFailures() {
        return status.outputFailureCount();
    }

    /**
     * Stops taking files, leaves queued jobs in processing, waits up to the grace period for
     * running ones, and interrupts the rest, whose inputs stay in processing for the next start.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopping = true;
        status.state("stopping");
        writeStatusQuietly();
        if (watchService != null) {
            try {
                watchService.close();
            } catch (IOException e) {
                // Closing anyway.
            }
        }
        List<Runnable> queued = new ArrayList<>();
        workers.getQueue().drainTo(queued);
        for (Runnable job : queued) {
            if (job instanceof Job j) {
                active.remove(j.name);
                log.accept(j.name + ": left in " + config.processing().getFileName() + ", converted on the next start");
            }
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
                workers.awaitTermination(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        scanner.shutdownNow();
        status.state("stopped");
        status.counts(0, 0, 0);
        writeStatusQuietly();
        folderLock.close();
    }

    private void requestScan() {
        if (!stopping && scanRequested.compareAndSet(false, true)) {
            try {
                scanner.execute(this::scanQuietly);
            } catch (RejectedExecutionException e) {
                // Shutting down.
            }
        }
    }

    private void scanQuietly() {
        try {
            int waiting = scan();
            if (waiting > 0 && !stopping) {
                // Files are settling: look again well before the next full rescan.
                long delay = Math.max(20, Math.min(config.settle().toMillis() / 2, config.rescan().toMillis()));
                scanner.schedule(this::requestScan, delay, TimeUnit.MILLISECONDS);
            }
        } catch (IOException | RuntimeException e) {
            log.accept("scan of " + config.inbox() + " failed (retrying at the next rescan): " + e);
        }
    }

    /** One pass: re-queue what processing holds, take what the inbox holds and is complete. Returns how many files still wait. */
    private int scan() throws IOException {
        scanRequested.set(false);
        if (stopping || lockLost) {
            return 0;
        }
        if (!folderLock.recheck()) {
            lockLost = true;
            log.accept("another gpuroi watch took " + folderLock.path() + " after it was removed; this one takes no more files");
            return 0;
        }
        int waiting = 0;
        long now = System.nanoTime();
        for (Path file : list(config.processing())) {
            String name = null;
            RetrySchedule.Entry retry = null;
            try {
                if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    // Listed while its job was still active, and moved on by that job: nothing to resume.
                    continue;
                }
                name = nameInProcessing(file);
                // An input waiting out a machine fault is not counted as waiting: --once ends, with exit code 4.
                if (active.contains(name) || name.startsWith(".") || retries.isWaiting(name, now)) {
                    continue;
                }
                if (!hasRoom()) {
                    waiting++;
                    continue;
                }
                retry = retries.get(name);
                if (retry != null) {
                    log.accept(name + ": trying again (attempt " + (retry.attempts() + 1) + ") after: " + retry.reason());
                }
                // A retry takes the same path as a restart: the try that failed may have committed the outputs
                // or written the error files before the machine refused the last move.
                resume(name, retry != null);
            } catch (IOException | RuntimeException e) {
                // One file the folders will not let us handle must not keep the others waiting.
                if (retry != null) {
                    // Its retry failed again (done/ or failed/ still refuses it): the next wait is longer.
                    machineFault(name, 0, "cannot move it on: " + describe(e));
                } else {
                    log.accept(shownName(file) + ": left in " + config.processing().getFileName() + " (tried again at the next scan): " + e);
                }
            }
        }
        Set<Path> present = new HashSet<>();
        for (Path file : list(config.inbox())) {
            String dropped = shownName(file);
            InboxFiles kind = InboxFiles.classify(dropped);
            if (kind == InboxFiles.IGNORED) {
                continue;
            }
            if (!config.followLinks() && Files.isSymbolicLink(file)) {
                try {
                    // The link itself moves; its target is never read.
                    rejectFromInbox(file, dropped, LINK_REASON, LINK_ADVICE, "a symbolic link");
                } catch (IOException | RuntimeException e) {
                    log.accept(dropped + ": could not be taken from " + config.inbox().getFileName() + " (tried again at the next scan): " + e);
                }
                continue;
            }
            if (!Files.isRegularFile(file)) {
                continue;
            }
            present.add(file);
            if (!settler.isComplete(file, kind == InboxFiles.WORKBOOK, now)) {
                waiting++;
                continue;
            }
            if (kind == InboxFiles.WORKBOOK && !hasRoom()) {
                waiting++;
                continue;
            }
            try {
                if (kind == InboxFiles.NOT_A_WORKBOOK) {
                    rejectFromInbox(file, dropped, "only .xlsx workbooks are converted; save it from Excel as .xlsx",
                            " (Excel Workbook) and drop it into " + config.inbox().getFileName() + " again", "not an .xlsx workbook");
                } else {
                    String name;
                    synchronized (names) {
                        name = freeNames.of(dropped);
                        AtomicFiles.move(file, config.processing().resolve(name));
                    }
                    logRenamed(file, dropped, name);
                    submit(name);
                }
            } catch (IOException | RuntimeException e) {
                // Removed or locked by someone else between listing and moving: the next scan sees how it is now.
                // Not counted as waiting, so --once ends all the same; the file stays where it is.
                log.accept(dropped + ": could not be taken from " + config.inbox().getFileName() + " (tried again at the next scan): " + e);
            }
            settler.forget(file);
        }
        settler.retainOnly(present);
        int runningNow = running.get() - abandoned.get();
        status.counts(waiting, Math.max(0, active.size() - runningNow), runningNow);
        status.abandoned(abandoned.get());
        writeStatusQuietly();
        return waiting;
    }

    private boolean hasRoom() {
        return active.size() < config.workers() + config.queueCapacity() && workers.getQueue().remainingCapacity() > 0;
    }

    /**
     * A file found in processing, after a restart or when its retry is due: its outputs may already be committed
     * (killed, or refused, just before the last move), or its error files written; else convert it again.
     */
    private void resume(String name, boolean retrying) throws IOException {
        Path file = config.processing().resolve(name);
        String when = retrying ? "before the last try failed" : "before a restart";
        Path outputs = completedOutputs(name, file);
        if (outputs != null) {
            settle(file, config.done(), name);
            if (retrying) {
                // Its try was counted as a machine fault only; a restart's counts start afresh instead.
                status.finished(name, true, 0, "outputs complete in " + config.root().relativize(outputs));
            }
            retries.clear(name);
            log.accept(name + ": outputs were complete " + when + " (" + config.root().relativize(outputs) + " holds its completion marker); moved to "
                    + config.done().getFileName());
        } else if (Files.exists(config.failed().resolve(name + ".error.txt"))) {
            settle(file, config.failed(), name);
            if (retrying) {
                status.finished(name, false, 0, "rejected, see " + config.failed().getFileName() + "/" + name + ".error.txt");
            }
            retries.clear(name);
            log.accept(name + ": was rejected " + when + "; moved to " + config.failed().getFileName());
        } else {
            if (!retrying) {
                log.accept(name + ": found in " + config.processing().getFileName() + " (interrupted run); converting again");
            }
            submit(name);
        }
    }

    /**
     * The output folder whose completion marker names this input and its content (out/STEM, or
     * out/STEM-n where out/STEM was taken), or null: a folder of another input, or one without a
     * marker, proves nothing, and the input is converted again.
     */
    private Path completedOutputs(String name, Path file) throws IOException {
        Path candidate = config.out().resolve(stem(name));
        String sha256 = null;
        for (int n = 2; Files.isDirectory(candidate); n++) {
            if (Files.isRegularFile(candidate.resolve(CompletionMarker.FILE_NAME))) {
                sha256 = sha256 == null ? InputDigest.sha256(file) : sha256;
                if (CompletionMarker.proves(candidate, name, sha256)) {
                    return candidate;
                }
            }
            candidate = config.out().resolve(stem(name) + "-" + n);
        }
        return null;
    }

    /**
     * The name a file in processing is handled by: its own, or the name it is renamed to when it
     * could not be handled by its own (left by a run under another locale, or by a version that took
     * names too long for the names derived from them).
     */
    private String nameInProcessing(Path file) throws IOException {
        String shown = shownName(file);
        if (shown.startsWith(".")
                || OutputNames.isRepresentable(file.getFileName()) && OutputNames.bytes(shown) <= OutputNames.MAX_JOB_NAME_BYTES) {
            return shown;
        }
        String name;
        synchronized (names) {
            name = freeNames.of(shown);
            AtomicFiles.move(file, config.processing().resolve(name));
        }
        logRenamed(file, shown, name);
        return name;
    }

    /** A listed file's name as the log and the folders show it: itself, or its bytes as %XX where this locale cannot decode them. */
    private static String shownName(Path file) {
        return OutputNames.isRepresentable(file.getFileName()) ? file.getFileName().toString() : OutputNames.escapedBytes(file);
    }

    /** Says why a taken file is handled under another name than it was dropped with, if it is. */
    private void logRenamed(Path file, String shown, String name) {
        List<String> why = freeNames.whyRenamed(file, shown, name);
        if (!why.isEmpty()) {
            log.accept(shown + ": taken as " + name + ": " + String.join("; ", why));
        }
    }

    private void submit(String name) {
        Job job = new Job(name);
        active.add(name);
        try {
            workers.execute(job);
        } catch (RejectedExecutionException e) {
            // Full or stopping: the file stays in processing and the next scan offers it again.
            active.remove(name);
        }
    }

    static String stem(String name) {
        return OutputNames.stem(name);
    }

    /** Moves a file from processing into {@code folder} under its name (a fresh one if that is taken after all). */
    private Path settle(Path file, Path folder, String name) throws IOException {
        synchronized (names) {
            Path target = folder.resolve(name);
            for (int n = 2; Files.exists(target); n++) {
                target = folder.resolve(stem(name) + "-" + n + name.substring(stem(name).length()));
            }
            AtomicFiles.move(file, target);
            return target;
        }
    }

    /** Moves a file that will not be converted from the inbox to failed, with its error files: {@code reason + advice} for people, {@code reason} for scripts. */
    private void rejectFromInbox(Path file, String dropped, String reason, String advice, String summary) throws IOException {
        String text = OutputNames.printable(dropped) + ": not converted: " + reason + advice + ".\n";
        String json = errorJson(dropped, reason);
        String name;
        synchronized (names) {
            name = freeNames.of(dropped);
            writeErrorFiles(name, text, json);
            AtomicFiles.move(file, config.failed().resolve(name));
            status.finished(name, false, 0, summary);
        }
        logRenamed(file, dropped, name);
        log.accept(name + ": failed: " + summary + " → " + config.failed().getFileName() + "/" + name + ".error.txt");
    }

    private void writeErrorFiles(String name, String text, String json) throws IOException {
        // The .txt last: its presence means both are complete (resume() looks for it).
        AtomicFiles.write(config.failed().resolve(name + ".error.json"), json.getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(config.failed().resolve(name + ".error.txt"), text.getBytes(StandardCharsets.UTF_8));
    }

    /** The error document convert --json gives an input it could not convert, here with one message and no cell. */
    private static String errorJson(String file, String message) {
        return ErrorDocument.message(file, message).toPrettyString() + "\n";
    }

    private void reject(String name, String summary, String text, String json, double seconds) throws IOException {
        writeErrorFiles(name, text, json);
        settle(config.processing().resolve(name), config.failed(), name);
        retries.clear(name);
        status.finished(name, false, seconds, summary);
        log.accept(String.format(Locale.ROOT, "%s: failed in %.2f s: %s → %s/%s.error.txt", name, seconds, summary,
                config.failed().getFileName(), name));
    }

    private void timeOut(Job job) {
        if (!job.settled.compareAndSet(false, true)) {
            return;
        }
        job.interrupt();
        String reason = "timeout: took longer than " + describe(config.jobTimeout());
        try {
            reject(job.name, reason, job.name + ": not converted: " + reason
                    + ". The workbook may be very large; drop it again, or run gpuroi convert on it to see where it spends its time.\n",
                    errorJson(job.name, reason), seconds(job.startNanos));
        } catch (IOException e) {
            machineFault(job.name, seconds(job.startNanos), "timed out, and cannot move it to " + config.failed().getFileName()
                    + ": " + describe(e));
        } finally {
            scanner.schedule(() -> abandonIfStillRunning(job), config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
            active.remove(job.name);
            writeStatusQuietly();
            requestScan();
        }
    }

    /**
     * A timed-out job whose thread has not stopped within the grace period: a fresh worker takes its place, so the
     * files behind it do not wait; the old thread is left to end on its own (its result is discarded).
     */
    private void abandonIfStillRunning(Job job) {
        if (!job.abandon()) {
            return;
        }
        synchronized (workers) {
            abandoned.incrementAndGet();
            workers.setMaximumPoolSize(workers.getMaximumPoolSize() + 1);
            workers.setCorePoolSize(workers.getCorePoolSize() + 1);
        }
        log.accept(job.name + ": its conversion did not stop within " + describe(config.shutdownGrace()) + " of its timeout;"
                + " a fresh worker takes the next file");
        requestScan();
    }

    /** Called by an abandoned job's thread when it finally ends: the pool shrinks back to its size. */
    private void abandonedJobEnded(Job job) {
        synchronized (workers) {
            abandoned.decrementAndGet();
            workers.setCorePoolSize(workers.getCorePoolSize() - 1);
            workers.setMaximumPoolSize(workers.getMaximumPoolSize() - 1);
        }
        log.accept(job.name + ": the conversion abandoned after its timeout has ended");
    }

    /**
     * The machine, not the input, failed a job (the input could not be read, the outputs or error files not
     * written): the input stays in processing and is tried again later, each wait twice the last.
     */
    private void machineFault(String name, double seconds, String reason) {
        RetrySchedule.Entry entry = retries.failed(name, reason, System.nanoTime());
        status.outputFailed(name, seconds, reason);
        log.accept(String.format(Locale.ROOT, "%s: not converted in %.2f s, through no fault of the workbook: %s; left in %s,"
                + " tried again in %s (attempt %d)", name, seconds, reason, config.processing().getFileName(),
                describe(retries.delay(entry.attempts())), entry.attempts() + 1));
    }

    /** {@code /srv/gpuroi/out/x: Permission denied}: the file the system refused, when it says, and its reason. */
    private static String describe(Throwable e) {
        String reason = EnvironmentFault.reason(e).orElseGet(() -> e instanceof IOException io ? OutputException.reason(io) : String.valueOf(e));
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutputException out) {
                return out.getMessage();
            }
            if (t instanceof FileSystemException fs && fs.getFile() != null) {
                return fs.getFile() + ": " + reason;
            }
        }
        return reason;
    }

    private void writeStatusQuietly() {
        try {
            status.write();
        } catch (IOException e) {
            log.accept("could not write " + config.statusFile() + ": " + e.getMessage());
        }
    }

    /** Reads the input once through before converting it, so that a file the system will not let us read is told from a bad workbook. */
    private static void readWhole(Path input) throws IOException {
        try (var in = Files.newInputStream(input)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** One input in processing, converted on a worker; whoever sets {@code settled} first (the job, its timeout or a stop) decides where the file goes. */
    private final class Job implements Runnable {
        final String name;
        final AtomicBoolean settled = new AtomicBoolean();
        /** 0 running, 1 ended, 2 abandoned after its timeout: whichever the job's end or the abandoning sets first. */
        private final AtomicInteger fate = new AtomicInteger();
        volatile long startNanos = System.nanoTime();
        private Thread worker;

        Job(String name) {
            this.name = name;
        }

        @Override
        public void run() {
            if (stopping) {
                log.accept(name + ": left in " + config.processing().getFileName() + ", converted on the next start");
                return;
            }
            startNanos = System.nanoTime();
            synchronized (this) {
                worker = Thread.currentThread();
            }
            running.incrementAndGet();
            ScheduledFuture<?> watchdog = scanner.schedule(() -> timeOut(this), config.jobTimeout().toMillis(), TimeUnit.MILLISECONDS);
            Path staging = config.out().resolve(STAGING_PREFIX + name + "-" + UUID.randomUUID());
            boolean settledHere = false;
            try {
                Files.createDirectories(staging);
                if (!config.followLinks() && Files.isSymbolicLink(config.processing().resolve(name))) {
                    // Replaced by a link after it was listed: still never read through.
                    if (settled.compareAndSet(false, true)) {
                        settledHere = true;
                        reject(name, "a symbolic link", OutputNames.printable(name) + ": not converted: " + LINK_REASON + LINK_ADVICE + ".\n",
                                errorJson(name, LINK_REASON), seconds(startNanos));
                    }
                    return;
                }
                Path input = config.processing().resolve(name);
                try {
                    readWhole(input);
                } catch (IOException unreadable) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedException("stopped while reading " + name);
                    }
                    if (settled.compareAndSet(false, true)) {
                        settledHere = true;
                        machineFault(name, seconds(startNanos), "cannot read " + describe(unreadable));
                    }
                    return;
                }
                JobConverter.Result result = converter.convert(input, staging);
                if (!settled.compareAndSet(false, true)) {
                    return;
                }
                settledHere = true;
                if (result.machineFault()) {
                    machineFault(name, seconds(startNanos), result.summary());
                } else if (result.converted()) {
                    // Last into the staging folder, which is renamed whole: a folder in out/ with a marker is complete.
                    CompletionMarker.write(staging, name, result.inputSha256().isEmpty()
                            ? InputDigest.sha256(config.processing().resolve(name)) : result.inputSha256());
                    Path outputs;
                    synchronized (names) {
                        outputs = config.out().resolve(stem(name));
                        for (int n = 2; Files.exists(outputs); n++) {
                            outputs = config.out().resolve(stem(name) + "-" + n);
                        }
                        AtomicFiles.move(staging, outputs);
                    }
                    settle(config.processing().resolve(name), config.done(), name);
                    retries.clear(name);
                    double seconds = seconds(startNanos);
                    status.finished(name, true, seconds, result.summary());
                    log.accept(String.format(Locale.ROOT, "%s: done in %.2f s: %s → %s", name, seconds, result.summary(),
                            config.root().relativize(outputs)));
                } else {
                    reject(name, result.summary(), result.errorText(), result.errorJson(), seconds(startNanos));
                }
            } catch (InterruptedException e) {
                leaveForNextStart();
            } catch (IOException e) {
                // The folders refused a write or a move (the staging folder, out/, failed/): the machine, not the input.
                if (stopping) {
                    leaveForNextStart();
                } else if (settledHere || settled.compareAndSet(false, true)) {
                    machineFault(name, seconds(startNanos), "cannot write " + describe(e));
                }
            } catch (Exception | LinkageError e) {
                if (stopping) {
                    // Interrupted I/O surfaces as all sorts of exceptions while stopping; the next start retries.
                    leaveForNextStart();
                } else if (settled.compareAndSet(false, true)) {
                    if (EnvironmentFault.reason(e).isPresent()) {
                        // A library's own exception around a refused read or write: still the machine's fault.
                        machineFault(name, seconds(startNanos), describe(e));
                        return;
                    }
                    String reason = "gpuroi could not convert it: " + e;
                    try {
                        reject(name, reason, name + ": not converted: " + reason
                                + "\nThis is a bug in gpuroi, not in the workbook; please report it with the workbook.\n",
                                errorJson(name, reason), seconds(startNanos));
                    } catch (IOException io) {
                        machineFault(name, seconds(startNanos), "failed (" + reason + "), and cannot move it to "
                                + config.failed().getFileName() + ": " + describe(io));
                    }
                }
            } finally {
                watchdog.cancel(false);
                if (!fate.compareAndSet(0, 1)) {
                    abandonedJobEnded(this);
                }
                running.decrementAndGet();
                try {
                    AtomicFiles.deleteTree(staging);
                } catch (IOException e) {
                    log.accept(name + ": could not remove " + staging + " (removed at the next start): " + e.getMessage());
                }
                synchronized (this) {
                    worker = null;
                    // A timeout's interrupt must not reach the pool thread's next job.
                    Thread.interrupted();
                }
                active.remove(name);
                writeStatusQuietly();
                requestScan();
            }
        }

        /** Interrupts the conversion if it is still running (a timeout); conversions that ignore interrupts run on, their result discarded. */
        synchronized void interrupt() {
            if (worker != null) {
                worker.interrupt();
            }
        }

        /** Marks this job abandoned if it is still running; false when it has ended (or never started). */
        boolean abandon() {
            synchronized (this) {
                if (worker == null) {
                    return false;
                }
            }
            return fate.compareAndSet(0, 2);
        }

        private void leaveForNextStart() {
            if (settled.compareAndSet(false, true)) {
                log.accept(name + ": stopped mid-job; left in " + config.processing().getFileName() + ", converted on the next start");
            }
        }
    }
}
