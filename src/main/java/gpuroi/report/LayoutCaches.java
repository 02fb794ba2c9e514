package gpuroi.report;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xhtmlrenderer.context.StyleReference;
import org.xhtmlrenderer.css.constants.IdentValue;
import org.xhtmlrenderer.css.sheet.StylesheetInfo;
import org.xhtmlrenderer.css.value.FontSpecification;
import org.xhtmlrenderer.extend.UserAgentCallback;
import org.xhtmlrenderer.layout.SharedContext;
import org.xhtmlrenderer.pdf.FontFamily;
import org.xhtmlrenderer.pdf.ITextFontResolver;
import org.xhtmlrenderer.render.FSFont;
import org.xhtmlrenderer.simple.extend.XhtmlNamespaceHandler;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What Flying Saucer would otherwise build again for every memo, kept for one render thread's life: the parsed style
 * sheets (its own user-agent sheet and each memo's {@code <style>}, about a twentieth of a memo's time) and the
 * resolved fonts. One thread's, because the parsed sheets are updated while a document is matched against them (the
 * same values for the same sheets, but not safely from two threads at once), and the fonts are the thread's own
 * ({@link MemoFonts}). The PDFs are byte for byte those of a renderer built afresh.
 */
final class LayoutCaches {
    private static final ThreadLocal<LayoutCaches> PER_THREAD = ThreadLocal.withInitial(LayoutCaches::new);
    /**
     * Distinct sheet texts named: the trimmed user-agent sheet and {@code <style>} of each kind of memo (templates,
     * decisions, paper sizes). Flying Saucer keeps the parses of the 16 used last; an older one is parsed again.
     */
    private static final int STYLE_TEXTS = 64;

    private final CachingFontResolver fonts = new CachingFontResolver();
    private final Map<String, String> styleKeys = new HashMap<>();
    private final Map<String, UnmatchableSelectors.Sheet> sheets = new HashMap<>();
    private int nextStyleKey;
    private StyleReference styles;

    private LayoutCaches() {
    }

    static LayoutCaches ofThisThread() {
        return PER_THREAD.get();
    }

    /** The thread's font resolver, with the bundled fonts installed. */
    ITextFontResolver fonts() {
        return fonts;
    }

    /** Gives {@code shared} the thread's style sheets, loading any not yet parsed through {@code userAgent}. */
    void useStyles(SharedContext shared, UserAgentCallback userAgent) {
        if (styles == null) {
            styles = new KeptStyles(userAgent);
        }
        styles.setUserAgentCallback(userAgent);
        shared.setCss(styles);
    }

    /**
     * Gives {@code document} the user-agent sheet and its {@code <style>} without the selectors it cannot match
     * ({@link UnmatchableSelectors}), each under a name the text alone decides, so the same text is parsed once.
     */
    XhtmlNamespaceHandler namespaceHandler(Document document) {
        UnmatchableSelectors.Present present = UnmatchableSelectors.Present.in(document);
        String userAgentText = UnmatchableSelectors.userAgentSheet(present);
        StylesheetInfo userAgent = new StylesheetInfo(StylesheetInfo.Origin.USER_AGENT, styleKey(StylesheetInfo.Origin.USER_AGENT, userAgentText),
                StylesheetInfo.mediaTypes(""), userAgentText);
        return new XhtmlNamespaceHandler() {
            @Override
            public Optional<StylesheetInfo> getDefaultStylesheet() {
                return Optional.of(userAgent);
            }

            @Override
            protected StylesheetInfo readStyleElement(Element style) {
                StylesheetInfo read = super.readStyleElement(style);
                if (read == null || read.getContent().isEmpty()) {
                    return read;
                }
                String css = sheet(read.getContent().get()).keep(present);
                return new StylesheetInfo(read.getOrigin(), styleKey(read.getOrigin(), css), read.getMedia(), css);
            }
        };
    }

    /** A {@code <style>} text read into rules once, trimmed for each memo. */
    private UnmatchableSelectors.Sheet sheet(String css) {
        if (sheets.size() >= STYLE_TEXTS && !sheets.containsKey(css)) {
            sheets.clear();
        }
        return sheets.computeIfAbsent(css, UnmatchableSelectors::read);
    }

    /**
     * A name per distinct text and origin (compared whole, so two texts never share one); Flying Saucer caches parsed sheets
     * by name.
     */
    private String styleKey(StylesheetInfo.Origin origin, String css) {
        String key = origin + "\n" + css;
        if (styleKeys.size() >= STYLE_TEXTS && !styleKeys.containsKey(key)) {
            styleKeys.clear();
        }
        return styleKeys.computeIfAbsent(key, text -> "gpuroi-memo-style:" + nextStyleKey++);
    }

    /**
     * Style sheets kept from one document to the next. Flying Saucer's own configuration empties its cache for every
     * document; here a sheet's name is one its text decides, so a kept sheet is
     * always the one the document asks for.
     */
    private static final class KeptStyles extends StyleReference {
        KeptStyles(UserAgentCallback userAgent) {
            super(userAgent);
        }

        @Override
        public void flushAllStyleSheets() {
            // Kept on purpose: see the class comment.
        }
    }

    /**
     * Flying Saucer's font resolver formats a text key for every run of text it measures; the same family, size, weight
     * and style resolve to the same font, so within a document each is resolved once.
     */
    private static final class CachingFontResolver extends ITextFontResolver {
        private final Map<Key, FSFont> resolved = new HashMap<>();

        private record Key(List<String> families, float size, IdentValue weight, IdentValue style) {
            // Written out rather than generated: the generated ones are assembled on first use, in each render thread.
            @Override
            public boolean equals(Object other) {
                return other instanceof Key key && Objects.equals(families, key.families) && Float.compare(size, key.size) == 0
                        && weight == key.weight && style == key.style;
            }

            @Override
            public int hashCode() {
                // No varargs array: a font is resolved for every run of text laid out.
                return ((Objects.hashCode(families) * 31 + Float.hashCode(size)) * 31 + Objects.hashCode(weight)) * 31
                        + Objects.hashCode(style);
            }
        }

        /** The bundled fonts only, never the PDF's base-14 ones: nothing may fall back to a font the PDF does not carry. */
        @Override
        protected Map<String, FontFamily> loadFonts() {
            return MemoFonts.families();
        }

        @Override
        public FSFont resolveFont(SharedContext context, FontSpecification spec) {
            Key key = new Key(spec.families == null ? null : Arrays.asList(spec.families.clone()), spec.size, spec.fontWeight, spec.fontStyle);
            FSFont font = resolved.get(key);
            if (font == null) {
                font = super.resolveFont(context, spec);
                resolved.put(key, font);
            }
            return font;
        }

        /** Called for every new document, whose {@code @font-face} rules may differ. */
        @Override
        public void flushFontFaceFonts() {
            resolved.clear();
            super.flushFontFaceFonts();
        }

        /** Forgets every font; the bundled ones come back from {@link #loadFonts} when next asked for. */
        @Override
        public void flushCache() {
            resolved.clear();
            super.flushCache();
        }
    }
}
