package gpuroi.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Inputs the machine failed (unreadable, or outputs a full or read-only disk would not take), each
 * tried again after a wait that doubles from {@code base} up to {@code max}, so a disk that stays
 * full is not hammered and one that is freed is noticed soon. An input leaves the schedule when it
 * is settled in done or failed.
 */
final class RetrySchedule {
    /**
     * @param file        the input's name in processing
     * @param reason      the last failure, with the operating system's words
     * @param attempts    how many tries failed so far
     * @param nextAttempt when it is tried again
     * @param dueNanos    the same as System.nanoTime(), which wall-clock changes do not move
     */
    record Entry(String file, String reason, int attempts, Instant nextAttempt, long dueNanos) {
    }

    private final Duration base;
    private final Duration max;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    RetrySchedule(Duration base, Duration max) {
        this.base = base;
        this.max = max.compareTo(base) < 0 ? base : max;
    }

    /** Records a failed try of {@code file} and returns when it is tried next. */
    Entry failed(String file, String reason, long nowNanos) {
        return entries.compute(file, (name, before) -> {
            int attempts = before == null ? 1 : before.attempts() + 1;
            Duration wait = delay(attempts);
            return new Entry(name, reason, attempts, Instant.now().plus(wait), nowNanos + wait.toNanos());
        });
    }

    /** {@code base}, 2·base, 4·base … for the first, second, third failed try, never more than {@code max}. */
    Duration delay(int attempts) {
        Duration wait = base;
        for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** Whether {@code file} waits out a failure at {@code nowNanos}. */
    boolean isWaiting(String file, long nowNanos) {
        Entry entry = entries.get(file);
        return entry != null && nowNanos - entry.dueNanos() < 0;
    }

    /** The entry of a file whose wait is over (it is tried now), or null when it has none. */
    Entry get(String file) {
        return entries.get(file);
    }

    void clear(String file) {
        entries.remove(file);
    }

    List<Entry> entries() {
        return entries.values().stream().sorted(java.util.Comparator.comparing(Entry::file)).toList();
    }
}
