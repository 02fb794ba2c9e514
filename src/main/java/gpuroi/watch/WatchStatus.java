package gpuroi.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What status.json says: whether the service runs, what waits, what ran last and what failed
 * recently. Rewritten atomically whenever it changes, so a monitor never reads half of it.
 */
final class WatchStatus {
    private static final int RECENT_FAILURES = 20;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private record Failure(String file, String reason, Instant at) {
    }

    private final Path file;
    private final Instant startedAt = Instant.now();
    private final RetrySchedule retries;
    private final int workers;
    private String state = "starting";
    private int waitingInInbox;
    private int queued;
    private int running;
    private long converted;
    private long failed;
    private long outputFailures;
    private int abandoned;
    private ObjectNode lastRun;
    private final Deque<Failure> recentFailures = new ArrayDeque<>();
    private String lastWritten = "";

    WatchStatus(Path file, int workers, RetrySchedule retries) {
        this.file = file;
        this.workers = workers;
        this.retries = retries;
    }

    /** When this process started, as the system reports it for any process (what a reader compares to tell a reused pid). */
    static String processStart(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toString).orElse("");
    }

    /** Jobs past their timeout whose threads did not stop; each is replaced by a fresh worker. */
    synchronized void abandoned(int count) {
        this.abandoned = count;
    }

    synchronized void state(String state) {
        this.state = state;
    }

    synchronized void counts(int waitingInInbox, int queued, int running) {
        this.waitingInInbox = waitingInInbox;
        this.queued = queued;
        this.running = running;
    }

    synchronized void finished(String fileName, boolean ok, double seconds, String summary) {
        if (ok) {
            converted++;
        } else {
            failed++;
            recentFailures.addFirst(new Failure(fileName, summary, Instant.now()));
            while (recentFailures.size() > RECENT_FAILURES) {
                recentFailures.removeLast();
            }
        }
        lastRun = JSON.createObjectNode();
        lastRun.put("file", fileName);
        lastRun.put("result", ok ? "done" : "failed");
        lastRun.put("finishedAt", Instant.now().toString());
        lastRun.put("seconds", Math.round(seconds * 1000) / 1000.0);
        lastRun.put("summary", summary);
    }

    /** A job the machine failed (its input unreadable, its outputs unwritable): the input stays in processing for another try, so it is not among the failed. */
    synchronized void outputFailed(String fileName, double seconds, String reason) {
        outputFailures++;
        lastRun = JSON.createObjectNode();
        lastRun.put("file", fileName);
        lastRun.put("result", "output failed");
        lastRun.put("finishedAt", Instant.now().toString());
        lastRun.put("seconds", Math.round(seconds * 1000) / 1000.0);
        lastRun.put("summary", reason);
    }

    synchronized long outputFailureCount() {
        return outputFailures;
    }

    synchronized long failedCount() {
        return failed;
    }

    synchronized long convertedCount() {
        return converted;
    }

    /** Writes status.json if anything changed since the last write. */
    synchronized void write() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("state", state);
        root.put("pid", ProcessHandle.current().pid());
        root.put("processStartedAt", processStart(ProcessHandle.current()));
        root.put("startedAt", startedAt.toString());
        root.put("workers", workers);
        root.put("waitingInInbox", waitingInInbox);
        root.put("queueLength", queued);
        root.put("running", running);
        root.put("converted", converted);
        root.put("failed", failed);
        root.put("outputFailures", outputFailures);
        root.put("abandonedJobs", abandoned);
        ArrayNode retrying = root.putArray("retrying");
        for (RetrySchedule.Entry entry : retries.entries()) {
            ObjectNode node = retrying.addObject();
            node.put("file", entry.file());
            node.put("reason", entry.reason());
            node.put("attempts", entry.attempts());
            node.put("nextAttemptAt", entry.nextAttempt().toString());
        }
        if (lastRun == null) {
            root.putNull("lastRun");
        } else {
            root.set("lastRun", lastRun);
        }
        ArrayNode failures = root.putArray("recentFailures");
        for (Failure f : recentFailures) {
            ObjectNode node = failures.addObject();
            node.put("file", f.file());
            node.put("reason", f.reason());
            node.put("at", f.at().toString());
        }
        String text = JSON.writeValueAsString(root) + "\n";
        if (!text.equals(lastWritten)) {
            AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
            lastWritten = text;
        }
    }
}
