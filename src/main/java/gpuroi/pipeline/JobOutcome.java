package gpuroi.pipeline;

import gpuroi.workbook.CellProblem;
import gpuroi.workbook.InputNote;
import gpuroi.workbook.WorkbookException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How one conversion job ended, for every shell to report: the command line prints it as text or JSON and picks the
 * exit code, the hot folder moves the input to done or failed. Built only through its named factories.
 *
 * @param input          the workbook
 * @param kind           how it ended
 * @param output         the computed workbook written (only when {@link Kind#CONVERTED})
 * @param analyzed       what was read and computed (when it got that far and was not refused)
 * @param memos          the memos written, portfolio first
 * @param errors         the workbook's problems, cell by cell ({@link Kind#REJECTED})
 * @param rejectedWarnings the warnings of a workbook refused for its problems
 * @param message        for {@link Kind#FAILED} and {@link Kind#OUTPUT_FAILED}: one line saying what and why
 * @param machineReason  when the machine refused to let the input be read (a permission, an I/O error): the operating
 *                       system's words; a hot folder tries such an input again rather than failing it
 */
public record JobOutcome(Path input, Kind kind, Optional<Path> output, Optional<Conversion.Analyzed> analyzed, List<Path> memos,
                         List<CellProblem> errors, List<InputNote> rejectedWarnings, Optional<String> message,
                         Optional<String> machineReason) {

    /** How a job ended. */
    public enum Kind {
        /** Read, computed and written. */
        CONVERTED,
        /** Read and computed, nothing written: validate, or --strict stopped it at a warning. */
        CHECKED,
        /** The workbook has problems the analyst must fix, each at its cell. */
        REJECTED,
        /** The input could not be read as a workbook, or a memo template failed: one message. */
        FAILED,
        /** The workbook was fine but the machine refused an output (a full or read-only disk). */
        OUTPUT_FAILED
    }

    public JobOutcome {
        memos = List.copyOf(memos);
        errors = List.copyOf(errors);
        rejectedWarnings = List.copyOf(rejectedWarnings);
    }

    public static JobOutcome converted(Path input, Path output, Conversion.Analyzed analyzed, List<Path> memos) {
        return new JobOutcome(input, Kind.CONVERTED, Optional.of(output), Optional.of(analyzed), memos, List.of(), List.of(),
                Optional.empty(), Optional.empty());
    }

    public static JobOutcome checked(Path input, Conversion.Analyzed analyzed) {
        return new JobOutcome(input, Kind.CHECKED, Optional.empty(), Optional.of(analyzed), List.of(), List.of(), List.of(),
                Optional.empty(), Optional.empty());
    }

    /** A workbook refused: every problem with the warnings read before them, or the one line about the file itself. */
    public static JobOutcome rejected(Path input, WorkbookException e) {
        if (e.isAboutTheFile()) {
            // "secret.xlsx is password-protected; remove the password (File > Info > …)": the one line says what to do.
            return failed(input, e.getMessage());
        }
        return new JobOutcome(input, Kind.REJECTED, Optional.empty(), Optional.empty(), List.of(), e.problems(), e.warnings(),
                Optional.empty(), Optional.empty());
    }

    /** A job that stopped at one message: a template that failed, a file that is not a workbook. */
    public static JobOutcome failed(Path input, String message) {
        return new JobOutcome(input, Kind.FAILED, Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(),
                Optional.of(message), Optional.empty());
    }

    /** An input that could not be read: {@code NAME: REASON}, and the machine's reason when it was the machine's fault. */
    public static JobOutcome unreadable(Path input, IOException e) {
        String name = input.getFileName() == null ? input.toString() : input.getFileName().toString();
        Optional<String> machine = EnvironmentFault.reason(e);
        // "Permission denied" says what is wrong; Java's own message for it is only the path.
        String message = machine.map(reason -> reason.equals(ConversionJob.CHANGED_WHILE_CONVERTED) ? name + ": " + reason
                        : name + ": cannot read " + input + ": " + reason)
                .orElse(name + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        return new JobOutcome(input, Kind.FAILED, Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(),
                Optional.of(message), machine);
    }

    /** Whether the machine, not the workbook, failed the job: an output it refused, or an input it would not let be read. */
    public boolean machineFault() {
        return outputFailed() || machineReason.isPresent();
    }

    /** A workbook read and computed whose output could not be written: {@code cannot write PATH: REASON}. */
    public static JobOutcome outputFailed(Path input, OutputException e) {
        return new JobOutcome(input, Kind.OUTPUT_FAILED, Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(),
                Optional.of(e.getMessage()), Optional.of(e.reason()));
    }

    /** Whether nothing was computed to report: the input's problems, or the machine's. */
    public boolean failed() {
        return analyzed.isEmpty();
    }

    /** Whether it failed for want of a writable output rather than for its input. */
    public boolean outputFailed() {
        return kind == Kind.OUTPUT_FAILED;
    }

    /** The message of a job that stopped at one (not for a workbook refused cell by cell). */
    public Optional<String> fileError() {
        return kind == Kind.FAILED ? message : Optional.empty();
    }

    /** The message of an output the machine refused. */
    public Optional<String> outputError() {
        return kind == Kind.OUTPUT_FAILED ? message : Optional.empty();
    }

    public List<InputNote> warnings() {
        return analyzed.map(Conversion.Analyzed::warnings).orElse(rejectedWarnings);
    }

    /** How many problems a refused or failed job reports. */
    public int problemCount() {
        return errors.size() + (fileError().isPresent() ? 1 : 0);
    }
}
