package gpuroi.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gpuroi.model.RiskSettings;
import gpuroi.pipeline.Conversion;
import gpuroi.pipeline.OutputException;
import gpuroi.report.MemoTemplateException;
import gpuroi.workbook.HiddenRows;
import gpuroi.workbook.WorkbookException;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

/** What convert and validate share: the workbooks, the valuation date, --json and --strict, the exit codes. */
abstract class WorkbookCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "WORKBOOK", description = "One or more .xlsx workbooks (the sheets and how cells are read: docs/workbook.md).")
    List<Path> inputs;

    @Option(names = "--valuation-date", paramLabel = "YYYY-MM-DD",
            description = "Value everything at this date, overriding the workbook's Assumptions. Default: the workbook's, else the first day of this month.")
    String valuationDate;

    @Option(names = "--json", description = "Print one JSON document on stdout (messages and progress go to stderr).")
    boolean json;

    @Option(names = "--strict", description = "Treat warnings as failures: exit code 1 and no output file.")
    boolean strict;

    @Option(names = "--skip-hidden", description = {"Leave out hidden and filtered-out rows of Fleet and Leases (a warning names each).",
            "Default: they are counted, with a warning each."})
    boolean skipHidden;

    /** Writes the computed workbook, or only checks. */
    abstract boolean writes();

    /** Where the computed workbook for {@code input} goes (only when {@link #writes()}). */
    abstract Path outputFor(Path input);

    /**
     * Writes the memos for a workbook about to be written to {@code output}, before the workbook
     * itself, so a broken template leaves nothing half done. None by default.
     */
    List<Path> writeMemos(Conversion.Analyzed analyzed, Path output, Conversion.Options options)
            throws MemoTemplateException, IOException {
        return List.of();
    }

    /** The analysis to write and report once its memos are written: with a note per memo left out; unchanged by default. */
    Conversion.Analyzed notedAfterMemos(Conversion.Analyzed analyzed) {
        return analyzed;
    }

    /** Deletes the memos {@link #writeMemos} wrote for a workbook that then could not be written; none by default. */
    void discardMemos(List<Path> memos) throws IOException {
    }

    /**
     * Monte Carlo paths asked for on the command line; empty lets the workbook's Assumptions decide.
     * None by default: only convert runs the risk analysis.
     */
    OptionalInt monteCarloRuns() {
        return OptionalInt.of(0);
    }

    /** Monte Carlo seed asked for on the command line; empty lets the workbook decide. */
    OptionalLong monteCarloSeed() {
        return OptionalLong.empty();
    }

    /** Monte Carlo settings from the command line, laid over each workbook's; none by default. */
    RiskSettings riskOverrides() {
        return RiskSettings.NONE;
    }

    /** Checks the options before any workbook is touched. */
    void validateOptions() {
    }

    @Override
    public Integer call() {
        validateOptions();
        Conversion.Options options = options();
        List<WorkbookJobs.Outcome> outcomes = new ArrayList<>();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ProgressBar progress = progressBar()) {
            for (Path input : inputs) {
                WorkbookJobs.Outcome outcome = run(input, options);
                outcomes.add(outcome);
                if (!json) {
                    (outcome.failed() ? err : out).print(WorkbookJobs.text(outcome, writes() && outcome.output().isPresent()));
                    (outcome.failed() ? err : out).flush();
                }
                if (progress != null) {
                    progress.step();
                }
            }
        }
        if (json) {
            ObjectNode root = new ObjectMapper().createObjectNode();
            ArrayNode workbooks = root.putArray("workbooks");
            outcomes.forEach(o -> workbooks.add(WorkbookJobs.json(o)));
            try {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            out.flush();
        }
        // The machine before the workbooks: with a full or read-only disk, every workbook would fail again.
        if (outcomes.stream().anyMatch(WorkbookJobs.Outcome::outputFailed)) {
            return ExitCodes.OUTPUT_FAILED;
        }
        if (outcomes.stream().anyMatch(WorkbookJobs.Outcome::failed)) {
            return ExitCodes.INVALID_INPUT;
        }
        if (strict && outcomes.stream().anyMatch(o -> !o.warnings().isEmpty())) {
            return ExitCodes.WARNINGS;
        }
        return ExitCodes.OK;
    }

    private WorkbookJobs.Outcome run(Path input, Conversion.Options options) {
        try {
            Conversion.Analyzed analyzed = Conversion.analyze(input, options);
            if (strict && !analyzed.warnings().isEmpty()) {
                return new WorkbookJobs.Outcome(input, Optional.empty(), Optional.of(analyzed), List.of(), Optional.empty());
            }
            if (!writes()) {
                return new WorkbookJobs.Outcome(input, Optional.empty(), Optional.of(analyzed), List.of(), Optional.empty());
            }
            Path output = outputFor(input);
            Conversion.refuseToOverwriteInput(input, output);
            List<Path> memos = writeMemos(analyzed, output, options);
            analyzed = notedAfterMemos(analyzed);
            try {
                Conversion.write(analyzed, output, options);
            } catch (IOException | RuntimeException e) {
                try {
                    discardMemos(memos);
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
            return new WorkbookJobs.Outcome(input, Optional.of(output), Optional.of(analyzed), List.of(), Optional.empty(), memos);
        } catch (MemoTemplateException e) {
            return new WorkbookJobs.Outcome(input, Optional.empty(), Optional.empty(), List.of(), Optional.of(e.getMessage()));
        } catch (WorkbookException e) {
            return WorkbookJobs.Outcome.rejected(input, e);
        } catch (OutputException e) {
            return WorkbookJobs.Outcome.outputFailed(input, e);
        } catch (IOException | IllegalArgumentException e) {
            String name = input.getFileName() == null ? input.toString() : input.getFileName().toString();
            return new WorkbookJobs.Outcome(input, Optional.empty(), Optional.empty(), List.of(),
                    Optional.of(name + ": " + (e.getMessage() == null ? e.toString() : e.getMessage())));
        }
    }

    private Conversion.Options options() {
        Optional<LocalDate> forced = Optional.empty();
        if (valuationDate != null) {
            try {
                forced = Optional.of(LocalDate.parse(valuationDate.strip()));
            } catch (DateTimeParseException e) {
                throw new UserInputException(List.of("--valuation-date '" + valuationDate + "': expected a date as YYYY-MM-DD, e.g. 2026-01-01"));
            }
        }
        LocalDate defaultDate = forced.orElse(LocalDate.now().withDayOfMonth(1));
        return new Conversion.Options(defaultDate, forced, ToolVersion.get(), monteCarloRuns(), monteCarloSeed(), riskOverrides(),
                skipHidden ? HiddenRows.SKIP : HiddenRows.COUNT);
    }

    /** A progress bar on stderr, only for several workbooks on an interactive terminal. */
    private ProgressBar progressBar() {
        if (inputs.size() < 2 || System.console() == null) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName(spec.name()).setInitialMax(inputs.size())
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                .build();
    }
}
