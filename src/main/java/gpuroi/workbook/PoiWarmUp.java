package gpuroi.workbook;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

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
 * Loads POI and its spreadsheet schema (about a fifth of a short conversion's start-up) on a second
 * thread while the command line is parsed. {@link WorkbookFiles#open} waits for it to finish before
 * it touches POI, so the two threads never initialize POI's classes at the same time.
 *
 * <p>The thread that starts it, which finishes parsing the command line well before the warm-up is done,
 * meanwhile takes on the JDK's share of it: the locale data and XML factories POI first uses while loading
 * ({@link #prepareJdk}) and, for a conversion, the fonts ({@link #measureDefaultFont}). Only JDK classes, never
 * one of POI's: the JDK's classes are safe to initialize from any thread, as the command line's parsing already
 * does beside the warm-up.
 */
public final class PoiWarmUp {
    private static final String WARM_UP_XML =
            "<Types xmlns=\"urn:gpuroi:warm-up\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";
    private static volatile Thread thread;
    private static volatile boolean fonts;

    private PoiWarmUp() {
    }

    /**
     * Starts the warm-up; call once, before anything else reads a workbook. With {@code writes}, it also
     * saves a one-cell workbook, which loads what saving the computed workbook needs.
     */
    public static void start(boolean writes) {
        Thread warmUp = new Thread(() -> warmUp(writes), "gpuroi-poi-warm-up");
        warmUp.setDaemon(true);
        fonts = writes;
        thread = warmUp;
        warmUp.start();
        prepareJdk(writes);
    }

    /** Returns once the warm-up, if one was started, has finished. */
    static void await() {
        Thread warmUp = thread;
        if (warmUp == null) {
            return;
        }
        if (fonts && warmUp.isAlive()) {
            fonts = false;
            measureDefaultFont();
        }
        try {
            warmUp.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * What POI's streaming sheet does when it is created ({@code SheetUtil.getDefaultCharWidthAsFloat}): lay out
     * a digit in Excel's default font, which loads and sets up the JDK's font system (a tenth of a second cold).
     * Only JDK classes, none of POI's, so it can run beside the warm-up thread; the result is thrown away.
     */
    static void measureDefaultFont() {
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
     * What POI's first uses of the JDK cost, done ahead of the warm-up thread reaching them: the default locale's
     * date and number symbols ({@code DataFormatter}, set up when the first workbook is made, loads the locale
     * data), parsing a little XML into a DOM (as the package's content types are read) and with SAX (as XMLBeans
     * reads the sheets) and, for a workbook to save, serializing it (as the content types are written). Each
     * object is thrown away; the JDK's caches hold the same data whichever thread fills them.
     */
    static void prepareJdk(boolean writes) {
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

    private static void warmUp(boolean writes) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("warm-up").createRow(0).createCell(0).setCellValue(1);
            if (writes) {
                workbook.write(OutputStream.nullOutputStream());
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            // Only a head start: whatever failed here fails again where a workbook is really read, and is reported there.
        }
    }
}
