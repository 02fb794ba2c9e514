package gpuroi.report;

import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfString;
import org.jfree.chart.JFreeChart;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xhtmlrenderer.layout.SharedContext;
import org.xhtmlrenderer.pdf.DefaultPDFCreationListener;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.pdf.ITextUserAgent;
import org.xhtmlrenderer.resource.CSSResource;
import org.xhtmlrenderer.resource.ImageResource;
import org.xhtmlrenderer.resource.XMLResource;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.TimeZone;

/**
 * XHTML to PDF with Flying Saucer on OpenPDF. The same XHTML and metadata always give the same
 * bytes: the dates come from the valuation date and the document ID from the content, not the clock.
 */
final class PdfMemoWriter {
    private static final float DOTS_PER_POINT = 20f * 4f / 3f;
    private static final int DOTS_PER_PIXEL = 20;

    /**
     * The PDF's information dictionary.
     *
     * @param title    document title
     * @param subject  one line on what the memo decides
     * @param author   "gpu-roi VERSION"
     * @param keywords comma-separated
     * @param date     creation and modification date (the valuation date, at midnight UTC)
     */
    record Metadata(String title, String subject, String author, String keywords, LocalDate date) {
    }

    private PdfMemoWriter() {
    }

    /** Lays out and writes one PDF; the template named is blamed if its XHTML is not well-formed. */
    static byte[] write(String xhtml, Metadata metadata, String templateName, Map<String, JFreeChart> charts)
            throws MemoTemplateException {
        ITextOutputDevice device = new ITextOutputDevice(DOTS_PER_POINT);
        SandboxedUserAgent userAgent = new SandboxedUserAgent(device);
        LayoutCaches caches = LayoutCaches.ofThisThread();
        ITextRenderer renderer = new ITextRenderer(DOTS_PER_POINT, DOTS_PER_PIXEL, device, userAgent, caches.fonts());
        SharedContext shared = renderer.getSharedContext();
        caches.useStyles(shared, userAgent);
        shared.setReplacedElementFactory(new ChartElements(shared.getReplacedElementFactory(), charts));
        shared.setPrint(true);
        shared.setInteractive(false);
        try (StringReader reader = new StringReader(xhtml)) {
            // As setDocumentFromString parses, but read with the thread's kept style sheets.
            Document document = XMLResource.load(new InputSource(reader)).getDocument();
            renderer.setDocument(document, null, caches.namespaceHandler(document));
        } catch (RuntimeException e) {
            throw new MemoTemplateException("memo template " + templateName + " did not produce well-formed XHTML: "
                    + rootMessage(e), e);
        }
        renderer.setListener(new FixedInfo(metadata, documentId(xhtml)));
        renderer.layout();
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try {
            renderer.createPDF(out);
        } catch (com.lowagie.text.DocumentException e) {
            throw new IllegalStateException("the PDF library rejected a memo: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static byte[] documentId(String xhtml) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(xhtml.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** Writes the information dictionary just before the PDF is closed, over OpenPDF's clock-based values. */
    private static final class FixedInfo extends DefaultPDFCreationListener {
        private final Metadata metadata;
        private final byte[] documentId;

        FixedInfo(Metadata metadata, byte[] documentId) {
            this.metadata = metadata;
            this.documentId = documentId.clone();
        }

        @Override
        public void onClose(ITextRenderer renderer) {
            PdfDictionary info = renderer.getWriter().getInfo();
            info.put(PdfName.TITLE, new PdfString(metadata.title(), PdfObject.TEXT_UNICODE));
            info.put(PdfName.SUBJECT, new PdfString(metadata.subject(), PdfObject.TEXT_UNICODE));
            info.put(PdfName.AUTHOR, new PdfString(metadata.author(), PdfObject.TEXT_UNICODE));
            info.put(PdfName.KEYWORDS, new PdfString(metadata.keywords(), PdfObject.TEXT_UNICODE));
            info.put(PdfName.CREATOR, new PdfString(metadata.author(), PdfObject.TEXT_UNICODE));
            Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            date.clear();
            date.set(metadata.date().getYear(), metadata.date().getMonthValue() - 1, metadata.date().getDayOfMonth());
            info.put(PdfName.CREATIONDATE, new PdfDate(date));
            info.put(PdfName.MODDATE, new PdfDate(date));
            info.put(PdfName.FILEID, PdfEncryption.createInfoId(documentId, documentId));
        }
    }

    /**
     * Memos draw their charts themselves and need no other resource; a template cannot make the
     * renderer fetch a file or a URL (data: images still work, for a logo in an edited template).
     */
    private static final class SandboxedUserAgent extends ITextUserAgent {
        SandboxedUserAgent(ITextOutputDevice device) {
            super(device, DOTS_PER_PIXEL);
        }

        @Override
        public ImageResource getImageResource(String uri) {
            if (uri != null && uri.startsWith("data:image/")) {
                return super.getImageResource(uri);
            }
            return new ImageResource(uri, null);
        }

        /** No style sheet but the memo's own {@code <style>} and the user-agent sheet, both handed over as text. */
        @Override
        public CSSResource getCSSResource(String uri) {
            return new CSSResource(InputStream.nullInputStream());
        }

        @Override
        public XMLResource getXMLResource(String uri) {
            throw new IllegalArgumentException("memos load no external documents (" + uri + ")");
        }

        @Override
        public byte[] getBinaryResource(String uri) {
            return null;
        }
    }
}
