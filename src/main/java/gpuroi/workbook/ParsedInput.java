package gpuroi.workbook;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The input workbook as the reader parsed it, kept for the writer, which copies its sheets into the output: parsing it
 * again cost about 1.4 s of a 10,000-cluster conversion, on its critical path. Handed over once; a writer that finds it
 * gone (already taken, or released) parses the input again, which gives the same workbook.
 */
public final class ParsedInput {
    /** Nothing kept: the writer parses the input itself. */
    public static final ParsedInput NONE = new ParsedInput(null);

    private XSSFWorkbook workbook;

    ParsedInput(XSSFWorkbook workbook) {
        this.workbook = workbook;
    }

    /** The parsed workbook, which the caller now owns (and changes), or null when there is none any more. */
    synchronized XSSFWorkbook take() {
        XSSFWorkbook taken = workbook;
        workbook = null;
        return taken;
    }

    /**
     * Lets go of the parsed workbook when nothing will write it, so that its memory is not held for as long as the job's
     * result is. Parsed from bytes in memory, it holds no file open, so there is nothing to close.
     */
    public synchronized void release() {
        workbook = null;
    }
}
