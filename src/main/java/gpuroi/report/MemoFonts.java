package gpuroi.report;

import com.lowagie.text.pdf.BaseFont;
import org.xhtmlrenderer.pdf.FontFamily;
import org.xhtmlrenderer.pdf.ITextFontResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Map;

/**
 * The one font family memos use, DejaVu Sans (bundled with its licence), embedded as a subset so a
 * memo shows €, ¥ and the minus sign (U+2212) the same on every machine. The PDF's base-14 fonts
 * are removed from the renderer: nothing can fall back to a font the PDF does not carry.
 */
final class MemoFonts {
    static final String FAMILY = "DejaVu Sans";
    private static final String[] RESOURCES = {"/fonts/DejaVuSans.ttf", "/fonts/DejaVuSans-Bold.ttf"};

    /** Parsed once per JVM: reading the TrueType tables costs more than laying out a memo. */
    private static final FontFamily FAMILY_FONTS = load();

    private MemoFonts() {
    }

    /** Makes every CSS family, generic or named, resolve to the bundled font. */
    static void install(ITextFontResolver resolver) {
        Map<String, FontFamily> fonts = resolver.getFonts();
        fonts.clear();
        for (String name : new String[] {FAMILY, "SansSerif", "Serif", "Monospaced"}) {
            fonts.put(name, FAMILY_FONTS);
        }
    }

    private static FontFamily load() {
        ITextFontResolver loader = new ITextFontResolver();
        try {
            for (String resource : RESOURCES) {
                BaseFont font = BaseFont.createFont(resource.substring(1), BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                        BaseFont.CACHED, read(resource), null);
                font.setSecureRandom(new FixedSubsetPrefix(resource));
                loader.addFont(font, resource.substring(1), FAMILY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled memo font could not be read; the jar is damaged", e);
        }
        return loader.getFonts().get(FAMILY);
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = MemoFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            return in.readAllBytes();
        }
    }

    /**
     * The six letters before a subset font's name are random by default, which would make two
     * renderings of the same memo differ; these come from the font's own name instead.
     */
    private static final class FixedSubsetPrefix extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final double[] letters = new double[6];
        private int next;

        FixedSubsetPrefix(String name) {
            int h = name.hashCode();
            for (int k = 0; k < letters.length; k++) {
                letters[k] = (Math.floorMod(h >> (k * 4), 26) + 0.5) / 26.0;
            }
        }

        @Override
        public synchronized double nextDouble() {
            double letter = letters[next];
            next = (next + 1) % letters.length;
            return letter;
        }
    }
}
