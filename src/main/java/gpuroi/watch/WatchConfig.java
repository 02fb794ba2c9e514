package gpuroi.watch;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a hot folder runs.
 *
 * @param root           the watched folder; the five folders below are resolved against it
 * @param inbox          where files are dropped
 * @param processing     files taken and being converted (or queued); re-queued on the next start
 * @param done           inputs converted
 * @param failed         inputs rejected, each with NAME.error.txt and NAME.error.json
 * @param out            one folder of outputs per converted input
 * @param settle         how long a file must stay unchanged before it is taken
 * @param rescan         how often the inbox is listed even without a file-system event
 * @param workers        jobs converted at once
 * @param queueCapacity  jobs waiting for a worker; more files stay in the inbox until there is room
 * @param jobTimeout     a job still running after this is abandoned and its input moved to failed
 * @param shutdownGrace  how long a stop waits for running jobs before leaving them to the next start
 * @param retryBase      the first wait before an input the machine failed (unreadable, a full or read-only disk)
 *                       is tried again; each further failure doubles it, up to {@link #RETRY_MAX}
 * @param followLinks    whether a symbolic link in the inbox is converted (its target read); by default it goes to failed
 */
public record WatchConfig(Path root, Path inbox, Path processing, Path done, Path failed, Path out,
                          Duration settle, Duration rescan, int workers, int queueCapacity,
                          Duration jobTimeout, Duration shutdownGrace, Duration retryBase, boolean followLinks) {
    /** The longest wait between two tries of an input the machine failed. */
    public static final Duration RETRY_MAX = Duration.ofMinutes(10);
    /** The default first wait before such an input is tried again. */
    public static final Duration RETRY_BASE = Duration.ofSeconds(30);

    public WatchConfig {
        if (workers < 1) {
            throw new IllegalArgumentException("workers: expected at least 1, found " + workers);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queue: expected at least 1, found " + queueCapacity);
        }
        for (Duration d : new Duration[] {settle, rescan, jobTimeout, shutdownGrace, retryBase}) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("durations cannot be negative: " + d);
            }
        }
        if (rescan.isZero() || jobTimeout.isZero() || retryBase.isZero()) {
            throw new IllegalArgumentException("rescan interval, job timeout and retry interval must be positive");
        }
    }

    /** The default retry wait; links in the inbox refused. */
    public WatchConfig(Path root, Path inbox, Path processing, Path done, Path failed, Path out,
                       Duration settle, Duration rescan, int workers, int queueCapacity,
                       Duration jobTimeout, Duration shutdownGrace) {
        this(root, inbox, processing, done, failed, out, settle, rescan, workers, queueCapacity, jobTimeout, shutdownGrace,
                RETRY_BASE, false);
    }

    /** Links in the inbox refused. */
    public WatchConfig(Path root, Path inbox, Path processing, Path done, Path failed, Path out,
                       Duration settle, Duration rescan, int workers, int queueCapacity,
                       Duration jobTimeout, Duration shutdownGrace, Duration retryBase) {
        this(root, inbox, processing, done, failed, out, settle, rescan, workers, queueCapacity, jobTimeout, shutdownGrace,
                retryBase, false);
    }

    /** The default retry wait. */
    public WatchConfig(Path root, Path inbox, Path processing, Path done, Path failed, Path out,
                       Duration settle, Duration rescan, int workers, int queueCapacity,
                       Duration jobTimeout, Duration shutdownGrace, boolean followLinks) {
        this(root, inbox, processing, done, failed, out, settle, rescan, workers, queueCapacity, jobTimeout, shutdownGrace,
                RETRY_BASE, followLinks);
    }

    /** The usual layout: DIR/inbox, DIR/processing, DIR/done, DIR/failed, DIR/out, with the given timings. */
    public static WatchConfig under(Path root, Duration settle, Duration rescan, int workers, int queueCapacity,
                                    Duration jobTimeout, Duration shutdownGrace) {
        return new WatchConfig(root, root.resolve("inbox"), root.resolve("processing"), root.resolve("done"),
                root.resolve("failed"), root.resolve("out"), settle, rescan, workers, queueCapacity, jobTimeout,
                shutdownGrace, RETRY_BASE, false);
    }

    public WatchConfig withRetryBase(Duration base) {
        return new WatchConfig(root, inbox, processing, done, failed, out, settle, rescan, workers, queueCapacity,
                jobTimeout, shutdownGrace, base, followLinks);
    }

    public WatchConfig withFollowLinks(boolean follow) {
        return new WatchConfig(root, inbox, processing, done, failed, out, settle, rescan, workers, queueCapacity,
                jobTimeout, shutdownGrace, retryBase, follow);
    }

    /** The status file the service keeps up to date, in the watched folder. */
    public Path statusFile() {
        return root.resolve("status.json");
    }
}
