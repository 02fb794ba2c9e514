package gpuroi.cli;

import gpuroi.report.MemoRenderer;
import gpuroi.report.MemoSelection;
import gpuroi.report.MemoTemplateException;
import gpuroi.report.Paper;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The memo options convert and watch share: whether to render memos, how many, with which templates, on which paper. */
final class MemoOptions {

    @Option(names = "--no-memos", description = "Write the computed workbooks only, no PDF memos.")
    boolean noMemos;

    @Option(names = "--memos", paramLabel = "N|all", description = "Cluster and contract memos to render: N (those with the most money at stake, capex or contract value) or all;"
                    + " the portfolio memo names the rest. Default: " + MemoSelection.DEFAULT_CAP + ".")
    String memos;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Memo templates from this folder (a copy of templates/ you edited). Default: the built-in ones.")
    Path templates;

    @Option(names = "--paper", paramLabel = "a4|letter", defaultValue = "a4", description = "Paper size of the memos. Default: ${DEFAULT-VALUE}.")
    String paper;

    /** How many cluster and contract memos to render (all when empty); refuses --memos with --no-memos. */
    OptionalInt cap() {
        if (noMemos && memos != null) {
            throw new UserInputException(List.of("--memos " + memos + " and --no-memos: choose one"));
        }
        try {
            return memos == null ? OptionalInt.of(MemoSelection.DEFAULT_CAP) : MemoSelection.parseCap(memos);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(List.of("--" + e.getMessage()));
        }
    }

    /**
     * The renderer with the chosen templates and paper; empty with --no-memos. Templates that do not load are refused here,
     * before any workbook. Call {@link #cap()} first: it refuses --memos with --no-memos.
     */
    Optional<MemoRenderer> renderer() {
        if (noMemos) {
            return Optional.empty();
        }
        try {
            Paper paperSize = Paper.parse(paper);
            return Optional.of(templates == null ? MemoRenderer.builtIn(paperSize) : MemoRenderer.fromDirectory(templates, paperSize));
        } catch (IllegalArgumentException e) {
            throw new UserInputException(List.of("--" + e.getMessage()));
        } catch (MemoTemplateException e) {
            throw new UserInputException(List.of(e.getMessage()));
        }
    }
}
