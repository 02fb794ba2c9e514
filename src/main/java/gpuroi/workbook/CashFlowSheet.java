package gpuroi.workbook;

import gpuroi.engine.CashFlowModel;
import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.MonthlyCashFlow;
import gpuroi.engine.Returns;
import gpuroi.model.Cancellation;
import gpuroi.model.Lease;
import gpuroi.model.PricePath;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.util.List;

/**
 * {@value WorkbookWriter#CASH_FLOWS_SHEET}: one row per cluster and month, clusters one after the
 * other, with live formulas that express the monthly model of {@code domain.md} ("Conventions")
 * from the cluster's row on {@value WorkbookWriter#INPUTS_SHEET}. Each formula's cached result is
 * the engine's own figure, so the file shows the engine's numbers before any recalculation.
 *
 * <p>Rows are written strictly in order through the {@code ss.usermodel} interfaces and nothing is
 * read back or auto-sized, as the streaming (SXSSF) sheet it is given requires: 10,000 clusters of
 * 60 months (610,000 rows) are written in about a minute.
 */
final class CashFlowSheet {
    static final int ID = 0;
    static final int MONTH = 1;
    static final int DATE = 2;
    static final int PRICE = 3;
    static final int UTILIZED_HOURS = 4;
    static final int REVENUE = 5;
    static final int POWER = 6;
    static final int OTHER_OPEX = 7;
    static final int CAPEX = 8;
    static final int RESIDUAL = 9;
    static final int NET = 10;
    static final int CUMULATIVE = 11;
    static final int DISCOUNT_FACTOR = 12;
    static final int DISCOUNTED = 13;
    /** Lessor contracts: GPUs billed at the contract rate, and what they bring in (prepayment included). */
    static final int CONTRACTED_GPUS = 14;
    static final int CONTRACT_REVENUE = 15;
    /** Running sum of the discounted net: what the summary's discounted payback reads. */
    static final int CUMULATIVE_DISCOUNTED = 16;
    // Helper columns of the summary's live figures, so that each is a plain SUM, SUMPRODUCT or MAX of ranges (no
    // array arithmetic, which not every spreadsheet evaluates alike).
    static final int HURDLE_FACTOR = 17;
    /** 1 for a flow dated on or after the valuation date (still to come: what holding is worth), 0 for history. */
    static final int STILL_TO_COME = 18;
    /** The month when the cumulative net is below 0, else −1: the largest is the month payback interpolates from. */
    static final int MONTH_UNDERWATER = 19;
    static final int MONTH_UNDERWATER_DISCOUNTED = 20;

    private static final String[] HEADERS = {
        "Cluster id", "Month", "Date (month end)", "Price per GPU-hr (month midpoint)", "Utilized GPU-hours",
        "Revenue (after fee)", "Power", "Other opex", "Capex", "Residual value", "Net cash flow",
        "Cumulative net", "Discount factor (to valuation date)", "Discounted net",
        "GPUs under lessor contracts", "Contract revenue (incl. prepayment)", "Cumulative discounted net",
        "Discount factor at hurdle (to valuation date)", "Still to come at valuation date (1 = yes)",
        "Month if cumulative net < 0 (else -1)", "Month if cumulative discounted net < 0 (else -1)",
    };
    private static final int[] WIDTHS = {18, 7, 12, 13, 12, 13, 11, 11, 13, 12, 13, 14, 13, 13, 12, 14, 14, 13, 12, 12, 12};

    /** Written as a literal in the formulas: the conventions fix it, and the notes sheet says so. */
    static final String HOURS = formatHours();

    private CashFlowSheet() {
    }

    static void write(Sheet sheet, List<ClusterAnalysis> clusters, CashFlowLayout layout, OutputStyles styles) {
        write(sheet, clusters, layout, InputLinks.NONE, styles);
    }

    /** As above, with lessor contracts' revenue referring to the Leases cells their rates were read from, where it can. */
    static void write(Sheet sheet, List<ClusterAnalysis> clusters, CashFlowLayout layout, InputLinks links, OutputStyles styles) {
        OutputCells.headerRow(sheet, 0, HEADERS, WIDTHS, styles);
        int[] widths = WIDTHS.clone();
        for (int i = 0; i < clusters.size(); i++) {
            ClusterAnalysis analysis = clusters.get(i);
            Cancellation.check("writing the monthly cash flows");
            writeCluster(sheet, analysis, layout.block(i), links, styles);
            widths[ID] = Math.max(widths[ID], Math.min(40, analysis.cluster().id().length() + 2));
        }
        OutputCells.widths(sheet, widths);
        sheet.createFreezePane(2, 1);
    }

    private static void writeCluster(Sheet sheet, ClusterAnalysis analysis, CashFlowLayout.Block block, InputLinks links,
                                     OutputStyles styles) {
        Inputs in = new Inputs(block.inputsRow());
        String[][] contracts = contractFormulas(analysis, links);
        String[] contractedGpus = contracts[0];
        String[] contractRevenue = contracts[1];
        PricePath path = analysis.schedule().pricePath();
        String priceFormulaBody = priceFormulaBody(path, in);
        List<MonthlyCashFlow> months = analysis.schedule().months();
        double discountedSoFar = 0;
        double hurdle = analysis.schedule().assumptions().hurdleRate();
        for (int m = 0; m < months.size(); m++) {
            MonthlyCashFlow flow = months.get(m);
            int r = block.firstRow() + m;
            Row row = sheet.createRow(r);
            String month = "$" + OutputCells.relative(r, MONTH);

            OutputCells.text(row, ID, analysis.cluster().id(), styles.text);
            OutputCells.number(row, MONTH, flow.month(), styles.integer);
            OutputCells.formula(row, DATE, "EDATE(" + in.ref(ModelInputsSheet.START_DATE) + "," + month + ")",
                    OutputCells.excelDate(flow.date(), styles.date1904), styles.date);
            if (priceFormulaBody == null) {
                // A custom curve's shape is a list of factors: each month's factor is a literal, the start price stays live.
                OutputCells.formula(row, PRICE, "IF(" + month + "=0,0," + in.ref(ModelInputsSheet.START_PRICE) + "*"
                        + literal(m == 0 ? 0 : path.factorForMonth(m)) + ")", flow.pricePerGpuHour(), styles.pricePerHour);
            } else {
                OutputCells.formula(row, PRICE, "IF(" + month + "=0,0," + priceFormulaBody.replace("{m}", month) + ")",
                        flow.pricePerGpuHour(), styles.pricePerHour);
            }
            // Which months a contract covers is fixed by its dates; what it bills follows its rate, GPUs and prepaid share
            // on the Leases sheet. The market part stays live: uncommitted GPUs earn the path's price at the cluster's
            // utilization, after the fee.
            if (m < contractRevenue.length && contractRevenue[m] != null) {
                OutputCells.formula(row, CONTRACTED_GPUS, contractedGpus[m], flow.contractedGpus(), styles.integer);
                OutputCells.formula(row, CONTRACT_REVENUE, contractRevenue[m], flow.contractRevenue(), styles.moneyCents);
            } else {
                OutputCells.number(row, CONTRACTED_GPUS, flow.contractedGpus(), styles.integer);
                OutputCells.number(row, CONTRACT_REVENUE, flow.contractRevenue(), styles.moneyCents);
            }
            String contracted = OutputCells.relative(r, CONTRACTED_GPUS);
            String marketHours = "(" + in.ref(ModelInputsSheet.GPUS) + "-" + contracted + ")*" + HOURS + "*"
                    + in.ref(ModelInputsSheet.UTILIZATION);
            OutputCells.formula(row, UTILIZED_HOURS, "IF(" + month + "=0,0," + marketHours + "+" + contracted + "*" + HOURS + ")",
                    flow.utilizedGpuHours(), styles.hours);
            OutputCells.formula(row, REVENUE, "IF(" + month + "=0,0," + marketHours + "*" + OutputCells.relative(r, PRICE)
                    + "*(1-" + in.ref(ModelInputsSheet.MARKETPLACE_FEE) + ")+" + OutputCells.relative(r, CONTRACT_REVENUE) + ")",
                    flow.revenue(), styles.moneyCents);
            OutputCells.formula(row, POWER, "IF(" + month + "=0,0," + in.ref(ModelInputsSheet.GPUS) + "*" + in.ref(ModelInputsSheet.KW_PER_GPU)
                    + "*" + in.ref(ModelInputsSheet.PUE) + "*" + HOURS + "*" + in.ref(ModelInputsSheet.ELECTRICITY_PER_KWH) + ")",
                    flow.power(), styles.moneyCents);
            OutputCells.formula(row, OTHER_OPEX, "IF(" + month + "=0,0," + in.ref(ModelInputsSheet.GPUS) + "*"
                    + in.ref(ModelInputsSheet.OPEX_PER_GPU_MONTH) + ")", flow.otherOpex(), styles.moneyCents);
            OutputCells.formula(row, CAPEX, "IF(" + month + "=0," + in.ref(ModelInputsSheet.GPUS) + "*"
                    + in.ref(ModelInputsSheet.CAPEX_PER_GPU) + ",0)", flow.capex(), styles.moneyCents);
            OutputCells.formula(row, RESIDUAL, "IF(" + month + "=" + in.ref(ModelInputsSheet.LIFE_MONTHS) + ","
                    + in.ref(ModelInputsSheet.GPUS) + "*" + in.ref(ModelInputsSheet.CAPEX_PER_GPU) + "*"
                    + in.ref(ModelInputsSheet.RESIDUAL_SHARE) + ",0)", flow.residual(), styles.moneyCents);
            OutputCells.formula(row, NET, OutputCells.relative(r, REVENUE) + "-" + OutputCells.relative(r, POWER) + "-"
                    + OutputCells.relative(r, OTHER_OPEX) + "-" + OutputCells.relative(r, CAPEX) + "+" + OutputCells.relative(r, RESIDUAL),
                    flow.net(), styles.moneyCents);
            OutputCells.formula(row, CUMULATIVE, m == 0 ? OutputCells.relative(r, NET)
                    : OutputCells.relative(r - 1, CUMULATIVE) + "+" + OutputCells.relative(r, NET), flow.cumulative(), styles.moneyCents);
            OutputCells.formula(row, DISCOUNT_FACTOR, "(1+" + in.ref(ModelInputsSheet.DISCOUNT_RATE) + ")^(-("
                    + in.ref(ModelInputsSheet.OFFSET_MONTHS) + "+" + month + ")/12)", flow.discountFactor(), styles.factor);
            OutputCells.formula(row, DISCOUNTED, OutputCells.relative(r, NET) + "*" + OutputCells.relative(r, DISCOUNT_FACTOR),
                    flow.discounted(), styles.moneyCents);
            discountedSoFar += flow.discounted();
            OutputCells.formula(row, CUMULATIVE_DISCOUNTED, m == 0 ? OutputCells.relative(r, DISCOUNTED)
                    : OutputCells.relative(r - 1, CUMULATIVE_DISCOUNTED) + "+" + OutputCells.relative(r, DISCOUNTED),
                    discountedSoFar, styles.moneyCents);
            OutputCells.formula(row, HURDLE_FACTOR, "(1+" + in.ref(ModelInputsSheet.HURDLE_RATE) + ")^(-("
                    + in.ref(ModelInputsSheet.OFFSET_MONTHS) + "+" + month + ")/12)",
                    Returns.discountFactor(hurdle, (analysis.schedule().offsetMonths() + flow.month()) / 12.0), styles.factor);
            OutputCells.formula(row, STILL_TO_COME, "IF(" + OutputCells.relative(r, DATE) + ">=" + in.ref(ModelInputsSheet.VALUATION_DATE)
                    + ",1,0)", flow.history() ? 0 : 1, styles.integer);
            OutputCells.formula(row, MONTH_UNDERWATER, "IF(" + OutputCells.relative(r, CUMULATIVE) + "<0," + month + ",-1)",
                    flow.cumulative() < 0 ? flow.month() : -1, styles.integer);
            OutputCells.formula(row, MONTH_UNDERWATER_DISCOUNTED, "IF(" + OutputCells.relative(r, CUMULATIVE_DISCOUNTED) + "<0,"
                    + month + ",-1)", discountedSoFar < 0 ? flow.month() : -1, styles.integer);
        }
    }

    /**
     * Each cluster month's GPUs under lessor contracts and their revenue as the engine bills it ([0] and [1]; null for a
     * month no contract covers): every covering
     * contract bills rate × GPUs × 730 × (1 − prepaid share), and its prepaid share of all covered months arrives with
     * its first one. Rate, GPUs and prepaid share refer to their Leases cells when those hold exactly the model's number.
     */
    private static String[][] contractFormulas(ClusterAnalysis analysis, InputLinks links) {
        int life = analysis.cluster().lifeMonths();
        String[] gpuFormulas = new String[life + 1];
        String[] formulas = new String[life + 1];
        for (Lease contract : analysis.schedule().lessorContracts()) {
            String id = contract.contractId();
            String rate = links.contract(id, InputCells.Field.CONTRACT_RATE, contract.ratePerGpuHour())
                    .orElse(literal(contract.ratePerGpuHour()));
            String gpus = links.contract(id, InputCells.Field.CONTRACT_GPUS, contract.gpuCount())
                    .orElse(String.valueOf(contract.gpuCount()));
            String prepaid = links.contract(id, InputCells.Field.PREPAID_SHARE, contract.prepaidShare())
                    .orElse(literal(contract.prepaidShare()));
            String monthly = rate + "*" + gpus + "*" + HOURS;
            int covered = 0;
            int first = -1;
            for (int m = 1; m <= life; m++) {
                if (CashFlowModel.covers(contract, analysis.schedule().startDate(), m)) {
                    first = first < 0 ? m : first;
                    covered++;
                    formulas[m] = (formulas[m] == null ? "" : formulas[m] + "+") + monthly + "*(1-" + prepaid + ")";
                    gpuFormulas[m] = (gpuFormulas[m] == null ? "" : gpuFormulas[m] + "+") + gpus;
                }
            }
            if (first > 0) {
                formulas[first] += "+" + prepaid + "*" + monthly + "*" + covered;
            }
        }
        return new String[][] {gpuFormulas, formulas};
    }

    /**
     * The price of month {@code {m}} at its midpoint, (m − 0.5)/12 years, for the path's shape; null
     * for a custom curve, whose monthly factors are written into each month's formula.
     */
    private static String priceFormulaBody(PricePath path, Inputs in) {
        String p0 = in.ref(ModelInputsSheet.START_PRICE);
        String t = "(({m}-0.5)/12)";
        if (path instanceof PricePath.Flat) {
            return p0;
        }
        if (path instanceof PricePath.Blended) {
            String end = in.ref(ModelInputsSheet.BLENDED_END_SHARE);
            String years = in.ref(ModelInputsSheet.BLENDED_YEARS);
            return p0 + "*(1-(1-" + end + ")*MIN(" + t + "," + years + ")/" + years + ")";
        }
        if (path instanceof PricePath.AnnualDecline) {
            return p0 + "*(1-" + in.ref(ModelInputsSheet.ANNUAL_DECLINE) + ")^" + t;
        }
        return null;
    }

    /** A factor as a formula literal that reads back as the same double (Java's shortest round-trip digits). */
    private static String literal(double value) {
        return new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    private static String formatHours() {
        double hours = CashFlowModel.HOURS_PER_MONTH;
        return hours == Math.rint(hours) ? String.valueOf((long) hours) : String.valueOf(hours);
    }

    /**
     * Absolute references to one cluster's row on the inputs sheet, formatted once per cluster
     * rather than for every month's formulas.
     */
    private static final class Inputs {
        private final String[] references = new String[ModelInputsSheet.LAST + 1];

        Inputs(int row) {
            for (int column = 0; column < references.length; column++) {
                references[column] = OutputCells.absolute(WorkbookWriter.INPUTS_SHEET, row, column);
            }
        }

        String ref(int column) {
            return references[column];
        }
    }
}
