package gpuroi.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A memo gets Flying Saucer's user-agent sheet without the selectors that name elements it does not contain: an edited
 * template using any usual element is laid out exactly as with the whole sheet.
 */
class TrimmedUserAgentSheetTest {
    /** Every element of XHTML 1.0 Transitional, and the frames of Frameset. */
    private static final Set<String> XHTML = Set.of("html", "head", "title", "base", "meta", "link", "style", "script", "noscript",
            "body", "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "address", "hr", "pre",
            "blockquote", "ins", "del", "a", "span", "bdo", "br", "em", "strong", "dfn", "code", "samp", "kbd", "var", "cite",
            "abbr", "acronym", "q", "sub", "sup", "tt", "i", "b", "big", "small", "u", "s", "strike", "basefont", "font", "object",
            "param", "applet", "img", "map", "area", "form", "label", "input", "select", "optgroup", "option", "textarea",
            "fieldset", "legend", "button", "isindex", "table", "caption", "thead", "tfoot", "tbody", "colgroup", "col", "tr",
            "th", "td", "center", "menu", "dir", "iframe", "frameset", "frame", "noframes");

    @Test
    void aSelectorNamingAnElementTheDocumentLacksIsLeftOutAndTheOthersKeepTheirOrder() {
        String css = """
                /* a comment { with braces } */
                h1, h2 { font-size: 2em }
                ol ul, ul ul { margin: 0 }
                table > tr { vertical-align: middle }
                @page { margin: 0.5in; }
                p.note:first-child, br:before { content: "\\A" }
                * { color: black }
                .x, #y { color: red }
                table[align="center"] > caption { margin: auto }
                """;

        String trimmed = UserAgentSheet.trim(css, Set.of("h1", "ul", "table", "tr", "p"));

        assertThat(trimmed).isEqualTo("""
                h1 { font-size: 2em }
                ul ul { margin: 0 }
                table > tr { vertical-align: middle }
                @page { margin: 0.5in; }
                p.note:first-child { content: "\\A" }
                * { color: black }
                .x, #y { color: red }
                """);
    }

    @Test
    void aDocumentWithEveryXhtmlElementKeepsEverySelectorOfTheWholeSheet() {
        Set<String> anything = new AbstractSet<>() {
            @Override
            public boolean contains(Object o) {
                return true;
            }

            @Override
            public Iterator<String> iterator() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int size() {
                throw new UnsupportedOperationException();
            }
        };

        assertThat(UserAgentSheet.forElements(XHTML)).isEqualTo(UserAgentSheet.forElements(anything));
        assertThat(UserAgentSheet.forElements(Set.of("html", "body", "p"))).hasSizeLessThan(UserAgentSheet.forElements(XHTML).length() / 3);
    }

    @Test
    void anEditedTemplateWithUsualElementsLooksAsItDoesWithTheWholeSheet() throws Exception {
        String body = """
                <h1>Heading one</h1><h2>Two</h2><h3>Three</h3><h4>Four</h4><h5>Five</h5><h6>Six</h6>
                <p>Text with <b>bold</b>, <strong>strong</strong>, <i>italic</i>, <em>emphasis</em>, <u>underline</u>,
                <s>struck</s>, <small>small</small>, <big>big</big>, <code>code</code>, H<sub>2</sub>O, m<sup>2</sup>,
                <a href="https://example.com/">a link</a> and a<br/>break.</p>
                <ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul>
                <ol><li>first</li><li>second<ol><li>nested</li></ol></li></ol>
                <dl><dt>Term</dt><dd>Definition</dd></dl>
                <blockquote>Quoted text</blockquote>
                <pre>preformatted   text
                  on two lines</pre>
                <hr/>
                <center>centred</center>
                <address>an address</address>
                <table><caption>A caption</caption><thead><tr><th>Head</th><th>Cell</th></tr></thead>
                <tbody><tr><td>1</td><td>2</td></tr></tbody><tfoot><tr><td>3</td><td>4</td></tr></tfoot></table>
                <table><tr><td>row without tbody</td></tr></table>
                """;
        StringBuilder everyElement = new StringBuilder("<div style=\"display: none\">");
        XHTML.stream().sorted().forEach(name -> everyElement.append('<').append(name).append("/>"));
        everyElement.append("</div>");

        byte[] trimmed = pdf(body);
        byte[] whole = pdf(body + everyElement);

        try (PDDocument a = Loader.loadPDF(trimmed); PDDocument b = Loader.loadPDF(whole)) {
            assertThat(a.getNumberOfPages()).isEqualTo(b.getNumberOfPages());
            assertThat(new PDFTextStripper().getText(a)).contains("nested", "Definition", "row without tbody")
                    .isEqualTo(new PDFTextStripper().getText(b));
            for (int page = 0; page < a.getNumberOfPages(); page++) {
                assertThat(samePixels(new PDFRenderer(a).renderImage(page), new PDFRenderer(b).renderImage(page)))
                        .as("page %d looks the same", page + 1).isTrue();
            }
        }
    }

    private static byte[] pdf(String body) throws Exception {
        String xhtml = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title><style>body { font-family: \"DejaVu Sans\"; }</style>"
                + "</head><body>" + body + "</body></html>";
        PdfMemoWriter.Metadata metadata = new PdfMemoWriter.Metadata("t", "s", "a", "k", LocalDate.of(2026, 1, 1));
        return PdfMemoWriter.write(xhtml, metadata, "test.ftlh", Map.of());
    }

    private static boolean samePixels(BufferedImage a, BufferedImage b) {
        return a.getWidth() == b.getWidth() && a.getHeight() == b.getHeight()
                && Arrays.equals(a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth()),
                b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth()));
    }
}
