package gpuroi.report;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.PdfTemplate;
import org.jfree.chart.JFreeChart;
import org.w3c.dom.Element;
import org.xhtmlrenderer.extend.FSImage;
import org.xhtmlrenderer.extend.ReplacedElement;
import org.xhtmlrenderer.extend.ReplacedElementFactory;
import org.xhtmlrenderer.extend.UserAgentCallback;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.pdf.ITextFSImage;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextReplacedElement;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.RenderingContext;
import org.xhtmlrenderer.simple.extend.FormSubmissionListener;

import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.util.Map;

/**
 * Draws {@code <img src="chart:NAME"/>} as a vector JFreeChart straight into the PDF (through
 * OpenPDF's Graphics2D), with its text in the memo's embedded font: sharp at any zoom, and much
 * cheaper than encoding and re-decoding a PNG. Every other element goes to Flying Saucer's factory.
 */
final class ChartElements implements ReplacedElementFactory {
    static final String SCHEME = "chart:";

    private final ReplacedElementFactory standard;
    private final Map<String, JFreeChart> charts;

    ChartElements(ReplacedElementFactory standard, Map<String, JFreeChart> charts) {
        this.standard = standard;
        this.charts = Map.copyOf(charts);
    }

    @Override
    public ReplacedElement createReplacedElement(LayoutContext c, BlockBox box, UserAgentCallback uac, int cssWidth, int cssHeight) {
        Element e = box.getElement();
        if (e != null && "img".equals(e.getNodeName()) && e.getAttribute("src").startsWith(SCHEME)) {
            JFreeChart chart = charts.get(e.getAttribute("src").substring(SCHEME.length()));
            if (chart != null) {
                float dotsPerPixel = c.getSharedContext().getDotsPerPixel();
                int width = cssWidth > 0 ? cssWidth : Math.round(MemoCharts.WIDTH_PX * dotsPerPixel);
                int height = cssHeight > 0 ? cssHeight : Math.round(width * (float) MemoCharts.HEIGHT_PX / MemoCharts.WIDTH_PX);
                return new ChartElement(chart, width, height);
            }
        }
        return standard.createReplacedElement(c, box, uac, cssWidth, cssHeight);
    }

    @Override
    public void reset() {
        standard.reset();
    }

    @Override
    public void remove(Element e) {
        standard.remove(e);
    }

    @Override
    public void setFormSubmissionListener(FormSubmissionListener listener) {
        standard.setFormSubmissionListener(listener);
    }

    /** One chart in the layout; sizes are in Flying Saucer's dots. */
    private static final class ChartElement implements ITextReplacedElement {
        private final JFreeChart chart;
        private final int width;
        private final int height;
        private Point location = new Point(0, 0);

        ChartElement(JFreeChart chart, int width, int height) {
            this.chart = chart;
            this.width = width;
            this.height = height;
        }

        @Override
        public void paint(RenderingContext c, ITextOutputDevice device, BlockBox box) {
            Rectangle bounds = box.getContentAreaEdge(box.getAbsX(), box.getAbsY(), c);
            float widthPt = bounds.width / device.getDotsPerPoint();
            float heightPt = bounds.height / device.getDotsPerPoint();
            PdfTemplate template = device.getWriter().getDirectContent().createTemplate(widthPt, heightPt);
            Graphics2D g = template.createGraphics(widthPt, heightPt, MemoFonts.chartFontMapper());
            try {
                // Laid out on a grid MemoCharts.WIDTH_PX wide and as tall as the printed box's proportions ask, then
                // scaled evenly: text keeps its shape whether the template prints a chart wide and low or taller.
                double scale = widthPt / MemoCharts.WIDTH_PX;
                g.scale(scale, scale);
                chart.draw(g, new Rectangle2D.Double(0, 0, MemoCharts.WIDTH_PX, heightPt / scale));
            } finally {
                g.dispose();
            }
            Image image;
            try {
                image = Image.getInstance(template);
            } catch (BadElementException e) {
                throw new IllegalStateException("a chart could not be placed in the PDF", e);
            }
            image.scaleAbsolute(bounds.width, bounds.height);
            FSImage placed = new ITextFSImage(image);
            device.drawImage(placed, bounds.x, bounds.y);
        }

        @Override
        public int getIntrinsicWidth() {
            return width;
        }

        @Override
        public int getIntrinsicHeight() {
            return height;
        }

        @Override
        public Point getLocation() {
            return location;
        }

        @Override
        public void setLocation(int x, int y) {
            location = new Point(x, y);
        }

        @Override
        public void detach(LayoutContext c) {
        }

        @Override
        public boolean isRequiresInteractivePaint() {
            return false;
        }

        @Override
        public boolean hasBaseline() {
            return false;
        }

        @Override
        public int getBaseline() {
            return 0;
        }
    }
}
