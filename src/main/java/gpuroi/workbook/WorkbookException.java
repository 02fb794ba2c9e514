package gpuroi.workbook;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A workbook that cannot be read, with every problem found in it and every warning noted while
 * reading it, so that the user can fix them all in one pass. The message is meant to be shown as
 * is: one line per problem, no stack trace.
 */
public final class WorkbookException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<CellProblem> problems;
    private final transient List<InputNote> warnings;
    private final boolean aboutTheFile;

    public WorkbookException(List<CellProblem> problems) {
        this(problems, List.of());
    }

    /** The problems, with the warnings noted before they were found (shown with them, not lost behind them). */
    public WorkbookException(List<CellProblem> problems, List<InputNote> warnings) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
        this.warnings = List.copyOf(warnings);
        this.aboutTheFile = false;
    }

    /** A problem with the file itself (missing, not .xlsx, encrypted…): one clear line. */
    static WorkbookException ofFile(String fileName, String found, String expected, String oneLine) {
        return new WorkbookException(oneLine, List.of(new CellProblem(fileName, "", "", found, expected)));
    }

    private WorkbookException(String message, List<CellProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
        this.warnings = List.of();
        this.aboutTheFile = true;
    }

    /**
     * Whether the file itself cannot be read (missing, empty, not .xlsx, encrypted): the message is
     * then one line saying what the file is and what to do, better shown than the bare found/expected.
     */
    public boolean isAboutTheFile() {
        return aboutTheFile;
    }

    public List<CellProblem> problems() {
        return problems;
    }

    /** The warnings ({@link InputNote.Kind#WARNING}) noted while reading, up to the point the workbook was refused. */
    public List<InputNote> warnings() {
        return warnings;
    }

    private static String summary(List<CellProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a WorkbookException needs at least one problem");
        }
        if (problems.size() == 1) {
            return problems.get(0).describe();
        }
        return problems.get(0).fileName() + " has " + problems.size() + " problems:\n"
                + problems.stream().map(p -> "  " + p.describe()).collect(Collectors.joining("\n"));
    }
}
