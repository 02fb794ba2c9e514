package gpuroi.workbook;

import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.MonthlyCashFlow;
import gpuroi.model.Formats;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.ImageUtils;
import org.apache.poi.util.Units;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@value WorkbookWriter#CHART_SHEET}: a native line chart of each cluster's cumulative net cash
 * flow by month, whose series point at {@value WorkbookWriter#CASH_FLOWS_SHEET} (so it follows a
 * recalculation). Series caches come from the engine, never from reading cells back, so the chart
 * works with a streaming cash-flow sheet too. A chart of thousands of lines helps nobody: the
 * first {@value #MAX_SERIES} clusters are drawn and the sheet says so.
 */
final class CumulativeCashFlowChart {
    static final int MAX_SERIES = 12;

    /** Twelve colours that stay apart on screen and in print. */
    private static final int[][] PALETTE = {
        {31, 119, 180}, {255, 127, 14}, {44, 160, 44}, {214, 39, 40}, {148, 103, 189}, {140, 86, 75},
        {227, 119, 194}, {127, 127, 127}, {188, 189, 34}, {23, 190, 207}, {0, 0, 128}, {128, 0, 0},
    };

    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final String CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private static final String MAIN_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private static final String RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    /** Where the chart sits: columns A to P, rows 3 to 32 (zero-based, the end exclusive, as an anchor counts). */
    private static final int FIRST_COLUMN = 0;
    private static final int LAST_COLUMN = 16;
    private static final int FIRST_ROW = 2;
    private static final int LAST_ROW = 32;

    private CumulativeCashFlowChart() {
    }

    /**
     * @param sheet      where the caption row goes (possibly a streaming sheet)
     * @param drawingOn  the same sheet in the XSSF model, which holds the drawing and its chart
     */
    static void write(Sheet sheet, XSSFSheet drawingOn, List<ClusterAnalysis> clusters, CashFlowLayout layout,
                      OutputStyles styles) {
        Row caption = sheet.createRow(0);
        if (clusters.isEmpty()) {
            OutputCells.text(caption, 0, "No clusters: nothing to chart.", styles.text);
            return;
        }
        int shown = Math.min(MAX_SERIES, clusters.size());
        OutputCells.text(caption, 0, "Cumulative net cash flow by month"
                + (shown < clusters.size() ? " — the first " + shown + " of " + clusters.size() + " clusters" : "")
                + " (data: " + WorkbookWriter.CASH_FLOWS_SHEET + ", column \"Cumulative net\")", styles.sectionTitle);

        // Excel labels a line chart's axis with the first series' categories: put the longest first.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < shown; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> -clusters.get(i).schedule().months().size()));

        StringBuilder chart = new StringBuilder(4096 + 2048 * shown);
        chart.append(XML_DECLARATION).append("<c:chartSpace xmlns:c=\"").append(CHART_NS).append("\" xmlns:a=\"").append(MAIN_NS)
                .append("\"><c:chart>");
        title(chart, "Cumulative net cash flow (" + styles.currency + ")");
        chart.append("<c:plotArea><c:layout/><c:lineChart><c:varyColors val=\"false\"/>");
        int series = 0;
        for (int i : order) {
            ClusterAnalysis analysis = clusters.get(i);
            CashFlowLayout.Block block = layout.block(i);
            List<MonthlyCashFlow> months = analysis.schedule().months();
            int[] rgb = PALETTE[series % PALETTE.length];
            chart.append("<c:ser><c:idx val=\"").append(series).append("\"/><c:order val=\"").append(series)
                    .append("\"/><c:tx><c:v>");
            escaped(chart, analysis.cluster().id());
            // Explicit strokes: without them LibreOffice draws a series with no marker as nothing at all.
            chart.append("</c:v></c:tx><c:spPr><a:ln w=\"25400\"><a:solidFill><a:srgbClr val=\"")
                    .append(String.format("%02X%02X%02X", rgb[0], rgb[1], rgb[2]))
                    .append("\"/></a:solidFill></a:ln></c:spPr><c:marker><c:symbol val=\"none\"/></c:marker><c:cat>");
            numbers(chart, OutputCells.columnRange(WorkbookWriter.CASH_FLOWS_SHEET, block.firstRow(), block.lastRow(),
                    CashFlowSheet.MONTH), months, true);
            chart.append("</c:cat><c:val>");
            numbers(chart, OutputCells.columnRange(WorkbookWriter.CASH_FLOWS_SHEET, block.firstRow(), block.lastRow(),
                    CashFlowSheet.CUMULATIVE), months, false);
            chart.append("</c:val><c:smooth val=\"false\"/></c:ser>");
            series++;
        }
        chart.append("<c:axId val=\"0\"/><c:axId val=\"1\"/></c:lineChart>");
        // Month labels along the bottom edge (tickLblPos low), not on the zero line through the middle of the losses.
        chart.append("<c:catAx><c:axId val=\"0\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling>"
                + "<c:delete val=\"false\"/><c:axPos val=\"b\"/>");
        title(chart, "Month");
        chart.append("<c:majorTickMark val=\"cross\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"low\"/>"
                + "<c:crossAx val=\"1\"/><c:crosses val=\"autoZero\"/><c:auto val=\"false\"/></c:catAx>");
        chart.append("<c:valAx><c:axId val=\"1\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling>"
                + "<c:delete val=\"false\"/><c:axPos val=\"l\"/>");
        title(chart, "Cumulative net (" + styles.currency + ")");
        chart.append("<c:numFmt formatCode=\"");
        escaped(chart, "\"" + Formats.currencyPrefix(styles.currency) + "\"#,##0");
        chart.append("\" sourceLinked=\"true\"/><c:majorTickMark val=\"cross\"/><c:minorTickMark val=\"none\"/>"
                + "<c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"0\"/><c:crosses val=\"autoZero\"/>"
                + "<c:crossBetween val=\"midCat\"/></c:valAx></c:plotArea>");
        // Clusters of different lives end at different months: a shorter line stops (a gap), it does not fall to zero.
        chart.append("<c:legend><c:legendPos val=\"r\"/><c:overlay val=\"false\"/></c:legend><c:plotVisOnly val=\"true\"/>"
                + "<c:dispBlanksAs val=\"gap\"/></c:chart><c:printSettings><c:headerFooter/><c:pageMargins b=\"0.75\""
                + " l=\"0.7\" r=\"0.7\" t=\"0.75\" header=\"0.3\" footer=\"0.3\"/><c:pageSetup/></c:printSettings>"
                + "</c:chartSpace>");
        addDrawing(drawingOn, chart.toString());
    }

    /**
     * Adds the sheet's drawing, holding one chart between columns A and Q, rows 3 and 32, as XML parts of the
     * package. POI's chart model (XSSFDrawing, XSSFChart, XDDF) writes the same parts but loads some 600 classes
     * of the chart schema first, a tenth of a small conversion's time.
     */
    private static void addDrawing(XSSFSheet sheet, String chartXml) {
        try {
            OPCPackage pkg = sheet.getPackagePart().getPackage();
            PackagePartName drawingName = unusedPartName(pkg, "/xl/drawings/drawing#.xml");
            PackagePartName chartName = unusedPartName(pkg, "/xl/charts/chart#.xml");
            PackagePart drawing = pkg.createPart(drawingName, XSSFRelation.DRAWINGS.getContentType());
            PackagePart chart = pkg.createPart(chartName, XSSFRelation.CHART.getContentType());
            write(chart, chartXml);
            String chartId = drawing.addRelationship(chartName, TargetMode.INTERNAL, XSSFRelation.CHART.getRelation()).getId();
            write(drawing, drawingXml(sheet, chartId));
            String drawingId = sheet.getPackagePart()
                    .addRelationship(drawingName, TargetMode.INTERNAL, XSSFRelation.DRAWINGS.getRelation()).getId();
            sheet.getCTWorksheet().addNewDrawing().setId(drawingId);
        } catch (InvalidFormatException e) {
            throw new IllegalStateException("The chart's part names are not valid: " + e.getMessage(), e);
        }
    }

    /** The first free name, counting from 1, as POI names new parts: an input's own charts keep theirs. */
    private static PackagePartName unusedPartName(OPCPackage pkg, String pattern) throws InvalidFormatException {
        for (int n = 1; ; n++) {
            PackagePartName name = PackagingURIHelper.createPartName(pattern.replace("#", Integer.toString(n)));
            if (!pkg.containPart(name)) {
                return name;
            }
        }
    }

    private static void write(PackagePart part, String xml) {
        try (OutputStream out = part.getOutputStream()) {
            out.write(xml.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The anchor and the frame's size as POI's XSSFDrawing works them out, from the sheet's column widths and row heights. */
    private static String drawingXml(XSSFSheet sheet, String chartId) {
        double width = 0;
        for (int column = FIRST_COLUMN; column < LAST_COLUMN; column++) {
            width += sheet.getColumnWidthInPixels(column);
        }
        double height = 0;
        for (int row = FIRST_ROW; row < LAST_ROW; row++) {
            height += ImageUtils.getRowHeightInPixels(sheet, row);
        }
        return XML_DECLARATION + "<xdr:wsDr xmlns:xdr=\"http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing\""
                + " xmlns:a=\"" + MAIN_NS + "\" xmlns:c=\"" + CHART_NS + "\" xmlns:r=\"" + RELATIONSHIPS_NS + "\">"
                + "<xdr:twoCellAnchor editAs=\"twoCell\"><xdr:from><xdr:col>" + FIRST_COLUMN + "</xdr:col><xdr:colOff>0</xdr:colOff>"
                + "<xdr:row>" + FIRST_ROW + "</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>" + LAST_COLUMN
                + "</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>" + LAST_ROW + "</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>"
                + "<xdr:graphicFrame><xdr:nvGraphicFramePr><xdr:cNvPr id=\"0\" name=\"Diagramm0\"/><xdr:cNvGraphicFramePr/>"
                + "</xdr:nvGraphicFramePr><xdr:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"" + Units.pixelToEMU((int) width)
                + "\" cy=\"" + Units.pixelToEMU((int) height) + "\"/></xdr:xfrm><a:graphic><a:graphicData uri=\"" + CHART_NS + "\">"
                + "<c:chart r:id=\"" + chartId + "\"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/>"
                + "</xdr:twoCellAnchor></xdr:wsDr>";
    }

    private static void title(StringBuilder chart, String text) {
        chart.append("<c:title><c:tx><c:rich><a:bodyPr anchor=\"t\" rtlCol=\"false\"/><a:lstStyle/><a:p><a:pPr algn=\"l\">"
                + "<a:defRPr/></a:pPr><a:r><a:rPr lang=\"en\"/><a:t>");
        escaped(chart, text);
        chart.append("</a:t></a:r><a:endParaRPr lang=\"en-US\" sz=\"1100\"/></a:p></c:rich></c:tx><c:layout/>"
                + "<c:overlay val=\"false\"/></c:title>");
    }

    /** A series' range with its values cached, written as Java writes a double, as POI's chart model does. */
    private static void numbers(StringBuilder chart, String range, List<MonthlyCashFlow> months, boolean monthNumbers) {
        chart.append("<c:numRef><c:f>");
        escaped(chart, range);
        chart.append("</c:f><c:numCache><c:ptCount val=\"").append(months.size()).append("\"/>");
        for (int m = 0; m < months.size(); m++) {
            double value = monthNumbers ? months.get(m).month() : months.get(m).cumulative();
            chart.append("<c:pt idx=\"").append(m).append("\"><c:v>").append(value).append("</c:v></c:pt>");
        }
        chart.append("</c:numCache></c:numRef>");
    }

    /** Text as XML character data or attribute value; characters XML cannot hold become '?', as POI's writer makes them. */
    private static void escaped(StringBuilder xml, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '"' -> xml.append("&quot;");
                default -> xml.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xfffe || c == 0xffff ? '?' : c);
            }
        }
    }
}
