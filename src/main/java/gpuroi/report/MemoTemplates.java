package gpuroi.report;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * The memo templates: the copy built into the jar, or a folder the user edited. FreeMarker is
 * locked down because a template folder may come from someone else: HTML auto-escaping
 * ({@code .ftlh}), no {@code ?new} or {@code ?api}, a wrapper that only knows maps, lists, strings,
 * numbers and booleans, and a loader that cannot leave the folder.
 */
final class MemoTemplates {
    static final String CLUSTER_MEMO = "cluster-memo.ftlh";
    static final String PORTFOLIO_MEMO = "portfolio-memo.ftlh";
    static final String CONTRACT_MEMO = "contract-memo.ftlh";
    /** Where the build puts the copy of {@code templates/} inside the jar. */
    static final String BUILT_IN_PATH = "/gpuroi/templates";

    private final Configuration configuration;
    private final String origin;

    private MemoTemplates(TemplateLoader loader, String origin) {
        this.origin = origin;
        Configuration c = new Configuration(Configuration.VERSION_2_3_35);
        c.setTemplateLoader(loader);
        c.setDefaultEncoding("UTF-8");
        c.setRecognizeStandardFileExtensions(true);
        c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        c.setAPIBuiltinEnabled(false);
        c.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_35));
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setLocalizedLookup(false);
        c.setLocale(Locale.US);
        c.setTimeZone(TimeZone.getTimeZone("UTC"));
        configuration = c;
    }

    static MemoTemplates builtIn() {
        return new MemoTemplates(new ClassTemplateLoader(MemoTemplates.class, BUILT_IN_PATH), "the built-in templates");
    }

    /** Templates from a folder; names resolve inside it only. */
    static MemoTemplates fromDirectory(Path directory) throws MemoTemplateException {
        if (!Files.isDirectory(directory)) {
            throw new MemoTemplateException("--templates " + directory + ": not a folder (copy templates/ and point at the copy)", null);
        }
        try {
            return new MemoTemplates(new FileTemplateLoader(directory.toFile()), directory.toString());
        } catch (IOException e) {
            throw new MemoTemplateException("--templates " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Renders a template to text, or says which template and line went wrong. */
    String render(String name, Map<String, Object> model) throws MemoTemplateException {
        Template template;
        try {
            template = configuration.getTemplate(name);
        } catch (TemplateNotFoundException e) {
            throw new MemoTemplateException("memo template " + name + " not found in " + origin, e);
        } catch (ParseException e) {
            throw new MemoTemplateException("memo template " + name + ", line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getEditorMessage().lines().findFirst().orElse("syntax error"), e);
        } catch (IOException e) {
            throw new MemoTemplateException("memo template " + name + " could not be read from " + origin + ": " + e.getMessage(), e);
        }
        StringWriter out = new StringWriter(32 * 1024);
        try {
            template.process(model, out);
        } catch (TemplateException e) {
            String where = e.getTemplateSourceName() == null ? name : e.getTemplateSourceName();
            throw new MemoTemplateException("memo template " + where + ", line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + firstLine(e.getMessageWithoutStackTop()), e);
        } catch (IOException e) {
            throw new MemoTemplateException("memo template " + name + ": " + e.getMessage(), e);
        }
        return out.toString();
    }

    String origin() {
        return origin;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String trimmed = message.strip();
        int cut = trimmed.indexOf("\n\n");
        return (cut < 0 ? trimmed : trimmed.substring(0, cut)).replace('\n', ' ');
    }
}
