package gpuroi.cli;

import gpuroi.workbook.WorkbookWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What --help and the docs say is true: whole sentences, every sheet named, every file they point to present. */
class HelpTextTest {
    private static final Pattern MARKDOWN_FILE = Pattern.compile("[\\w./-]*\\w\\.md\\b");

    @Test
    void convertHelpNamesEveryResultSheetTheWriterCreates() {
        String help = oneLine(CliRun.of("convert", "--help").out());

        assertThat(help).contains(WorkbookWriter.OUTPUT_SHEETS);
    }

    @Test
    void theCommandListShowsEachCommandAsOneWholeSentence() {
        String help = oneLine(CliRun.of("--help").out());

        assertThat(Main.commandLine().getSubcommands()).containsKeys("quote", "init", "convert", "validate", "watch");
        for (Map.Entry<String, CommandLine> command : Main.commandLine().getSubcommands().entrySet()) {
            // The list shows a command's header when it has one (picocli's help command does), else its description's first line.
            CommandLine.Model.UsageMessageSpec usage = command.getValue().getCommandSpec().usageMessage();
            String summary = (usage.header().length > 0 ? usage.header() : usage.description())[0];
            assertThat(summary).as(command.getKey()).endsWith(".").doesNotContain(". ");
            assertThat(help).as(command.getKey()).contains(command.getKey() + " " + summary);
        }
    }

    @Test
    void everyFileTheHelpNamesIsInTheRepository() {
        List<String> usages = new ArrayList<>(List.of(CliRun.of("--help").out()));
        Main.commandLine().getSubcommands().keySet().forEach(name -> usages.add(CliRun.of(name, "--help").out()));

        for (String usage : usages) {
            Matcher file = MARKDOWN_FILE.matcher(usage);
            while (file.find()) {
                assertThat(Path.of(file.group())).as("named in --help").exists();
            }
        }
    }

    @Test
    void everyMarkdownFileTheDocsNameIsInTheRepository() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(documents::add);
        }
        for (Path document : documents) {
            Matcher file = MARKDOWN_FILE.matcher(Files.readString(document));
            while (file.find()) {
                String name = file.group();
                boolean beside = Files.exists(document.resolveSibling(name));
                boolean fromRoot = Files.exists(Path.of(name));
                assertThat(beside || fromRoot).as(document + " names " + name).isTrue();
            }
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
