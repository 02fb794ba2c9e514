package gpuroi.workbook;

import gpuroi.engine.CashFlowModel;
import gpuroi.engine.Tornado;
import gpuroi.model.AssumptionTerms;
import gpuroi.model.Assumptions;
import gpuroi.model.Formats;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

import java.util.List;

/**
 * {@value WorkbookWriter#NOTES_SHEET}: every default, catalog value and warning the reader recorded,
 * then where the results came from (file, digest, tool, valuation date), the assumptions used and
 * the conventions of the monthly model, so that every figure can be checked by hand.
 */
final class NotesSheet {
    private static final int[] WIDTHS = {44, 34, 110};

    private NotesSheet() {
    }

    static void write(Sheet sheet, List<InputNote> notes, Assumptions assumptions, RunInfo runInfo,
                      SensitivitySheet.Scope sensitivityScope, OutputStyles styles) {
        OutputCells.headerRow(sheet, 0, new String[] {"Kind", "Location", "Message"}, WIDTHS, styles);
        int r = 1;
        if (notes.isEmpty()) {
            OutputCells.text(sheet.createRow(r++), 2, "No defaults, catalog values or warnings were recorded while reading the workbook.",
                    styles.wrappedText);
        }
        for (InputNote note : notes) {
            Row row = sheet.createRow(r++);
            OutputCells.text(row, 0, kind(note.kind()), styles.text);
            OutputCells.text(row, 1, note.location(), styles.text);
            OutputCells.text(row, 2, note.message(), styles.wrappedText);
        }

        r = section(sheet, r + 1, "Provenance", styles);
        r = entry(sheet, r, "Input file", runInfo.inputFileName(), styles);
        r = entry(sheet, r, "Input SHA-256", runInfo.inputSha256(), styles);
        r = entry(sheet, r, "Tool", "gpu-roi " + runInfo.toolVersion(), styles);
        Row valuation = sheet.createRow(r++);
        OutputCells.text(valuation, 0, "Valuation date", styles.text);
        OutputCells.date(valuation, 1, runInfo.valuationDate(), styles);
        r = entry(sheet, r, "Sheets added", String.join(", ", WorkbookWriter.OUTPUT_SHEETS)
                + " (" + WorkbookWriter.RISK_SHEET + " only when a Monte Carlo ran; replaced, not duplicated, when this workbook is converted again; every other sheet is kept as it was)", styles);

        r = section(sheet, r + 1, "Assumptions used", styles);
        r = entry(sheet, r, "Currency", assumptions.currency(), styles);
        r = percentEntry(sheet, r, "Discount rate (annual)", assumptions.discountRate(), styles);
        r = percentEntry(sheet, r, "Hurdle rate (annual)", assumptions.hurdleRate(), styles);
        r = entry(sheet, r, "Default price path", assumptions.defaultPricePath().spec()
                + " — for clusters that name no path; as a multiple of each cluster's start price, e.g. from "
                + Formats.price(1, assumptions.currency()) + ": "
                + assumptions.defaultPricePath().describe(1, assumptions.currency()), styles);
        r = percentEntry(sheet, r, "Marketplace fee (share of rental revenue)", assumptions.marketplaceFee(), styles);
        r = percentEntry(sheet, r, "Resale fee (share of a hardware sale price)", assumptions.resaleFee(), styles);
        r = percentEntry(sheet, r, "Resale discount (subleased capacity)", assumptions.resaleDiscount(), styles);
        r = entry(sheet, r, "Tax rate", AssumptionTerms.tax(assumptions)
                + (assumptions.taxRate().isPresent() ? ": " + AssumptionTerms.TAX_EFFECT + "." : ""), styles);
        r = entry(sheet, r, "Depreciation (tax)", AssumptionTerms.depreciation(assumptions), styles);
        r = entry(sheet, r, "Loan", AssumptionTerms.loan(assumptions)
                + (assumptions.financing().isPresent() ? ": " + AssumptionTerms.LOAN_EFFECT + "." : ""), styles);

        r = section(sheet, r + 1, "Conventions of the monthly model", styles);
        for (String[] convention : conventions()) {
            r = entry(sheet, r, convention[0], convention[1], styles);
        }

        r = section(sheet, r + 1, WorkbookWriter.SENSITIVITY_SHEET + " and " + WorkbookWriter.RISK_SHEET, styles);
        r = entry(sheet, r, "Clusters shown", sensitivityScope.describe(), styles);
        for (String[] convention : sensitivityConventions()) {
            r = entry(sheet, r, convention[0], convention[1], styles);
        }
        OutputCells.widths(sheet, WIDTHS);
        sheet.createFreezePane(0, 1);
    }

    /** "Default", "Catalog value", "Warning": the kind of note as a reader names it. */
    static String kind(InputNote.Kind kind) {
        return switch (kind) {
            case DEFAULT -> "Default";
            case CATALOG -> "Catalog value";
            case WARNING -> "Warning";
            case MEMO_NOT_RENDERED -> "Memo not rendered";
        };
    }

    private static List<String[]> conventions() {
        return List.of(
                new String[] {"Hours per month", Formats.plain(CashFlowModel.HOURS_PER_MONTH) + " (8,760 hours a year / 12)"},
                new String[] {"Periods", "Month 0 is the purchase (capex only); months 1 to 12 × life follow the cluster's start"
                        + " (its purchase date, or the valuation date for a planned cluster without one)."},
                new String[] {"Timing of flows", "Each month's net flow falls at the month's end; the residual value at the end of the last month."
                        + " A prepayment falls with the first month of its term, at its end, for lessor and lessee contracts alike."
                        + " A flow dated on the valuation date is still to come; only flows before it are history."},
                new String[] {"Price of month m", "The price path at the month's midpoint, t = (m − 0.5) / 12 years."
                        + " Blended to X over N years: p0 · (1 − (1 − X) · min(t, N) / N). Annual decline d: p0 · (1 − d)^t."},
                new String[] {"Revenue", "GPUs × 730 × utilization × price × (1 − marketplace fee)."},
                new String[] {"Power", "GPUs × kW per GPU × PUE × 730 × price per kWh, paid for all hours, busy or idle."},
                new String[] {"Other opex", "GPUs × other opex per GPU-month."},
                new String[] {"NPV", "Month m is discounted by (1 + R)^(−(offset + m) / 12) to the valuation date,"
                        + " where offset is the months from the valuation date to the cluster's start."},
                new String[] {"IRR", "The monthly rate r of the flows, annualized as (1 + r)^12 − 1; shown as words when no"
                        + " single rate exists. XIRR uses the flows' dates, Act/365, as spreadsheets do."},
                new String[] {"MIRR", "Monthly MIRR with finance and reinvestment at the discount rate, annualized."},
                new String[] {"Annualized total return", "MOIC^(1 / life in years) − 1, with MOIC = sum of inflows after the purchase / capex."
                        + " This is the source article's measure, not an IRR; it is shown so the article's thresholds can be compared."},
                new String[] {"Payback", "Months until the cumulative flow turns ≥ 0 for good, interpolated within the month; \"never\" if it does not."},
                new String[] {"Levelized cost and price", "PV(capex + opex − residual) and PV(revenue) per PV(utilized GPU-hours), at the hurdle rate."},
                new String[] {"Break-evens", "Start price (path shape fixed) at which NPV at the hurdle rate is 0, and at which the IRR is 0;"
                        + " utilization at which NPV at the hurdle rate is 0 (may exceed 100%)."},
                new String[] {"Decisions", "Planned, Use Rent out: BUY when NPV at the hurdle rate ≥ 0, else RENT. Planned, Use"
                        + " Own use: BUY when owning the GPU-hours costs no more than renting the same hours on the cluster's price"
                        + " path (present values at the hurdle rate, no marketplace fee), else RENT."
                        + " Owned: HOLD when the remaining flows at the hurdle rate are worth at least a sale now, else RESELL."},
                new String[] {"After-tax and equity views", "With a tax rate, " + WorkbookWriter.SUMMARY_SHEET
                        + " adds after-tax IRR and NPV at the hurdle; with a loan, equity IRR and NPV at the hurdle. The"
                        + " pre-tax, unlevered figures decide (see Tax rate and Loan above)."},
                new String[] {"Rounding", "Cells hold full precision; number formats only round what is shown."},
                new String[] {"Live model", "Edit an input on your own sheets (the cells " + WorkbookWriter.INPUTS_SHEET
                        + " links to) or a value on " + WorkbookWriter.INPUTS_SHEET + ", and " + WorkbookWriter.CASH_FLOWS_SHEET
                        + ", " + WorkbookWriter.SUMMARY_SHEET + ", " + WorkbookWriter.CONTRACTS_SHEET + " and "
                        + WorkbookWriter.PORTFOLIO_SHEET + " recalculate, decisions included. Start dates, terms and lives fix the"
                        + " monthly rows: change one and convert again. The figures each row lists under \"Values computed"
                        + " at conversion, not formulas\" (Monte Carlo, sensitivity grids, IRR of holding, after-tax and equity"
                        + " views) do not move, nor do the reasons, which are text; \"Decision against the reason (live)\" flags"
                        + " a reason an edit has overtaken."});
    }

    private static List<String[]> sensitivityConventions() {
        return List.of(
                new String[] {"Grid values", "Each cell of the sensitivity grids is the engine's result for that pair of inputs,"
                        + " everything else as assumed, written as a value (not a formula): re-run the tool after edits. The"
                        + " centre of the start price × utilization grid is the cluster's base case."},
                new String[] {"Start price × utilization", "The cluster's start price and utilization times 70% to 130% in steps"
                        + " of 10%, utilization capped at 100%. With lessor contracts, only the GPU-hours not under contract move:"
                        + " the contracted GPUs bill their contract rate whatever the market price and whether used or not."},
                new String[] {"Break-even contour", "Thick black lines between neighbouring cells whose NPV at the hurdle differs"
                        + " in sign; the break-even column is the exact start price (or capex per GPU) of each row at which NPV at"
                        + " the hurdle is 0 (NPV is linear in both). For an owned cluster the grid, contour and break-evens are of"
                        + " hold value minus sale, from the valuation date."},
                new String[] {"Decline × capex", "Planned clusters: the price path replaced by a geometric annual decline"
                        + " (rows), capex per GPU times 70% to 130% (columns). Not shown for owned clusters, whose capex is spent."},
                new String[] {"Tornado", "NPV at the hurdle (for an owned cluster: hold value minus sale, over the inputs still"
                        + " to come) with one input at −" + Formats.percent(Tornado.DEFAULT_RELATIVE_MOVE, 0)
                        + " and +" + Formats.percent(Tornado.DEFAULT_RELATIVE_MOVE, 0) + " of its base value, or at the low and high"
                        + " the input workbook's Risk sheet gives (utilization capped at 100%), the others as assumed; widest swing first. The annual decline moves only for a cluster on a"
                        + " geometric decline."},
                new String[] {"NPV distribution", WorkbookWriter.RISK_SHEET + " (when a Monte Carlo ran): each cluster's NPV at"
                        + " the discount rate over its paths in round bins spanning the 0.5th to the 99.5th percentile, the paths"
                        + " beyond counted below and above, with P5, P50 and P95; a column chart beside the first "
                        + RiskSheet.MAX_CHARTS + " clusters' tables."});
    }

    private static int section(Sheet sheet, int r, String title, OutputStyles styles) {
        OutputCells.text(sheet.createRow(r), 0, title, styles.sectionTitle);
        return r + 1;
    }

    /** A label and its text, which wraps across the Location and Message columns (merged) rather than off the page. */
    private static int entry(Sheet sheet, int r, String label, String value, OutputStyles styles) {
        Row row = sheet.createRow(r);
        OutputCells.text(row, 0, label, styles.text);
        // Written directly: its width is the merged columns', not the Location column's alone.
        Cell cell = row.createCell(1);
        cell.setCellValue(OutputCells.fitted(value));
        cell.setCellStyle(styles.wrappedText);
        sheet.addMergedRegion(new CellRangeAddress(r, r, 1, 2));
        OutputCells.linesHigh(row, OutputCells.wrappedLines(value, WIDTHS[1] + WIDTHS[2]));
        return r + 1;
    }

    private static int percentEntry(Sheet sheet, int r, String label, double value, OutputStyles styles) {
        Row row = sheet.createRow(r);
        OutputCells.text(row, 0, label, styles.text);
        OutputCells.number(row, 1, value, styles.percent);
        return r + 1;
    }
}
