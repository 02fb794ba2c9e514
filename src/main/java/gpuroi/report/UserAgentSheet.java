package gpuroi.report;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Flying Saucer's user-agent style sheet (its whole HTML sheet, kept because an edited template may use any element)
 * without the selectors that name an element the document does not contain. Flying Saucer tries every selector against
 * every element, and a selector naming an absent element can match nothing, so the memo is laid out exactly as with the
 * whole sheet, in a fraction of the matching: the selectors kept stay in their order, so the cascade is the same. A
 * selector this class does not fully understand is kept.
 */
final class UserAgentSheet {
    /** Where Flying Saucer keeps the sheet, as its own namespace handler names it. */
    static final URL WHOLE = requireSheet();

    private static final String TEXT = read(WHOLE);
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    /** The parts of a simple selector that do not name an element: [attribute], :pseudo(argument), .class, #id. */
    private static final Pattern NOT_A_NAME = Pattern.compile("\\[[^\\]]*]|::?[a-zA-Z-]+(\\([^)]*\\))?|[.#][a-zA-Z0-9_-]+");
    private static final Pattern COMBINATOR = Pattern.compile("\\s*[>+~]\\s*|\\s+");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\[[^\\]]*]");
    private static final Pattern QUOTE_OR_BRACKET = Pattern.compile("[\"'()\\\\\\[\\]]");
    private static final Pattern ELEMENT_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9]*");

    private UserAgentSheet() {
    }

    /** The names of the elements in {@code document} as Flying Saucer matches them (local name, or the tag's name). */
    static Set<String> elementNames(Document document) {
        Set<String> names = new TreeSet<>();
        collect(document.getDocumentElement(), names);
        return names;
    }

    private static void collect(Element element, Set<String> names) {
        names.add(element.getLocalName() == null ? element.getNodeName() : element.getLocalName());
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                collect(e, names);
            }
        }
    }

    /** The sheet's text without the selectors (and rules left with none) that name an element outside {@code present}. */
    static String forElements(Set<String> present) {
        return trim(TEXT, present);
    }

    static String trim(String css, Set<String> present) {
        String text = COMMENT.matcher(css).replaceAll(" ");
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('{', i);
            if (open < 0) {
                break;
            }
            String prelude = text.substring(i, open).trim();
            int close = matchingBrace(text, open);
            if (close < 0) {
                // Not a sheet this class reads whole: keep all of it.
                return css;
            }
            String body = text.substring(open, close + 1);
            if (prelude.startsWith("@")) {
                out.append(prelude).append(' ').append(body).append('\n');
            } else if (body.indexOf('{', 1) >= 0) {
                return css;
            } else {
                if (!splittable(prelude)) {
                    // A comma could sit inside; split only where commas certainly separate selectors.
                    out.append(prelude).append(' ').append(body).append('\n');
                    i = close + 1;
                    continue;
                }
                List<String> kept = new ArrayList<>();
                for (String selector : prelude.split(",")) {
                    if (mayMatch(selector.trim(), present)) {
                        kept.add(selector.trim());
                    }
                }
                if (!kept.isEmpty()) {
                    out.append(String.join(", ", kept)).append(' ').append(body).append('\n');
                }
            }
            i = close + 1;
        }
        if (!text.substring(i).isBlank()) {
            return css;
        }
        return out.toString();
    }

    /** Whether every comma in a rule's selectors separates two of them (none is inside an attribute or a function). */
    private static boolean splittable(String prelude) {
        java.util.regex.Matcher attributes = ATTRIBUTE.matcher(prelude);
        while (attributes.find()) {
            if (attributes.group().indexOf(',') >= 0) {
                return false;
            }
        }
        return !QUOTE_OR_BRACKET.matcher(attributes.replaceAll("")).find();
    }

    /** False only when the selector certainly names an element outside {@code present}. */
    static boolean mayMatch(String selector, Set<String> present) {
        String names = NOT_A_NAME.matcher(selector).replaceAll("");
        for (String name : COMBINATOR.split(names.trim())) {
            if (name.isEmpty() || name.equals("*")) {
                continue;
            }
            if (!ELEMENT_NAME.matcher(name).matches()) {
                return true;
            }
            if (!present.contains(name)) {
                return false;
            }
        }
        return true;
    }

    private static int matchingBrace(String text, int open) {
        int depth = 0;
        for (int k = open; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return k;
            } else if (c == '"' || c == '\'' || c == '\\') {
                // Quoted text could hold a brace; the sheet has none outside content values it keeps whole.
                int end = c == '\\' ? k + 1 : text.indexOf(c, k + 1);
                if (end < 0) {
                    return -1;
                }
                k = end;
            }
        }
        return -1;
    }

    private static URL requireSheet() {
        URL url = org.xhtmlrenderer.simple.extend.XhtmlCssOnlyNamespaceHandler.class.getResource("/resources/css/XhtmlNamespaceHandler.css");
        if (url == null) {
            throw new IllegalStateException("Flying Saucer's user-agent style sheet is missing; the jar is damaged");
        }
        return url;
    }

    private static String read(URL url) {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Flying Saucer's user-agent style sheet could not be read; the jar is damaged", e);
        }
    }
}
