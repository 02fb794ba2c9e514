package gpuroi.cli;

import gpuroi.pipeline.Conversion;
import gpuroi.report.MemoRenderer;
import gpuroi.report.MemoSelection;
import gpuroi.report.MemoTemplateException;
import gpuroi.report.Paper;
import gpuroi.model.RiskSettings;
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

    @Option(names = "--no-memos", description = "Write the workbooks only, no PDF memos.")
    boolean noMemos;

    @Option(names = "--memos", paramLabel = "N|all", description = "Cluster and contract memos to render: N (those with the most money at stake, capex or contract value) or all;"
                    + " the portfolio memo names the rest. Default: " + MemoSelection.DEFAULT_CAP + ".")
    String memos;

    private OptionalInt memoCap = OptionalInt.of(MemoSelection.DEFAULT_CAP);

    /** The memos chosen for the workbook being converted; its left-out ones are noted in its ROI Notes. */
    private MemoSelection memoSelection;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Memo templates from this folder (a copy of templates/ you edited). Default: the built-in ones.")
    Path templates;

    @Option(names = "--paper", paramLabel = "a4|letter", description = "Paper size of the memos. Default: ${DEFAULT-VALUE}.",
            defaultValue = "a4")
    String paper;

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

    private RiskSettings riskOverrides = RiskSettings.NONE;

    private MemoRenderer memoRenderer;

    /** Whether the memo folder of the workbook being converted was made for it (and so goes if its workbook fails). */
    private boolean memoFolderWasNew;

    @Override
    OptionalInt monteCarloRuns() {
        return runs == null ? OptionalInt.empty() : OptionalInt.of(runs);
    }

    @Override
    OptionalLong monteCarloSeed() {
        return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
    }

    @Override
    RiskSettings riskOverrides() {
        return riskOverrides;
    }

    @Override
    boolean writes() {
        return true;
    }

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
        riskOverrides = risk.settings();
        if (noMemos && memos != null) {
            throw new UserInputException(List.of("--memos " + memos + " and --no-memos: choose one"));
        }
        if (noMemos) {
            return;
        }
        if (memos != null) {
            try {
                memoCap = MemoSelection.parseCap(memos);
            } catch (IllegalArgumentException e) {
                throw new UserInputException(List.of("--" + e.getMessage()));
            }
        }
        Paper paperSize;
        try {
            paperSize = Paper.parse(paper);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(List.of("--" + e.getMessage()));
        }
        try {
            memoRenderer = templates == null ? MemoRenderer.builtIn(paperSize) : MemoRenderer.fromDirectory(templates, paperSize);
        } catch (MemoTemplateException e) {
            throw new UserInputException(List.of(e.getMessage()));
        }
    }

    @Override
    List<Path> writeMemos(Conversion.Analyzed analyzed, Path workbookOutput, Conversion.Options options)
            throws MemoTemplateException, IOException {
        if (memoRenderer == null) {
            return List.of();
        }
        Path folder;
        if (pdfDir == null) {
            folder = Conversion.defaultMemoFolder(workbookOutput);
        } else if (inputs.size() == 1) {
            folder = pdfDir;
        } else {
            folder = pdfDir.resolve(Conversion.defaultMemoFolder(workbookOutput).getFileName());
        }
        memoFolderWasNew = !Files.exists(folder);
        memoSelection = MemoSelection.choose(analyzed.analysis(), memoCap);
        return Conversion.writeMemos(analyzed, memoRenderer, folder, options, memoSelection, Optional.of(workbookOutput));
    }

    @Override
    Conversion.Analyzed notedAfterMemos(Conversion.Analyzed analyzed) {
        return memoSelection == null ? analyzed : Conversion.withMemosLeftOut(analyzed, memoSelection);
    }

    @Override
    void discardMemos(List<Path> memos) throws IOException {
        if (!memos.isEmpty()) {
            Conversion.discardMemos(memos, memos.get(0).getParent(), memoFolderWasNew);
        }
    }

    @Override
    Path outputFor(Path input) {
        if (output == null) {
            return Conversion.defaultOutput(input);
        }
        if (outputIsFolder || Files.isDirectory(output)) {
            return output.resolve(Conversion.defaultOutput(input).getFileName());
        }
        return output;
    }
}
