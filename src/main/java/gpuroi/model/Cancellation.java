package gpuroi.model;

/**
 * Lets a long conversion be stopped: the hot folder interrupts a job's thread when the job times out
 * or the watcher stops, and every long loop (rows read, clusters analysed, Monte Carlo path blocks,
 * memos, sheets written) calls {@link #check} so the job ends promptly instead of running on unseen.
 * The interrupt flag is left set, so blocking calls further up stop as well.
 */
public final class Cancellation {
    private Cancellation() {
    }

    /** Thrown where a loop noticed that its job was stopped; nothing it computed is used. */
    public static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Cancelled(String message) {
            super(message);
        }

        /** Rethrown on the calling thread when a parallel loop noticed the stop on a pool thread. */
        public Cancelled(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Stops with {@link Cancelled} if this thread was interrupted; {@code where} says what was running. */
    public static void check(String where) {
        check(Thread.currentThread(), where);
    }

    /**
     * As {@link #check(String)} for work done on pool threads (parallel streams) on behalf of {@code owner},
     * whose interrupt is what stops the job.
     */
    public static void check(Thread owner, String where) {
        if (owner.isInterrupted()) {
            throw new Cancelled("stopped while " + where);
        }
    }
}
