package gpuroi.report;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.core._CoreAPI;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.WeakHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The memo templates: the copy built into the jar, or a folder the user edited. FreeMarker is
 * locked down because a template folder may come from someone else: HTML auto-escaping
 * ({@code .ftlh}), no {@code ?new} or {@code ?api}, a wrapper that only knows maps, lists, strings,
 * numbers and booleans, and a loader that cannot leave the folder. A template runs for at most
 * {@link #TIME_LIMIT} and writes at most {@link #MAX_OUTPUT_CHARS}, so one that loops or recurses
 * without end is stopped with its name instead of hanging the conversion.
 */
final class MemoTemplates {
    static final String CLUSTER_MEMO = "cluster-memo.ftlh";
    static final String PORTFOLIO_MEMO = "portfolio-memo.ftlh";
    static final String CONTRACT_MEMO = "contract-memo.ftlh";
    /** Where the build puts the copy of {@code templates/} inside the jar. */
    static final String BUILT_IN_PATH = "/gpuroi/templates";
    /** How long one memo's template may run: the built-in ones take milliseconds, even for a large fleet. */
    static final Duration TIME_LIMIT = Duration.ofSeconds(5);
    /** Most characters of XHTML one memo's template may write: a memo is about 50 thousand. */
    static final int MAX_OUTPUT_CHARS = 32 << 20;

    /** Templates run here, so that one running past the time limit can be interrupted and left behind. */
    private static final ExecutorService TEMPLATE_THREADS = templateThreads();

    private final Configuration configuration;
    private final String origin;
    /**
     * Templates that ran out of time once: the next memo of a fleet fails at once instead of after the
     * limit again. Keyed by the loaded template, so an edited file (loaded anew) gets a fresh start.
     */
    private final Map<Template, MemoTemplateException> outOfTime = Collections.synchronizedMap(new WeakHashMap<>());

    private MemoTemplates(TemplateLoader loader, String origin) {
        this.origin = origin;
        Configuration c = new InterruptibleConfiguration();
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
        } catch (SecurityException e) {
            throw new MemoTemplateException("memo template " + name + " lies outside the template folder " + origin + ": " + e.getMessage(), e);
        }
        MemoTemplateException earlier = outOfTime.get(template);
        if (earlier != null) {
            throw new MemoTemplateException(earlier.getMessage(), earlier);
        }
        LimitedWriter out = new LimitedWriter();
        Future<?> run = TEMPLATE_THREADS.submit(() -> {
            template.process(model, out);
            return null;
        });
        try {
            run.get(TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            MemoTemplateException stopped = new MemoTemplateException("memo template " + name + " ran longer than "
                    + TIME_LIMIT.toSeconds() + " s and was stopped (a loop that never ends, or one far too long?); no memo was written", e);
            outOfTime.put(template, stopped);
            throw stopped;
        } catch (InterruptedException e) {
            run.cancel(true);
            Thread.currentThread().interrupt();
            throw new MemoTemplateException("memo template " + name + ": interrupted", e);
        } catch (ExecutionException e) {
            throw failure(name, e.getCause());
        }
        return out.toString();
    }

    private static MemoTemplateException failure(String name, Throwable cause) {
        if (cause instanceof TemplateException e) {
            String where = e.getTemplateSourceName() == null ? name : e.getTemplateSourceName();
            return new MemoTemplateException("memo template " + where + ", line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + firstLine(e.getMessageWithoutStackTop()), e);
        }
        if (cause instanceof IOException e) {
            return new MemoTemplateException("memo template " + name + ": " + e.getMessage(), e);
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SecurityException e) {
                // FreeMarker's loader refuses a name that resolves outside the folder (a symbolic link, say).
                return new MemoTemplateException("memo template " + name + " includes a file outside the template folder: "
                        + e.getMessage(), e);
            }
        }
        if (cause instanceof StackOverflowError e) {
            return new MemoTemplateException("memo template " + name + " calls itself too deeply (a macro or function that"
                    + " recurses without end?); no memo was written", e);
        }
        if (cause instanceof RuntimeException e) {
            throw e;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(cause);
    }

    String origin() {
        return origin;
    }

    /** A template's output, refused past {@link #MAX_OUTPUT_CHARS} (a loop writing without end fills memory before the clock runs out). */
    private static final class LimitedWriter extends Writer {
        private final StringWriter text = new StringWriter(32 * 1024);

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            if (text.getBuffer().length() + (long) length > MAX_OUTPUT_CHARS) {
                throw new IOException("wrote more than " + (MAX_OUTPUT_CHARS >> 20) + " million characters of XHTML"
                        + " (a memo is about 50 thousand) and was stopped; no memo was written");
            }
            text.write(chars, offset, length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /**
     * A configuration whose every template, included and imported ones too, checks for an interrupt
     * in each loop, so that a template stopped at the time limit ends instead of running on.
     */
    private static final class InterruptibleConfiguration extends Configuration {
        private final Set<Template> checked = Collections.newSetFromMap(new WeakHashMap<>());

        InterruptibleConfiguration() {
            super(Configuration.VERSION_2_3_35);
        }

        @Override
        public Template getTemplate(String name, Locale locale, Object customLookupCondition, String encoding,
                                    boolean parseAsFTL, boolean ignoreMissing) throws IOException {
            Template template = super.getTemplate(name, locale, customLookupCondition, encoding, parseAsFTL, ignoreMissing);
            if (template != null) {
                // Under the lock, so no thread runs a template while another is still adding its checks.
                synchronized (checked) {
                    if (checked.add(template)) {
                        _CoreAPI.addThreadInterruptedChecks(template);
                    }
                }
            }
            return template;
        }
    }

    /** Daemon threads, so a template that ignores its interrupt never keeps the program from exiting. */
    private static ExecutorService templateThreads() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "gpuroi-template-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
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
