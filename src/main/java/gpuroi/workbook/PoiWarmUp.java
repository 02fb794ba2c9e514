package gpuroi.workbook;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.text.AttributedString;

/**
 * Loads POI and its spreadsheet schema (about a fifth of a short conversion's start-up) on a second
 * thread while the command line is parsed. {@link WorkbookFiles#open} waits for it to finish before
 * it touches POI, so the two threads never initialize POI's classes at the same time.
 *
 * <p>A conversion's thread, which would only wait there, first sets up the JDK's fonts (see
 * {@link #measureDefaultFont}): POI measures a character of the default font for every streaming sheet.
 */
public final class PoiWarmUp {
    private static volatile Thread thread;
    private static volatile boolean fonts;

    private PoiWarmUp() {
    }

    /**
     * Starts the warm-up; call once, before anything else reads a workbook. With {@code writes}, it also
     * saves a one-cell workbook, which loads what saving the computed workbook needs.
     */
    public static void start(boolean writes) {
        Thread warmUp = new Thread(() -> warmUp(writes), "gpuroi-poi-warm-up");
        warmUp.setDaemon(true);
        fonts = writes;
        thread = warmUp;
        warmUp.start();
    }

    /** Returns once the warm-up, if one was started, has finished. */
    static void await() {
        Thread warmUp = thread;
        if (warmUp == null) {
            return;
        }
        if (fonts && warmUp.isAlive()) {
            fonts = false;
            measureDefaultFont();
        }
        try {
            warmUp.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * What POI's streaming sheet does when it is created ({@code SheetUtil.getDefaultCharWidthAsFloat}): lay out
     * a digit in Excel's default font, which loads and sets up the JDK's font system (a tenth of a second cold).
     * Only JDK classes, none of POI's, so it can run beside the warm-up thread; the result is thrown away.
     */
    static void measureDefaultFont() {
        try {
            AttributedString digit = new AttributedString("0");
            digit.addAttribute(TextAttribute.FAMILY, "Calibri");
            digit.addAttribute(TextAttribute.SIZE, 11f);
            new TextLayout(digit.getIterator(), new FontRenderContext(null, true, true)).getAdvance();
        } catch (RuntimeException | LinkageError e) {
            // Only a head start: a machine without fonts fails again where POI measures, which handles it.
        }
    }

    private static void warmUp(boolean writes) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("warm-up").createRow(0).createCell(0).setCellValue(1);
            if (writes) {
                workbook.write(OutputStream.nullOutputStream());
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            // Only a head start: whatever failed here fails again where a workbook is really read, and is reported there.
        }
    }
}
