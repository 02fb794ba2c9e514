package gpuroi.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A template folder given with {@code --templates} may come from anyone: through {@code gpuroi
 * convert} on a real workbook, a template cannot loop or recurse without end, read a file, or call
 * Java. Each attempt fails with the template named, exit code 2 and no workbook or memo written.
 */
class TemplateSandboxTest {
    private static final List<String> TEMPLATES = List.of("cluster-memo.ftlh", "contract-memo.ftlh", "portfolio-memo.ftlh", "memo.css");
    private static final String SECRET = "TOP-SECRET-7f3a";

    @TempDir
    Path dir;

    private Path templates;
    private Path input;

    /** The shipped templates copied to {@code dir/templates}, with {@code line} added after {@code <body>} of one of them. */
    private void templatesWith(String template, String line) throws IOException {
        templates = Files.createDirectories(dir.resolve("templates"));
        for (String name : TEMPLATES) {
            Files.copy(Path.of("templates", name), templates.resolve(name));
        }
        Path file = templates.resolve(template);
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.add(lines.indexOf("<body>") + 1, line);
        Files.write(file, lines, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("secret.txt"), SECRET);
        Path work = Files.createDirectories(dir.resolve("work"));
        input = Files.write(work.resolve("fleet.xlsx"), FleetWorkbooks.workedExample("a", 8, 30_000, "70%"));
    }

    /** Converts with the templates; checks exit code 2, no secret, nothing written; returns the message. */
    private String refused(Duration within) throws IOException {
        long started = System.nanoTime();
        CliRun run = CliRun.of("convert", "--valuation-date", "2026-01-01", "--templates", templates.toString(), input.toString());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(took).isLessThan(within);
        assertThat(run.out() + run.err()).doesNotContain(SECRET).doesNotContain("\tat ").doesNotContain("internal error");
        try (Stream<Path> files = Files.list(input.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("fleet.xlsx");
        }
        return run.err();
    }

    @Test
    void aLoopWithoutEndIsStoppedAtTheTimeLimitWithTheTemplateNamed() throws Exception {
        templatesWith("cluster-memo.ftlh", "<#list 1.. as i></#list>");

        assertThat(refused(Duration.ofSeconds(30)))
                .contains("memo template cluster-memo.ftlh ran longer than 5 s and was stopped");
        // Interrupted, the template's loop ends: no template thread is left running.
        WatchFixtures.await("template threads to stop", Duration.ofSeconds(10), () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("gpuroi-template-") && t.getState() == Thread.State.RUNNABLE));
    }

    @Test
    void aLoopWritingWithoutEndIsStoppedByTheOutputLimitOrTheClock() throws Exception {
        templatesWith("portfolio-memo.ftlh", "<#list 1..999999999 as i>a line of text that goes on and on ${i}</#list>");

        assertThat(refused(Duration.ofSeconds(30))).containsPattern(
                "memo template portfolio-memo.ftlh(: wrote more than 32 million characters| ran longer than 5 s)");
    }

    @Test
    void aMacroThatCallsItselfIsStoppedWithTheTemplateNamed() throws Exception {
        templatesWith("portfolio-memo.ftlh", "<#macro again n><@again n + 1/></#macro><@again 1/>");

        assertThat(refused(Duration.ofSeconds(30))).contains("memo template portfolio-memo.ftlh calls itself too deeply");
    }

    @Test
    void includesAndImportsCannotLeaveTheTemplateFolder() throws Exception {
        for (String attempt : List.of("<#include \"/etc/passwd\" parse=false>", "<#include \"../secret.txt\" parse=false>",
                "<#import \"../secret.txt\" as s>", "<#include \"" + dir.resolve("secret.txt") + "\" parse=false>",
                "${\"<#include '../secret.txt' parse=false>\"?interpret}")) {
            templatesWith("portfolio-memo.ftlh", attempt);
            assertThat(refused(Duration.ofSeconds(30))).as(attempt).contains("portfolio-memo.ftlh");
            deleteTemplates();
        }
    }

    @Test
    void aLinkInTheTemplateFolderToAFileOutsideIsNotFollowed() throws Exception {
        templatesWith("portfolio-memo.ftlh", "<#include \"leak.txt\" parse=false>");
        Files.createSymbolicLink(templates.resolve("leak.txt"), dir.resolve("secret.txt"));

        assertThat(refused(Duration.ofSeconds(30))).contains("portfolio-memo.ftlh").contains("leak.txt");
    }

    @Test
    void templatesCannotReachJavaThroughNewApiStaticsEvalOrSettings() throws Exception {
        for (String attempt : List.of(
                "${\"freemarker.template.utility.Execute\"?new()(\"cat " + dir.resolve("secret.txt") + "\")}",
                "${\"freemarker.template.utility.ObjectConstructor\"?new()(\"java.io.File\", \"/etc/passwd\")}",
                "${title?api.getClass().getName()}",
                "${statics[\"java.lang.System\"].getProperty(\"user.home\")}",
                "${\"'freemarker.template.utility.Execute'?new()('id')\"?eval}",
                "<#setting api_builtin_enabled=true>",
                "<#setting new_builtin_class_resolver=\"unrestricted\">",
                "<#setting object_wrapper=\"DefaultObjectWrapper(2.3.35)\">")) {
            templatesWith("portfolio-memo.ftlh", attempt);
            assertThat(refused(Duration.ofSeconds(30))).as(attempt).contains("portfolio-memo.ftlh");
            deleteTemplates();
        }
    }

    @Test
    void anEntityInTheTemplatesXhtmlCannotReadALocalFileIntoTheMemo() throws Exception {
        templatesWith("portfolio-memo.ftlh", "<p>LEAK[&leak;]</p>");
        Path file = templates.resolve("portfolio-memo.ftlh");
        String text = Files.readString(file).replace("<html xmlns",
                "<!DOCTYPE html [<!ENTITY leak SYSTEM \"" + dir.resolve("secret.txt").toUri() + "\">]>\n<html xmlns");
        Files.writeString(file, text);

        CliRun run = CliRun.of("convert", "--valuation-date", "2026-01-01", "--templates", templates.toString(), input.toString());

        // The renderer resolves no external entity: the memo is made, with the entity empty.
        assertThat(run.exitCode()).as(run.err()).isZero();
        String memo = HostileFleets.pdfText(input.resolveSibling("fleet.roi.memos").resolve("portfolio.pdf"));
        assertThat(memo).contains("LEAK[]").doesNotContain(SECRET);
    }

    private void deleteTemplates() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }
}
