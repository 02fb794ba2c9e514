package gpuroi.watch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The hot folder's log as it reaches the operator: one line per event, whatever a file name holds
 * (control characters are written as {@code \n}, {@code \u001B}), and a line that keeps coming back
 * (the same failure of the same file, again and again) logged at most {@value #PER_WINDOW} times a
 * minute, then summed up, so a stuck file cannot fill the disk with its log.
 */
final class LogLines implements Consumer<String> {
    static final int PER_WINDOW = 5;
    static final long WINDOW_NANOS = 60_000_000_000L;
    private static final int SHAPES_KEPT = 256;

    private static final class Seen {
        long windowStart;
        int logged;
        long suppressed;
    }

    private final Consumer<String> out;
    private final LongSupplier clock;
    private final Map<String, Seen> seen = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
            return size() > SHAPES_KEPT;
        }
    };

    LogLines(Consumer<String> out) {
        this(out, System::nanoTime);
    }

    LogLines(Consumer<String> out, LongSupplier clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void accept(String line) {
        String printable = OutputNames.printable(line);
        String suffix;
        synchronized (this) {
            long now = clock.getAsLong();
            Seen s = seen.computeIfAbsent(shape(printable), k -> new Seen());
            if (s.logged == 0 || now - s.windowStart >= WINDOW_NANOS) {
                suffix = s.suppressed > 0 ? " (and " + s.suppressed + " more like it before, not logged)" : "";
                s.windowStart = now;
                s.logged = 1;
                s.suppressed = 0;
            } else if (s.logged < PER_WINDOW) {
                s.logged++;
                suffix = s.logged == PER_WINDOW ? " (this line keeps repeating; further repeats this minute are not logged)" : "";
            } else {
                s.suppressed++;
                return;
            }
        }
        out.accept(printable + suffix);
    }

    /** A line with what changes between repeats of one event (temporary names, timings) masked out. */
    static String shape(String line) {
        return line.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "UUID")
                .replaceAll("\\d+(\\.\\d+)? (s|ms)\\b", "N s");
    }
}
