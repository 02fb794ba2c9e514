package gpuroi.workbook;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Loads POI and its spreadsheet schema (about a fifth of a short conversion's start-up) on a second
 * thread while the command line is parsed. {@link WorkbookFiles#open} waits for it to finish before
 * it touches POI, so the two threads never initialize POI's classes at the same time.
 */
public final class PoiWarmUp {
    private static volatile Thread thread;

    private PoiWarmUp() {
    }

    /**
     * Starts the warm-up; call once, before anything else reads a workbook. With {@code writes}, it also
     * saves a one-cell workbook, which loads what saving the computed workbook needs.
     */
    public static void start(boolean writes) {
        Thread warmUp = new Thread(() -> warmUp(writes), "gpuroi-poi-warm-up");
        warmUp.setDaemon(true);
        thread = warmUp;
        warmUp.start();
    }

    /** Returns once the warm-up, if one was started, has finished. */
    static void await() {
        Thread warmUp = thread;
        if (warmUp == null) {
            return;
        }
        try {
            warmUp.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
