package gpuroi.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every line under "Examples:" in every command's --help runs as written, through the real command line,
 * in a fresh folder holding what a reader would have: each workbook it names (a copy of the bundled
 * sample), each folder it names with a trailing slash, and a copy of templates/ for --templates.
 * Relative paths are taken in that folder. An example runs to exit code 0 unless its comment says
 * "exit code N"; a watch without --once runs until stopped, so it is stopped once it is watching.
 */
class HelpExamplesTest {
    private static final Path SAMPLE = Path.of("samples/mixed-fleet.xlsx");
    private static final Path TEMPLATES = Path.of("templates");
    private static final Pattern DOCUMENTED_EXIT = Pattern.compile("exit code (\\d)");

    @TempDir
    Path root;

    @TestFactory
    Stream<DynamicTest> everyExampleInEveryHelpRunsAsWritten() {
        List<Example> examples = new ArrayList<>();
        for (String command : Main.commandLine().getSubcommands().keySet()) {
            examples.addAll(examples(CliRun.of(command, "--help").out()));
        }
        examples.addAll(examples(CliRun.of("--help").out()));
        assertThat(examples).extracting(Example::command).contains("convert", "init", "quote", "watch");
        return examples.stream().map(example -> DynamicTest.dynamicTest(example.line(), () -> run(example)));
    }

    /** The example lines of one usage text: continuation lines joined, comments kept apart. */
    static List<Example> examples(String usage) {
        List<Example> examples = new ArrayList<>();
        List<String> lines = usage.lines().toList();
        int start = lines.indexOf("Examples:");
        if (start < 0) {
            return examples;
        }
        StringBuilder pending = new StringBuilder();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.isBlank()) {
                break;
            }
            String text = line.strip();
            if (text.endsWith("\\")) {
                pending.append(text, 0, text.length() - 1).append(' ');
                continue;
            }
            String whole = pending.append(text).toString();
            pending.setLength(0);
            int hash = whole.indexOf(" #");
            String commandLine = (hash < 0 ? whole : whole.substring(0, hash)).strip();
            String comment = hash < 0 ? "" : whole.substring(hash + 2).strip();
            List<String> words = Arrays.asList(commandLine.split("\\s+"));
            assertThat(words.get(0)).as(whole).isEqualTo("gpuroi");
            assertThat(commandLine).as("examples are run without a shell: no quotes").doesNotContain("'", "\"");
            Matcher exit = DOCUMENTED_EXIT.matcher(comment);
            examples.add(new Example(whole, words.subList(1, words.size()), exit.find() ? Integer.parseInt(exit.group(1)) : 0));
        }
        return examples;
    }

    private void run(Example example) throws Exception {
        Path folder = Files.createTempDirectory(root, example.command());
        String[] args = prepare(example, folder);
        if (example.command().equals("watch") && !example.args().contains("--once")) {
            runUntilStopped(example, args);
            return;
        }
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(example.line() + "\n" + run.err()).isEqualTo(example.exitCode());
    }

    /**
     * The arguments with every path taken in {@code folder}, after creating what they name: picocli's own
     * parse says which arguments are paths, so no list of path options here can fall behind the commands.
     */
    private static String[] prepare(Example example, Path folder) throws IOException {
        ParseResult parsed = Main.commandLine().parseArgs(example.args().toArray(String[]::new)).subcommand();
        Map<String, ArgSpec> paths = new HashMap<>();
        for (ArgSpec arg : parsed.matchedArgs()) {
            boolean isPath = arg.type() == Path.class || Arrays.asList(arg.auxiliaryTypes()).contains(Path.class);
            if (isPath) {
                arg.originalStringValues().forEach(value -> paths.put(value, arg));
            }
        }
        List<String> args = new ArrayList<>();
        for (String word : example.args()) {
            ArgSpec arg = paths.get(word);
            if (arg == null) {
                args.add(word);
                continue;
            }
            Path path = folder.resolve(word);
            Files.createDirectories(path.getParent());
            if (arg instanceof OptionSpec option && option.longestName().equals("--templates")) {
                copyTree(TEMPLATES, path);
            } else if (word.endsWith("/")) {
                Files.createDirectories(path);
            } else if (arg.isPositional() && word.endsWith(".xlsx") && !example.command().equals("init")) {
                Files.copy(SAMPLE, path);
            }
            args.add(path.toString());
        }
        return args.toArray(String[]::new);
    }

    private static void runUntilStopped(Example example, String[] args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int[] code = {-1};
        Thread watch = new Thread(() -> code[0] = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args));
        watch.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!out.toString().contains("watching") && watch.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(out.toString()).as(example.line() + "\n" + err).contains("watching");
        watch.interrupt();
        watch.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(watch.isAlive()).as("stopped on request").isFalse();
        assertThat(code[0]).as(example.line() + "\n" + err).isEqualTo(example.exitCode());
        assertThat(out.toString()).contains("stopped");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    record Example(String line, List<String> args, int exitCode) {
        String command() {
            return args.get(0);
        }
    }
}
