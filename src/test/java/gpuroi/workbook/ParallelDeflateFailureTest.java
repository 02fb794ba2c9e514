package gpuroi.workbook;

import gpuroi.model.Cancellation;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A block that fails to deflate on a worker thread, or a job stopped while its sheets are deflated, fails the whole
 * write: no workbook, no temporary file, and no deflating thread left running.
 */
class ParallelDeflateFailureTest {
    @TempDir
    Path folder;

    @Test
    void aBlockFailingOnAWorkerThreadFailsTheDeflaterAndClosingDeletesItsTemporaryFile() throws Exception {
        Path spill = Files.createDirectory(folder.resolve("spill"));
        byte[] input = ParallelDeflaterTest.sheetLikeText(ParallelDeflater.BLOCK * 8);
        try (ParallelDeflater deflater = new ParallelDeflater(2, "test", spill, 0, failingAt(4))) {
            assertThatThrownBy(() -> {
                deflater.write(input);
                deflater.finish();
            }).isInstanceOf(IllegalStateException.class).hasMessage("block 4 refused");
        }
        assertNothingLeftIn(spill);
    }

    @Test
    void aBlockFailingWhileAWorkbookIsWrittenLeavesNoWorkbookAndNoTemporaryFile() throws Exception {
        Path spill = Files.createDirectory(folder.resolve("spill"));
        Path output = Files.createDirectory(folder.resolve("out"));
        Path target = output.resolve("result.xlsx");
        assertThatThrownBy(() -> write(target, where -> new ParallelDeflater(2, where, spill, 0, failingAt(3)), 200_000, -1))
                .isInstanceOf(IllegalStateException.class).hasMessage("block 3 refused");
        assertNothingLeftIn(output, spill);
    }

    @Test
    void aJobStoppedWhileItsSheetsAreDeflatedLeavesNoWorkbookAndNoTemporaryFile() throws Exception {
        Path spill = Files.createDirectory(folder.resolve("spill"));
        Path output = Files.createDirectory(folder.resolve("out"));
        Path target = output.resolve("result.xlsx");
        try {
            assertThatThrownBy(() -> write(target, where -> new ParallelDeflater(2, where, spill, 0, ParallelDeflater::deflate),
                    2_000_000, 150_000))
                    .isInstanceOf(Cancellation.Cancelled.class);
        } finally {
            Thread.interrupted();
        }
        assertNothingLeftIn(output, spill);
    }

    @Test
    void aWorkbookThatFailsBeforeItIsWrittenStopsItsRowsAndDeletesWhatTheyLeft() throws Exception {
        Path spill = Files.createDirectory(folder.resolve("spill"));
        assertThatThrownBy(() -> {
            try (XSSFWorkbook base = new XSSFWorkbook();
                    StreamingWorkbook workbook = new StreamingWorkbook(base,
                            where -> new ParallelDeflater(2, where, spill, 0, ParallelDeflater::deflate))) {
                CellStyle style = workbook.createCellStyle();
                Sheet sheet = workbook.createSheet("ROI Cash Flows");
                workbook.appendRowsOnWrite(sheet, new CellRangeAddress(0, 1_000_000, 0, 0), xml -> {
                    for (int r = 0; r < 1_000_000; r++) {
                        xml.beginRow(r);
                        xml.formula(0, "A" + r + "*730", r * 1.5, style);
                        xml.endRow();
                    }
                });
                // What a sheet written after the cash flows may do.
                throw new IllegalStateException("another sheet failed");
            }
        }).hasMessage("another sheet failed");
        assertNothingLeftIn(spill);
    }

    private static Function<ParallelDeflater.Piece, ParallelDeflater.Deflated> failingAt(int failing) {
        AtomicInteger blocks = new AtomicInteger();
        return piece -> {
            if (blocks.incrementAndGet() == failing) {
                throw new IllegalStateException("block " + failing + " refused");
            }
            return ParallelDeflater.deflate(piece);
        };
    }

    /**
     * A workbook with a sheet of generated formula rows written the way the converter writes its output.
     *
     * @param stopAt the row at which the job's thread is interrupted, as the hot folder stops a job; -1 for none
     */
    private static void write(Path target, Function<String, ParallelDeflater> deflaters, int rows, int stopAt) throws IOException {
        Thread job = Thread.currentThread();
        AtomicOutput.write(target, true, out -> {
            try (XSSFWorkbook base = new XSSFWorkbook(); StreamingWorkbook workbook = new StreamingWorkbook(base, deflaters)) {
                CellStyle style = workbook.createCellStyle();
                Sheet sheet = workbook.createSheet("ROI Cash Flows");
                workbook.appendRowsOnWrite(sheet, new CellRangeAddress(0, rows - 1, 0, 0), xml -> {
                    for (int r = 0; r < rows; r++) {
                        if (r == stopAt) {
                            job.interrupt();
                        }
                        xml.beginRow(r);
                        xml.formula(0, "A" + r + "*730+'ROI Inputs'!$C$2", r * 1.5, style);
                        xml.endRow();
                    }
                });
                workbook.write(out);
            }
        });
    }

    /** No file left in any of {@code folders}, and no deflating or rows thread left running. */
    private static void assertNothingLeftIn(Path... folders) throws Exception {
        for (Path folder : folders) {
            assertThat(ParallelDeflaterTest.filesIn(folder)).as(folder.toString()).isEmpty();
        }
        assertThat(deflatingThreadsEnd()).isTrue();
    }

    private static boolean deflatingThreadsEnd() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (deflatingThreadsAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return !deflatingThreadsAlive();
    }

    private static boolean deflatingThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> (t.getName().startsWith("gpuroi-deflate-") || t.getName().startsWith("gpuroi-rows-")) && t.isAlive());
    }
}
