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
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A style sheet without the selectors a document cannot match: those naming an element, a class or an id the document
 * does not contain. Flying Saucer tries every selector against every element, so a memo is matched against a fraction of
 * its user-agent sheet (its whole HTML sheet, kept because an edited template may use any element) and of its own
 * {@code <style>}. The selectors kept stay in their order, so the cascade, the layout and the PDF are those of the whole
 * sheets. Only what this class fully understands is trimmed: a rule with a selector it cannot read, an at-rule, or a
 * sheet it cannot split into rules is kept as written.
 */
final class UnmatchableSelectors {
    /** Flying Saucer's user-agent sheet, where its own namespace handler finds it. */
    static final URL USER_AGENT_SHEET = requireSheet();

    private static final String USER_AGENT_TEXT = text(USER_AGENT_SHEET);
    private static final Pattern COMBINATOR = Pattern.compile("\\s*[>+~]\\s*|\\s+");
    private static final Pattern ELEMENT = Pattern.compile("\\*|[a-zA-Z][a-zA-Z0-9-]*");
    private static final String IDENT = "-?[_a-zA-Z][_a-zA-Z0-9-]*";
    private static final Pattern CLASS = Pattern.compile("\\.(" + IDENT + ")");
    private static final Pattern ID = Pattern.compile("#(" + IDENT + ")");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\[\\s*" + IDENT + "\\s*(?:[~|^$*]?=\\s*(?:" + IDENT + "|\"[^\"\\\\]*\"|'[^'\\\\]*')\\s*)?]");
    /** The pseudo-classes and pseudo-elements Flying Saucer's parser accepts (any other makes it drop the rule). */
    private static final Pattern PSEUDO = Pattern.compile(
            "::?(?:link|visited|hover|focus|active|first-child|last-child|even|odd|first-line|first-letter|before|after)(?![-\\w(])"
                    + "|:(?:lang\\(\\s*" + IDENT + "\\s*\\)|nth-child\\([\\sa-zA-Z0-9+-]*\\))");

    /**
     * What a document holds that selectors can name, in lower case (Flying Saucer compares element names, classes and ids
     * as written, and lower-cases some of a selector's names; comparing in lower case keeps every selector it could match).
     */
    record Present(Set<String> elements, Set<String> classes, Set<String> ids) {
        static Present in(Document document) {
            Present present = new Present(new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
            present.collect(document.getDocumentElement());
            return present;
        }

        private void collect(Element element) {
            elements.add(lower(element.getLocalName() == null ? element.getNodeName() : element.getLocalName()));
            // Flying Saucer separates classes where Character.isWhitespace says so.
            String classAttribute = element.getAttribute("class");
            int start = -1;
            for (int k = 0; k <= classAttribute.length(); k++) {
                boolean space = k == classAttribute.length() || Character.isWhitespace(classAttribute.charAt(k));
                if (space && start >= 0) {
                    classes.add(lower(classAttribute.substring(start, k)));
                    start = -1;
                } else if (!space && start < 0) {
                    start = k;
                }
            }
            ids.add(lower(element.getAttribute("id").trim()));
            for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element e) {
                    collect(e);
                }
            }
        }
    }

    /** A selector's names, in lower case: it can match only in a document that has all of them. */
    private record Names(String text, List<String> elements, List<String> classes, List<String> ids) {
        boolean mayMatchIn(Present present) {
            return present.elements().containsAll(elements) && present.classes().containsAll(classes) && present.ids().containsAll(ids);
        }
    }

    /** A rule as written (an at-rule, or one with a selector this class cannot read), or its selectors and its block. */
    private record Rule(String verbatim, List<Names> selectors, String block) {
    }

    /** A style sheet read once into rules, to be trimmed for each document. */
    static final class Sheet {
        private final String whole;
        private final List<Rule> rules;

        private Sheet(String whole, List<Rule> rules) {
            this.whole = whole;
            this.rules = rules;
        }

        /** The sheet without the selectors, and the rules left with none, that nothing in {@code present} can match. */
        String keep(Present present) {
            if (rules == null) {
                return whole;
            }
            StringBuilder out = new StringBuilder(whole.length());
            List<String> kept = new ArrayList<>();
            for (Rule rule : rules) {
                if (rule.verbatim() != null) {
                    out.append(rule.verbatim()).append('\n');
                    continue;
                }
                kept.clear();
                for (Names selector : rule.selectors()) {
                    if (selector.mayMatchIn(present)) {
                        kept.add(selector.text());
                    }
                }
                if (!kept.isEmpty()) {
                    out.append(String.join(", ", kept)).append(' ').append(rule.block()).append('\n');
                }
            }
            return out.toString();
        }
    }

    private static final Sheet USER_AGENT = read(USER_AGENT_TEXT);

    private UnmatchableSelectors() {
    }

    /** Flying Saucer's user-agent sheet without what {@code present} cannot match. */
    static String userAgentSheet(Present present) {
        return USER_AGENT.keep(present);
    }

    /** {@code css} without the selectors, and the rules left with none, that nothing in {@code present} can match. */
    static String trim(String css, Present present) {
        return read(css).keep(present);
    }

    /** Reads {@code css} into rules; a sheet whose blocks it cannot delimit is kept whole. */
    static Sheet read(String css) {
        List<Rule> rules = new ArrayList<>();
        int i = 0;
        while (true) {
            int open = next(css, i, '{');
            if (open == -2) {
                return new Sheet(css, null);
            }
            if (open < 0) {
                return new Sheet(css, withoutComments(css.substring(i)).isBlank() ? rules : null);
            }
            int close = closing(css, open);
            if (close < 0) {
                return new Sheet(css, null);
            }
            String prelude = withoutComments(css.substring(i, open)).trim();
            String block = css.substring(open, close + 1);
            List<Names> selectors = prelude.startsWith("@") || prelude.isEmpty() ? null : selectors(prelude);
            rules.add(selectors == null ? new Rule(prelude + ' ' + block, null, null) : new Rule(null, selectors, block));
            i = close + 1;
        }
    }

    /** A rule's selectors, or null when it holds one this class cannot read. */
    private static List<Names> selectors(String prelude) {
        if (prelude.indexOf('"') >= 0 || prelude.indexOf('\'') >= 0 || prelude.indexOf('\\') >= 0 || prelude.indexOf('(') >= 0) {
            // A comma could sit inside a string or a function: read only lists whose every comma separates selectors.
            if (prelude.indexOf(',') >= 0) {
                return null;
            }
        }
        List<Names> selectors = new ArrayList<>();
        for (String selector : prelude.split(",", -1)) {
            Names names = names(selector.trim());
            if (names == null) {
                return null;
            }
            selectors.add(names);
        }
        return selectors;
    }

    /** The element names, classes and ids a selector requires, or null when it is not a selector this class reads whole. */
    private static Names names(String selector) {
        List<String> elements = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        int k = 0;
        boolean compoundStart = true;
        boolean empty = true;
        while (k < selector.length()) {
            Matcher m;
            if (!compoundStart && (m = COMBINATOR.matcher(selector).region(k, selector.length())).lookingAt()) {
                if (empty || m.end() == selector.length()) {
                    return null;
                }
                compoundStart = true;
                empty = true;
                k = m.end();
                continue;
            }
            if (compoundStart && (m = ELEMENT.matcher(selector).region(k, selector.length())).lookingAt()) {
                if (!m.group().equals("*")) {
                    elements.add(lower(m.group()));
                }
            } else if ((m = CLASS.matcher(selector).region(k, selector.length())).lookingAt()) {
                classes.add(lower(m.group(1)));
            } else if ((m = ID.matcher(selector).region(k, selector.length())).lookingAt()) {
                ids.add(lower(m.group(1)));
            } else if (!(m = ATTRIBUTE.matcher(selector).region(k, selector.length())).lookingAt()
                    && !(m = PSEUDO.matcher(selector).region(k, selector.length())).lookingAt()) {
                return null;
            }
            compoundStart = false;
            empty = false;
            k = m.end();
        }
        return empty ? null : new Names(selector, List.copyOf(elements), List.copyOf(classes), List.copyOf(ids));
    }

    /**
     * Where the next {@code wanted} character outside comments, strings and brackets is: -1 when there is none, -2 when a
     * comment, a string or a bracket does not end before it.
     */
    private static int next(String css, int from, char wanted) {
        int brackets = 0;
        for (int k = from; k < css.length(); k++) {
            char c = css.charAt(k);
            if (c == wanted) {
                return brackets == 0 ? k : -2;
            }
            brackets += c == '(' || c == '[' ? 1 : c == ')' || c == ']' ? -1 : 0;
            int skip = skip(css, k);
            if (skip == -1 || brackets < 0) {
                return -2;
            }
            k = skip;
        }
        return -1;
    }

    /**
     * Where the brace closing the one at {@code open} is, past nested blocks, comments and strings; -1 when it is missing or
     * a bracket inside does not close before it (a parser could then read the block's end elsewhere).
     */
    private static int closing(String css, int open) {
        int depth = 0;
        int brackets = 0;
        for (int k = open; k < css.length(); k++) {
            char c = css.charAt(k);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (brackets != 0) {
                    return -1;
                }
                if (--depth == 0) {
                    return k;
                }
            } else {
                brackets += c == '(' || c == '[' ? 1 : c == ')' || c == ']' ? -1 : 0;
                int skip = skip(css, k);
                if (skip == -1 || brackets < 0) {
                    return -1;
                }
                k = skip;
            }
        }
        return -1;
    }

    /** The last index of the comment, string or escape starting at {@code k} (k itself when none does); -1 when it does not end. */
    private static int skip(String css, int k) {
        char c = css.charAt(k);
        if (c == '\\') {
            return k + 1 < css.length() ? k + 1 : -1;
        }
        if (c == '/' && k + 1 < css.length() && css.charAt(k + 1) == '*') {
            int end = css.indexOf("*/", k + 2);
            return end < 0 ? -1 : end + 1;
        }
        if (c == '"' || c == '\'') {
            for (int j = k + 1; j < css.length(); j++) {
                char d = css.charAt(j);
                if (d == '\\') {
                    j++;
                } else if (d == c) {
                    return j;
                } else if (d == '\n') {
                    return -1;
                }
            }
            return -1;
        }
        return k;
    }

    private static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int k = 0; k < text.length(); k++) {
            int skip = skip(text, k);
            if (skip > k && text.charAt(k) == '/') {
                out.append(' ');
            } else {
                out.append(text, k, Math.max(k, skip) + 1);
            }
            k = Math.max(k, skip);
        }
        return out.toString();
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static URL requireSheet() {
        URL url = org.xhtmlrenderer.simple.extend.XhtmlCssOnlyNamespaceHandler.class.getResource("/resources/css/XhtmlNamespaceHandler.css");
        if (url == null) {
            throw new IllegalStateException("Flying Saucer's user-agent style sheet is missing; the jar is damaged");
        }
        return url;
    }

    private static String text(URL url) {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Flying Saucer's user-agent style sheet could not be read; the jar is damaged", e);
        }
    }
}
