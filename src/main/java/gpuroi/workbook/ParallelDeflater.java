package gpuroi.workbook;

import gpuroi.model.Cancellation;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A zip entry's bytes deflated on several threads at once, as pigz does. Deflating is most of the CPU a large
 * package costs, and one stream can only be deflated on one thread. So the bytes are cut into blocks of
 * {@value #BLOCK} bytes, each deflated on its own at the fastest level, with the 32 KB before it as its dictionary (the
 * most a deflate stream can look back, so the blocks compress about as well as one stream would), and ended by a sync
 * flush (which ends on a byte boundary, so the pieces join into one valid stream); the last block finishes the
 * stream. The CRC-32 and the size are taken on the writing thread, over the bytes in the order they are written and
 * handed to the deflaters, so they describe exactly what was deflated.
 *
 * <p>A zip entry whose data is copied in already deflated needs its CRC and sizes in its header, before its data, so
 * the deflated bytes wait until the entry is complete: in memory up to {@value #IN_MEMORY} bytes, beyond that in a
 * temporary file. An entry smaller than one block is deflated on the writing thread, with no thread started.
 *
 * <p>Written to by one thread. {@link #close} must always follow: it stops the deflating threads, whatever they were
 * doing, and deletes the temporary file.
 */
final class ParallelDeflater extends OutputStream {
    static final int BLOCK = 1 << 20;
    /** The deflate format's window: how far back a block's first bytes may refer. */
    private static final int WINDOW = 1 << 15;
    private static final int IN_MEMORY = 16 << 20;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final int threads;
    private final String where;
    private final Path spillFolder;
    private final long inMemoryLimit;
    private final Function<Piece, Deflated> deflating;
    /** Blocks deflating or deflated and not yet staged; a few per thread keeps every thread busy in little heap. */
    private final int maxPending;
    private final ArrayDeque<Future<Deflated>> pending = new ArrayDeque<>();
    /** Arrays whose blocks are staged, to be filled again: a gigabyte of text is then not a gigabyte of garbage. */
    private final ArrayDeque<byte[]> freeInputs = new ArrayDeque<>();
    private final ArrayDeque<byte[]> freeOutputs = new ArrayDeque<>();
    private final ArrayDeque<byte[]> freeWindows = new ArrayDeque<>();
    private ExecutorService workers;
    private final CRC32 crc = new CRC32();
    private long size;
    private byte[] block;
    private int filled;
    /** The last {@value #WINDOW} bytes of the block before the one being filled; null before the second block. */
    private byte[] window;
    /** The deflated blocks while they are few. */
    private List<byte[]> memory = new ArrayList<>();
    private long inMemory;
    private Path spill;
    private OutputStream spillOut;
    private long compressedSize;
    private boolean finished;

    /**
     * @param threads how many threads may deflate at once
     * @param where   what is being written, for the message of a stopped job
     */
    ParallelDeflater(int threads, String where) {
        this(threads, where, null, IN_MEMORY, ParallelDeflater::deflate);
    }

    /**
     * @param spillFolder where the temporary file goes; null for the system's temporary folder
     * @param inMemory    how many deflated bytes are kept in memory before they go to the temporary file
     * @param deflating   how a block is deflated (tests put a failure in)
     */
    ParallelDeflater(int threads, String where, Path spillFolder, long inMemory, Function<Piece, Deflated> deflating) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads);
        }
        this.threads = threads;
        this.where = where;
        this.spillFolder = spillFolder;
        this.inMemoryLimit = inMemory;
        this.deflating = deflating;
        this.maxPending = 3 * threads;
    }

    /** What was deflated: the entry's CRC and sizes, and its deflated bytes. */
    record Result(long crc, long size, long compressedSize, ParallelDeflater source) {
        /** The deflated bytes, one whole deflate stream; readable until the deflater is closed. */
        InputStream open() throws IOException {
            return source.staged();
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (finished) {
            throw new IllegalStateException("already finished");
        }
        while (length > 0) {
            if (block == null) {
                block = freeInputs.isEmpty() ? new byte[BLOCK] : freeInputs.pop();
            }
            int n = Math.min(length, BLOCK - filled);
            System.arraycopy(bytes, offset, block, filled, n);
            filled += n;
            offset += n;
            length -= n;
            if (filled == BLOCK) {
                dispatch(false);
            }
        }
    }

    /** Deflates what is left, waits for every block and gives the entry's CRC, sizes and deflated bytes. */
    Result finish() throws IOException {
        if (!finished) {
            if (block == null) {
                block = new byte[0];
            }
            dispatch(true);
            while (!pending.isEmpty()) {
                stage(pending.poll());
            }
            if (spillOut != null) {
                spillOut.close();
            }
            finished = true;
        }
        return new Result(crc.getValue(), size, compressedSize, this);
    }

    private void dispatch(boolean last) throws IOException {
        crc.update(block, 0, filled);
        size += filled;
        Piece piece = new Piece(block, filled, window, last, freeOutputs.isEmpty() ? null : freeOutputs.pop());
        if (!last) {
            // Every block but the last is whole, so its tail is the next block's whole window.
            window = freeWindows.isEmpty() ? new byte[WINDOW] : freeWindows.pop();
            System.arraycopy(block, BLOCK - WINDOW, window, 0, WINDOW);
        }
        block = null;
        filled = 0;
        if (last && workers == null) {
            collect(deflating.apply(piece));
            return;
        }
        if (workers == null) {
            workers = Executors.newFixedThreadPool(threads, task -> {
                Thread thread = new Thread(task, "gpuroi-deflate-" + THREADS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        pending.add(workers.submit(() -> deflating.apply(piece)));
        while (pending.size() > maxPending || !pending.isEmpty() && pending.peek().isDone()) {
            stage(pending.poll());
        }
    }

    /** A block to deflate: {@code output}, when not null, is an array to deflate into. */
    record Piece(byte[] input, int length, byte[] dictionary, boolean last, byte[] output) {
    }

    record Deflated(Piece piece, byte[] output, int length) {
    }

    /** One block as raw deflate data: ended by a sync flush, or the stream's end for the last. */
    static Deflated deflate(Piece piece) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        try {
            if (piece.dictionary() != null) {
                deflater.setDictionary(piece.dictionary());
            }
            deflater.setInput(piece.input(), 0, piece.length());
            if (piece.last()) {
                deflater.finish();
            }
            byte[] out = piece.output() != null ? piece.output() : new byte[BLOCK / 2];
            int n = 0;
            while (true) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                n += deflater.deflate(out, n, out.length - n, piece.last() ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
                // The flush is complete once the deflater stops short of the end of the array.
                if (piece.last() ? deflater.finished() : n < out.length) {
                    return new Deflated(piece, out, n);
                }
            }
        } finally {
            deflater.end();
        }
    }

    private void stage(Future<Deflated> next) throws IOException {
        Deflated deflated;
        try {
            deflated = next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancellation.Cancelled("stopped while " + where);
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        }
        collect(deflated);
    }

    private void collect(Deflated deflated) throws IOException {
        compressedSize += deflated.length();
        Piece piece = deflated.piece();
        if (piece.input().length == BLOCK) {
            freeInputs.push(piece.input());
        }
        if (piece.dictionary() != null) {
            freeWindows.push(piece.dictionary());
        }
        if (memory != null && inMemory + deflated.length() <= inMemoryLimit) {
            memory.add(Arrays.copyOf(deflated.output(), deflated.length()));
            inMemory += deflated.length();
            freeOutputs.push(deflated.output());
            return;
        }
        if (memory != null) {
            spill = spillFolder == null ? Files.createTempFile("gpuroi-deflated-", ".tmp")
                    : Files.createTempFile(spillFolder, "gpuroi-deflated-", ".tmp");
            spillOut = new BufferedOutputStream(Files.newOutputStream(spill), 1 << 16);
            for (byte[] kept : memory) {
                spillOut.write(kept);
            }
            memory = null;
        }
        spillOut.write(deflated.output(), 0, deflated.length());
        freeOutputs.push(deflated.output());
    }

    private InputStream staged() throws IOException {
        if (!finished) {
            throw new IllegalStateException("not finished");
        }
        if (memory == null) {
            return Files.newInputStream(spill);
        }
        List<InputStream> blocks = new ArrayList<>();
        for (byte[] kept : memory) {
            blocks.add(new ByteArrayInputStream(kept));
        }
        return new SequenceInputStream(Collections.enumeration(blocks));
    }

    private static IOException rethrown(Throwable failure) {
        if (failure instanceof IOException e) {
            return e;
        }
        if (failure instanceof UncheckedIOException e) {
            return e.getCause();
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return new IOException(failure);
    }

    /** Stops the deflating threads and deletes the temporary file; the deflated bytes are gone. */
    @Override
    public void close() throws IOException {
        if (workers != null) {
            workers.shutdownNow();
        }
        pending.clear();
        memory = null;
        IOException failure = null;
        if (spillOut != null) {
            try {
                spillOut.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (spill != null) {
            try {
                Files.deleteIfExists(spill);
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
