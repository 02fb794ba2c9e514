package gpuroi.workbook;

import org.apache.logging.log4j.LogManager;

import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.text.AttributedString;
import java.text.DateFormatSymbols;
import java.text.DecimalFormatSymbols;
import java.text.SimpleDateFormat;
import java.util.Locale;
import java.util.TimeZone;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Start-up work done on other threads while the command line is parsed and the workbook read: what POI's first use waits
 * for that is not POI's own. XMLBeans' type system of the spreadsheet schema (a fifth of a second cold, POI's largest
 * first cost) and log4j's set-up (POI logs through it) on one thread; the JDK's locale data and XML factories and, for a
 * conversion, the XML serializer and the fonts on another.
 *
 * <p>Never one of POI's own classes: the command's thread initializes those as it reads, and two threads each
 * initializing classes that need the other's could wait on each other for ever. What the warm-up initializes needs no
 * POI class: log4j, XMLBeans and its generated type-system holder, and the JDK. POI's classes that need them wait, at
 * most, for the warm-up to finish them.
 */
public final class PoiWarmUp {
    private static final String WARM_UP_XML =
            "<Types xmlns=\"urn:gpuroi:warm-up\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";
    /** XMLBeans' holder of the spreadsheet schema's types: its class initialization loads them. */
    private static final String SCHEMA_TYPES = "org.apache.poi.schemas.ooxml.system.ooxml.TypeSystemHolder";

    private PoiWarmUp() {
    }

    /**
     * Starts the warm-up; call once, as early as possible: it is only a head start. With {@code writes}, it also prepares what
     * writing a workbook first uses: the XML serializer and the fonts.
     */
    public static void start(boolean writes) {
        daemon("gpuroi-warm-up-schema", PoiWarmUp::schemaTypes);
        daemon("gpuroi-warm-up-jdk", () -> {
            prepareJdk(writes);
            if (writes) {
                measureDefaultFont();
            }
        });
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** log4j's set-up, then XMLBeans' and the spreadsheet schema's types. */
    private static void schemaTypes() {
        try {
            LogManager.getLogger(PoiWarmUp.class);
            Class.forName(SCHEMA_TYPES, true, PoiWarmUp.class.getClassLoader());
        } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
            // Only a head start: whatever failed here fails again where a workbook is really read, and is reported there.
        }
    }

    /**
     * What POI's streaming sheet does when it is created ({@code SheetUtil.getDefaultCharWidthAsFloat}): lay out
     * a digit in Excel's default font, which loads and sets up the JDK's font system (a tenth of a second cold).
     * Only JDK classes, none of POI's; the result is thrown away.
     */
    private static void measureDefaultFont() {
        try {
            AttributedString digit = new AttributedString("0");
            digit.addAttribute(TextAttribute.FAMILY, "Calibri");
            digit.addAttribute(TextAttribute.SIZE, 11f);
            new TextLayout(digit.getIterator(), new FontRenderContext(null, true, true)).getAdvance();
        } catch (RuntimeException | LinkageError e) {
            // Only a head start: a machine without fonts fails again where POI measures, which handles it.
        }
    }

    /**
     * What POI's first uses of the JDK cost, done ahead of the command's thread reaching them: the default locale's
     * date and number symbols ({@code DataFormatter}, set up when the first workbook is made, loads the locale
     * data), parsing a little XML into a DOM (as the package's content types are read) and with SAX (as XMLBeans
     * reads the sheets) and, for a workbook to save, serializing it (as the content types are written). Each
     * object is thrown away; the JDK's caches hold the same data whichever thread fills them.
     */
    private static void prepareJdk(boolean writes) {
        try {
            for (Locale locale : new Locale[] {Locale.getDefault(), Locale.US}) {
                DateFormatSymbols symbols = DateFormatSymbols.getInstance(locale);
                DecimalFormatSymbols.getInstance(locale);
                new SimpleDateFormat("EEE MMM dd HH:mm:ss zzz yyyy", symbols).setTimeZone(TimeZone.getDefault());
            }
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(WARM_UP_XML)));
            SAXParserFactory sax = SAXParserFactory.newInstance();
            sax.setNamespaceAware(true);
            sax.newSAXParser().getXMLReader().parse(new InputSource(new StringReader(WARM_UP_XML)));
            if (writes) {
                // Serializing, not only making the transformer, is what loads its table of every character set.
                Transformer transformer = TransformerFactory.newInstance().newTransformer();
                transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
                transformer.transform(new DOMSource(document), new StreamResult(OutputStream.nullOutputStream()));
            }
        } catch (ParserConfigurationException | SAXException | IOException | TransformerException | RuntimeException
                 | LinkageError e) {
            // Only a head start: POI makes its own and reports what fails there.
        }
    }
}
