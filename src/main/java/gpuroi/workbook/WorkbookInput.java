package gpuroi.workbook;

import gpuroi.model.Portfolio;
import java.util.List;

/**
 * What a workbook says, ready for the engine, and what the reader assumed to get there.
 *
 * @param portfolio the assumptions, clusters, contracts and market quotes read
 * @param notes     every default applied, catalog value used and warning, in reading order
 */
public record WorkbookInput(Portfolio portfolio, List<InputNote> notes) {
    public WorkbookInput {
        notes = List.copyOf(notes);
    }

    public List<InputNote> notes(InputNote.Kind kind) {
        return notes.stream().filter(n -> n.kind() == kind).toList();
    }
}
