package gpuroi.engine;

import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;

/** Runs a computation in a pool of a given size, so its parallel streams use that many threads. */
final class Threads {
    private Threads() {
    }

    static <T> T runOn(int threads, Callable<T> run) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(run).get();
        } finally {
            pool.shutdown();
        }
    }
}
