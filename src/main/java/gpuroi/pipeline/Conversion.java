package gpuroi.pipeline;

import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.ClusterFigures;
import gpuroi.engine.FleetResult;
import gpuroi.engine.ContractMonteCarlo;
import gpuroi.engine.ContractRiskProfile;
import gpuroi.engine.MonteCarlo;
import gpuroi.engine.PortfolioAnalysis;
import gpuroi.engine.RiskProfile;
import gpuroi.engine.RoiEngine;
import gpuroi.model.Assumptions;
import gpuroi.model.InvalidValueException;
import gpuroi.model.Portfolio;
import gpuroi.model.RiskInputs;
import gpuroi.model.RiskSettings;
import gpuroi.workbook.CellProblem;
import gpuroi.report.MemoContext;
import gpuroi.report.MemoRenderer;
import gpuroi.report.MemoSelection;
import gpuroi.report.MemoTemplateException;
import gpuroi.report.SourceNote;
import gpuroi.workbook.HiddenRows;
import gpuroi.workbook.InputNote;
import gpuroi.workbook.RunInfo;
import gpuroi.workbook.TemplateWorkbook;
import gpuroi.workbook.WorkbookException;
import gpuroi.workbook.WorkbookInput;
import gpuroi.workbook.WorkbookReader;
import gpuroi.workbook.WorkbookWriter;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The pipeline every shell calls (command line, hot folder): read a workbook, run the engine on
 * each cluster, write the results beside the untouched input.
 */
public final class Conversion {
    private Conversion() {
    }

    /**
     * How to run. Built with {@link #at} and the {@code with…} methods, so every setting is named where it is given.
     *
     * @param defaultValuationDate used when the workbook names none
     * @param forcedValuationDate  when present, replaces the workbook's own valuation date
     * @param toolVersion          recorded in every output
     * @param monteCarloRuns       paths of the Monte Carlo; empty lets the workbook's Assumptions decide (none when they give none)
     * @param monteCarloSeed       its seed; empty lets the workbook decide, else {@link #DEFAULT_SEED}
     * @param riskOverrides        Monte Carlo settings laid over each workbook's own
     * @param hiddenRows           whether hidden Fleet and Leases rows are counted (the default) or left out
     */
    public record Options(LocalDate defaultValuationDate, Optional<LocalDate> forcedValuationDate, String toolVersion,
                          OptionalInt monteCarloRuns, OptionalLong monteCarloSeed, RiskSettings riskOverrides,
                          HiddenRows hiddenRows) {
        public Options {
            Objects.requireNonNull(defaultValuationDate, "defaultValuationDate");
            Objects.requireNonNull(forcedValuationDate, "forcedValuationDate");
            Objects.requireNonNull(monteCarloRuns, "monteCarloRuns");
            Objects.requireNonNull(monteCarloSeed, "monteCarloSeed");
            Objects.requireNonNull(riskOverrides, "riskOverrides");
            Objects.requireNonNull(hiddenRows, "hiddenRows");
        }

        /**
         * Valued at the workbook's date, else {@code defaultValuationDate}, or always at {@code forcedValuationDate} when
         * given; the workbook decides its Monte Carlo; hidden rows counted.
         */
        public static Options at(LocalDate defaultValuationDate, Optional<LocalDate> forcedValuationDate, String toolVersion) {
            return new Options(defaultValuationDate, forcedValuationDate, toolVersion, OptionalInt.empty(), OptionalLong.empty(),
                    RiskSettings.NONE, HiddenRows.COUNT);
        }

        /** These options with hidden rows counted or left out. */
        public Options withHiddenRows(HiddenRows rows) {
            return new Options(defaultValuationDate, forcedValuationDate, toolVersion, monteCarloRuns, monteCarloSeed, riskOverrides, rows);
        }

        /** These options with the Monte Carlo's runs, seed and settings from the command line (empty: the workbook's). */
        public Options withMonteCarlo(OptionalInt runs, OptionalLong seed, RiskSettings overrides) {
            return new Options(defaultValuationDate, forcedValuationDate, toolVersion, runs, seed, overrides, hiddenRows);
        }

        /** These options with no Monte Carlo, whatever the workbook asks for ({@code validate}). */
        public Options withoutMonteCarlo() {
            return withMonteCarlo(OptionalInt.of(0), OptionalLong.empty(), RiskSettings.NONE);
        }
    }

    /** Seed of a Monte Carlo when neither --seed nor the workbook gives one (as {@code gpuroi quote}). */
    public static final long DEFAULT_SEED = 1;

    /**
     * What one workbook gave: what was read, everything computed from it, and the input's digest.
     *
     * @param result the analysis, the Monte Carlo profiles (empty when no runs were asked for) and the sensitivity figures
     *               of the clusters the outputs show ({@link ConversionJob} computes those)
     */
    public record Analyzed(Path input, WorkbookInput read, FleetResult result, String inputSha256) {
        public PortfolioAnalysis analysis() {
            return result.analysis();
        }

        /** A risk profile per cluster, in cluster order; empty when no Monte Carlo was run. */
        public List<RiskProfile> risks() {
            return result.risks();
        }

        public List<ContractRiskProfile> contractRisks() {
            return result.contractRisks();
        }

        public List<InputNote> warnings() {
            return read.notes(InputNote.Kind.WARNING);
        }

        /** The same, with these sensitivity figures. */
        public Analyzed withFigures(ClusterFigures figures) {
            return new Analyzed(input, read, result.withFigures(figures), inputSha256);
        }

        /** The same, with what was read replaced (a note added). */
        Analyzed withRead(WorkbookInput noted) {
            return new Analyzed(input, noted, result, inputSha256);
        }
    }

    /**
     * The Monte Carlo paths for a workbook: --runs when given, else the Assumptions' runs, else 0 (none);
     * the seed likewise, else {@link #DEFAULT_SEED}.
     */
    static int runs(WorkbookInput read, Options options) {
        if (options.monteCarloRuns().isPresent()) {
            return options.monteCarloRuns().getAsInt();
        }
        return (int) Math.min(Integer.MAX_VALUE, read.monteCarloRuns().orElse(0));
    }

    static long seed(WorkbookInput read, Options options) {
        if (options.monteCarloSeed().isPresent()) {
            return options.monteCarloSeed().getAsLong();
        }
        return read.monteCarloSeed().orElse(DEFAULT_SEED);
    }

    /** Reads and analyses a workbook without writing anything ({@code validate}). */
    public static Analyzed analyze(Path input, Options options) throws WorkbookException, IOException {
        return analyze(input, options, false);
    }

    /**
     * Reads and analyses a workbook; with {@code keepParsed}, the workbook as parsed is kept in {@link Analyzed#read()} for
     * {@link #write}, which then copies its sheets without parsing the input again. A kept workbook is the caller's to
     * {@link gpuroi.workbook.ParsedInput#release release} if nothing is written.
     */
    static Analyzed analyze(Path input, Options options, boolean keepParsed) throws WorkbookException, IOException {
        String sha256 = sha256(input);
        WorkbookInput read = keepParsed
                ? WorkbookReader.readKeepingParsed(input, options.defaultValuationDate(), options.hiddenRows(),
                        options.forcedValuationDate().isPresent())
                : WorkbookReader.read(input, options.defaultValuationDate(), options.hiddenRows(),
                        options.forcedValuationDate().isPresent());
        try {
            return analyzeRead(input, options, read, sha256);
        } catch (WorkbookException | RuntimeException e) {
            read.parsed().release();
            throw e;
        }
    }

    private static Analyzed analyzeRead(Path input, Options options, WorkbookInput read, String sha256) throws WorkbookException {
        Portfolio portfolio = read.portfolio();
        Assumptions assumptions = options.forcedValuationDate()
                .map(date -> portfolio.assumptions().withValuationDate(date))
                .orElse(portfolio.assumptions());
        PortfolioAnalysis analysis;
        try {
            analysis = RoiEngine.analyze(portfolio, assumptions);
        } catch (InvalidValueException e) {
            // The reader checks contracts against their clusters; this is the engine's last word on them.
            throw new WorkbookException(List.of(new CellProblem(input.getFileName().toString(), "", "", e.found(),
                    e.label() + ": " + e.expected())), read.notes(InputNote.Kind.WARNING));
        }
        analysis = withTornadoRanges(analysis, read);
        WorkbookInput noted = withLifeEndedWarnings(read, analysis);
        int runs = runs(read, options);
        if (runs == 0) {
            return new Analyzed(input, noted, new FleetResult(analysis, List.of(), List.of(), ClusterFigures.none()), sha256);
        }
        String fileName = input.getFileName().toString();
        try {
            refuseAbsurdMonteCarlo(fileName, runs, portfolio, analysis);
        } catch (WorkbookException e) {
            throw new WorkbookException(e.problems(), read.notes(InputNote.Kind.WARNING));
        }
        RiskSettings settings = read.riskSettings().overriddenBy(options.riskOverrides());
        RiskInputs base = RiskInputs.defaults(seed(read, options)).withPaths(runs);
        List<RiskProfile> risks;
        try {
            risks = MonteCarlo.analyze(portfolio, analysis.assumptions(), cluster -> settings.forCluster(base, cluster));
        } catch (InvalidValueException e) {
            // A range given as an amount can make a cluster's factor impossible (a negative capex); say which.
            throw new WorkbookException(List.of(new CellProblem(fileName, "", "", e.found(), e.label() + ": " + e.expected())),
                    read.notes(InputNote.Kind.WARNING));
        }
        List<ContractRiskProfile> contractRisks = ContractMonteCarlo.analyze(analysis.contracts(), analysis.assumptions(),
                settings.forContracts(base), portfolio.clusters().size());
        return new Analyzed(input, noted, new FleetResult(analysis, risks, contractRisks, ClusterFigures.none()), sha256);
    }

    /**
     * A warning for each owned cluster whose useful life ended before the valuation date: the engine counts its residual
     * once, as sold at the end of life, and has nothing left to hold, which a reader should not have to infer from a $0.
     */
    static WorkbookInput withLifeEndedWarnings(WorkbookInput read, PortfolioAnalysis analysis) {
        List<InputNote> notes = new ArrayList<>(read.notes());
        for (ClusterAnalysis c : analysis.clusters()) {
            c.metrics().hold().flatMap(h -> h.lifeEndedOn()).ifPresent(ended -> notes.add(new InputNote(InputNote.Kind.WARNING,
                    TemplateWorkbook.FLEET_SHEET, "cluster " + c.cluster().id() + ": its useful life ended on " + ended
                    + ", before the valuation date " + analysis.assumptions().valuationDate() + "; every flow is realized, its residual"
                    + " was counted once as its sale at the end of life, and nothing is left to hold. If it is still in service,"
                    + " extend its life.")));
        }
        return notes.size() == read.notes().size() ? read : read.withNotes(notes);
    }

    /** Each cluster's analysis with the low / high values the workbook's Risk sheet gives, for its tornado. */
    private static PortfolioAnalysis withTornadoRanges(PortfolioAnalysis analysis, WorkbookInput read) {
        if (read.riskSettings().ranges().isEmpty()) {
            return analysis;
        }
        List<ClusterAnalysis> clusters = analysis.clusters().stream()
                .map(c -> c.withTornadoRanges(read.tornadoRanges(c.cluster())))
                .toList();
        return new PortfolioAnalysis(analysis.assumptions(), clusters, analysis.contracts(), analysis.rollup());
    }

    /**
     * Paths × months beyond which a Monte Carlo would run for hours on a small machine (about 50 ns a
     * path-month on the 2-core reference machine: 2·10^10 is some 15 minutes of both cores).
     */
    public static final double MAX_PATH_MONTHS = 2e10;

    /** Refuses a run whose paths × months (every cluster's life, every contract's term) passes {@link #MAX_PATH_MONTHS}. */
    static void refuseAbsurdMonteCarlo(String fileName, int runs, Portfolio portfolio, PortfolioAnalysis analysis)
            throws WorkbookException {
        double months = 0;
        for (var cluster : portfolio.clusters()) {
            months += cluster.lifeMonths();
        }
        for (var contract : analysis.contracts()) {
            months += contract.contract().termMonths();
        }
        double pathMonths = runs * months;
        if (pathMonths > MAX_PATH_MONTHS) {
            throw new WorkbookException(List.of(new CellProblem(fileName, "", "",
                    String.format(Locale.US, "Monte Carlo of %,d runs × %,.0f months of clusters and contracts = %.1e path-months", runs, months, pathMonths),
                    String.format(Locale.US, "at most %.0e path-months (fewer runs, e.g. --runs %,d)", MAX_PATH_MONTHS,
                            Math.max(1, (long) (MAX_PATH_MONTHS / months))))));
        }
    }

    /**
     * Writes the computed workbook for an analysed input to {@code output}: through a temporary file
     * moved into place, so a reader never sees half a file; the input is only read.
     */
    static void write(Analyzed analyzed, Path output, Options options) throws IOException {
        Path input = analyzed.input();
        refuseToOverwriteInput(input, output);
        RunInfo runInfo = new RunInfo(input.getFileName().toString(), analyzed.inputSha256(), options.toolVersion(),
                analyzed.analysis().assumptions().valuationDate());
        try {
            WorkbookWriter.write(input, analyzed.read().parsed(), output, analyzed.result(), analyzed.read().notes(),
                    analyzed.read().cells(), runInfo);
        } catch (FileSystemException e) {
            // The writer reports what the file system refused as a FileSystemException; unless it is about
            // reading the input again, the machine is at fault (full, read-only, no such folder), not the workbook.
            if (e.getFile() != null && Path.of(e.getFile()).toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize())) {
                throw e;
            }
            throw new OutputException(output, e);
        }
    }

    /** Fails when {@code output} is the input workbook itself: gpuroi only ever reads its inputs. */
    static void refuseToOverwriteInput(Path input, Path output) throws IOException {
        if (Files.exists(output) && Files.isSameFile(input, output)) {
            throw new IOException("the output " + output + " is the input itself; gpuroi never overwrites an input workbook (choose another -o)");
        }
    }

    /**
     * Writes the portfolio memo and the cluster and contract memos {@code selection} chooses into {@code folder}, only once
     * all are rendered (see {@link MemoFolder}); the portfolio memo names the rest and {@code workbook}, the workbook
     * written with the memos, as where its long tables' left-out rows are listed; the reader's notes become each memo's
     * "source" column.
     */
    static List<Path> writeMemos(Analyzed analyzed, MemoRenderer renderer, Path folder, Options options, MemoSelection selection,
                                 Path workbook) throws MemoTemplateException, IOException {
        List<SourceNote> notes = new ArrayList<>();
        for (InputNote note : analyzed.read().notes()) {
            notes.add(new SourceNote(note.kind().name().toLowerCase(Locale.ROOT), note.location(), note.message()));
        }
        Path input = analyzed.input();
        MemoContext context = new MemoContext(input.getFileName().toString(), analyzed.inputSha256(), options.toolVersion(), notes,
                workbook.getFileName().toString());
        try {
            return MemoFolder.replace(folder,
                    staging -> renderer.writeAll(analyzed.result(), selection, context, staging));
        } catch (IOException e) {
            // Memos are rendered in memory: whatever fails here is the folder or the disk.
            throw new OutputException(folder, e);
        }
    }

    /**
     * The analysis with a note for each cluster and contract {@code selection} leaves without a memo, so the ROI Notes sheet
     * and the console name them. Added after the memos are rendered: a memo's source notes are about its inputs, not about
     * which other memos exist.
     */
    static Analyzed withMemosLeftOut(Analyzed analyzed, MemoSelection selection) {
        if (selection.complete()) {
            return analyzed;
        }
        WorkbookInput read = analyzed.read();
        List<InputNote> notes = new ArrayList<>(read.notes());
        for (String id : selection.leftOut()) {
            notes.add(new InputNote(InputNote.Kind.MEMO_NOT_RENDERED, id, "no memo for " + id + ": " + selection.reason() + "."));
        }
        return analyzed.withRead(read.withNotes(notes));
    }

    /**
     * Deletes memos already written for a workbook that then could not be written, and their folder
     * when {@code folderWasNew} and nothing else is in it, so a failed run leaves no half set of outputs.
     */
    static void discardMemos(List<Path> memos, Path folder, boolean folderWasNew) throws IOException {
        for (Path memo : memos) {
            Files.deleteIfExists(memo);
        }
        if (folderWasNew && Files.isDirectory(folder)) {
            try (var left = Files.list(folder)) {
                if (left.findAny().isEmpty()) {
                    Files.delete(folder);
                }
            }
        }
    }

    /** {@code results/fleet.roi.xlsx → results/fleet.roi.memos}: the memo folder beside an output workbook. */
    public static Path defaultMemoFolder(Path output) {
        String name = output.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? name.substring(0, name.length() - 5) : name;
        return output.resolveSibling(stem + ".memos");
    }

    /** {@code fleet.xlsx → fleet.roi.xlsx} beside the input. */
    public static Path defaultOutput(Path input) {
        String name = input.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? name.substring(0, name.length() - 5) : name;
        return input.resolveSibling(stem + ".roi.xlsx");
    }

    /** The input's SHA-256; none for what is not a regular file (a pipe), which cannot be read twice. */
    static String sha256(Path file) throws IOException {
        return Files.isRegularFile(file) ? InputDigest.sha256(file) : "";
    }
}
