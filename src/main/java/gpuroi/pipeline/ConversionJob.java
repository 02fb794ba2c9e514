package gpuroi.pipeline;

import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.ClusterFigures;
import gpuroi.report.MemoRenderer;
import gpuroi.report.MemoSelection;
import gpuroi.report.MemoTemplateException;
import gpuroi.workbook.WorkbookException;
import gpuroi.workbook.WorkbookWriter;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.IntPredicate;

/**
 * The one conversion job every shell runs ({@code convert}, {@code validate}, the hot folder): read the workbook, analyse
 * every cluster and contract, compute the figures the outputs show once per cluster (on every core), then render the
 * memos, the workbook and the JSON from that one result. Renderers only read it; none computes a figure.
 */
public final class ConversionJob {
    private ConversionJob() {
    }

    /**
     * What to produce for one input.
     *
     * @param workbook where the computed workbook goes; empty to only check ({@code validate})
     * @param memos    the memos to render beside it; empty for none
     * @param json     whether every cluster's figures are reported as JSON (so all are computed, not only those shown)
     * @param strict   whether a warning stops the job before anything is written
     */
    public record Plan(Optional<Path> workbook, Optional<Memos> memos, boolean json, boolean strict) {
        public Plan {
            Objects.requireNonNull(workbook, "workbook");
            Objects.requireNonNull(memos, "memos");
            if (memos.isPresent() && workbook.isEmpty()) {
                throw new IllegalArgumentException("memos are written beside a computed workbook");
            }
        }

        /** Read and compute only. */
        public static Plan check() {
            return new Plan(Optional.empty(), Optional.empty(), false, false);
        }

        /** Write the computed workbook to {@code output}, no memos. */
        public static Plan write(Path output) {
            return new Plan(Optional.of(output), Optional.empty(), false, false);
        }

        /** Also render memos: at most {@code cap} cluster and contract memos (all when empty) and the portfolio memo. */
        public Plan withMemos(MemoRenderer renderer, Path folder, OptionalInt cap) {
            return new Plan(workbook, Optional.of(new Memos(renderer, folder, cap)), json, strict);
        }

        /** Also report every cluster's figures as JSON. */
        public Plan withJson(boolean asJson) {
            return new Plan(workbook, memos, asJson, strict);
        }

        /** Stop at a warning, writing nothing. */
        public Plan withStrict(boolean stopAtWarnings) {
            return new Plan(workbook, memos, json, stopAtWarnings);
        }
    }

    /** Memos to render: with these templates, into this folder, at most {@code cap} cluster and contract memos (all when empty). */
    public record Memos(MemoRenderer renderer, Path folder, OptionalInt cap) {
        public Memos {
            Objects.requireNonNull(renderer, "renderer");
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(cap, "cap");
        }
    }

    /**
     * Runs the job on {@code input}. A workbook with problems, an output the machine refused, a failed template: each
     * comes back as a {@link JobOutcome}, never as an exception, so every shell reports them alike.
     *
     * @throws InterruptedException when the thread was interrupted (a hot-folder job stopped or timed out) while it ran
     */
    public static JobOutcome run(Path input, Conversion.Options options, Plan plan) throws InterruptedException {
        Path name = input.getFileName() == null ? input : input.getFileName();
        try {
            // The parsed input is kept for the writer only when there is a workbook to write.
            Conversion.Analyzed read = Conversion.analyze(input, options, plan.workbook().isPresent());
            try {
                return carryOut(input, read, options, plan);
            } finally {
                // Written or not, the job's result (which shells may keep) does not hold on to the parsed input.
                read.read().parsed().release();
            }
        } catch (WorkbookException e) {
            return JobOutcome.rejected(input, e);
        } catch (OutputException e) {
            stopIfInterrupted("writing", name);
            return JobOutcome.outputFailed(input, e);
        } catch (MemoTemplateException e) {
            return JobOutcome.failed(input, e.getMessage());
        } catch (ClosedByInterruptException | InterruptedIOException e) {
            throw new InterruptedException("stopped while reading or writing " + name);
        } catch (IOException e) {
            stopIfInterrupted("converting", name);
            return JobOutcome.unreadable(input, e);
        } catch (IllegalArgumentException e) {
            stopIfInterrupted("converting", name);
            return JobOutcome.failed(input, name + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    /** What the plan asks of an analysed input: figures, then the workbook and the memos, or only a check. */
    private static JobOutcome carryOut(Path input, Conversion.Analyzed read, Conversion.Options options, Plan plan)
            throws MemoTemplateException, IOException, InterruptedException {
        if (plan.strict() && !read.warnings().isEmpty()) {
            // Nothing is written; only a JSON report shows figures.
            return JobOutcome.checked(input, plan.json() ? read.withFigures(ClusterFigures.computeAll(read.analysis().clusters())) : read);
        }
        Optional<MemoSelection> selection = plan.memos().map(m -> MemoSelection.choose(read.analysis(), m.cap()));
        Conversion.Analyzed analyzed = read.withFigures(ClusterFigures.compute(read.analysis().clusters(), figuresShown(read, plan, selection)));
        if (plan.workbook().isEmpty()) {
            return JobOutcome.checked(input, analyzed);
        }
        Path output = plan.workbook().get();
        Conversion.refuseToOverwriteInput(input, output);
        if (plan.memos().isEmpty()) {
            new PendingWorkbook(analyzed, output, options).putInPlace();
            return JobOutcome.converted(input, output, analyzed, List.of());
        }
        Memos m = plan.memos().get();
        Conversion.Analyzed noted = Conversion.withMemosLeftOut(analyzed, selection.get());
        List<Path> memos = writeBoth(analyzed, noted, m, selection.get(), output, options);
        return JobOutcome.converted(input, output, noted, memos);
    }

    /**
     * Writes the memos and the workbook at the same time, the workbook on a thread of its own while the memos take the render
     * threads, and puts the workbook in place only once both are done: a failed memo leaves no workbook, and a workbook that
     * could not be written takes its memos with it, so no half set of outputs is left. The memos' source notes are about
     * their inputs ({@code analyzed}); the workbook's also name the memos left out ({@code noted}).
     */
    private static List<Path> writeBoth(Conversion.Analyzed analyzed, Conversion.Analyzed noted, Memos m, MemoSelection selection,
                                        Path output, Conversion.Options options)
            throws MemoTemplateException, IOException, InterruptedException {
        PendingWorkbook workbook = new PendingWorkbook(noted, output, options);
        boolean memoFolderWasNew = !Files.exists(m.folder());
        List<Path> memos;
        try {
            memos = Conversion.writeMemos(analyzed, m.renderer(), m.folder(), options, selection, output);
        } catch (MemoTemplateException | IOException | RuntimeException e) {
            workbook.abandon(e);
            throw e;
        }
        try {
            workbook.putInPlace();
        } catch (IOException | RuntimeException | InterruptedException e) {
            try {
                Conversion.discardMemos(memos, m.folder(), memoFolderWasNew);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return memos;
    }

    /**
     * A workbook written on a thread of its own to a hidden file beside {@code output}, moved into place only when asked, or
     * abandoned: the writer is stopped and the hidden file deleted.
     */
    private static final class PendingWorkbook {
        private final Conversion.Analyzed noted;
        private final Path output;
        private final Path pending;
        private final Thread writer;
        private volatile Throwable failure;

        PendingWorkbook(Conversion.Analyzed noted, Path output, Conversion.Options options) {
            this.noted = noted;
            this.output = output;
            this.pending = output.resolveSibling("." + output.getFileName() + "." + UUID.randomUUID() + ".pending");
            this.writer = new Thread(() -> {
                try {
                    Conversion.write(noted, pending, options);
                } catch (Throwable t) {
                    failure = t;
                }
            }, "gpuroi-workbook-writer");
            writer.setDaemon(true);
            writer.start();
        }

        /**
         * Waits for the workbook and, unless the input changed meanwhile, moves it to {@code output}; on any failure the
         * hidden file is abandoned, and the writer's failure is rethrown as it was, about {@code output}.
         */
        void putInPlace() throws IOException, InterruptedException {
            try {
                waitAndMove();
            } catch (IOException | RuntimeException | InterruptedException e) {
                abandon(e);
                throw e;
            }
        }

        private void waitAndMove() throws IOException, InterruptedException {
            writer.join();
            Throwable cause = failure;
            if (cause instanceof OutputException failed && failed.getCause() instanceof IOException io && pending.equals(failed.path())) {
                throw new OutputException(output, io);
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            if (cause != null) {
                throw new IllegalStateException(cause);
            }
            refuseChangedInput(noted);
            try {
                Files.move(pending, output, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new OutputException(output, e);
            }
        }

        /**
         * Stops the writer, waits for it to clean up after itself (its temporary file), and deletes the hidden file. Should
         * this thread be interrupted while it waits, the hidden file is left to the folder's owner: a hot-folder job's
         * folder is deleted whole.
         */
        void abandon(Exception cause) {
            writer.interrupt();
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Files.deleteIfExists(pending);
            } catch (IOException cleanup) {
                cause.addSuppressed(cleanup);
            }
        }
    }

    /**
     * Refuses to put out a workbook whose input changed after it was read (a save from Excel, a copy still arriving): the
     * figures were computed from one version and the sheets copied into the output may come from another. The machine's
     * doing, not the workbook's: {@code convert} exits with 4, the hot folder tries the file again.
     */
    static void refuseChangedInput(Conversion.Analyzed analyzed) throws IOException {
        if (analyzed.inputSha256().isEmpty()) {
            return;
        }
        if (!analyzed.inputSha256().equals(InputDigest.sha256(analyzed.input()))) {
            throw new FileSystemException(analyzed.input().toString(), null, CHANGED_WHILE_CONVERTED);
        }
    }

    /** The reason given for an input that changed while it was converted. */
    static final String CHANGED_WHILE_CONVERTED = "it changed while it was being converted; convert it again once it is saved";

    /**
     * The clusters whose sensitivity figures some output shows: every cluster for JSON; otherwise those the ROI Sensitivity
     * sheet shows and those that get a memo. The rest are never computed.
     */
    private static IntPredicate figuresShown(Conversion.Analyzed analyzed, Plan plan, Optional<MemoSelection> selection) {
        List<ClusterAnalysis> clusters = analyzed.analysis().clusters();
        if (plan.json()) {
            return i -> true;
        }
        IntPredicate sheet = plan.workbook().isPresent() ? WorkbookWriter.sensitivityClusters(clusters) : i -> false;
        return selection.<IntPredicate>map(s -> i -> sheet.test(i) || s.clusters().get(i)).orElse(sheet);
    }

    private static void stopIfInterrupted(String doing, Path name) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("stopped while " + doing + " " + name);
        }
    }
}
