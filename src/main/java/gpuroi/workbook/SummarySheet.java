package gpuroi.workbook;

import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.ClusterMetrics;
import gpuroi.engine.Decision;
import gpuroi.engine.IrrResult;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.Formats;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;

import java.util.List;

/**
 * {@value WorkbookWriter#SUMMARY_SHEET}: one row per cluster with the decision, the figures behind
 * it and the break-evens that would flip it. Values are the engine's; a figure that does not exist
 * (no IRR, a payback that never comes) is written as the words that say so, never as a number.
 * An owned cluster's decision figures (hold value, sale, IRR of holding, the break-evens of HOLD/RESELL) come right
 * after the decision; its IRR, NPV and NPV break-evens further right are whole-life, since purchase, and so labelled.
 */
final class SummarySheet {
    static final int ID = 0;
    static final int GPU_MODEL = 1;
    static final int GPUS = 2;
    static final int STATUS = 3;
    static final int USE = 4;
    static final int DECISION = 5;
    // An owned cluster's decision figures, from the valuation date; blank for a planned cluster.
    static final int HOLD_VALUE = 6;
    static final int SALE_VALUE = 7;
    static final int HOLD_IRR = 8;
    static final int HOLD_BREAK_EVEN_PRICE = 9;
    static final int HOLD_BREAK_EVEN_UTILIZATION = 10;
    static final int HOLD_BREAK_EVEN_SECONDARY_PRICE = 11;
    static final int IRR = 12;
    static final int XIRR = 13;
    static final int NPV = 14;
    static final int NPV_AT_HURDLE = 15;
    static final int MIRR = 16;
    static final int PAYBACK = 17;
    static final int DISCOUNTED_PAYBACK = 18;
    static final int MOIC = 19;
    static final int TOTAL_RETURN = 20;
    static final int LEVELIZED_COST = 21;
    static final int LEVELIZED_PRICE = 22;
    static final int BREAK_EVEN_PRICE = 23;
    static final int BREAK_EVEN_PRICE_ZERO_IRR = 24;
    static final int BREAK_EVEN_UTILIZATION = 25;
    static final int TOTAL_CAPEX = 26;
    // A planned cluster's own-use view, whatever its Use; "n/a (owned)" for an owned one.
    static final int OWN_USE_COST_TO_OWN = 27;
    static final int OWN_USE_COST_TO_RENT = 28;
    static final int REASON = 29;
    /**
     * Written only when the assumptions give a tax rate; the pre-tax columns still decide. Whole-life, like the IRR and
     * NPV columns: for an owned cluster, since purchase.
     */
    static final int AFTER_TAX_IRR = 30;
    static final int AFTER_TAX_NPV_AT_HURDLE = 31;
    /** Written only when the assumptions give a loan; the unlevered columns still decide. */
    static final int EQUITY_IRR = 32;
    static final int EQUITY_NPV_AT_HURDLE = 33;

    /** What an owned cluster's whole-life columns are: they include its history and decide nothing. */
    private static final String OWNED_SINCE_PURCHASE = "; owned: since purchase, realized + expected";

    /** Reasons wrap in a column this wide, the row as high as its lines. */
    private static final int REASON_WIDTH = 70;
    private static final String[] HEADERS = {
        "Cluster id", "GPU model", "GPUs", "Status", "Use (basis of BUY/RENT)", "Decision",
        "Value of holding at hurdle (owned, from valuation date)", "Sale now, net of fees (owned)",
        "IRR of holding (owned: sale forgone, then flows to come)", "Start price at which hold = sale (owned)",
        "Utilization at which hold = sale (owned)", "Secondary price per GPU above which selling wins (owned, before fee)",
        "IRR (monthly, annualized" + OWNED_SINCE_PURCHASE + ")", "XIRR (Act/365" + OWNED_SINCE_PURCHASE + ")",
        "NPV at discount rate (owned: since purchase, realized + expected)",
        "NPV at hurdle rate (owned: since purchase, realized + expected)",
        "MIRR (annualized" + OWNED_SINCE_PURCHASE + ")", "Payback (months" + OWNED_SINCE_PURCHASE + ")",
        "Discounted payback (months" + OWNED_SINCE_PURCHASE + ")", "MOIC (" + OWNED_SINCE_PURCHASE.substring(2) + ")",
        "Annualized total return (article's measure, not an IRR" + OWNED_SINCE_PURCHASE + ")",
        "Levelized cost per utilized GPU-hr (" + OWNED_SINCE_PURCHASE.substring(2) + ")",
        "Levelized price per utilized GPU-hr (" + OWNED_SINCE_PURCHASE.substring(2) + ")",
        "Break-even start price (NPV at hurdle = 0" + OWNED_SINCE_PURCHASE + ")",
        "Break-even start price (IRR = 0" + OWNED_SINCE_PURCHASE + ")",
        "Break-even utilization (NPV at hurdle = 0" + OWNED_SINCE_PURCHASE + ")", "Total capex",
        "Own use: present cost of owning the GPU-hours (at hurdle)", "Own use: present cost of renting them (own price path, at hurdle)",
        "Reason",
    };
    private static final int[] WIDTHS = {18, 14, 8, 9, 11, 10, 16, 14, 14, 13, 13, 15, 14, 12, 14, 14, 12, 11, 12, 9, 17, 13, 13, 14, 13, 13, 14,
        17, 17, REASON_WIDTH};

    private SummarySheet() {
    }

    static void write(Sheet sheet, List<ClusterAnalysis> clusters, OutputStyles styles) {
        OutputCells.headerRow(sheet, 0, HEADERS, WIDTHS, styles);
        int[] widths = java.util.Arrays.copyOf(WIDTHS, EQUITY_NPV_AT_HURDLE + 1);
        java.util.Arrays.fill(widths, REASON + 1, widths.length, 9);
        if (clusters.stream().anyMatch(c -> c.afterTax().isPresent())) {
            String tax = Formats.percent(clusters.get(0).schedule().assumptions().taxRate().orElse(0), 1);
            OutputCells.text(sheet.getRow(0), AFTER_TAX_IRR, "After-tax IRR (tax " + tax + OWNED_SINCE_PURCHASE + ")", styles.header);
            OutputCells.text(sheet.getRow(0), AFTER_TAX_NPV_AT_HURDLE, "After-tax NPV at hurdle rate (tax " + tax + OWNED_SINCE_PURCHASE + ")", styles.header);
            widths[AFTER_TAX_IRR] = 14;
            widths[AFTER_TAX_NPV_AT_HURDLE] = 16;
        }
        if (clusters.stream().anyMatch(c -> c.leverage().isPresent())) {
            OutputCells.text(sheet.getRow(0), EQUITY_IRR, "Equity IRR (with the loan" + OWNED_SINCE_PURCHASE + ")", styles.header);
            OutputCells.text(sheet.getRow(0), EQUITY_NPV_AT_HURDLE, "Equity NPV at hurdle rate (with the loan" + OWNED_SINCE_PURCHASE + ")", styles.header);
            widths[EQUITY_IRR] = 14;
            widths[EQUITY_NPV_AT_HURDLE] = 16;
        }
        for (int i = 0; i < clusters.size(); i++) {
            ClusterAnalysis analysis = clusters.get(i);
            writeRow(sheet.createRow(1 + i), analysis, styles);
            widths[ID] = Math.max(widths[ID], Math.min(40, analysis.cluster().id().length() + 2));
            widths[GPU_MODEL] = Math.max(widths[GPU_MODEL], Math.min(30, analysis.cluster().gpuModel().length() + 2));
        }
        OutputCells.widths(sheet, widths);
        sheet.createFreezePane(1, 1);
        if (!clusters.isEmpty()) {
            colourDecisions(sheet, new CellRangeAddress(1, clusters.size(), DECISION, DECISION));
        }
    }

    private static void writeRow(Row row, ClusterAnalysis analysis, OutputStyles styles) {
        Cluster cluster = analysis.cluster();
        ClusterMetrics m = analysis.metrics();
        OutputCells.text(row, ID, cluster.id(), styles.text);
        OutputCells.text(row, GPU_MODEL, cluster.gpuModel(), styles.text);
        OutputCells.number(row, GPUS, cluster.gpuCount(), styles.integer);
        OutputCells.text(row, STATUS, cluster.status().label(), styles.text);
        OutputCells.text(row, USE, cluster.use().label(), styles.text);
        OutputCells.text(row, DECISION, analysis.recommendation().decision().name(), styles.text);
        m.hold().ifPresent(hold -> {
            if (hold.lifeEnded()) {
                OutputCells.text(row, HOLD_VALUE, "nothing left to hold: life ended " + hold.lifeEndedOn().orElseThrow(), styles.wrappedText);
                return;
            }
            OutputCells.number(row, HOLD_VALUE, hold.holdValue(), styles.money);
            OutputCells.optional(row, SALE_VALUE, hold.saleValue(), "no secondary price", styles.money, styles.text);
            irr(row, HOLD_IRR, hold.holdIrr(), styles);
            OutputCells.optional(row, HOLD_BREAK_EVEN_PRICE, hold.breakEvenStartPrice(), "n/a", styles.pricePerHour, styles.text);
            OutputCells.optional(row, HOLD_BREAK_EVEN_UTILIZATION, hold.breakEvenUtilization(), "n/a", styles.percent, styles.text);
            OutputCells.optional(row, HOLD_BREAK_EVEN_SECONDARY_PRICE, hold.breakEvenSecondaryPrice(), "n/a", styles.money, styles.text);
        });
        irr(row, IRR, m.irr(), styles);
        irr(row, XIRR, m.xirr(), styles);
        OutputCells.number(row, NPV, m.npv(), styles.money);
        OutputCells.number(row, NPV_AT_HURDLE, m.npvAtHurdle(), styles.money);
        OutputCells.optional(row, MIRR, m.mirr(), "n/a", styles.percent, styles.text);
        OutputCells.optional(row, PAYBACK, m.paybackMonths(), "never", styles.months, styles.text);
        OutputCells.optional(row, DISCOUNTED_PAYBACK, m.discountedPaybackMonths(), "never", styles.months, styles.text);
        OutputCells.optional(row, MOIC, m.moic(), "n/a", styles.decimal, styles.text);
        OutputCells.optional(row, TOTAL_RETURN, m.annualizedTotalReturn(), "n/a", styles.percent, styles.text);
        OutputCells.optional(row, LEVELIZED_COST, m.levelizedCostPerGpuHour(), "n/a (no GPU-hours billed)", styles.pricePerHour, styles.text);
        OutputCells.optional(row, LEVELIZED_PRICE, m.levelizedPricePerGpuHour(), "n/a (no GPU-hours billed)", styles.pricePerHour, styles.text);
        OutputCells.optional(row, BREAK_EVEN_PRICE, m.breakEvenStartPrice(), "n/a", styles.pricePerHour, styles.text);
        OutputCells.optional(row, BREAK_EVEN_PRICE_ZERO_IRR, m.breakEvenStartPriceZeroIrr(), "n/a", styles.pricePerHour, styles.text);
        OutputCells.optional(row, BREAK_EVEN_UTILIZATION, m.breakEvenUtilization(), "n/a", styles.percent, styles.text);
        OutputCells.number(row, TOTAL_CAPEX, m.totalCapex(), styles.money);
        if (cluster.status() == ClusterStatus.PLANNED) {
            OutputCells.number(row, OWN_USE_COST_TO_OWN, m.ownUse().costToOwn(), styles.money);
            OutputCells.number(row, OWN_USE_COST_TO_RENT, m.ownUse().costToRent(), styles.money);
        } else {
            // Whole-life costs of an owned cluster would count capex already spent: Use decides only BUY or RENT.
            OutputCells.text(row, OWN_USE_COST_TO_OWN, "n/a (owned)", styles.text);
            OutputCells.text(row, OWN_USE_COST_TO_RENT, "n/a (owned)", styles.text);
        }
        OutputCells.text(row, REASON, analysis.recommendation().reason(), styles.wrappedText);
        analysis.afterTax().ifPresent(t -> {
            irr(row, AFTER_TAX_IRR, t.irr(), styles);
            OutputCells.number(row, AFTER_TAX_NPV_AT_HURDLE, t.npvAtHurdle(), styles.money);
        });
        analysis.leverage().ifPresent(l -> {
            irr(row, EQUITY_IRR, l.equityIrr(), styles);
            OutputCells.number(row, EQUITY_NPV_AT_HURDLE, l.equityNpvAtHurdle(), styles.money);
        });
    }

    private static void irr(Row row, int column, IrrResult irr, OutputStyles styles) {
        if (irr instanceof IrrResult.Unique unique) {
            OutputCells.number(row, column, unique.annual(), styles.percent);
        } else {
            OutputCells.text(row, column, irrText(irr), styles.wrappedText);
        }
    }

    /** "no IRR: all cash flows are negative…" or "ambiguous (3.1% or 48.0%): the cash flows change sign…". */
    static String irrText(IrrResult irr) {
        String note = irr.note();
        return irr.display(1) + (note == null || note.isBlank() ? "" : ": " + note);
    }

    /** BUY and HOLD green, RENT amber, RESELL red, as conditional formats so a user's edits recolour. */
    private static void colourDecisions(Sheet sheet, CellRangeAddress decisions) {
        SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
        CellRangeAddress[] regions = {decisions};
        formatting.addConditionalFormatting(regions, new ConditionalFormattingRule[] {
            DecisionColours.rule(formatting, Decision.BUY.name(), IndexedColors.LIGHT_GREEN, IndexedColors.DARK_GREEN),
            DecisionColours.rule(formatting, Decision.HOLD.name(), IndexedColors.LIGHT_GREEN, IndexedColors.DARK_GREEN),
        });
        formatting.addConditionalFormatting(regions, new ConditionalFormattingRule[] {
            DecisionColours.rule(formatting, Decision.RENT.name(), IndexedColors.LIGHT_ORANGE, IndexedColors.BROWN),
            DecisionColours.rule(formatting, Decision.RESELL.name(), IndexedColors.CORAL, IndexedColors.DARK_RED),
        });
    }
}
