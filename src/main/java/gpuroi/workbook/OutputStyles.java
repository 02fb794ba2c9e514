package gpuroi.workbook;

import gpuroi.model.Formats;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The few cell styles every added sheet shares, created once per workbook: Excel caps a workbook
 * at 64,000 styles, so a style per cell would break large fleets. Number formats only round what is
 * shown; cells keep full precision.
 */
final class OutputStyles {
    final CellStyle header;
    final CellStyle sectionTitle;
    final CellStyle text;
    final CellStyle wrappedText;
    final CellStyle integer;
    /** A whole number centred in a wide column, so that it does not run into the text beside it. */
    final CellStyle rank;
    /** Whole currency units with thousands separators. */
    final CellStyle money;
    /** Currency with cents, for monthly flows. */
    final CellStyle moneyCents;
    /** Currency per GPU-hour, four decimals (midpoint prices are not whole cents). */
    final CellStyle pricePerHour;
    final CellStyle percent;
    final CellStyle date;
    final CellStyle months;
    final CellStyle hours;
    final CellStyle factor;
    final CellStyle decimal;
    /** The workbook counts dates from 1904 (old Mac files) rather than 1900. */
    final boolean date1904;
    /** ISO code of the portfolio currency, for titles. */
    final String currency;

    OutputStyles(Workbook workbook, String currency, boolean date1904) {
        this.date1904 = date1904;
        this.currency = currency;
        DataFormat formats = workbook.createDataFormat();
        String prefix = "\"" + Formats.currencyPrefix(currency) + "\"";

        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.TOP);
        header.setAlignment(HorizontalAlignment.CENTER);

        Font titleFont = workbook.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 12);
        sectionTitle = workbook.createCellStyle();
        sectionTitle.setFont(titleFont);

        text = workbook.createCellStyle();
        wrappedText = workbook.createCellStyle();
        wrappedText.setWrapText(true);
        wrappedText.setVerticalAlignment(VerticalAlignment.TOP);

        integer = numeric(workbook, formats, "#,##0");
        rank = numeric(workbook, formats, "0");
        rank.setAlignment(HorizontalAlignment.CENTER);
        money = numeric(workbook, formats, prefix + "#,##0;-" + prefix + "#,##0");
        moneyCents = numeric(workbook, formats, prefix + "#,##0.00;-" + prefix + "#,##0.00");
        pricePerHour = numeric(workbook, formats, prefix + "#,##0.0000;-" + prefix + "#,##0.0000");
        percent = numeric(workbook, formats, "0.00%");
        date = numeric(workbook, formats, "yyyy-mm-dd");
        months = numeric(workbook, formats, "0.0");
        hours = numeric(workbook, formats, "#,##0.0");
        factor = numeric(workbook, formats, "0.000000");
        decimal = numeric(workbook, formats, "0.0000");
    }

    /** A cell style that only sets a number format; shared by every sheet this package writes. */
    static CellStyle numeric(Workbook workbook, DataFormat formats, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(formats.getFormat(format));
        return style;
    }
}
