package gpuroi.workbook;

import gpuroi.model.Cancellation;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.Deflater;

/**
 * POI's streaming workbook tuned for the result sheets, which are some 61 rows of formulas per
 * cluster (600,000 rows at 10,000 clusters). Profiling a 1,000-cluster conversion showed most of
 * the writer's time in deflating: first the temporary row files, then the final package. So the
 * temporary files stay uncompressed (they are read back once, from the page cache), and the
 * package is deflated at the fastest level: the file is about 30% larger (14.7 MB instead of
 * 11.6 MB at 1,000 clusters), its content the same, and writing 60,000 formula rows takes about
 * 2.7 times less CPU (1.5 s instead of 3.9 s). Formula text, almost always plain ASCII, is written without
 * POI's character-by-character escaping when there is nothing to escape.
 *
 * <p>A sheet too large for a row and cell object per cell (the cash flows: 13 million cells at 10,000
 * clusters) can instead give its rows as XML generated while the package is written
 * ({@link #appendRowsOnWrite}): on a second thread, so that making the text and deflating it into the
 * package share the two cores, and with no temporary file.
 */
final class StreamingWorkbook extends SXSSFWorkbook {
    /** Rows of an added sheet kept in memory before they are flushed to a temporary file. */
    private static final int ROWS_IN_MEMORY = 500;

    /** Chunks of generated rows waiting to be deflated: enough to keep both threads busy, a few MB of heap. */
    private static final int CHUNKS_IN_FLIGHT = 8;
    private static final Chunk END = new Chunk(new byte[0], 0);

    /** The rows each sheet generates at writing time, after those written through POI. */
    private final Map<Sheet, Generated> generated = new IdentityHashMap<>();

    private record Generated(Rows rows, CellRangeAddress dimension, Thread owner) {
    }

    /** Writes a sheet's generated rows, in order, through {@link SheetRowsXml}. */
    interface Rows {
        void write(SheetRowsXml rows) throws IOException;
    }

    /** @param workbook the input's sheets, kept as POI read them; the added sheets are streamed */
    StreamingWorkbook(XSSFWorkbook workbook) {
        super(workbook, ROWS_IN_MEMORY, false, false);
    }

    /**
     * Gives the rows of {@code sheet} below those created through POI (which must all come before them) as XML that
     * {@code rows} writes when the workbook is written, on another thread. Everything it needs must be ready by
     * then: the sheet's column widths, above all, are written before its rows. A stop of the thread calling this
     * (the conversion's) stops the writing.
     *
     * @param dimension the cells the whole sheet uses, as POI would have worked it out from its rows
     */
    void appendRowsOnWrite(Sheet sheet, CellRangeAddress dimension, Rows rows) {
        generated.put(sheet, new Generated(rows, dimension, Thread.currentThread()));
    }

    @Override
    protected void flushSheets() throws IOException {
        super.flushSheets();
        // POI has just set each sheet's dimension from the rows it saw, which the generated rows are not among.
        for (Map.Entry<Sheet, Generated> sheet : generated.entrySet()) {
            getXSSFWorkbook().getSheet(sheet.getKey().getSheetName()).setDimensionOverride(sheet.getValue().dimension());
        }
    }

    @Override
    protected ISheetInjector createSheetInjector(SXSSFSheet sheet) throws IOException {
        ISheetInjector written = super.createSheetInjector(sheet);
        Generated rows = generated.get(sheet);
        if (rows == null) {
            return written;
        }
        return out -> {
            written.writeSheetData(out);
            copyInBackground(rows, sheet.getSheetName(), out);
        };
    }

    /** Generates the rows on a thread of their own while this one deflates them into the package. */
    private static void copyInBackground(Generated rows, String sheetName, OutputStream out) throws IOException {
        String where = "writing " + sheetName;
        BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT);
        // Arrays written out come back to be filled again, so that a gigabyte of text is not a gigabyte of garbage.
        BlockingQueue<byte[]> emptied = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT + 2);
        Throwable[] failure = new Throwable[1];
        Thread generator = new Thread(() -> {
            try {
                SheetRowsXml xml = new SheetRowsXml((chunk, length) -> {
                    Cancellation.check(rows.owner(), where);
                    try {
                        chunks.put(new Chunk(chunk, length));
                    } catch (InterruptedException e) {
                        throw new InterruptedIOException("abandoned");
                    }
                    byte[] next = emptied.poll();
                    return next != null ? next : new byte[0];
                });
                rows.rows().write(xml);
                xml.flush();
            } catch (Throwable t) {
                failure[0] = t;
            } finally {
                try {
                    chunks.put(END);
                } catch (InterruptedException e) {
                    // Interrupted only when the package is abandoned: nobody reads any more.
                }
            }
        }, "gpuroi-rows-" + sheetName);
        generator.setDaemon(true);
        generator.start();
        boolean complete = false;
        try {
            for (Chunk chunk = chunks.take(); chunk != END; chunk = chunks.take()) {
                out.write(chunk.bytes(), 0, chunk.length());
                emptied.offer(chunk.bytes());
            }
            generator.join();
            complete = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancellation.Cancelled("stopped while " + where);
        } finally {
            if (!complete) {
                generator.interrupt();
            }
        }
        // The END marker is put after the failure is recorded, and join orders the two for this thread.
        rethrow(failure[0]);
    }

    private record Chunk(byte[] bytes, int length) {
    }

    private static void rethrow(Throwable failure) throws IOException {
        if (failure == null) {
            return;
        }
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof UncheckedIOException e) {
            throw e.getCause();
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new IOException(failure);
    }

    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        return new PlainTextSheetDataWriter(getSharedStringSource());
    }

    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
        ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
        zip.setLevel(Deflater.BEST_SPEED);
        return zip;
    }

    /** A sheet's rows in an uncompressed temporary file, with a fast path for text that needs no escaping. */
    static final class PlainTextSheetDataWriter extends SheetDataWriter {
        PlainTextSheetDataWriter(SharedStringsTable sharedStrings) throws IOException {
            super(sharedStrings);
        }

        @Override
        protected void outputEscapedString(String text) throws IOException {
            if (needsNoEscaping(text)) {
                _out.write(text);
            } else {
                super.outputEscapedString(text);
            }
        }

        /**
         * Printable ASCII other than the XML specials: exactly the characters POI writes unchanged
         * (it escapes {@code < > & "}, tab, line breaks and non-breaking spaces, and replaces
         * control characters).
         */
        static boolean needsNoEscaping(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 || c > 0x7e || c == '<' || c == '>' || c == '&' || c == '"') {
                    return false;
                }
            }
            return true;
        }
    }
}
