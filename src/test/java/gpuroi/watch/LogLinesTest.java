package gpuroi.watch;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** A failure that repeats every scan is logged five times a minute, then summed up, never hundreds of megabytes. */
class LogLinesTest {
    private final List<String> written = new ArrayList<>();
    private final AtomicLong now = new AtomicLong();
    private final LogLines log = new LogLines(written::add, now::get);

    @Test
    void theSameFailureRepeatedTenThousandTimesInAMinuteIsLoggedFiveTimes() {
        for (int i = 0; i < 10_000; i++) {
            // The temporary name differs each time, as it does in a real loop.
            log.accept("x.xlsx: failed, and moving it to failed failed too: /f/.x.xlsx.error.json."
                    + java.util.UUID.randomUUID() + ".tmp: File name too long");
            now.addAndGet(1_000_000);
        }
        assertThat(written).hasSize(5);
        assertThat(written.get(4)).endsWith("(this line keeps repeating; further repeats this minute are not logged)");
    }

    @Test
    void afterAMinuteTheNextRepeatIsLoggedWithHowManyWereLeftOut() {
        for (int i = 0; i < 8; i++) {
            log.accept("x.xlsx: found in processing (interrupted run); converting again");
        }
        now.addAndGet(LogLines.WINDOW_NANOS);
        log.accept("x.xlsx: found in processing (interrupted run); converting again");

        assertThat(written).hasSize(6);
        assertThat(written.get(5)).isEqualTo("x.xlsx: found in processing (interrupted run); converting again (and 3 more like it before, not logged)");
    }

    @Test
    void linesAboutDifferentFilesAreAllLogged() {
        for (int i = 0; i < 200; i++) {
            log.accept("fleet-" + i + ".xlsx: done in 1.2" + i % 10 + " s: 1 cluster (RENT 1), 0 warnings, 0 memos → out/fleet-" + i);
        }
        assertThat(written).hasSize(200);
    }
}
