package gpuroi.report;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontMapper;
import org.xhtmlrenderer.pdf.FontFamily;
import org.xhtmlrenderer.pdf.ITextFontResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

/**
 * The one font family memos use, DejaVu Sans (bundled with its licence), embedded as a subset so a
 * memo shows €, ¥ and the minus sign (U+2212) the same on every machine. The renderer's resolver never
 * holds the PDF's base-14 fonts ({@link #families}): nothing can fall back to a font the PDF does not carry.
 */
final class MemoFonts {
    static final String FAMILY = "DejaVu Sans";
    private static final String[] RESOURCES = {"/fonts/DejaVuSans.ttf", "/fonts/DejaVuSans-Bold.ttf"};

    /** The font files, read once per JVM. */
    private static final byte[][] FONT_FILES = readAll();

    /**
     * Parsed once per thread: reading the TrueType tables costs more than laying out a memo, and
     * OpenPDF's fonts keep per-document state while subsetting, so threads must not share them.
     */
    private static final ThreadLocal<Fonts> PER_THREAD = ThreadLocal.withInitial(Fonts::load);

    private MemoFonts() {
    }

    /**
     * The font families a memo's resolver starts with, in place of the PDF's base-14 fonts Flying Saucer would load
     * (and parse, some hundredths of a second a thread): every CSS family, generic or named, is the bundled font.
     */
    static Map<String, FontFamily> families() {
        Map<String, FontFamily> families = new HashMap<>();
        for (String name : new String[] {FAMILY, "SansSerif", "Serif", "Monospaced"}) {
            families.put(name, PER_THREAD.get().family());
        }
        return families;
    }

    /** Chart text drawn through OpenPDF's Graphics2D uses the same embedded fonts as the memo. */
    static FontMapper chartFontMapper() {
        return PER_THREAD.get();
    }

    /** One thread's regular and bold fonts, as Flying Saucer's family and as a chart font mapper. */
    private record Fonts(FontFamily family, BaseFont regular, BaseFont bold) implements FontMapper {
        static Fonts load() {
            // Only to make the family of the two fonts: without the base-14 fonts it would otherwise load first.
            ITextFontResolver loader = new ITextFontResolver() {
                @Override
                protected Map<String, FontFamily> loadFonts() {
                    return Map.of();
                }
            };
            BaseFont[] fonts = new BaseFont[RESOURCES.length];
            try {
                for (int i = 0; i < RESOURCES.length; i++) {
                    String name = RESOURCES[i].substring(1);
                    // Not BaseFont.CACHED: the cache would hand every thread the same instance.
                    fonts[i] = BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, FONT_FILES[i], null);
                    fonts[i].setSecureRandom(new FixedSubsetPrefix(name));
                    loader.addFont(fonts[i], name, FAMILY);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the bundled memo font could not be read; the jar is damaged", e);
            }
            return new Fonts(loader.getFonts().get(FAMILY), fonts[0], fonts[1]);
        }

        @Override
        public BaseFont awtToPdf(java.awt.Font font) {
            return font.isBold() || font.getFontName().contains("Bold") ? bold : regular;
        }

        @Override
        public java.awt.Font pdfToAwt(BaseFont font, int size) {
            return new java.awt.Font(java.awt.Font.SANS_SERIF, font == bold ? java.awt.Font.BOLD : java.awt.Font.PLAIN, size);
        }
    }

    private static byte[][] readAll() {
        byte[][] files = new byte[RESOURCES.length][];
        try {
            for (int i = 0; i < RESOURCES.length; i++) {
                files[i] = read(RESOURCES[i]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled memo font could not be read; the jar is damaged", e);
        }
        return files;
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
