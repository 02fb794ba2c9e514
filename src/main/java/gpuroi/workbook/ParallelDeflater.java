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
    /** The last {@value #WINDOW} bytes (fewer at first) before the block being filled; null before any. */
    private byte[] window;
    private int windowLength;
    /** The CRC and size of what was written before the last {@link #append}; {@link #crc} covers what follows. */
    private long crcBefore;
    private long sizeBefore;
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

    /**
     * What was deflated: the CRC and sizes of the bytes written, and their deflated bytes.
     *
     * @param window the last 32 KB (or fewer) of the bytes written, for deflated bytes that follow to refer back to
     * @param ended  whether the deflated bytes end the deflate stream ({@link #finish}) or may be followed ({@link #finishOpen})
     */
    record Result(long crc, long size, long compressedSize, byte[] window, boolean ended, ParallelDeflater source) {
        /** The deflated bytes; readable until the deflater is closed. */
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
                dispatch(false, false);
            }
        }
    }

    /** Deflates what is left, waits for every block and gives the CRC, sizes and deflated bytes: one whole deflate stream. */
    Result finish() throws IOException {
        return finish(true);
    }

    /**
     * As {@link #finish()}, but the deflated bytes end with a sync flush instead of the stream's end, so that they can
     * be {@link #append appended} to another deflater's, followed by more.
     */
    Result finishOpen() throws IOException {
        return finish(false);
    }

    private Result finish(boolean end) throws IOException {
        if (finished) {
            throw new IllegalStateException("already finished");
        }
        if (block == null) {
            block = new byte[0];
        }
        dispatch(end, true);
        stageAll();
        if (spillOut != null) {
            spillOut.close();
        }
        finished = true;
        return new Result(crc(), size, compressedSize, window == null ? new byte[0] : Arrays.copyOf(window, windowLength), end, this);
    }

    /**
     * Continues the bytes written so far with bytes another deflater has deflated ({@link #finishOpen}): the bytes written
     * so far are flushed, the other's deflated bytes copied after them, and what is written next refers back to the
     * other's last bytes. The CRC and size are the whole sequence's.
     */
    void append(Result other) throws IOException {
        if (other.ended()) {
            throw new IllegalArgumentException("the deflated bytes end their stream");
        }
        if (filled > 0) {
            dispatch(false, true);
        }
        stageAll();
        try (InputStream deflated = other.open()) {
            byte[] buffer = new byte[1 << 16];
            for (int n = deflated.read(buffer); n >= 0; n = deflated.read(buffer)) {
                keep(buffer, n);
            }
        }
        compressedSize += other.compressedSize();
        crcBefore = Crc32.combine(crc(), other.crc(), other.size());
        crc.reset();
        size += other.size();
        sizeBefore = size;
        window = freeWindows.isEmpty() ? new byte[WINDOW] : freeWindows.pop();
        System.arraycopy(other.window(), 0, window, 0, other.window().length);
        windowLength = other.window().length;
    }

    /** The CRC-32 of every byte written or appended. */
    private long crc() {
        return Crc32.combine(crcBefore, crc.getValue(), size - sizeBefore);
    }

    private void stageAll() throws IOException {
        while (!pending.isEmpty()) {
            stage(pending.poll());
        }
    }

    /**
     * @param last   whether the block ends the deflate stream (else it ends with a sync flush)
     * @param inline whether, if no block has gone to the deflating threads yet, this one is deflated here
     */
    private void dispatch(boolean last, boolean inline) throws IOException {
        crc.update(block, 0, filled);
        size += filled;
        Piece piece = new Piece(block, filled, window, windowLength, last, freeOutputs.isEmpty() ? null : freeOutputs.pop());
        // The next block's dictionary: the last 32 KB before it. The old window stays the piece's until it is staged.
        byte[] next = freeWindows.isEmpty() ? new byte[WINDOW] : freeWindows.pop();
        int fromBlock = Math.min(filled, WINDOW);
        int fromWindow = Math.min(WINDOW - fromBlock, windowLength);
        if (fromWindow > 0) {
            System.arraycopy(window, windowLength - fromWindow, next, 0, fromWindow);
        }
        System.arraycopy(block, filled - fromBlock, next, fromWindow, fromBlock);
        window = next;
        windowLength = fromWindow + fromBlock;
        block = null;
        filled = 0;
        if (inline && workers == null) {
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

    /**
     * A block to deflate: {@code output}, when not null, is an array to deflate into; the first {@code dictionaryLength}
     * bytes of {@code dictionary} are the bytes just before it.
     */
    record Piece(byte[] input, int length, byte[] dictionary, int dictionaryLength, boolean last, byte[] output) {
    }

    record Deflated(Piece piece, byte[] output, int length) {
    }

    /** One block as raw deflate data: ended by a sync flush, or the stream's end for the last. */
    static Deflated deflate(Piece piece) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        try {
            if (piece.dictionaryLength() > 0) {
                deflater.setDictionary(piece.dictionary(), 0, piece.dictionaryLength());
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
        keep(deflated.output(), deflated.length());
        freeOutputs.push(deflated.output());
    }

    /** Keeps deflated bytes, in order, in memory or the temporary file. */
    private void keep(byte[] bytes, int length) throws IOException {
        if (memory != null && inMemory + length <= inMemoryLimit) {
            memory.add(Arrays.copyOf(bytes, length));
            inMemory += length;
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
        spillOut.write(bytes, 0, length);
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

    /**
     * The failure of another thread, as this one should throw it: an I/O failure as the IOException returned (unwrapped
     * from an UncheckedIOException), an unchecked exception or an error thrown as it was, anything else wrapped.
     */
    static IOException rethrown(Throwable failure) {
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
