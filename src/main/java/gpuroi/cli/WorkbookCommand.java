package gpuroi.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gpuroi.pipeline.Conversion;
import gpuroi.pipeline.ConversionJob;
import gpuroi.pipeline.JobOutcome;
import gpuroi.workbook.HiddenRows;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** What convert and validate share: the workbooks, the valuation date, --json and --strict, the exit codes. */
abstract class WorkbookCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "WORKBOOK", description = "One or more .xlsx workbooks (the sheets and how cells are read: docs/workbook.md).")
    List<Path> inputs;

    @Mixin
    ValuationDateOption valuation = new ValuationDateOption();

    @Option(names = "--json", description = "Print one JSON document on stdout (messages and progress go to stderr).")
    boolean json;

    @Option(names = "--strict", description = "Treat warnings as failures: exit code 1 and no output file.")
    boolean strict;

    @Option(names = "--skip-hidden", description = {"Leave out hidden and filtered-out rows of Fleet and Leases (a warning names each).",
            "Default: they are counted, with a warning each."})
    boolean skipHidden;

    /** What to produce for {@code input}: only a check (validate), or the workbook and its memos (convert). */
    abstract ConversionJob.Plan plan(Path input);

    /** Monte Carlo runs, seed and settings from the command line; validate runs none. */
    abstract Conversion.Options options(Conversion.Options base);

    /** Checks the options before any workbook is touched. */
    void validateOptions() {
    }

    @Override
    public Integer call() throws InterruptedException {
        validateOptions();
        Conversion.Options options = options();
        List<JobOutcome> outcomes = new ArrayList<>();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ProgressBar progress = progressBar()) {
            for (Path input : inputs) {
                JobOutcome outcome = ConversionJob.run(input, options, plan(input).withJson(json).withStrict(strict));
                outcomes.add(outcome);
                if (!json) {
                    (outcome.failed() ? err : out).print(WorkbookJobs.text(outcome));
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
        if (outcomes.stream().anyMatch(JobOutcome::machineFault)) {
            return ExitCodes.OUTPUT_FAILED;
        }
        if (outcomes.stream().anyMatch(JobOutcome::failed)) {
            return ExitCodes.INVALID_INPUT;
        }
        if (strict && outcomes.stream().anyMatch(o -> !o.warnings().isEmpty())) {
            return ExitCodes.WARNINGS;
        }
        return ExitCodes.OK;
    }

    private Conversion.Options options() {
        return options(valuation.options(ToolVersion.get()).withHiddenRows(skipHidden ? HiddenRows.SKIP : HiddenRows.COUNT));
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
