package gpuroi.cli;

import gpuroi.workbook.PoiWarmUp;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The {@code gpuroi} command: a thin shell over the pipeline; every subcommand is one class. */
@Command(name = "gpuroi",
        mixinStandardHelpOptions = true,
        versionProvider = ToolVersion.Provider.class,
        description = {"Buy, rent, hold or resell: ROI of GPU clusters and contracts.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:warnings only, with --strict",
            "2:invalid input (each problem is named)",
            "3:internal error (a bug: please report it)",
            "4:an output could not be written (the path and the reason are named)"})
public final class Main implements Runnable {

    /** The subcommands, in the order the help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(QuoteCommand.class, InitCommand.class, ConvertCommand.class,
            ValidateCommand.class, WatchCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a command, e.g. 'gpuroi quote --preset article-h100'.");
    }

    public static void main(String[] args) {
        // What POI first waits for (its schema types, log4j, the JDK's XML and fonts) loads on other cores while picocli
        // builds the command line and the workbook is read: a short run ends sooner.
        if (args.length > 0 && (args[0].equals("convert") || args[0].equals("validate"))) {
            PoiWarmUp.start(args[0].equals("convert"));
        }
        // Java 17 encodes System.out in the locale's charset, ASCII under LANG=C (cron, systemd, containers),
        // which turns −, € and × into '?': gpuroi writes UTF-8 whatever the locale.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.setOut(out);
        System.setErr(err);
        System.exit(run(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true), args));
    }

    /** The whole command line, every subcommand added: what help lists. */
    static CommandLine commandLine() {
        return withCommands(COMMANDS);
    }

    private static CommandLine withCommands(List<Class<?>> commands) {
        CommandLine commandLine = new CommandLine(new Main());
        // A loop, not forEach(commandLine::addSubcommand): the start-up archive would have to link picocli's CommandLine,
        // compiled for Java 5, to keep that method reference, and leaves it out instead (Java 17 archives such a class
        // only unlinked), so every run would load and verify it from the jar.
        for (Class<?> command : commands) {
            commandLine.addSubcommand(command);
        }
        return commandLine;
    }

    /** Runs a command line with the given streams and returns the exit code (tests call this directly). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = withCommands(commandsFor(args));
        commandLine.setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((exception, cmd, parseResult) -> {
                    if (exception instanceof UserInputException input) {
                        cmd.getErr().println(input.getMessage());
                        return ExitCodes.INVALID_INPUT;
                    }
                    cmd.getErr().println("gpuroi: internal error: " + exception
                            + "\nThis is a bug in gpuroi; please report it with the command you ran.");
                    if (System.getenv("GPUROI_DEBUG") != null) {
                        exception.printStackTrace(cmd.getErr());
                    }
                    return ExitCodes.INTERNAL_ERROR;
                });
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            CommandLine cmd = exception.getCommandLine();
            cmd.getErr().println("gpuroi: " + exception.getMessage());
            cmd.getErr().println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options, their units and defaults.");
            return ExitCodes.INVALID_INPUT;
        });
        return commandLine.execute(args);
    }

    /**
     * Only the command named first, when one is: picocli reflects on every option of every command it is
     * given. Anything else (help, --help, a mistyped name) gets them all, so help and suggestions list them all.
     */
    private static List<Class<?>> commandsFor(String... args) {
        if (args.length > 0) {
            for (Class<?> command : COMMANDS) {
                if (command != CommandLine.HelpCommand.class && command.getAnnotation(Command.class).name().equals(args[0])) {
                    return List.of(command);
                }
            }
        }
        return COMMANDS;
    }
}
