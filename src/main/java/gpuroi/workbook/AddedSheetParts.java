package gpuroi.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
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
 * then checked and read as any other.
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
            for (Map.Entry<String, String> rel : relationships(zip, "_rels/.rels", "").entrySet()) {
                if (rel.getKey().endsWith("/officeDocument")) {
                    workbook = rel.getValue();
                }
            }
            if (workbook == null) {
                return Set.of();
            }
            int slash = workbook.lastIndexOf('/');
            String folder = slash < 0 ? "" : workbook.substring(0, slash + 1);
            Map<String, String> targetById = relationshipsById(zip, folder + "_rels/" + workbook.substring(slash + 1) + ".rels", folder);
            Set<String> parts = new HashSet<>();
            for (Map.Entry<String, String> sheet : sheetIdsByName(zip, workbook).entrySet()) {
                String part = targetById.get(sheet.getValue());
                if (part != null && ADDED_NAMES.contains(sheet.getKey().toLowerCase(Locale.ROOT))) {
                    parts.add(part);
                }
            }
            return Set.copyOf(parts);
        } catch (IOException | SAXException | ParserConfigurationException | RuntimeException e) {
            // Then every sheet is read as it stands, and the package checks report what is wrong with it.
            return Set.of();
        }
    }

    /** Each relationship's type and resolved target in a relationships part (the package's own: by type). */
    private static Map<String, String> relationships(ZipFile zip, String relsPart, String folder)
            throws IOException, SAXException, ParserConfigurationException {
        Map<String, String> byType = new HashMap<>();
        parse(zip, relsPart, new DefaultHandler() {
            @Override
            public void startElement(String uri, String local, String qName, Attributes attributes) {
                if (local.equals("Relationship") && attributes.getValue("Type") != null && attributes.getValue("Target") != null
                        && !"External".equals(attributes.getValue("TargetMode"))) {
                    byType.put(attributes.getValue("Type"), resolve(folder, attributes.getValue("Target")));
                }
            }
        });
        return byType;
    }

    /** Each relationship's id and resolved target, internal ones only. */
    private static Map<String, String> relationshipsById(ZipFile zip, String relsPart, String folder)
            throws IOException, SAXException, ParserConfigurationException {
        Map<String, String> byId = new HashMap<>();
        parse(zip, relsPart, new DefaultHandler() {
            @Override
            public void startElement(String uri, String local, String qName, Attributes attributes) {
                if (local.equals("Relationship") && attributes.getValue("Id") != null && attributes.getValue("Target") != null
                        && !"External".equals(attributes.getValue("TargetMode"))) {
                    byId.put(attributes.getValue("Id"), resolve(folder, attributes.getValue("Target")));
                }
            }
        });
        return byId;
    }

    /** Each sheet's name and relationship id in the workbook part. */
    private static Map<String, String> sheetIdsByName(ZipFile zip, String workbookPart)
            throws IOException, SAXException, ParserConfigurationException {
        Map<String, String> byName = new HashMap<>();
        parse(zip, workbookPart, new DefaultHandler() {
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
                        byName.put(attributes.getValue("name"), id);
                    }
                }
            }
        });
        return byName;
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
