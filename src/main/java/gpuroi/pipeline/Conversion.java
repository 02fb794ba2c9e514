package gpuroi.pipeline;

import gpuroi.engine.PortfolioAnalysis;
import gpuroi.engine.RoiEngine;
import gpuroi.model.Assumptions;
import gpuroi.model.InvalidValueException;
import gpuroi.model.Portfolio;
import gpuroi.workbook.CellProblem;
import gpuroi.report.MemoContext;
import gpuroi.report.MemoRenderer;
import gpuroi.report.MemoTemplateException;
import gpuroi.report.SourceNote;
import gpuroi.workbook.InputNote;
import gpuroi.workbook.RunInfo;
import gpuroi.workbook.WorkbookException;
import gpuroi.workbook.WorkbookInput;
import gpuroi.workbook.WorkbookReader;
import gpuroi.workbook.WorkbookWriter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The pipeline every shell calls (command line, hot folder): read a workbook, run the engine on
 * each cluster, write the results beside the untouched input.
 */
public final class Conversion {
    private Conversion() {
    }

    /**
     * How to run.
     *
     * @param defaultValuationDate used when the workbook names none
     * @param forcedValuationDate  when present, replaces the workbook's own valuation date
     * @param toolVersion          recorded in every output
     */
    public record Options(LocalDate defaultValuationDate, Optional<LocalDate> forcedValuationDate, String toolVersion) {
    }

    /** What one workbook gave: what was read, the engine's results, and the input's digest. */
    public record Analyzed(Path input, WorkbookInput read, PortfolioAnalysis analysis, String inputSha256) {
        public List<InputNote> warnings() {
            return read.notes(InputNote.Kind.WARNING);
        }
    }

    /** Reads and analyses a workbook without writing anything ({@code validate}). */
    public static Analyzed analyze(Path input, Options options) throws WorkbookException, IOException {
        String sha256 = sha256(input);
        WorkbookInput read = WorkbookReader.read(input, options.defaultValuationDate());
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
                    e.field() + ": " + e.expected())));
        }
        return new Analyzed(input, read, analysis, sha256);
    }

    /**
     * Writes the computed workbook for an analysed input to {@code output}: through a temporary file
     * moved into place, so a reader never sees half a file; the input is only read.
     */
    public static void write(Analyzed analyzed, Path output, Options options) throws IOException {
        Path input = analyzed.input();
        refuseToOverwriteInput(input, output);
        RunInfo runInfo = new RunInfo(input.getFileName().toString(), analyzed.inputSha256(), options.toolVersion(),
                analyzed.analysis().assumptions().valuationDate());
        WorkbookWriter.write(input, output, analyzed.analysis(), analyzed.read().notes(), runInfo);
    }

    /** Fails when {@code output} is the input workbook itself: gpuroi only ever reads its inputs. */
    public static void refuseToOverwriteInput(Path input, Path output) throws IOException {
        if (Files.exists(output) && Files.isSameFile(input, output)) {
            throw new IOException("the output " + output + " is the input itself; gpuroi never overwrites an input workbook (choose another -o)");
        }
    }

    /**
     * Writes the portfolio memo and a memo per cluster into {@code folder}; the reader's notes
     * become each memo's "source" column.
     */
    public static List<Path> writeMemos(Analyzed analyzed, MemoRenderer renderer, Path folder, Options options)
            throws MemoTemplateException, IOException {
        List<SourceNote> notes = new ArrayList<>();
        for (InputNote note : analyzed.read().notes()) {
            notes.add(new SourceNote(note.kind().name().toLowerCase(Locale.ROOT), note.location(), note.message()));
        }
        Path input = analyzed.input();
        MemoContext context = new MemoContext(input.getFileName().toString(), analyzed.inputSha256(), options.toolVersion(), notes);
        return renderer.writeAll(analyzed.analysis(), context, folder);
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

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
