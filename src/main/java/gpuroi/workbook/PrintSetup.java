package gpuroi.workbook;

import org.apache.poi.ss.usermodel.Footer;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * How an added sheet prints: landscape, as few pages wide as keep it legible (one for all but the
 * widest; those repeat their first column, the cluster or contract id, on every page), as many pages
 * tall as it needs, its header
 * row on every page, and a footer naming the file, the sheet and the page, so a stack of printed
 * pages can be put back in order. Applied once a sheet is written, after its columns are widened
 * to their cells ({@link ColumnFit}); works on streaming sheets too, since none of it is row data.
 */
final class PrintSetup {
    private static final double SIDE_MARGIN_INCHES = 0.4;
    private static final double TOP_MARGIN_INCHES = 0.5;
    private static final double BOTTOM_MARGIN_INCHES = 0.6;
    private static final double HEADER_FOOTER_MARGIN_INCHES = 0.3;

    /**
     * Columns' widths (in characters of the default font) one landscape page shows at about two thirds
     * of full size: some 135 characters fit at 100% on letter or A4 between narrow margins. Wider
     * sheets are spread over more pages rather than shrunk below what can be read.
     */
    static final int CHARACTERS_PER_PAGE = 200;

    private PrintSetup() {
    }

    /**
     * @param headerRows the rows (from the first) repeated at the top of every page; 0 for a sheet of
     *                   several tables, whose first header would mislabel the tables below it
     */
    static void apply(Sheet sheet, int headerRows) {
        int columns = ColumnFit.widen(sheet);
        int pagesWide = pagesWide(sheet, columns);
        org.apache.poi.ss.usermodel.PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setFitWidth((short) pagesWide);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        if (headerRows > 0) {
            sheet.setRepeatingRows(new CellRangeAddress(0, headerRows - 1, -1, -1));
        }
        if (pagesWide > 1) {
            sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, 0));
        }
        sheet.setMargin(PageMargin.LEFT, SIDE_MARGIN_INCHES);
        sheet.setMargin(PageMargin.RIGHT, SIDE_MARGIN_INCHES);
        sheet.setMargin(PageMargin.TOP, TOP_MARGIN_INCHES);
        sheet.setMargin(PageMargin.BOTTOM, BOTTOM_MARGIN_INCHES);
        sheet.setMargin(PageMargin.HEADER, HEADER_FOOTER_MARGIN_INCHES);
        sheet.setMargin(PageMargin.FOOTER, HEADER_FOOTER_MARGIN_INCHES);
        Footer footer = sheet.getFooter();
        footer.setLeft("&F");
        footer.setCenter("&A");
        footer.setRight("Page &P of &N");
    }

    /** The pages across that show the sheet's columns at a legible size. */
    static int pagesWide(Sheet sheet, int columns) {
        long characters = 0;
        for (int c = 0; c < columns; c++) {
            characters += sheet.isColumnHidden(c) ? 0 : sheet.getColumnWidth(c) / 256;
        }
        return (int) Math.max(1, (characters + CHARACTERS_PER_PAGE - 1) / CHARACTERS_PER_PAGE);
    }
}
