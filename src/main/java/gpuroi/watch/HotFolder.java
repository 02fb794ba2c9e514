package gpuroi.watch;

import gpuroi.pipeline.EnvironmentFault;
import gpuroi.pipeline.OutputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileStore;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
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
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
    private static final String STAGING_PREFIX = ".staging-";

    private final WatchConfig config;
    private final JobConverter converter;
    private final Consumer<String> log;
    private final FileSettler settler;
    private final WatchStatus status;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService scanner;
    /** Names in processing that are queued or running. */
    private final Set<String> active = ConcurrentHashMap.newKeySet();
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
        this.log = log;
        this.folderLock = folderLock;
        this.settler = new FileSettler(config.settle());
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
            String name = file.getFileName().toString();
            // An input waiting out a machine fault is not counted as waiting: --once ends, with exit code 4.
            if (active.contains(name) || name.startsWith(".") || retries.isWaiting(name, now)) {
                continue;
            }
            if (!Files.exists(file)) {
                // Listed while its job was still active, and moved on by that job before the check above: nothing to resume.
                continue;
            }
            if (!hasRoom()) {
                waiting++;
                continue;
            }
            RetrySchedule.Entry retry = retries.get(name);
            if (retry != null) {
                log.accept(name + ": trying again (attempt " + (retry.attempts() + 1) + ") after: " + retry.reason());
                submit(name);
            } else {
                resume(name);
            }
        }
        Set<Path> present = new HashSet<>();
        for (Path file : list(config.inbox())) {
            InboxFiles kind = InboxFiles.classify(file.getFileName().toString());
            if (kind == InboxFiles.IGNORED || !Files.isRegularFile(file)) {
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
                    rejectFromInbox(file);
                } else {
                    String name;
                    synchronized (names) {
                        name = freeName(file.getFileName().toString());
                        AtomicFiles.move(file, config.processing().resolve(name));
                    }
                    submit(name);
                }
            } catch (IOException e) {
                // Removed or locked by someone else between listing and moving: the next scan sees how it is now.
                // Not counted as waiting, so --once ends all the same; the file stays where it is.
                log.accept(file.getFileName() + ": could not be taken from " + config.inbox().getFileName() + " (tried again at the next scan): " + e);
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

    /** A file found in processing: its outputs may already be committed (killed just before the last move); else convert it again. */
    private void resume(String name) throws IOException {
        Path file = config.processing().resolve(name);
        if (Files.isDirectory(config.out().resolve(stem(name)))) {
            settle(file, config.done(), name);
            log.accept(name + ": outputs were complete before a restart; moved to " + config.done().getFileName());
        } else if (Files.exists(config.failed().resolve(name + ".error.txt"))) {
            settle(file, config.failed(), name);
            log.accept(name + ": was rejected before a restart; moved to " + config.failed().getFileName());
        } else {
            log.accept(name + ": found in " + config.processing().getFileName() + " (interrupted run); converting again");
            submit(name);
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

    /**
     * A name free in every folder it will pass through: the dropped name itself the first time,
     * then NAME-yyyyMMdd-HHmmss(-n).xlsx, so earlier results are kept, never overwritten.
     */
    private String freeName(String dropped) {
        if (isFree(dropped)) {
            return dropped;
        }
        String stamped = stem(dropped) + "-" + LocalDateTime.now().format(STAMP);
        String extension = dropped.substring(stem(dropped).length());
        String candidate = stamped + extension;
        for (int n = 2; !isFree(candidate); n++) {
            candidate = stamped + "-" + n + extension;
        }
        return candidate;
    }

    private boolean isFree(String name) {
        return !active.contains(name)
                && !Files.exists(config.processing().resolve(name))
                && !Files.exists(config.done().resolve(name))
                && !Files.exists(config.failed().resolve(name))
                && !Files.exists(config.failed().resolve(name + ".error.txt"))
                && !Files.exists(config.out().resolve(stem(name)));
    }

    static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
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

    private void rejectFromInbox(Path file) throws IOException {
        String dropped = file.getFileName().toString();
        String text = dropped + ": not converted: only .xlsx workbooks are converted; save it from Excel as .xlsx"
                + " (Excel Workbook) and drop it into " + config.inbox().getFileName() + " again.\n";
        String json = errorJson(dropped, "only .xlsx workbooks are converted; save it from Excel as .xlsx");
        synchronized (names) {
            String name = freeName(dropped);
            writeErrorFiles(name, text, json);
            AtomicFiles.move(file, config.failed().resolve(name));
            status.finished(name, false, 0, "not an .xlsx workbook");
            log.accept(name + ": failed: not an .xlsx workbook → " + config.failed().getFileName() + "/" + name + ".error.txt");
        }
    }

    private void writeErrorFiles(String name, String text, String json) throws IOException {
        // The .txt last: its presence means both are complete (resume() looks for it).
        AtomicFiles.write(config.failed().resolve(name + ".error.json"), json.getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(config.failed().resolve(name + ".error.txt"), text.getBytes(StandardCharsets.UTF_8));
    }

    private static String errorJson(String file, String message) {
        var node = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        node.put("input", file);
        node.putNull("output");
        var error = node.putArray("errors").addObject();
        error.put("sheet", "");
        error.put("cell", "");
        error.putNull("value");
        error.put("message", message);
        return node.toPrettyString() + "\n";
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

    private static List<Path> list(Path folder) throws IOException {
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
                if (!config.jobDelay().isZero()) {
                    Thread.sleep(config.jobDelay().toMillis());
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
