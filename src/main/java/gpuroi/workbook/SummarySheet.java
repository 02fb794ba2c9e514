package gpuroi.workbook;

import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.ClusterMetrics;
import gpuroi.engine.Decision;
import gpuroi.engine.HoldFigures;
import gpuroi.engine.IrrResult;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.ClusterUse;
import gpuroi.model.Formats;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * {@value WorkbookWriter#SUMMARY_SHEET}: one row per cluster with the decision, the figures behind
 * it and the break-evens that would flip it, as live formulas over the cluster's rows of
 * {@value WorkbookWriter#CASH_FLOWS_SHEET} and {@value WorkbookWriter#INPUTS_SHEET} ({@link ClusterFormulas}) whose
 * cached results are the engine's figures. A figure that does not exist (no IRR, a payback that never comes) is the
 * words that say so, never a number. What no formula can give (an IRR that does not exist or is ambiguous, holding's
 * dated IRR, the after-tax and equity figures) is the engine's value, and the row's last column lists those cells.
 * The reason is text fixed at conversion; a live cell beside the row says when the decision no longer matches it.
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
    /** A live flag: whether the decision cell still says what the reason (text written at conversion) argues. */
    static final int DECISION_CHECK = 34;
    /** Which cells of the row are values computed at conversion rather than formulas, and why. */
    static final int CONVERSION_VALUES = 35;
    static final String MATCHES = "matches the reason";

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

    /**
     * @param layout      where each cluster's inputs and monthly rows are, for the formulas
     * @param convertedOn the day of the conversion, named beside the reason (text fixed then)
     */
    static void write(Sheet sheet, List<ClusterAnalysis> clusters, CashFlowLayout layout, LocalDate convertedOn, OutputStyles styles) {
        OutputCells.headerRow(sheet, 0, HEADERS, WIDTHS, styles);
        int[] widths = java.util.Arrays.copyOf(WIDTHS, CONVERSION_VALUES + 1);
        java.util.Arrays.fill(widths, REASON + 1, widths.length, 9);
        widths[DECISION_CHECK] = 24;
        widths[CONVERSION_VALUES] = 40;
        boolean afterTax = clusters.stream().anyMatch(c -> c.afterTax().isPresent());
        if (afterTax) {
            widths[AFTER_TAX_IRR] = 14;
            widths[AFTER_TAX_NPV_AT_HURDLE] = 16;
        }
        boolean leverage = clusters.stream().anyMatch(c -> c.leverage().isPresent());
        if (leverage) {
            widths[EQUITY_IRR] = 14;
            widths[EQUITY_NPV_AT_HURDLE] = 16;
        }
        // Widths first: the header row is made as high as its titles wrap in them.
        OutputCells.widths(sheet, widths);
        OutputCells.text(sheet.getRow(0), REASON, "Reason (text as converted on " + convertedOn + ")", styles.header);
        OutputCells.text(sheet.getRow(0), DECISION_CHECK, "Decision against the reason (live)", styles.header);
        OutputCells.text(sheet.getRow(0), CONVERSION_VALUES, "Values computed at conversion, not formulas", styles.header);
        if (afterTax) {
            String tax = Formats.percent(clusters.get(0).schedule().assumptions().taxRate().orElse(0), 1);
            OutputCells.text(sheet.getRow(0), AFTER_TAX_IRR, "After-tax IRR (tax " + tax + OWNED_SINCE_PURCHASE + ")", styles.header);
            OutputCells.text(sheet.getRow(0), AFTER_TAX_NPV_AT_HURDLE, "After-tax NPV at hurdle rate (tax " + tax + OWNED_SINCE_PURCHASE + ")", styles.header);
        }
        if (leverage) {
            OutputCells.text(sheet.getRow(0), EQUITY_IRR, "Equity IRR (with the loan" + OWNED_SINCE_PURCHASE + ")", styles.header);
            OutputCells.text(sheet.getRow(0), EQUITY_NPV_AT_HURDLE, "Equity NPV at hurdle rate (with the loan" + OWNED_SINCE_PURCHASE + ")", styles.header);
        }
        for (int i = 0; i < clusters.size(); i++) {
            ClusterAnalysis analysis = clusters.get(i);
            writeRow(sheet.createRow(1 + i), analysis, layout.block(i), styles);
            widths[ID] = Math.max(widths[ID], Math.min(40, analysis.cluster().id().length() + 2));
            widths[GPU_MODEL] = Math.max(widths[GPU_MODEL], Math.min(30, analysis.cluster().gpuModel().length() + 2));
        }
        OutputCells.widths(sheet, widths);
        // Without a tax rate or a loan their columns stay empty: hidden, so neither screen nor page shows a blank gap.
        sheet.setColumnHidden(AFTER_TAX_IRR, !afterTax);
        sheet.setColumnHidden(AFTER_TAX_NPV_AT_HURDLE, !afterTax);
        sheet.setColumnHidden(EQUITY_IRR, !leverage);
        sheet.setColumnHidden(EQUITY_NPV_AT_HURDLE, !leverage);
        sheet.createFreezePane(1, 1);
        if (!clusters.isEmpty()) {
            colourDecisions(sheet, new CellRangeAddress(1, clusters.size(), DECISION, DECISION));
        }
    }

    private static void writeRow(Row row, ClusterAnalysis analysis, CashFlowLayout.Block block, OutputStyles styles) {
        Cluster cluster = analysis.cluster();
        ClusterMetrics m = analysis.metrics();
        ClusterFormulas f = new ClusterFormulas(block);
        List<String> values = new ArrayList<>();
        int r = row.getRowNum();
        OutputCells.text(row, ID, cluster.id(), styles.text);
        OutputCells.text(row, GPU_MODEL, cluster.gpuModel(), styles.text);
        OutputCells.formula(row, GPUS, f.gpus(), cluster.gpuCount(), styles.integer);
        OutputCells.text(row, STATUS, cluster.status().label(), styles.text);
        OutputCells.text(row, USE, cluster.use().label(), styles.text);
        Decision decision = analysis.recommendation().decision();
        m.hold().ifPresent(hold -> {
            if (hold.lifeEnded()) {
                OutputCells.text(row, HOLD_VALUE, "nothing left to hold: life ended " + hold.lifeEndedOn().orElseThrow(), styles.wrappedText);
                return;
            }
            String holdCell = OutputCells.relative(r, HOLD_VALUE);
            String saleCell = OutputCells.relative(r, SALE_VALUE);
            OutputCells.formula(row, HOLD_VALUE, f.holdValue(), hold.holdValue(), styles.money);
            if (hold.saleValue().isPresent()) {
                OutputCells.formula(row, SALE_VALUE, f.saleValue(), hold.saleValue().getAsDouble(), styles.money);
            } else {
                OutputCells.text(row, SALE_VALUE, "no secondary price", styles.text);
                // With no sale the break-evens close the gap to a sale of 0.
                saleCell = "0";
            }
            // Holding's IRR is dated from the valuation date, the sale forgone first: no worksheet function solves it.
            irr(row, HOLD_IRR, hold.holdIrr(), styles);
            values.add("IRR of holding");
            linearBreakEven(row, HOLD_BREAK_EVEN_PRICE, cluster.startPricePerGpuHour(), f.holdBreakEvenStartPrice(holdCell, saleCell),
                    hold.breakEvenStartPrice(), styles.pricePerHour, "start price at which hold = sale", styles, values);
            linearBreakEven(row, HOLD_BREAK_EVEN_UTILIZATION, cluster.utilization(), f.holdBreakEvenUtilization(holdCell, saleCell),
                    hold.breakEvenUtilization(), styles.percent, "utilization at which hold = sale", styles, values);
            OutputCells.optionalFormula(row, HOLD_BREAK_EVEN_SECONDARY_PRICE, f.holdBreakEvenSecondaryPrice(holdCell),
                    hold.breakEvenSecondaryPrice(), "n/a", styles.money, styles.text);
        });
        writeDecision(row, analysis, values, styles);
        if (m.irr() instanceof IrrResult.Unique unique) {
            OutputCells.formula(row, IRR, f.irr(guess(unique.periodic())), unique.annual(), styles.percent);
        } else {
            irr(row, IRR, m.irr(), styles);
            values.add("IRR");
        }
        if (m.xirr() instanceof IrrResult.Unique unique) {
            OutputCells.formula(row, XIRR, f.xirr(guess(unique.annual())), unique.annual(), styles.percent);
        } else {
            irr(row, XIRR, m.xirr(), styles);
            values.add("XIRR");
        }
        OutputCells.formula(row, NPV, f.npv(), m.npv(), styles.money);
        OutputCells.formula(row, NPV_AT_HURDLE, f.npvAtHurdle(), m.npvAtHurdle(), styles.money);
        if (m.mirr().isPresent()) {
            OutputCells.formula(row, MIRR, f.mirr(), m.mirr().getAsDouble(), styles.percent);
        } else {
            OutputCells.text(row, MIRR, "n/a", styles.text);
            values.add("MIRR");
        }
        OutputCells.optionalFormula(row, PAYBACK, f.payback(), m.paybackMonths(), "never", styles.months, styles.text);
        OutputCells.optionalFormula(row, DISCOUNTED_PAYBACK, f.discountedPayback(), m.discountedPaybackMonths(), "never",
                styles.months, styles.text);
        OutputCells.optionalFormula(row, MOIC, f.moic(), m.moic(), "n/a", styles.decimal, styles.text);
        OutputCells.optionalFormula(row, TOTAL_RETURN, f.totalReturn(OutputCells.relative(r, MOIC)), m.annualizedTotalReturn(), "n/a",
                styles.percent, styles.text);
        OutputCells.optionalFormula(row, LEVELIZED_COST, f.levelizedCost(), m.levelizedCostPerGpuHour(), "n/a (no GPU-hours billed)",
                styles.pricePerHour, styles.text);
        OutputCells.optionalFormula(row, LEVELIZED_PRICE, f.levelizedPrice(), m.levelizedPricePerGpuHour(), "n/a (no GPU-hours billed)",
                styles.pricePerHour, styles.text);
        linearBreakEven(row, BREAK_EVEN_PRICE, cluster.startPricePerGpuHour(), f.breakEvenStartPrice(), m.breakEvenStartPrice(),
                styles.pricePerHour, "break-even start price (NPV)", styles, values);
        linearBreakEven(row, BREAK_EVEN_PRICE_ZERO_IRR, cluster.startPricePerGpuHour(), f.breakEvenStartPriceZeroIrr(),
                m.breakEvenStartPriceZeroIrr(), styles.pricePerHour, "break-even start price (IRR = 0)", styles, values);
        linearBreakEven(row, BREAK_EVEN_UTILIZATION, cluster.utilization(), f.breakEvenUtilization(), m.breakEvenUtilization(),
                styles.percent, "break-even utilization", styles, values);
        OutputCells.formula(row, TOTAL_CAPEX, f.totalCapex(), m.totalCapex(), styles.money);
        if (cluster.status() == ClusterStatus.PLANNED) {
            OutputCells.formula(row, OWN_USE_COST_TO_OWN, f.ownUseCostToOwn(), m.ownUse().costToOwn(), styles.money);
            OutputCells.formula(row, OWN_USE_COST_TO_RENT, f.ownUseCostToRent(), m.ownUse().costToRent(), styles.money);
        } else {
            // Whole-life costs of an owned cluster would count capex already spent: Use decides only BUY or RENT.
            OutputCells.text(row, OWN_USE_COST_TO_OWN, "n/a (owned)", styles.text);
            OutputCells.text(row, OWN_USE_COST_TO_RENT, "n/a (owned)", styles.text);
        }
        OutputCells.text(row, REASON, analysis.recommendation().reason(), styles.wrappedText);
        String decisionCell = "$" + OutputCells.relative(r, DECISION);
        OutputCells.textFormula(row, DECISION_CHECK, "IF(" + decisionCell + "=\"" + decision.name() + "\",\"" + MATCHES
                + "\",\"now \"&" + decisionCell + "&\": the reason, written for " + decision.name() + ", is out of date\")",
                MATCHES, styles.text);
        analysis.afterTax().ifPresent(t -> {
            irr(row, AFTER_TAX_IRR, t.irr(), styles);
            OutputCells.number(row, AFTER_TAX_NPV_AT_HURDLE, t.npvAtHurdle(), styles.money);
            values.add("after-tax IRR and NPV");
        });
        analysis.leverage().ifPresent(l -> {
            irr(row, EQUITY_IRR, l.equityIrr(), styles);
            OutputCells.number(row, EQUITY_NPV_AT_HURDLE, l.equityNpvAtHurdle(), styles.money);
            values.add("equity IRR and NPV");
        });
        OutputCells.text(row, CONVERSION_VALUES, values.isEmpty() ? "" : String.join("; ", values), styles.wrappedText);
    }

    /**
     * BUY/RENT or HOLD/RESELL as a formula over this row's figures, on the basis the engine decides on: NPV at the
     * hurdle for a cluster rented out, owning against renting the hours for own use, hold value against the sale for
     * an owned one. Without a sale to compare, or with the life ended, no input of the model moves the answer: a value.
     */
    private static void writeDecision(Row row, ClusterAnalysis analysis, List<String> values, OutputStyles styles) {
        Cluster cluster = analysis.cluster();
        String decision = analysis.recommendation().decision().name();
        int r = row.getRowNum();
        String formula;
        if (cluster.status() == ClusterStatus.PLANNED) {
            formula = cluster.use() == ClusterUse.OWN_USE
                    ? "IF(" + OutputCells.relative(r, OWN_USE_COST_TO_RENT) + ">=" + OutputCells.relative(r, OWN_USE_COST_TO_OWN)
                    + ",\"BUY\",\"RENT\")"
                    : "IF(" + OutputCells.relative(r, NPV_AT_HURDLE) + ">=0,\"BUY\",\"RENT\")";
        } else {
            HoldFigures hold = analysis.metrics().hold().orElseThrow();
            formula = hold.lifeEnded() || hold.saleValue().isEmpty() ? null
                    : "IF(" + OutputCells.relative(r, HOLD_VALUE) + ">=" + OutputCells.relative(r, SALE_VALUE) + ",\"HOLD\",\"RESELL\")";
        }
        if (formula == null) {
            OutputCells.text(row, DECISION, decision, styles.text);
            values.add("decision (no sale to weigh against holding)");
        } else {
            OutputCells.textFormula(row, DECISION, formula, decision, styles.text);
        }
    }

    /**
     * A break-even linear in the start price or the utilization, as {@code base · C / M}: a formula when the base is
     * positive; at a base of 0 the ratio has no value though the engine's slope does, so the engine's figure is kept.
     */
    private static void linearBreakEven(Row row, int column, double base, String formula, OptionalDouble value, CellStyle style,
                                        String name, OutputStyles styles, List<String> values) {
        if (base > 0) {
            OutputCells.optionalFormula(row, column, formula, value, "n/a", style, styles.text);
        } else {
            OutputCells.optional(row, column, value, "n/a", style, styles.text);
            values.add(name + " (start price or utilization of 0)");
        }
    }

    /** A rate as a short literal: only a starting point for Excel's iteration. */
    private static String guess(double rate) {
        return new BigDecimal(rate).round(new MathContext(8)).toPlainString();
    }

    /** Writes an IRR as a value; true when it is a number. */
    private static boolean irr(Row row, int column, IrrResult irr, OutputStyles styles) {
        if (irr instanceof IrrResult.Unique unique) {
            OutputCells.number(row, column, unique.annual(), styles.percent);
            return true;
        }
        OutputCells.text(row, column, irrText(irr), styles.wrappedText);
        return false;
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
