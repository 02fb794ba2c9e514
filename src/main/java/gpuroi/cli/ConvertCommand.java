package gpuroi.cli;

import gpuroi.pipeline.Conversion;
import gpuroi.pipeline.ConversionJob;
import gpuroi.report.MemoRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** {@code gpuroi convert}: workbook in, computed workbook out beside it; the input is never modified. */
@Command(name = "convert",
        mixinStandardHelpOptions = true,
        versionProvider = ToolVersion.Provider.class,
        sortOptions = false,
        usageHelpWidth = 110,
        description = {
            "Convert fleet workbooks into computed workbooks and PDF memos.",
            "",
            "Each result is a new workbook: the input's sheets untouched, plus ROI Summary, ROI Contracts, ROI Portfolio, "
                    + "ROI Sensitivity, ROI Chart, ROI Inputs, ROI Cash Flows (live formulas) and ROI Notes, and ROI Risk "
                    + "with --runs or the workbook's Monte Carlo runs. Output goes to NAME.roi.xlsx beside each input unless "
                    + "-o says otherwise, and a PDF memo per cluster plus a portfolio memo go to NAME.roi.memos/ beside it "
                    + "(--pdf-dir, --no-memos).",
            ""},
        footer = {"", "Examples:",
            "  gpuroi convert samples/mixed-fleet.xlsx",
            "  gpuroi convert q1.xlsx q2.xlsx -o results/ --json",
            "  gpuroi convert fleet.xlsx --paper letter --templates my-templates/"})
public final class ConvertCommand extends WorkbookCommand {

    Path output;
    /** Whether -o ended in a separator ({@code results/}): a folder, made if missing, even for one workbook. */
    boolean outputIsFolder;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH",
            description = "Output file (one workbook) or folder (several, or a PATH ending in /, made if missing)."
                    + " Default: NAME.roi.xlsx beside each input.")
    void output(String path) {
        // Path.of drops a trailing separator, and with it the user's "this is a folder".
        output = Path.of(path);
        outputIsFolder = path.endsWith("/") || path.endsWith(File.separator);
    }

    @Option(names = "--pdf-dir", paramLabel = "DIR",
            description = "Write the PDF memos here (with several workbooks, into DIR/NAME.roi.memos). Default: NAME.roi.memos beside each output.")
    Path pdfDir;

    @Mixin
    MemoOptions memoOptions = new MemoOptions();

    @Option(names = "--runs", paramLabel = "N",
            description = "Also run a Monte Carlo of N price and utilization paths per cluster and per rental contract: "
                    + "P5/P50/P95 NPV and IRR, probability of loss, expected shortfall and decision flips in the JSON, "
                    + "an ROI Risk sheet and the memos. 0 turns it off; at most 1,000,000. Default: the workbook's Monte Carlo runs, else off.")
    Integer runs;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of the Monte Carlo; the same seed gives the same figures. Default: the workbook's seed, else 1.")
    Long seed;

    @Mixin
    RiskOptions risk = new RiskOptions();

    private Optional<MemoRenderer> memoRenderer = Optional.empty();
    private OptionalInt memoCap = OptionalInt.empty();

    @Override
    void validateOptions() {
        if (output != null && outputIsFolder && !Files.isDirectory(output)) {
            try {
                Files.createDirectories(output);
            } catch (IOException | UnsupportedOperationException e) {
                String why = Files.exists(output) ? "a file of that name is in the way"
                        : e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                        : "the operating system refused it";
                throw new UserInputException(List.of("-o " + output + File.separator + ": the folder could not be made (" + why + ")"));
            }
        }
        if (output != null && inputs.size() > 1 && !Files.isDirectory(output)) {
            throw new UserInputException(List.of("-o " + output + ": with several workbooks, -o must be an existing folder"));
        }
        RiskOptions.runsProblem(runs, 0).ifPresent(problem -> {
            throw new UserInputException(List.of(problem + " (0 turns the Monte Carlo off)"));
        });
        memoCap = memoOptions.cap();
        memoRenderer = memoOptions.renderer();
    }

    @Override
    Conversion.Options options(Conversion.Options base) {
        return base.withMonteCarlo(runs == null ? OptionalInt.empty() : OptionalInt.of(runs),
                seed == null ? OptionalLong.empty() : OptionalLong.of(seed), risk.settings());
    }

    @Override
    ConversionJob.Plan plan(Path input) {
        Path workbook = outputFor(input);
        ConversionJob.Plan plan = ConversionJob.Plan.write(workbook);
        return memoRenderer.map(renderer -> plan.withMemos(renderer, memoFolder(workbook), memoCap)).orElse(plan);
    }

    /** NAME.roi.memos beside the workbook; --pdf-dir itself for one workbook, a NAME.roi.memos in it for several. */
    private Path memoFolder(Path workbook) {
        if (pdfDir == null) {
            return Conversion.defaultMemoFolder(workbook);
        }
        return inputs.size() == 1 ? pdfDir : pdfDir.resolve(Conversion.defaultMemoFolder(workbook).getFileName());
    }

    private Path outputFor(Path input) {
        if (output == null) {
            return Conversion.defaultOutput(input);
        }
        if (outputIsFolder || Files.isDirectory(output)) {
            return output.resolve(Conversion.defaultOutput(input).getFileName());
        }
        return output;
    }
}
