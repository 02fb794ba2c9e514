package gpuroi.workbook;

import gpuroi.model.PricePath;
import gpuroi.model.RiskInputs;
import gpuroi.model.UncertainInput;
import gpuroi.model.ValueRange;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A blank input workbook an investor fills in: Instructions, Assumptions, Fleet, Leases and Market,
 * with headers the reader accepts (the reader's own column labels plus units in brackets), one or
 * two valid example rows per table, dropdowns, number formats, frozen headers and widths.
 *
 * <p>Example rows are dated relative to the valuation date, so a template made in any month
 * converts as it is: the owned cluster is mid-life and the contracts are running.
 */
public final class TemplateWorkbook {
    private TemplateWorkbook() {
    }

    public static final String INSTRUCTIONS_SHEET = "Instructions";
    public static final String ASSUMPTIONS_SHEET = "Assumptions";
    public static final String FLEET_SHEET = "Fleet";
    public static final String LEASES_SHEET = "Leases";
    public static final String MARKET_SHEET = "Market";
    public static final String RISK_SHEET = "Risk";

    /** The price paths offered in dropdowns; any other path the reader understands may still be typed. */
    public static final List<String> PRICE_PATH_CHOICES = List.of("flat", "blended:0.5:5", "blended:0.5:3", "decline:0.3",
            "decline:0.4");

    /** Shown when a typed price path is not one of the choices: it is kept, as gpuroi reads more than the list. */
    private static final String PRICE_PATH_NOTE = "Not one of the common paths; keep it if it is a path gpuroi reads, "
            + "e.g. custom:yearly:1,0.8,0.6 or 'decline 35% per year' (see Instructions).";

    /** Rows below the header that get dropdowns and formats: far more clusters than a fleet sheet usually holds. */
    static final int ROWS_PREPARED = 500;

    /**
     * Writes the template to {@code target} through a temporary file in the same folder that is moved
     * into place, so a failure leaves neither a partial template nor a temporary file.
     *
     * @param target           the .xlsx to create
     * @param valuationDate    written as the Assumptions' valuation date; the example rows are dated from it
     * @param replaceExisting  whether an existing file at {@code target} may be replaced
     * @throws FileAlreadyExistsException when {@code target} exists and {@code replaceExisting} is false
     * @throws IOException                when the folder cannot be written
     */
    public static void write(Path target, LocalDate valuationDate, boolean replaceExisting) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (!replaceExisting && Files.exists(absolute)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        AtomicOutput.write(absolute, replaceExisting, out -> {
            try (XSSFWorkbook workbook = build(valuationDate, absolute.getFileName().toString())) {
                workbook.write(out);
            }
        });
    }

    static XSSFWorkbook build(LocalDate valuationDate, String fileName) {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Styles styles = new Styles(workbook);
        instructions(workbook.createSheet(INSTRUCTIONS_SHEET), styles, fileName);
        assumptions(workbook.createSheet(ASSUMPTIONS_SHEET), styles, valuationDate);
        fleet(workbook.createSheet(FLEET_SHEET), styles, valuationDate);
        leases(workbook.createSheet(LEASES_SHEET), styles, valuationDate);
        market(workbook.createSheet(MARKET_SHEET), styles);
        risk(workbook.createSheet(RISK_SHEET), styles);
        workbook.setActiveSheet(0);
        return workbook;
    }

    private static void instructions(XSSFSheet sheet, Styles st, String fileName) {
        String[][] lines = {
            {"gpu-roi input workbook", "title"},
            {"Fill in the sheets, save, then run:  gpuroi convert " + fileName + "   (gpuroi validate " + fileName
                    + " checks it without writing anything).", ""},
            {"Each cluster gets BUY or RENT (planned) or HOLD or RESELL (owned), with IRR, NPV, payback and break-evens.", ""},
            {"", ""},
            {"The sheets", "section"},
            {"Assumptions: one parameter per row, its value in column B. Leave a value empty to use the default named in column C.", ""},
            {"Fleet (required): one row per cluster or purchase lot. Cluster id, GPU model, GPU count and Capex per GPU are "
                    + "required; every other column may be left empty and gets the default named in its header note below.", ""},
            {"Leases (optional): one row per rental contract. Lessor: we rent one of our Fleet clusters out (give its Cluster id). "
                    + "Lessee: we rent GPUs from a provider.", ""},
            {"Market (optional): one row per GPU model; fills Fleet cells left empty (start price, power, secondary price). "
                    + "Models not listed fall back to the built-in catalog (H100, H200, B200, A100, L40S, MI300X).", ""},
            {"Risk (optional): low / most likely / high ranges for the Monte Carlo (Assumptions: Monte Carlo runs, or "
                    + "convert --runs N) and the tornado. The example decline range is the source's: 0% (flat), 12.9% (the "
                    + "blended 50%-over-5-years base) and 40% a year (the bear case).", ""},
            {"The example rows are valid and convert as they are: overwrite or delete them. Extra columns and sheets are ignored.", ""},
            {"", ""},
            {"Units and how to type values", "section"},
            {"Money in the Assumptions currency: 50000, 50,000, $50k or 1.2M all work. Prices are per GPU-hour ($2.85 or $2.85/hr); "
                    + "capex and secondary prices are per GPU; other opex is per GPU-month.", ""},
            {"Percentages: 70%, 0.7 or the text 70% all mean 70%. A bare 70 is read as 70% with a warning.", ""},
            {"Numbers typed as text in European notation (62 000 €, 62’000, 2,85 €/h, 1.234,56) are read when they can only mean "
                    + "one thing; for 62.000 or €9.000 set the Assumptions Number format to 1.234,56 (or 1,234.56), else they are refused.", ""},
            {"Dates: a date cell, ISO text such as 2026-06-01, or an Excel date serial.", ""},
            {"Power per GPU in kW including its server share (about 1.0-1.3 kW for an H100); electricity in $/kWh; PUE >= 1.", ""},
            {"Price path: flat; blended:0.5:5 (linear to 50% of the start price over 5 years, then flat); decline:0.4 (40% a year); "
                    + "custom:yearly:1,0.8,0.6 (multipliers of the start price). The dropdown offers common ones; type any other.", ""},
            {"", ""},
            {"Defaults for empty Fleet cells", "section"},
            {"Status: Owned if the purchase date is on or before the valuation date, else Planned. Purchase date: the valuation date "
                    + "(planned). Useful life: 5 years. Residual value: 0% of capex. Utilization: 100%. PUE: 1.0. Electricity: $0 "
                    + "(power not costed). Other opex: $0. Price path: the Assumptions' default price path. Use: Rent out.", ""},
            {"Use decides how a planned cluster is judged. Rent out: an investment that sells the GPU-hours at the market price "
                    + "net of the marketplace fee (BUY when NPV at the hurdle is >= 0). Own use: the GPU-hours replace renting them "
                    + "at the same price path, with no fee (BUY when owning them costs no more than renting them, both at the hurdle).", ""},
            {"Start price, power per GPU and secondary price: the Market row for the GPU model, else the built-in catalog. "
                    + "Every default and catalog value used is listed in the ROI Notes sheet of the result.", ""},
        };
        for (int i = 0; i < lines.length; i++) {
            Cell cell = sheet.createRow(i).createCell(0);
            cell.setCellValue(lines[i][0]);
            cell.setCellStyle(switch (lines[i][1]) {
                case "title" -> st.title;
                case "section" -> st.section;
                default -> st.wrapped;
            });
        }
        sheet.setColumnWidth(0, 120 * 256);
    }

    private static void assumptions(XSSFSheet sheet, Styles st, LocalDate valuationDate) {
        header(sheet, st, "Parameter", "Value", "Units and notes");
        Object[][] rows = {
            {AssumptionsSheet.VALUATION_DATE.label(), valuationDate,
                "date; cash flows are valued at this date; left out: the first day of the current month"},
            {AssumptionsSheet.CURRENCY.label(), "USD", "three-letter code of every amount in the workbook; left out: USD"},
            {AssumptionsSheet.NUMBER_FORMAT.label(), null,
                "how numbers typed as text are read: 1,234.56 or 1.234,56 (as text); left out: 50,000 is fifty thousand, "
                        + "2,85 is 2.85, and a text that reads two ways such as 62.000 is refused at its cell"},
            {AssumptionsSheet.DISCOUNT_RATE.label(), new Share(0.10), "annual rate for NPV; left out: 10%"},
            {AssumptionsSheet.HURDLE_RATE.label(), new Share(0.10),
                "annual return required to BUY or HOLD (the article's benchmark: the stock market, about 10%); left out: the discount rate"},
            {AssumptionsSheet.PRICE_PATH.label(), PricePath.ARTICLE_BLENDED.spec(),
                "for clusters with no price path; left out: blended:0.5:5 (linear to 50% over 5 years)"},
            {AssumptionsSheet.MARKETPLACE_FEE.label(), new Share(0), "share of rental revenue a marketplace keeps; left out: 0%"},
            {AssumptionsSheet.RESALE_FEE.label(), new Share(0),
                "share of a hardware sale lost to brokers and logistics; left out: 0%"},
            {AssumptionsSheet.MONTE_CARLO_RUNS.label(), null,
                "paths per cluster and per rental contract for the risk analysis (ROI Risk sheet), up to 1,000,000, e.g. 10000; "
                        + "left out: none (convert --runs N asks for it)"},
            {AssumptionsSheet.SEED.label(), null, "whole number; the same seed gives the same figures on any machine; left out: 1"},
            {AssumptionsSheet.PRICE_VOLATILITY.label(), null,
                "annual volatility of the rental price; left out: 32.85% (the source's 40%/yr bear case at the 5th percentile "
                        + "of its blended 50%-over-5-years base at mid-life)"},
            {AssumptionsSheet.UTILIZATION_VOLATILITY.label(), null,
                "annual volatility of logit(utilization), which stays between 0% and 100%; left out: 50%"},
            {AssumptionsSheet.RANK_CORRELATION.label(), null,
                "rank correlation of price and utilization moves, -1 to 1; left out: 0.5 (both fall together)"},
            {AssumptionsSheet.JUMPS_PER_YEAR.label(), null,
                "expected sudden price drops a year (e.g. reserved capacity dumped on the market); left out: 0"},
            {AssumptionsSheet.JUMP_SIZE.label(), null, "share of the price lost at each jump; left out: 25%"},
            {AssumptionsSheet.SAMPLER.label(), null,
                "Monte Carlo (plain) or Latin hypercube (LHS: the Risk sheet's ranges matched closely with fewer paths); "
                        + "left out: Monte Carlo"},
        };
        for (int i = 0; i < rows.length; i++) {
            write(sheet.createRow(i + 1), st, rows[i]);
        }
        // A text cell, so that Excel keeps 1.234,56 as typed instead of turning it into a number that cannot say which is which.
        sheet.getRow(rowOf(rows, AssumptionsSheet.NUMBER_FORMAT)).createCell(1).setCellStyle(st.text);
        int pricePath = rowOf(rows, AssumptionsSheet.PRICE_PATH);
        dropdown(sheet, pricePath, pricePath, 1, PRICE_PATH_CHOICES, DataValidation.ErrorStyle.INFO, "Price path",
                PRICE_PATH_NOTE);
        dropdown(sheet, rows.length, rows.length, 1, List.of("Monte Carlo", "Latin hypercube"), DataValidation.ErrorStyle.STOP,
                "Sampler", "Monte Carlo or Latin hypercube");
        sheet.setColumnWidth(0, 22 * 256);
        sheet.setColumnWidth(1, 16 * 256);
        sheet.setColumnWidth(2, 100 * 256);
        sheet.createFreezePane(0, 1);
    }

    /** The sheet row (below the header) of a parameter in the Assumptions rows. */
    private static int rowOf(Object[][] rows, Column parameter) {
        for (int i = 0; i < rows.length; i++) {
            if (parameter.label().equals(rows[i][0])) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(parameter.label() + " is not an Assumptions row of the template");
    }

    private static void fleet(XSSFSheet sheet, Styles st, LocalDate valuationDate) {
        List<TemplateColumn> columns = List.of(
            new TemplateColumn(FleetSheet.ID.label(), 16, st.text),
            new TemplateColumn(FleetSheet.STATUS.label(), 10, st.text),
            new TemplateColumn(FleetSheet.MODEL.label(), 14, st.text),
            new TemplateColumn(FleetSheet.COUNT.label(), 9, st.integer),
            new TemplateColumn(FleetSheet.CAPEX_PER_GPU.label() + " ($)", 14, st.money),
            new TemplateColumn(FleetSheet.PURCHASE_DATE.label(), 13, st.date),
            new TemplateColumn(FleetSheet.LIFE.label() + " (years)", 10, st.decimal),
            new TemplateColumn(FleetSheet.RESIDUAL.label() + " (% of capex)", 12, st.percent),
            new TemplateColumn(FleetSheet.POWER.label() + " (kW)", 10, st.decimal),
            new TemplateColumn(FleetSheet.PUE.label(), 7, st.decimal),
            new TemplateColumn("Electricity ($/kWh)", 12, st.pricePerKwh),
            new TemplateColumn(FleetSheet.OTHER_OPEX.label() + " ($)", 14, st.money),
            new TemplateColumn(FleetSheet.UTILIZATION.label() + " (%)", 11, st.percent),
            new TemplateColumn("Start price ($/GPU-hr)", 12, st.price),
            new TemplateColumn(FleetSheet.PRICE_PATH.label(), 16, st.text),
            new TemplateColumn(FleetSheet.SECONDARY.label() + " ($)", 14, st.money),
            new TemplateColumn(FleetSheet.USE.label(), 10, st.text));
        table(sheet, st, columns);
        write(sheet.createRow(1), st, "h100-owned", "Owned", "H100 SXM", 8, new Money(45_000), valuationDate.minusMonths(18),
                5, new Share(0), 1.1, 1.3, 0.08, new Money(150), new Share(0.70), new Price(2.95), null, new Money(23_500), null);
        write(sheet.createRow(2), st, "h200-plan", "Planned", "H200", 16, new Money(38_000), null,
                5, new Share(0.10), 1.2, 1.3, 0.08, new Money(150), new Share(0.75), new Price(4.50), "blended:0.5:5", null,
                "Rent out");
        dropdown(sheet, 1, ROWS_PREPARED, 1, List.of("Owned", "Planned"), DataValidation.ErrorStyle.STOP, "Status",
                "Owned (HOLD or RESELL) or Planned (BUY or RENT)");
        dropdown(sheet, 1, ROWS_PREPARED, 14, PRICE_PATH_CHOICES, DataValidation.ErrorStyle.INFO, "Price path",
                PRICE_PATH_NOTE);
        dropdown(sheet, 1, ROWS_PREPARED, 16, List.of("Rent out", "Own use"), DataValidation.ErrorStyle.STOP, "Use",
                "Rent out (BUY if the hours sold net of the marketplace fee clear the hurdle) or Own use (BUY if owning the "
                        + "hours costs no more than renting them)");
    }

    private static void leases(XSSFSheet sheet, Styles st, LocalDate valuationDate) {
        List<TemplateColumn> columns = List.of(
            new TemplateColumn(LeasesSheet.CONTRACT_ID.label(), 18, st.text),
            new TemplateColumn(LeasesSheet.ROLE.label(), 9, st.text),
            new TemplateColumn(LeasesSheet.CLUSTER_ID.label(), 14, st.text),
            new TemplateColumn(LeasesSheet.COUNTERPARTY.label(), 16, st.text),
            new TemplateColumn(LeasesSheet.MODEL.label(), 12, st.text),
            new TemplateColumn(LeasesSheet.COUNT.label(), 9, st.integer),
            new TemplateColumn(LeasesSheet.RATE.label() + " ($/GPU-hr)", 12, st.price),
            new TemplateColumn(LeasesSheet.START.label(), 12, st.date),
            new TemplateColumn(LeasesSheet.TERM.label() + " (months)", 10, st.integer),
            new TemplateColumn(LeasesSheet.PREPAID.label() + " (%)", 10, st.percent),
            new TemplateColumn(LeasesSheet.GPUS_NEEDED.label(), 12, st.integer),
            new TemplateColumn(LeasesSheet.RESALE.label(), 10, st.text),
            new TemplateColumn(LeasesSheet.TERMINATION_FEE.label() + " ($)", 14, st.money));
        table(sheet, st, columns);
        write(sheet.createRow(1), st, "acme-reserved", "Lessor", "h100-owned", "Acme AI Labs", "H100 SXM", 8, new Price(3.10),
                valuationDate.minusMonths(12), 36, new Share(0.25), null, null, null);
        write(sheet.createRow(2), st, "cloud-training", "Lessee", null, "BigCloud", "H100 SXM", 32, new Price(2.65),
                valuationDate.minusMonths(6), 24, new Share(0), 24, "Yes", new Money(50_000));
        dropdown(sheet, 1, ROWS_PREPARED, 1, List.of("Lessor", "Lessee"), DataValidation.ErrorStyle.STOP, "Role",
                "Lessor: we rent one of our clusters out. Lessee: we rent GPUs from a provider.");
        dropdown(sheet, 1, ROWS_PREPARED, 11, List.of("Yes", "No"), DataValidation.ErrorStyle.STOP, "Resale allowed",
                "Yes or No: may the GPUs we rent but do not need be resold on a marketplace?");
    }

    private static void market(XSSFSheet sheet, Styles st) {
        List<TemplateColumn> columns = List.of(
            new TemplateColumn(MarketSheet.MODEL.label(), 12, st.text),
            new TemplateColumn(MarketSheet.ON_DEMAND.label() + " ($/GPU-hr)", 14, st.price),
            new TemplateColumn(MarketSheet.RESERVED.label() + " ($/GPU-hr)", 14, st.price),
            new TemplateColumn(MarketSheet.DECLINE.label() + " (%)", 12, st.percent),
            new TemplateColumn(MarketSheet.NEW_PRICE.label() + " ($)", 13, st.money),
            new TemplateColumn(MarketSheet.SECONDARY.label() + " ($)", 14, st.money),
            new TemplateColumn(MarketSheet.POWER.label() + " (kW)", 10, st.decimal),
            new TemplateColumn("Source", 50, st.text));
        table(sheet, st, columns);
        write(sheet.createRow(1), st, "H100 SXM", new Price(2.95), new Price(2.65), new Share(0.40), new Money(38_750),
                new Money(23_500), 1.15, "on-demand median of 37 providers, May 2026; used $22-25k early 2026");
        write(sheet.createRow(2), st, "H200", new Price(4.50), null, new Share(0.35), new Money(40_000), null, 1.2,
                "on-demand about $4.50, 2026");
    }

    /**
     * The optional Risk sheet: a title, how to fill it, then Input | Low | Most likely | High | Distribution with
     * the source's range for the annual price decline and example ranges for capex and electricity as shares of
     * each cluster's own value.
     */
    private static void risk(XSSFSheet sheet, Styles st) {
        Cell title = sheet.createRow(0).createCell(0);
        title.setCellValue("Risk ranges (optional): what the Monte Carlo draws and the tornado swings");
        title.setCellStyle(st.section);
        Cell help = sheet.createRow(1).createCell(0);
        help.setCellValue("One row per uncertain input: Annual price decline, Start price, Utilization, Capex per GPU, "
                + "Electricity price, Other opex, Residual value, Hurdle rate. Shares as percentages; amounts as in the Fleet "
                + "sheet ($2.85/hr, $45,000, $0.08) for every cluster, or as percentages of each cluster's own value (90%). "
                + "Distribution: PERT (left empty) or Triangular. The Monte Carlo draws the decline (replacing each cluster's "
                + "price path), capex and electricity per path; the tornado uses every row's low and high. Delete rows you do not want.");
        help.setCellStyle(st.wrapped);
        sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(1, 1, 0, 4));
        sheet.getRow(1).setHeightInPoints(62);
        Row header = sheet.createRow(3);
        String[] names = {RiskRangesSheet.INPUT.label(), RiskRangesSheet.LOW.label(), RiskRangesSheet.MOST_LIKELY.label(),
            RiskRangesSheet.HIGH.label(), RiskRangesSheet.DISTRIBUTION.label()};
        for (int i = 0; i < names.length; i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(names[i]);
            cell.setCellStyle(st.header);
        }
        ValueRange decline = RiskInputs.SOURCE_DECLINE_RANGE;
        write(sheet.createRow(4), st, UncertainInput.ANNUAL_PRICE_DECLINE.label(), new Share(decline.low()),
                new Share(decline.mostLikely()), new Share(decline.high()), "PERT");
        write(sheet.createRow(5), st, UncertainInput.CAPEX_PER_GPU.label(), new Share(0.9), new Share(1.0), new Share(1.2), "Triangular");
        write(sheet.createRow(6), st, UncertainInput.ELECTRICITY_PRICE.label(), new Share(0.8), new Share(1.0), new Share(1.5), "PERT");
        dropdown(sheet, 4, 60, 4, List.of("PERT", "Triangular"), DataValidation.ErrorStyle.STOP, "Distribution",
                "PERT (the default) or Triangular");
        sheet.setColumnWidth(0, 24 * 256);
        for (int c = 1; c <= 4; c++) {
            sheet.setColumnWidth(c, 14 * 256);
        }
        sheet.createFreezePane(0, 4);
    }

    /** A column of a template table: its header as shown, width in characters, and the format of its cells. */
    private record TemplateColumn(String header, int widthChars, CellStyle style) {
    }

    /**
     * Header row, widths, frozen header, and each column's format as the column default, so rows the
     * investor adds are formatted without the template creating empty cells.
     */
    private static void table(XSSFSheet sheet, Styles st, List<TemplateColumn> columns) {
        header(sheet, st, columns.stream().map(TemplateColumn::header).toArray(String[]::new));
        for (int i = 0; i < columns.size(); i++) {
            sheet.setColumnWidth(i, columns.get(i).widthChars() * 256);
            sheet.setDefaultColumnStyle(i, columns.get(i).style());
        }
        sheet.createFreezePane(1, 1);
    }

    private static void header(XSSFSheet sheet, Styles st, String... names) {
        Row row = sheet.createRow(0);
        row.setHeightInPoints(32);
        for (int i = 0; i < names.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(names[i]);
            cell.setCellStyle(st.header);
        }
    }

    /** A dropdown list on a column. STOP rejects other values; INFO only informs, so custom values stay possible. */
    private static void dropdown(XSSFSheet sheet, int firstRow, int lastRow, int column, List<String> choices,
                                 int errorStyle, String title, String message) {
        XSSFDataValidationHelper helper = new XSSFDataValidationHelper(sheet);
        DataValidationConstraint constraint = helper.createExplicitListConstraint(choices.toArray(String[]::new));
        DataValidation validation = helper.createValidation(constraint, new CellRangeAddressList(firstRow, lastRow, column, column));
        // For XSSF, true here means "show the in-cell dropdown arrow" (the flag's name follows the binary format).
        validation.setSuppressDropDownArrow(true);
        validation.setEmptyCellAllowed(true);
        validation.setErrorStyle(errorStyle);
        validation.setShowErrorBox(true);
        validation.createErrorBox(title, message);
        sheet.addValidationData(validation);
    }

    private record Share(double fraction) {
    }

    private record Money(double amount) {
    }

    private record Price(double perGpuHour) {
    }

    private static void write(Row row, Styles st, Object... values) {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (v instanceof String text) {
                cell.setCellValue(text);
                cell.setCellStyle(st.text);
            } else if (v instanceof Integer n) {
                cell.setCellValue(n);
                cell.setCellStyle(st.integer);
            } else if (v instanceof Double d) {
                cell.setCellValue(d);
                cell.setCellStyle(st.decimal);
            } else if (v instanceof LocalDate d) {
                cell.setCellValue(d);
                cell.setCellStyle(st.date);
            } else if (v instanceof Share s) {
                cell.setCellValue(s.fraction());
                cell.setCellStyle(st.percent);
            } else if (v instanceof Money m) {
                cell.setCellValue(m.amount());
                cell.setCellStyle(st.money);
            } else if (v instanceof Price p) {
                cell.setCellValue(p.perGpuHour());
                cell.setCellStyle(st.price);
            } else {
                throw new IllegalArgumentException("no template format for " + v.getClass().getSimpleName());
            }
        }
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle section;
        final CellStyle wrapped;
        final CellStyle header;
        final CellStyle text;
        final CellStyle integer;
        final CellStyle decimal;
        final CellStyle money;
        final CellStyle price;
        final CellStyle pricePerKwh;
        final CellStyle percent;
        final CellStyle date;

        Styles(XSSFWorkbook workbook) {
            DataFormat formats = workbook.createDataFormat();
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = workbook.createCellStyle();
            title.setFont(big);
            Font bold = workbook.createFont();
            bold.setBold(true);
            section = workbook.createCellStyle();
            section.setFont(bold);
            wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            text = workbook.createCellStyle();
            text.setDataFormat(formats.getFormat("@"));
            integer = OutputStyles.numeric(workbook, formats, "#,##0");
            decimal = OutputStyles.numeric(workbook, formats, "0.0##");
            money = OutputStyles.numeric(workbook, formats, "$#,##0");
            price = OutputStyles.numeric(workbook, formats, "$#,##0.00");
            pricePerKwh = OutputStyles.numeric(workbook, formats, "$0.000");
            percent = OutputStyles.numeric(workbook, formats, "0%");
            date = OutputStyles.numeric(workbook, formats, "yyyy-mm-dd");
        }
    }
}
