package gpuroi.report;

import java.util.Optional;
import gpuroi.engine.SensitivityFigures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Templates may come from a user's folder: values are escaped, errors point at the line, Java stays out of reach. */
class MemoTemplateSafetyTest {
    @TempDir
    Path dir;

    /** A copy of the shipped templates, as a user would make before editing them. */
    private Path copyOfTemplates() throws IOException {
        for (String name : List.of("cluster-memo.ftlh", "contract-memo.ftlh", "portfolio-memo.ftlh", "memo.css")) {
            Files.copy(Path.of("templates", name), dir.resolve(name));
        }
        return dir;
    }

    private void replaceLine(Path file, int line, String text) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.set(line - 1, text);
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    @Test
    void aClusterIdThatLooksLikeMarkupOrATemplateExpressionIsPrintedLiterally() throws Exception {
        String id = "<script>alert('x')</script> ${x} & <b>bold</b>";
        byte[] pdf = MemoRenderer.builtIn(Paper.A4).clusterMemo(MemoFixtures.analysis(id), SensitivityFigures.of(MemoFixtures.analysis(id)), Optional.empty(), MemoFixtures.ASSUMPTIONS, MemoFixtures.CONTEXT);

        assertThat(MemoFixtures.text(pdf)).contains("<script>alert('x')</script> ${x} & <b>bold</b>");
    }

    @Test
    void theShippedTemplatesRenderFromAFolderCopy() throws Exception {
        MemoRenderer renderer = MemoRenderer.fromDirectory(copyOfTemplates(), Paper.A4);
        assertThat(MemoFixtures.text(renderer.portfolioMemo(MemoFixtures.portfolio("a"), List.of(), MemoFixtures.CONTEXT, MemoSelection.all(MemoFixtures.portfolio("a"))))).contains("Portfolio memo");
    }

    @Test
    void theBuiltInTemplatesAreTheFilesInTemplatesFolder() throws Exception {
        for (String name : List.of("cluster-memo.ftlh", "contract-memo.ftlh", "portfolio-memo.ftlh", "memo.css")) {
            try (var in = MemoRenderer.class.getResourceAsStream("/gpuroi/templates/" + name)) {
                assertThat(in).as(name).isNotNull();
                assertThat(in.readAllBytes()).as(name).isEqualTo(Files.readAllBytes(Path.of("templates", name)));
            }
        }
    }

    @Test
    void aTemplateSyntaxErrorNamesTheTemplateAndLine() throws Exception {
        Path templates = copyOfTemplates();
        replaceLine(templates.resolve("cluster-memo.ftlh"), 12, "<#if>");

        MemoRenderer renderer = MemoRenderer.fromDirectory(templates, Paper.A4);
        assertThatThrownBy(() -> renderer.clusterMemo(MemoFixtures.analysis("a"), SensitivityFigures.of(MemoFixtures.analysis("a")), Optional.empty(), MemoFixtures.ASSUMPTIONS, MemoFixtures.CONTEXT))
                .isInstanceOf(MemoTemplateException.class)
                .hasMessageStartingWith("memo template cluster-memo.ftlh, line 12");
    }

    @Test
    void anUnknownValueNamesTheTemplateAndLine() throws Exception {
        Path templates = copyOfTemplates();
        replaceLine(templates.resolve("portfolio-memo.ftlh"), 14, "<p>${noSuchFigure}</p>");

        MemoRenderer renderer = MemoRenderer.fromDirectory(templates, Paper.A4);
        assertThatThrownBy(() -> renderer.portfolioMemo(MemoFixtures.portfolio("a"), List.of(), MemoFixtures.CONTEXT, MemoSelection.all(MemoFixtures.portfolio("a"))))
                .isInstanceOf(MemoTemplateException.class)
                .hasMessageStartingWith("memo template portfolio-memo.ftlh, line 14")
                .hasMessageContaining("noSuchFigure");
    }

    @Test
    void aMissingTemplateIsNamed() throws Exception {
        MemoRenderer renderer = MemoRenderer.fromDirectory(dir, Paper.A4);
        assertThatThrownBy(() -> renderer.portfolioMemo(MemoFixtures.portfolio("a"), List.of(), MemoFixtures.CONTEXT, MemoSelection.all(MemoFixtures.portfolio("a"))))
                .isInstanceOf(MemoTemplateException.class)
                .hasMessageContaining("memo template portfolio-memo.ftlh not found in " + dir);
    }

    @Test
    void aTemplateFolderThatDoesNotExistIsRefusedUpFront() {
        assertThatThrownBy(() -> MemoRenderer.fromDirectory(dir.resolve("nope"), Paper.A4))
                .isInstanceOf(MemoTemplateException.class)
                .hasMessageContaining("not a folder");
    }

    @Test
    void templatesCannotInstantiateJavaClassesOrCallJavaApis() throws Exception {
        Path templates = copyOfTemplates();
        replaceLine(templates.resolve("portfolio-memo.ftlh"), 14,
                "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}");
        MemoRenderer renderer = MemoRenderer.fromDirectory(templates, Paper.A4);
        assertThatThrownBy(() -> renderer.portfolioMemo(MemoFixtures.portfolio("a"), List.of(), MemoFixtures.CONTEXT, MemoSelection.all(MemoFixtures.portfolio("a"))))
                .isInstanceOf(MemoTemplateException.class)
                .hasMessageContaining("line 14");

        replaceLine(templates.resolve("portfolio-memo.ftlh"), 14, "${clusters?api.getClass()}");
        assertThatThrownBy(() -> renderer.portfolioMemo(MemoFixtures.portfolio("a"), List.of(), MemoFixtures.CONTEXT, MemoSelection.all(MemoFixtures.portfolio("a"))))
                .isInstanceOf(MemoTemplateException.class)
                .hasMessageContaining("line 14");
    }

    @Test
    void templatesCannotIncludeFilesOutsideTheirFolder() throws Exception {
        Path templates = Files.createDirectories(dir.resolve("mine"));
        for (String name : List.of("cluster-memo.ftlh", "contract-memo.ftlh", "portfolio-memo.ftlh", "memo.css")) {
            Files.copy(Path.of("templates", name), templates.resolve(name));
        }
        Files.writeString(dir.resolve("secret.txt"), "top secret");
        replaceLine(templates.resolve("portfolio-memo.ftlh"), 14, "<#include \"../secret.txt\" parse=false>");

        MemoRenderer renderer = MemoRenderer.fromDirectory(templates, Paper.A4);
        assertThatThrownBy(() -> renderer.portfolioMemo(MemoFixtures.portfolio("a"), List.of(), MemoFixtures.CONTEXT, MemoSelection.all(MemoFixtures.portfolio("a"))))
                .isInstanceOf(MemoTemplateException.class)
                .hasMessageContaining("portfolio-memo.ftlh");
    }

    @Test
    void templateOutputThatIsNotWellFormedXhtmlBlamesTheTemplate() throws Exception {
        Path templates = copyOfTemplates();
        replaceLine(templates.resolve("portfolio-memo.ftlh"), 14, "<p>unclosed");
        MemoRenderer renderer = MemoRenderer.fromDirectory(templates, Paper.A4);
        assertThatThrownBy(() -> renderer.portfolioMemo(MemoFixtures.portfolio("a"), List.of(), MemoFixtures.CONTEXT, MemoSelection.all(MemoFixtures.portfolio("a"))))
                .isInstanceOf(MemoTemplateException.class)
                .hasMessageContaining("portfolio-memo.ftlh did not produce well-formed XHTML");
    }
}
