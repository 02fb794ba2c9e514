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
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A memo gets Flying Saucer's user-agent sheet and its own style sheet without the selectors naming an element, a class or
 * an id it does not contain: an edited template using any usual element, or style rules the trimming cannot read, is laid
 * out exactly as with the whole sheets.
 */
class UnmatchableSelectorsTest {
    /** Every element of XHTML 1.0 Transitional, and the frames of Frameset. */
    private static final Set<String> XHTML = Set.of("html", "head", "title", "base", "meta", "link", "style", "script", "noscript",
            "body", "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "address", "hr", "pre",
            "blockquote", "ins", "del", "a", "span", "bdo", "br", "em", "strong", "dfn", "code", "samp", "kbd", "var", "cite",
            "abbr", "acronym", "q", "sub", "sup", "tt", "i", "b", "big", "small", "u", "s", "strike", "basefont", "font", "object",
            "param", "applet", "img", "map", "area", "form", "label", "input", "select", "optgroup", "option", "textarea",
            "fieldset", "legend", "button", "isindex", "table", "caption", "thead", "tfoot", "tbody", "colgroup", "col", "tr",
            "th", "td", "center", "menu", "dir", "iframe", "frameset", "frame", "noframes");

    /** An edited template's own sheet: rules for classes and ids the page has, has not, and that the trimming cannot read. */
    private static final String STYLE = """
            body { font-family: "DejaVu Sans"; }
            p.used, .other { color: #c0392b; }
            #aside, .unused li { color: #2e7d32; font-size: 14pt; }
            ul li:first-child, ol li:last-child { font-weight: bold; }
            h2, p:not(.used) { text-decoration: underline; }
            table.grid td, table.grid th { border: 1pt solid #222b36; padding: 2mm; }
            @media print { .used { background: #f3f5f7; } }
            """;

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

        String trimmed = UnmatchableSelectors.trim(css, present(Set.of("h1", "ul", "table", "tr", "p"), Set.of("note", "x"), Set.of()));

        assertThat(trimmed).isEqualTo("""
                h1 { font-size: 2em }
                ul ul { margin: 0 }
                table > tr { vertical-align: middle }
                @page { margin: 0.5in; }
                p.note:first-child { content: "\\A" }
                * { color: black }
                .x { color: red }
                """);
    }

    @Test
    void aStyleSheetKeepsWhatTheDocumentHasAndEveryRuleTheTrimmingCannotRead() {
        String css = """
                td.num.irr, td.num.other { white-space: normal }
                .Note { color: grey }
                h3 + p, p + p { margin: 0 }
                div.missing span { color: red }
                a[href^="http"] { color: blue }
                h2, p:not(.x) { color: green }
                p:nth-child(2n+1) { color: navy }
                svg|rect, p { fill: red }
                @media print { .missing { color: red } }
                #Main > p { margin: 1mm }
                """;

        String trimmed = UnmatchableSelectors.trim(css, present(Set.of("p", "td", "h2"), Set.of("num", "irr", "note"), Set.of("main")));

        assertThat(trimmed).isEqualTo("""
                td.num.irr { white-space: normal }
                .Note { color: grey }
                p + p { margin: 0 }
                h2, p:not(.x) { color: green }
                p:nth-child(2n+1) { color: navy }
                svg|rect, p { fill: red }
                @media print { .missing { color: red } }
                #Main > p { margin: 1mm }
                """);
    }

    @Test
    void aStyleSheetWhoseBlocksItCannotDelimitIsKeptAsWritten() {
        for (String css : List.of("p { color: rgb(1, 2, 3 } h1 { color: red }", "p { content: \"} h1 { color: red }", "h1 { color: red } h2 {",
                "h1 { color: red } stray text", "/* h1 { color: red }")) {
            assertThat(UnmatchableSelectors.trim(css, present(Set.of("p"), Set.of(), Set.of()))).as(css).isEqualTo(css);
        }
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

        assertThat(UnmatchableSelectors.userAgentSheet(present(XHTML, Set.of(), Set.of())))
                .isEqualTo(UnmatchableSelectors.userAgentSheet(present(anything, anything, anything)));
        assertThat(UnmatchableSelectors.userAgentSheet(present(Set.of("html", "body", "p"), Set.of(), Set.of())))
                .hasSizeLessThan(UnmatchableSelectors.userAgentSheet(present(XHTML, Set.of(), Set.of())).length() / 3);
    }

    @Test
    void anEditedTemplateWithUsualElementsLooksAsItDoesWithTheWholeSheet() throws Exception {
        String body = """
                <h1>Heading one</h1><h2>Two</h2><h3>Three</h3><h4>Four</h4><h5>Five</h5><h6>Six</h6>
                <p class="used">Text with <b>bold</b>, <strong>strong</strong>, <i>italic</i>, <em>emphasis</em>, <u>underline</u>,
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
                <table class="grid"><caption>A caption</caption><thead><tr><th>Head</th><th>Cell</th></tr></thead>
                <tbody><tr><td>1</td><td>2</td></tr></tbody><tfoot><tr><td>3</td><td>4</td></tr></tfoot></table>
                <table><tr><td>row without tbody</td></tr></table>
                """;
        StringBuilder everyElement = new StringBuilder("<div style=\"display: none\"><p class=\"unused other\" id=\"aside\"/>");
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

    private static UnmatchableSelectors.Present present(Set<String> elements, Set<String> classes, Set<String> ids) {
        return new UnmatchableSelectors.Present(elements, classes, ids);
    }

    private static byte[] pdf(String body) throws Exception {
        String xhtml = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title><style>" + STYLE + "</style>"
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
