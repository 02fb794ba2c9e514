package gpuroi.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The package parts of the sheets gpu-roi adds ({@link WorkbookWriter#OUTPUT_SHEETS}) in a workbook it has converted
 * before. A conversion replaces them and the reader never reads them, so they are read as empty sheets whatever their
 * size: ROI Cash Flows of a fleet of 10,000 clusters is some 600 MB of XML, more than POI can hold in one part.
 *
 * <p>Found by parsing the package's relationships and its workbook part as XML, as POI finds its sheets. A package too
 * odd to tell (no workbook relationship, a part over a megabyte, XML that does not parse) gives none, and every sheet is
 * then checked and read as any other. So does a workbook in which anything else names one of those sheets (a formula, a
 * defined name, a rule of another sheet): a formula the reader has to calculate would otherwise find it empty and read 0.
 */
final class AddedSheetParts {
    /** What an added sheet is read as. */
    static final byte[] EMPTY_SHEET = ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData/></worksheet>")
            .getBytes(StandardCharsets.UTF_8);

    /** A workbook part or relationships part larger than this is not parsed here: a real one is a few kilobytes. */
    private static final int MAX_PART_BYTES = 1 << 20;
    private static final Set<String> RELATIONSHIP_NAMESPACES = Set.of(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
            "http://purl.oclc.org/ooxml/officeDocument/relationships");
    private static final Set<String> ADDED_NAMES = WorkbookWriter.OUTPUT_SHEETS.stream()
            .map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    private AddedSheetParts() {
    }

    /** The zip entry names of the added sheets' parts in {@code file}; none when there are none or the package cannot tell. */
    static Set<String> of(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String workbook = null;
            for (Map.Entry<String, String> rel : relationships(zip, "_rels/.rels", "", "Type").entrySet()) {
                if (rel.getKey().endsWith("/officeDocument")) {
                    workbook = rel.getValue();
                }
            }
            if (workbook == null) {
                return Set.of();
            }
            int slash = workbook.lastIndexOf('/');
            String folder = slash < 0 ? "" : workbook.substring(0, slash + 1);
            String workbookRels = folder + "_rels/" + workbook.substring(slash + 1) + ".rels";
            Map<String, String> targetById = relationships(zip, workbookRels, folder, "Id");
            WorkbookPart book = workbookPart(zip, workbook);
            Set<String> parts = new HashSet<>();
            Set<String> names = new HashSet<>();
            for (Map.Entry<String, String> sheet : book.sheetIdsByName().entrySet()) {
                String part = targetById.get(sheet.getValue());
                if (part != null && ADDED_NAMES.contains(sheet.getKey().toLowerCase(Locale.ROOT))) {
                    parts.add(part);
                    names.add(sheet.getKey().toLowerCase(Locale.ROOT));
                }
            }
            if (parts.isEmpty() || namedElsewhere(zip, book, parts, names)) {
                return Set.of();
            }
            return Set.copyOf(parts);
        } catch (IOException | SAXException | ParserConfigurationException | RuntimeException e) {
            // Then every sheet is read as it stands, and the package checks report what is wrong with it.
            return Set.of();
        }
    }

    /**
     * Whether a defined name of the workbook (other than the print titles and areas gpu-roi sets on its own sheets) or
     * any other sheet's XML mentions one of the added sheets' names, in any case: a formula, a name or a rule that may
     * refer to it. Text, not parsed, so a mere mention (a note saying "see ROI Summary") also counts, and then the added
     * sheets are read as they stand, as before.
     */
    private static boolean namedElsewhere(ZipFile zip, WorkbookPart book, Set<String> addedParts, Set<String> names)
            throws IOException {
        for (String refersTo : book.definedNames()) {
            String lower = refersTo.toLowerCase(Locale.ROOT);
            if (names.stream().anyMatch(lower::contains)) {
                return true;
            }
        }
        for (ZipEntry entry : Collections.list(zip.entries())) {
            if (entry.getName().startsWith("xl/worksheets/") && entry.getName().endsWith(".xml") && !addedParts.contains(entry.getName())
                    && mentions(zip, entry, names)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the part's text holds one of {@code names} (lower case), read in stretches so a large sheet is not held whole. */
    private static boolean mentions(ZipFile zip, ZipEntry entry, Set<String> names) throws IOException {
        int longest = names.stream().mapToInt(String::length).max().orElse(0);
        byte[] buffer = new byte[1 << 16];
        String carried = "";
        try (InputStream in = zip.getInputStream(entry)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                // ISO-8859-1 keeps each byte one character: the names are ASCII, whatever the encoding of the rest.
                String text = carried + new String(buffer, 0, n, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                if (names.stream().anyMatch(text::contains)) {
                    return true;
                }
                carried = text.substring(Math.max(0, text.length() - longest));
            }
        }
        return false;
    }

    /**
     * The resolved target of each internal relationship in a relationships part, by the attribute {@code key} names:
     * {@code Type} for the package's own (which part is the workbook), {@code Id} for the workbook's (which part is a sheet).
     */
    private static Map<String, String> relationships(ZipFile zip, String relsPart, String folder, String key)
            throws IOException, SAXException, ParserConfigurationException {
        Map<String, String> targets = new HashMap<>();
        parse(zip, relsPart, new DefaultHandler() {
            @Override
            public void startElement(String uri, String local, String qName, Attributes attributes) {
                if (local.equals("Relationship") && attributes.getValue(key) != null && attributes.getValue("Target") != null
                        && !"External".equals(attributes.getValue("TargetMode"))) {
                    targets.put(attributes.getValue(key), resolve(folder, attributes.getValue("Target")));
                }
            }
        });
        return targets;
    }

    /**
     * The workbook part's sheets (name and relationship id) and what its defined names refer to, but for the built-in ones
     * ({@code _xlnm.Print_Titles} and the like, which gpu-roi sets on its own sheets).
     */
    private record WorkbookPart(Map<String, String> sheetIdsByName, List<String> definedNames) {
    }

    private static WorkbookPart workbookPart(ZipFile zip, String part) throws IOException, SAXException, ParserConfigurationException {
        Map<String, String> sheets = new HashMap<>();
        List<String> definedNames = new ArrayList<>();
        parse(zip, part, new DefaultHandler() {
            private StringBuilder refersTo;

            @Override
            public void startElement(String uri, String local, String qName, Attributes attributes) {
                if (local.equals("sheet")) {
                    String id = null;
                    for (int i = 0; i < attributes.getLength(); i++) {
                        if (attributes.getLocalName(i).equals("id") && RELATIONSHIP_NAMESPACES.contains(attributes.getURI(i))) {
                            id = attributes.getValue(i);
                        }
                    }
                    if (attributes.getValue("name") != null && id != null) {
                        sheets.put(attributes.getValue("name"), id);
                    }
                } else if (local.equals("definedName")) {
                    String name = String.valueOf(attributes.getValue("name"));
                    refersTo = name.startsWith("_xlnm.") ? null : new StringBuilder();
                }
            }

            @Override
            public void characters(char[] text, int start, int length) {
                if (refersTo != null) {
                    refersTo.append(text, start, length);
                }
            }

            @Override
            public void endElement(String uri, String local, String qName) {
                if (local.equals("definedName") && refersTo != null) {
                    definedNames.add(refersTo.toString());
                    refersTo = null;
                }
            }
        });
        return new WorkbookPart(sheets, definedNames);
    }

    private static void parse(ZipFile zip, String part, DefaultHandler handler)
            throws IOException, SAXException, ParserConfigurationException {
        ZipEntry entry = zip.getEntry(part);
        if (entry == null) {
            throw new IOException("no part " + part);
        }
        byte[] xml;
        try (InputStream in = zip.getInputStream(entry)) {
            xml = in.readNBytes(MAX_PART_BYTES + 1);
        }
        if (xml.length > MAX_PART_BYTES) {
            throw new IOException(part + " is larger than a workbook part should be");
        }
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.newSAXParser().parse(new ByteArrayInputStream(xml), handler);
    }

    /** A relationship target as a zip entry name: relative to the folder of the part it belongs to, or from the root. */
    static String resolve(String folder, String target) {
        String path = target.startsWith("/") ? target.substring(1) : folder + target;
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                segments.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        return String.join("/", segments);
    }
}
