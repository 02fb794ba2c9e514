package gpuroi.workbook;

import org.apache.poi.ss.usermodel.Footer;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * How an added sheet prints: landscape, one page wide and as many pages tall as it needs, its header
 * row on every page, and a footer naming the file, the sheet and the page, so a stack of printed
 * pages can be put back in order. Applied once a sheet is written, after its columns are widened
 * to their cells ({@link ColumnFit}); works on streaming sheets too, since none of it is row data.
 */
final class PrintSetup {
    private static final double SIDE_MARGIN_INCHES = 0.4;
    private static final double TOP_MARGIN_INCHES = 0.5;
    private static final double BOTTOM_MARGIN_INCHES = 0.6;
    private static final double HEADER_FOOTER_MARGIN_INCHES = 0.3;

    private PrintSetup() {
    }

    /**
     * @param headerRows the rows (from the first) repeated at the top of every page; 0 for a sheet of
     *                   several tables, whose first header would mislabel the tables below it
     */
    static void apply(Sheet sheet, int headerRows) {
        ColumnFit.widen(sheet);
        org.apache.poi.ss.usermodel.PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        if (headerRows > 0) {
            sheet.setRepeatingRows(new CellRangeAddress(0, headerRows - 1, -1, -1));
        }
        sheet.setMargin(Sheet.LeftMargin, SIDE_MARGIN_INCHES);
        sheet.setMargin(Sheet.RightMargin, SIDE_MARGIN_INCHES);
        sheet.setMargin(Sheet.TopMargin, TOP_MARGIN_INCHES);
        sheet.setMargin(Sheet.BottomMargin, BOTTOM_MARGIN_INCHES);
        sheet.setMargin(Sheet.HeaderMargin, HEADER_FOOTER_MARGIN_INCHES);
        sheet.setMargin(Sheet.FooterMargin, HEADER_FOOTER_MARGIN_INCHES);
        Footer footer = sheet.getFooter();
        footer.setLeft("&F");
        footer.setCenter("&A");
        footer.setRight("Page &P of &N");
    }
}
