package gpuroi.workbook;

import gpuroi.model.Cancellation;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.openxml4j.util.ZipArchiveThresholdInputStream;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFChartSheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;

/**
 * POI's streaming workbook tuned for the result sheets, which are some 61 rows of formulas per
 * cluster (600,000 rows at 10,000 clusters). Profiling a 1,000-cluster conversion showed most of
 * the writer's time in deflating: first the temporary row files, then the final package. So the
 * temporary files stay uncompressed (they are read back once, from the page cache), and the
 * package is deflated at the fastest level: the file is about 30% larger (14.7 MB instead of
 * 11.6 MB at 1,000 clusters), its content the same, and writing 60,000 formula rows takes about
 * 2.7 times less CPU (1.5 s instead of 3.9 s). Text is escaped as POI escapes it, but in runs rather than
 * character by character.
 *
 * <p>A sheet too large for a row and cell object per cell (the cash flows: 13 million cells at 10,000
 * clusters) can instead give its rows as XML ({@link #appendRowsOnWrite}), generated and deflated on threads of their
 * own from then on, while the other sheets are written, and copied into the package already deflated.
 *
 * <p>Every worksheet is deflated on every core ({@link ParallelDeflater}): deflating the package's gigabyte of XML
 * on one thread was most of a large fleet's conversion. The other parts are small and copied as POI copies them.
 */
final class StreamingWorkbook extends SXSSFWorkbook {
    /** Rows of an added sheet kept in memory before they are flushed to a temporary file. */
    private static final int ROWS_IN_MEMORY = 500;

    /** The rows each sheet generates, after those written through POI, being generated and deflated already. */
    private final Map<Sheet, Generated> generated = new IdentityHashMap<>();

    /** Writes a sheet's generated rows, in order, through {@link SheetRowsXml}. */
    interface Rows {
        void write(SheetRowsXml rows) throws IOException;
    }

    private static final byte[] SHEET_DATA = ascii("<sheetData");
    private static final byte[] SHEET_DATA_END = ascii("</sheetData>");
    private static final byte[] EMPTY_SHEET_DATA_AS_WRITTEN = ascii("<sheetData>\n");

    /** A deflater for each worksheet part, given what it writes. */
    private final Function<String, ParallelDeflater> deflaters;

    /** @param workbook the input's sheets, kept as POI read them; the added sheets are streamed */
    StreamingWorkbook(XSSFWorkbook workbook) {
        this(workbook, where -> new ParallelDeflater(Runtime.getRuntime().availableProcessors(), where));
    }

    /** @param deflaters makes the deflater of each worksheet part, given what it writes (tests put failures in) */
    StreamingWorkbook(XSSFWorkbook workbook, Function<String, ParallelDeflater> deflaters) {
        super(workbook, ROWS_IN_MEMORY, false, false);
        this.deflaters = deflaters;
        // POI's default (ZIP64 records on every entry) comes with its own zip writer, which cannot take an entry
        // already deflated. ZIP64 as needed is commons-compress's writer, which can; the worksheets, the only parts
        // that could grow past 4 GB, are written with their sizes known, so they get ZIP64 records if they need them.
        setZip64Mode(Zip64Mode.AsNeeded);
    }

    /**
     * Gives the rows of {@code sheet} below those created through POI (which must all come before them) as XML that
     * {@code rows} writes, on a thread of its own that starts now, deflating them as it goes, while this thread writes
     * the other sheets; the package takes the deflated rows when it comes to the sheet. {@code rows} must therefore
     * use nothing another thread changes meanwhile (no POI object but the styles' indexes); the sheet's column widths,
     * written before its rows, must be set before the workbook is written. A stop of the thread calling this (the
     * conversion's) stops the rows, and closing the workbook stops them and deletes what they left.
     *
     * @param dimension the cells the whole sheet uses, as POI would have worked it out from its rows
     */
    void appendRowsOnWrite(Sheet sheet, CellRangeAddress dimension, Rows rows) {
        Generated started = new Generated(sheet.getSheetName(), rows, dimension, Thread.currentThread(),
                deflaters.apply("writing " + sheet.getSheetName()));
        generated.put(sheet, started);
        started.thread.start();
    }

    /** A sheet's rows generated and deflated on a thread of their own. */
    private static final class Generated {
        final CellRangeAddress dimension;
        final Thread thread;
        private final ParallelDeflater deflater;
        private final String where;
        private volatile ParallelDeflater.Result result;
        private volatile Throwable failure;

        Generated(String sheetName, Rows rows, CellRangeAddress dimension, Thread owner, ParallelDeflater deflater) {
            this.dimension = dimension;
            this.deflater = deflater;
            this.where = "writing " + sheetName;
            this.thread = new Thread(() -> {
                try {
                    SheetRowsXml xml = new SheetRowsXml((chunk, length) -> {
                        // Stopped by the conversion's stop, or by the workbook's close.
                        Cancellation.check(owner, where);
                        Cancellation.check(where);
                        deflater.write(chunk, 0, length);
                        return chunk;
                    });
                    rows.write(xml);
                    xml.flush();
                    result = deflater.finishOpen();
                } catch (Throwable t) {
                    failure = t;
                }
            }, "gpuroi-rows-" + sheetName);
            thread.setDaemon(true);
        }

        /** The deflated rows, once all are; a failure to make them is rethrown as it was. */
        ParallelDeflater.Result await() throws IOException {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Cancellation.Cancelled("stopped while " + where);
            }
            // join orders what the thread wrote before it ended for this one.
            if (failure != null) {
                throw ParallelDeflater.rethrown(failure);
            }
            return result;
        }

        /** Stops the thread, waits for it (it stops within a chunk of rows) and deletes what it left. */
        void close() throws IOException {
            thread.interrupt();
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            deflater.close();
        }
    }

    /** Stops any rows still being generated and deletes their temporary files, then POI's. */
    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (Generated rows : generated.values()) {
            try {
                rows.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        super.close();
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    protected void flushSheets() throws IOException {
        super.flushSheets();
        // POI has just set each sheet's dimension from the rows it saw, which the generated rows are not among.
        for (Map.Entry<Sheet, Generated> sheet : generated.entrySet()) {
            getXSSFWorkbook().getSheet(sheet.getKey().getSheetName()).setDimensionOverride(sheet.getValue().dimension);
        }
    }

    /**
     * What POI's streaming writer does (each part of the package POI wrote copied into the final package, each
     * worksheet with its streamed rows injected into its {@code <sheetData>}), except that the worksheets, nearly all
     * of a large package, are deflated on every core ({@link ParallelDeflater}) and copied in already deflated.
     */
    @Override
    protected void injectData(ZipEntrySource source, OutputStream out) throws IOException {
        ZipArchiveOutputStream zip = createArchiveOutputStream(out);
        try {
            for (ZipArchiveEntry part : Collections.list(source.getEntries())) {
                ZipArchiveEntry entry = new ZipArchiveEntry(part.getName());
                if (part.getTime() >= 0) {
                    entry.setTime(part.getTime());
                }
                try (InputStream in = source.getInputStream(part)) {
                    if (in instanceof ZipArchiveThresholdInputStream written) {
                        // POI's own guard against zip bombs does not apply to the package POI has just written.
                        written.setGuardState(false);
                    }
                    XSSFSheet sheet = getSheetFromZipEntryName(part.getName());
                    if (sheet == null || sheet instanceof XSSFChartSheet) {
                        if (part.getSize() >= 0) {
                            entry.setSize(part.getSize());
                        }
                        zip.putArchiveEntry(entry);
                        in.transferTo(zip);
                        zip.closeArchiveEntry();
                    } else {
                        SXSSFSheet streamed = getSheet(sheet.getSheetName());
                        writeWorksheet(zip, entry, in.readAllBytes(), createSheetInjector(streamed), generated.get(streamed),
                                sheet.getSheetName());
                    }
                }
            }
            zip.finish();
        } finally {
            source.close();
        }
    }

    /** @param generatedRows the rows generated after those written through POI; null for none */
    private void writeWorksheet(ZipArchiveOutputStream zip, ZipArchiveEntry entry, byte[] template, ISheetInjector written,
            Generated generatedRows, String sheetName) throws IOException {
        try (ParallelDeflater deflater = deflaters.apply("writing " + sheetName)) {
            injectRows(template, out -> {
                written.writeSheetData(out);
                if (generatedRows != null) {
                    deflater.append(generatedRows.await());
                }
            }, deflater, entry.getName());
            ParallelDeflater.Result deflated = deflater.finish();
            entry.setMethod(ZipEntry.DEFLATED);
            entry.setCrc(deflated.crc());
            entry.setSize(deflated.size());
            entry.setCompressedSize(deflated.compressedSize());
            try (InputStream in = deflated.open()) {
                zip.addRawArchiveEntry(entry, in);
            }
        }
    }

    /**
     * The worksheet POI wrote with the streamed rows in its {@code <sheetData>}, byte for byte as POI's streaming writer
     * puts them there: after the rows POI kept in the sheet itself (an input sheet's), or in place of an empty
     * {@code <sheetData/>}.
     */
    static void injectRows(byte[] template, ISheetInjector rows, OutputStream out, String part) throws IOException {
        int start = indexOf(template, SHEET_DATA, 0);
        int after = start + SHEET_DATA.length;
        if (start >= 0 && after + 1 < template.length && template[after] == '/' && template[after + 1] == '>') {
            out.write(template, 0, start);
            out.write(EMPTY_SHEET_DATA_AS_WRITTEN);
            after += 2;
        } else if (start >= 0 && after < template.length && template[after] == '>') {
            int end = indexOf(template, SHEET_DATA_END, after);
            if (end < 0) {
                throw new IOException(part + " as POI wrote it has no </sheetData>");
            }
            out.write(template, 0, end);
            after = end + SHEET_DATA_END.length;
        } else {
            throw new IOException(part + " as POI wrote it has no <sheetData> or <sheetData/>");
        }
        rows.writeSheetData(out);
        out.write(SHEET_DATA_END);
        out.write(template, after, template.length - after);
    }

    private static int indexOf(byte[] text, byte[] what, int from) {
        outer:
        for (int i = from; i <= text.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (text[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
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

    /**
     * A sheet's rows in an uncompressed temporary file, with text escaped as POI escapes it but in runs: POI's own
     * escaping writes every character other than plain ASCII through an array of its own, a gigabyte of garbage for
     * the texts of a large fleet.
     */
    static final class PlainTextSheetDataWriter extends SheetDataWriter {
        PlainTextSheetDataWriter(SharedStringsTable sharedStrings) throws IOException {
            super(sharedStrings);
        }

        /**
         * What POI 5.5.1 writes, character by character: {@code < > & "}, tab, line breaks and the non-breaking space
         * as entities, other control characters and the non-characters U+FFFE and U+FFFF as {@code ?}, everything
         * else (surrogates included, paired or not) unchanged.
         */
        @Override
        protected void outputEscapedString(String text) throws IOException {
            if (text == null) {
                return;
            }
            int run = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                String replacement = switch (c) {
                    case '<' -> "&lt;";
                    case '>' -> "&gt;";
                    case '&' -> "&amp;";
                    case '"' -> "&quot;";
                    case '\n' -> "&#xa;";
                    case '\r' -> "&#xd;";
                    case '\t' -> "&#x9;";
                    case '\u00a0' -> "&#xa0;";
                    default -> c < 0x20 || c >= 0xfffe ? "?" : null;
                };
                if (replacement != null) {
                    _out.write(text, run, i - run);
                    _out.write(replacement);
                    run = i + 1;
                }
            }
            _out.write(text, run, text.length() - run);
        }
    }
}
