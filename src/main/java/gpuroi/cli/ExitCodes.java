package gpuroi.cli;

/** What each exit code means; the same for every command. */
public final class ExitCodes {
    private ExitCodes() {
    }

    public static final int OK = 0;
    /** Only warnings, and the user asked for --strict. */
    public static final int WARNINGS = 1;
    /** Something the user gave is wrong; every problem was printed. */
    public static final int INVALID_INPUT = 2;
    /** A bug. */
    public static final int INTERNAL_ERROR = 3;
    /**
     * The machine failed a workbook, not its content: an output could not be written (a read-only or full disk, a folder
     * that is a file, a name too long) or an input could not be read (no permission, an I/O error); the message gives
     * the path and the operating system's reason.
     */
    public static final int OUTPUT_FAILED = 4;
}
