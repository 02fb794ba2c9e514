package gpuroi.cli;

import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.Decision;
import gpuroi.pipeline.Conversion;
import gpuroi.pipeline.ConversionJob;
import gpuroi.pipeline.ErrorDocument;
import gpuroi.pipeline.JobOutcome;
import gpuroi.report.MemoRenderer;
import gpuroi.watch.HotFolder;
import gpuroi.watch.JobConverter;
import gpuroi.watch.StatusCheck;
import gpuroi.watch.WatchConfig;
import gpuroi.workbook.HiddenRows;
import gpuroi.workbook.InputNote;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code gpuroi watch DIR}: the hot folder, a thin shell that hands each dropped workbook to the pipeline. */
@Command(name = "watch",
        mixinStandardHelpOptions = true,
        versionProvider = ToolVersion.Provider.class,
        sortOptions = false,
        usageHelpWidth = 110,
        description = {
            "Watch a hot folder and convert each workbook dropped into it.",
            "",
            "Each .xlsx dropped into DIR/inbox is converted into DIR/out/NAME/ (the computed workbook and its PDF memos), "
                    + "and the input is moved to DIR/done, or to DIR/failed with NAME.error.txt and NAME.error.json naming "
                    + "every cell to fix. Files are taken only once complete; Office lock files, temporary and hidden files "
                    + "are left alone; other files go to failed with a reason. Files left in DIR/processing by a stopped or "
                    + "killed run are converted again on start. An input the machine fails (it cannot be read, or its "
                    + "outputs not written: a full or read-only disk) stays in processing and is tried again after --retry, "
                    + "each wait twice the last up to 10 minutes, the system's reason logged. DIR/status.json says what "
                    + "runs; --status says whether a watcher really runs on DIR.",
            ""},
        footer = {"", "Examples:",
            "  gpuroi watch hotfolder                       # until stopped (Ctrl-C or SIGTERM finish the running jobs)",
            "  gpuroi watch hotfolder --once --no-memos     # convert what is there, then exit (cron)",
            "  gpuroi watch hotfolder --workers 4 --timeout 20m --settle 3s"})
public final class WatchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The hot folder; created with its sub-folders if missing.")
    Path root;

    @Option(names = "--inbox", paramLabel = "NAME", defaultValue = "inbox", description = "Where files are dropped. Default: ${DEFAULT-VALUE}.")
    String inbox;

    @Option(names = "--processing", paramLabel = "NAME", defaultValue = "processing", description = "Files being converted. Default: ${DEFAULT-VALUE}.")
    String processing;

    @Option(names = "--done", paramLabel = "NAME", defaultValue = "done", description = "Inputs converted. Default: ${DEFAULT-VALUE}.")
    String done;

    @Option(names = "--failed", paramLabel = "NAME", defaultValue = "failed", description = "Inputs rejected, with their error files. Default: ${DEFAULT-VALUE}.")
    String failed;

    @Option(names = "--out", paramLabel = "NAME", defaultValue = "out", description = "Outputs, a folder per input. Default: ${DEFAULT-VALUE}.")
    String out;

    @Option(names = "--once", description = "Convert what is in the inbox and in processing, then exit (exit code 2 if any file failed, "
            + "4 if the machine failed an input: unreadable, or its outputs could not be written; or if any input is otherwise left"
            + " unfinished in processing; such inputs stay there and are named).")
    boolean once;

    @Option(names = "--workers", paramLabel = "N", description = "Workbooks converted at once. Default: the number of cores.")
    Integer workers;

    @Option(names = "--queue", paramLabel = "N", defaultValue = "100",
            description = "Jobs waiting for a worker; further files wait in the inbox. Default: ${DEFAULT-VALUE}.")
    int queue;

    @Option(names = "--settle", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
            description = "A file must stay unchanged this long before it is taken (500ms, 2s, 1m). Default: ${DEFAULT-VALUE}.")
    Duration settle;

    @Option(names = "--rescan", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
            description = "List the inbox this often even without file-system events (network shares miss them). Default: ${DEFAULT-VALUE}.")
    Duration rescan;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
            description = "A job still running after this is moved to failed (reason: timeout). Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Option(names = "--grace", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "On stop, wait this long for running jobs; unfinished ones are converted on the next start. Default: ${DEFAULT-VALUE}.")
    Duration grace;

    @Option(names = "--retry", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "First wait before an input the machine failed (unreadable, a full or read-only disk) is tried again;"
                    + " each further failure doubles it, up to 10m. Default: ${DEFAULT-VALUE}.")
    Duration retry;

    @Option(names = "--follow-links", description = "Convert symbolic links dropped into the inbox (their targets are read). "
            + "Default: a link goes to failed, its target never read.")
    boolean followLinks;

    @Option(names = "--status", description = "Say whether a watcher runs on DIR (exit 0) or not (exit 2, also when status.json"
            + " says running but its process is gone), with what status.json says; changes nothing.")
    boolean statusOnly;

    @Mixin
    MemoOptions memoOptions = new MemoOptions();

    @Mixin
    ValuationDateOption valuation = new ValuationDateOption();

    @Option(names = "--skip-hidden", description = "Leave out hidden and filtered-out rows of Fleet and Leases (a warning names each). "
            + "Default: they are counted, with a warning each.")
    boolean skipHidden;

    @Override
    public Integer call() throws Exception {
        if (statusOnly) {
            StatusCheck check = StatusCheck.of(root);
            spec.commandLine().getOut().println(check.text());
            return check.running() ? ExitCodes.OK : ExitCodes.INVALID_INPUT;
        }
        WatchConfig config = config();
        OptionalInt memoCap = memoOptions.cap();
        Optional<MemoRenderer> renderer = memoOptions.renderer();
        valuation.forced();
        HiddenRows hiddenRows = skipHidden ? HiddenRows.SKIP : HiddenRows.COUNT;
        // Each job is valued in the month it runs in (unless --valuation-date), however long the watcher has been up.
        Supplier<Conversion.Options> options = () -> valuation.options(ToolVersion.get()).withHiddenRows(hiddenRows);
        PrintWriter stdout = spec.commandLine().getOut();
        Consumer<String> log = line -> {
            synchronized (stdout) {
                stdout.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + line);
                stdout.flush();
            }
        };
        HotFolder hotFolder;
        try {
            hotFolder = HotFolder.open(config, pipeline(options, renderer, memoCap), log);
        } catch (IOException e) {
            throw new UserInputException(List.of("gpuroi watch " + root + ": " + e.getMessage()));
        }
        // On SIGTERM the running jobs get the grace period to finish, with --once as without.
        Thread stop = new Thread(() -> {
            if (hotFolder.isClosed()) {
                return;
            }
            log.accept("stopping: no new files; waiting up to " + grace.toMillis() + " ms for running jobs");
            hotFolder.close();
            log.accept("stopped");
        }, "gpuroi-watch-shutdown");
        Runtime.getRuntime().addShutdownHook(stop);
        if (once) {
            long failures = hotFolder.runOnce();
            List<String> unfinished = hotFolder.leftInProcessing();
            for (String name : unfinished) {
                log.accept(name + ": not finished in this run; it stays in " + config.processing().getFileName() + " for the next run");
            }
            if (hotFolder.outputFailures() > 0 || !unfinished.isEmpty()) {
                return ExitCodes.OUTPUT_FAILED;
            }
            return failures == 0 ? ExitCodes.OK : ExitCodes.INVALID_INPUT;
        }
        hotFolder.start();
        log.accept("watching " + config.inbox() + " with " + config.workers() + " worker(s); Ctrl-C or SIGTERM stops after the running jobs");
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            // Run inside another program, an interrupt is the stop signal: the same orderly stop as SIGTERM.
            Runtime.getRuntime().removeShutdownHook(stop);
            stop.run();
        }
        return ExitCodes.OK;
    }

    private WatchConfig config() {
        int workerCount = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
        try {
            return new WatchConfig(root, root.resolve(inbox), root.resolve(processing), root.resolve(done),
                    root.resolve(failed), root.resolve(out), settle, rescan, workerCount, queue, timeout, grace, retry)
                    .withFollowLinks(followLinks);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(List.of("gpuroi watch: " + e.getMessage()));
        }
    }

    /**
     * The pipeline for one dropped workbook, as convert runs it: NAME.roi.xlsx and NAME.roi.memos/ (at most {@code memoCap}
     * cluster and contract memos, all when empty) in the job's folder; a workbook with problems is reported as convert
     * reports it, cell by cell; an input the machine would not let it read, or outputs it would not take, are the
     * machine's fault and tried again.
     */
    static JobConverter pipeline(Supplier<Conversion.Options> options, Optional<MemoRenderer> renderer, OptionalInt memoCap) {
        return (input, folder) -> {
            Path output = folder.resolve(Conversion.defaultOutput(input).getFileName());
            ConversionJob.Plan write = ConversionJob.Plan.write(output);
            ConversionJob.Plan plan = renderer.map(r -> write.withMemos(r, Conversion.defaultMemoFolder(output), memoCap)).orElse(write);
            JobOutcome outcome = ConversionJob.run(input, options.get(), plan);
            if (outcome.kind() == JobOutcome.Kind.CONVERTED) {
                Conversion.Analyzed analyzed = outcome.analyzed().orElseThrow();
                return JobConverter.Result.converted(summary(analyzed, outcome.memos().size()), analyzed.inputSha256());
            }
            if (outcome.machineFault()) {
                // The system refused a read or a write (permission, I/O error, a full disk): not the workbook's fault.
                return JobConverter.Result.machineFault(outcome.outputFailed() ? outcome.message().orElseThrow()
                        : input.getFileName() + ": " + outcome.machineReason().get());
            }
            return rejected(outcome);
        };
    }

    private static JobConverter.Result rejected(JobOutcome outcome) {
        int problems = outcome.problemCount();
        String text = WorkbookJobs.text(outcome)
                + "Fix " + (problems == 1 ? "this" : "these") + " in the workbook and drop it into the inbox again.\n";
        String summary = problems == 1
                ? outcome.errors().stream().findFirst().map(p -> p.describe()).orElse(outcome.fileError().orElse("1 problem"))
                : problems + " problems";
        return JobConverter.Result.rejected(summary, text, ErrorDocument.of(outcome).toPrettyString() + "\n");
    }

    /** {@code 3 clusters (BUY 1, RENT 2), 1 warning, 4 memos}: the log line's decision counts. */
    private static String summary(Conversion.Analyzed analyzed, int memos) {
        Map<Decision, Integer> decisions = new EnumMap<>(Decision.class);
        for (ClusterAnalysis c : analyzed.analysis().clusters()) {
            decisions.merge(c.recommendation().decision(), 1, Integer::sum);
        }
        StringBuilder line = new StringBuilder(WorkbookJobs.count(analyzed.analysis().clusters().size(), "cluster")).append(" (");
        decisions.forEach((decision, n) -> line.append(line.charAt(line.length() - 1) == '(' ? "" : ", ").append(decision).append(' ').append(n));
        line.append("), ").append(WorkbookJobs.count(analyzed.warnings().size(), "warning")).append(", ")
                .append(WorkbookJobs.count(memos, "memo"));
        int leftOut = analyzed.read().notes(InputNote.Kind.MEMO_NOT_RENDERED).size();
        if (leftOut > 0) {
            line.append(" (").append(leftOut).append(" not rendered, named in the portfolio memo; --memos all renders them)");
        }
        return line.toString();
    }

    /** {@code 500ms}, {@code 2s}, {@code 1.5s}, {@code 10m}, {@code 1h}; a bare number is seconds. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

        @Override
        public Duration convert(String value) {
            Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new CommandLine.TypeConversionException("'" + value + "': expected a duration such as 500ms, 2s, 10m or 1h");
            }
            double amount = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            double millis = switch (unit) {
                case "ms" -> amount;
                case "m" -> amount * 60_000;
                case "h" -> amount * 3_600_000;
                default -> amount * 1000;
            };
            return Duration.ofMillis(Math.round(millis));
        }
    }
}
