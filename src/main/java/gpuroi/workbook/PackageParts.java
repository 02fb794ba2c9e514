package gpuroi.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Which sheet a package part holds, for messages about a damaged part: "xl/worksheets/sheet2.xml"
 * means little to a user, "sheet Fleet" does. Read from xl/workbook.xml and its relationships as
 * text, best effort: a package too damaged to tell gives no name, and the part alone is named.
 */
final class PackageParts {
    private PackageParts() {
    }

    /** Larger workbook parts are not searched: a real one is a few kilobytes. */
    private static final int MAX_PART_BYTES = 1 << 20;
    private static final Pattern TAG = Pattern.compile("<(?:\\w+:)?(Relationship|sheet)\\s([^>]*)>");
    private static final Pattern ID = Pattern.compile("(?:^|\\s)(?:\\w+:)?[Ii]d\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final Pattern TARGET = Pattern.compile("(?:^|\\s)Target\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final Pattern NAME = Pattern.compile("(?:^|\\s)name\\s*=\\s*[\"']([^\"']*)[\"']");

    /** {@code " (sheet Fleet)"} when {@code part} holds a sheet the package names, else nothing: to follow a part's name in a message. */
    static String sheetNoted(Path file, String part) {
        return sheetOf(file, part).map(s -> " (sheet " + s + ")").orElse("");
    }

    /** The name of the sheet stored in {@code part}, if the package says. */
    private static Optional<String> sheetOf(Path file, String part) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String rels = text(zip, "xl/_rels/workbook.xml.rels");
            String workbook = text(zip, "xl/workbook.xml");
            if (rels == null || workbook == null) {
                return Optional.empty();
            }
            Map<String, String> targetById = new HashMap<>();
            for (Matcher tag = TAG.matcher(rels); tag.find(); ) {
                Optional<String> id = attribute(ID, tag.group(2));
                Optional<String> target = attribute(TARGET, tag.group(2));
                if (tag.group(1).equals("Relationship") && id.isPresent() && target.isPresent()) {
                    targetById.put(id.get(), partName(target.get()));
                }
            }
            for (Matcher tag = TAG.matcher(workbook); tag.find(); ) {
                Optional<String> id = attribute(ID, tag.group(2).replaceAll("sheetId\\s*=\\s*[\"'][^\"']*[\"']", ""));
                Optional<String> name = attribute(NAME, tag.group(2));
                if (tag.group(1).equals("sheet") && id.isPresent() && name.isPresent() && part.equals(targetById.get(id.get()))) {
                    return Optional.of(unescape(name.get()));
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // No name then: the message names the part alone.
            return Optional.empty();
        }
    }

    /**
     * The first XML part that is not well-formed, with where it breaks ({@code line 1, column 532}):
     * asked only once POI has failed to open the package, to name the part instead of the library's message.
     */
    static Optional<String[]> malformedPart(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                String lower = entry.getName().toLowerCase(java.util.Locale.ROOT);
                if (!(lower.endsWith(".xml") || lower.endsWith(".rels"))) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    factory.newSAXParser().parse(in, new DefaultHandler());
                } catch (SAXParseException e) {
                    return Optional.of(new String[] {entry.getName(), "line " + e.getLineNumber() + ", column " + e.getColumnNumber()});
                } catch (SAXException e) {
                    return Optional.of(new String[] {entry.getName(), "its start"});
                }
            }
            return Optional.empty();
        } catch (IOException | ParserConfigurationException | SAXException | RuntimeException e) {
            // Then POI's failure is reported without a part.
            return Optional.empty();
        }
    }

    /** {@code worksheets/sheet2.xml} or {@code /xl/worksheets/sheet2.xml} as the zip names it. */
    static String partName(String target) {
        return target.startsWith("/") ? target.substring(1) : "xl/" + target;
    }

    private static Optional<String> attribute(Pattern pattern, String attributes) {
        Matcher m = pattern.matcher(attributes);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String text(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null || entry.getSize() > MAX_PART_BYTES) {
            return null;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readNBytes(MAX_PART_BYTES), StandardCharsets.UTF_8);
        }
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }
}
