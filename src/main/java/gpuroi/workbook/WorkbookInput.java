package gpuroi.workbook;

import gpuroi.model.Portfolio;
import java.util.List;
import java.util.OptionalLong;

/**
 * What a workbook says, ready for the engine, and what the reader assumed to get there.
 *
 * @param portfolio      the assumptions, clusters, contracts and market quotes read
 * @param notes          every default applied, catalog value used and warning, in reading order
 * @param monteCarloRuns the Assumptions sheet's Monte Carlo runs, when given (convert's default for --runs)
 * @param monteCarloSeed the Assumptions sheet's seed, when given (convert's default for --seed)
 */
public record WorkbookInput(Portfolio portfolio, List<InputNote> notes, OptionalLong monteCarloRuns, OptionalLong monteCarloSeed) {
    public WorkbookInput {
        notes = List.copyOf(notes);
        monteCarloRuns = monteCarloRuns == null ? OptionalLong.empty() : monteCarloRuns;
        monteCarloSeed = monteCarloSeed == null ? OptionalLong.empty() : monteCarloSeed;
    }

    public WorkbookInput(Portfolio portfolio, List<InputNote> notes) {
        this(portfolio, notes, OptionalLong.empty(), OptionalLong.empty());
    }

    public List<InputNote> notes(InputNote.Kind kind) {
        return notes.stream().filter(n -> n.kind() == kind).toList();
    }
}
