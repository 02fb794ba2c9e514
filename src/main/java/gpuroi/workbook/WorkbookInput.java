package gpuroi.workbook;

import gpuroi.engine.Tornado;
import gpuroi.engine.TornadoRanges;
import gpuroi.model.Cluster;
import gpuroi.model.Portfolio;
import gpuroi.model.RiskSettings;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What a workbook says, ready for the engine, and what the reader assumed to get there.
 *
 * @param portfolio      the assumptions, clusters, contracts and market quotes read
 * @param notes          every default applied, catalog value used and warning, in reading order
 * @param monteCarloRuns the Assumptions sheet's Monte Carlo runs, when given (convert's default for --runs)
 * @param monteCarloSeed the Assumptions sheet's seed, when given (convert's default for --seed)
 * @param riskSettings   the Assumptions sheet's volatilities, correlation, jumps and sampler and the Risk sheet's
 *                       ranges, when given (command-line flags override them)
 * @param cells          the cell each number was read from, for the output's links back to the investor's sheets
 * @param parsed         the workbook as parsed, kept for the writer ({@link WorkbookReader#readKeepingParsed}); or
 *                       {@link ParsedInput#NONE}
 */
public record WorkbookInput(Portfolio portfolio, List<InputNote> notes, OptionalLong monteCarloRuns, OptionalLong monteCarloSeed,
                            RiskSettings riskSettings, InputCells cells, ParsedInput parsed) {
    public WorkbookInput {
        parsed = parsed == null ? ParsedInput.NONE : parsed;
        cells = cells == null ? InputCells.NONE : cells;
        notes = List.copyOf(notes);
        monteCarloRuns = monteCarloRuns == null ? OptionalLong.empty() : monteCarloRuns;
        monteCarloSeed = monteCarloSeed == null ? OptionalLong.empty() : monteCarloSeed;
        riskSettings = riskSettings == null ? RiskSettings.NONE : riskSettings;
    }

    public WorkbookInput(Portfolio portfolio, List<InputNote> notes, OptionalLong monteCarloRuns, OptionalLong monteCarloSeed,
                         RiskSettings riskSettings, InputCells cells) {
        this(portfolio, notes, monteCarloRuns, monteCarloSeed, riskSettings, cells, ParsedInput.NONE);
    }

    public WorkbookInput(Portfolio portfolio, List<InputNote> notes, OptionalLong monteCarloRuns, OptionalLong monteCarloSeed,
                         RiskSettings riskSettings) {
        this(portfolio, notes, monteCarloRuns, monteCarloSeed, riskSettings, InputCells.NONE);
    }

    public WorkbookInput(Portfolio portfolio, List<InputNote> notes, OptionalLong monteCarloRuns, OptionalLong monteCarloSeed) {
        this(portfolio, notes, monteCarloRuns, monteCarloSeed, RiskSettings.NONE);
    }

    public WorkbookInput(Portfolio portfolio, List<InputNote> notes) {
        this(portfolio, notes, OptionalLong.empty(), OptionalLong.empty());
    }

    /**
     * The Risk sheet's ranges as tornado ranges for one cluster, in each input's own unit (a range given
     * as a share of the cluster's own value is applied to it); empty when the sheet gives none, so the
     * tornado falls back to ±20%. See {@link TornadoRanges}.
     */
    public Map<Tornado.Input, Tornado.Range> tornadoRanges(Cluster cluster) {
        return TornadoRanges.of(riskSettings, cluster, portfolio.assumptions());
    }

    public List<InputNote> notes(InputNote.Kind kind) {
        return notes.stream().filter(n -> n.kind() == kind).toList();
    }

    /** The same reading with other notes (warnings found after reading), the parsed workbook still kept. */
    public WorkbookInput withNotes(List<InputNote> otherNotes) {
        return new WorkbookInput(portfolio, otherNotes, monteCarloRuns, monteCarloSeed, riskSettings, cells, parsed);
    }
}
