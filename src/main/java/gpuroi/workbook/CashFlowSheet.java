package gpuroi.workbook;

import gpuroi.engine.CashFlowModel;
import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.MonthlyCashFlow;
import gpuroi.engine.Returns;
import gpuroi.model.Cancellation;
import gpuroi.model.Lease;
import gpuroi.model.PricePath;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

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

    /**
     * As above, with lessor contracts' revenue referring to the Leases cells their rates were read from, where it can.
     * The header and the column widths are set now; the monthly rows are generated as the workbook is written
     * ({@link StreamingWorkbook#appendRowsOnWrite}), which {@code sheet} must therefore belong to.
     */
    static void write(Sheet sheet, List<ClusterAnalysis> clusters, CashFlowLayout layout, InputLinks links, OutputStyles styles) {
        if (!(sheet.getWorkbook() instanceof StreamingWorkbook workbook)) {
            throw new IllegalArgumentException(WorkbookWriter.CASH_FLOWS_SHEET + " is written by a StreamingWorkbook");
        }
        OutputCells.headerRow(sheet, 0, HEADERS, WIDTHS, styles);
        int[] widths = WIDTHS.clone();
        CellStyle[] columnStyles = columnStyles(styles);
        double[][] ranges = new double[HEADERS.length][];
        for (ClusterAnalysis analysis : clusters) {
            Cancellation.check("writing the monthly cash flows");
            widths[ID] = Math.max(widths[ID], Math.min(40, analysis.cluster().id().length() + 2));
            ColumnFit.text(sheet, ID, analysis.cluster().id(), styles.text);
            MonthValues values = new MonthValues(analysis, styles.date1904);
            while (values.next()) {
                for (int column = MONTH; column < ranges.length; column++) {
                    double v = values.of(column);
                    if (ranges[column] == null) {
                        ranges[column] = new double[] {v, v};
                    }
                    ranges[column][0] = Math.min(ranges[column][0], v);
                    ranges[column][1] = Math.max(ranges[column][1], v);
                }
            }
        }
        // The widths are written before the rows, so they are fitted to the engine's figures up front.
        for (int column = MONTH; column < ranges.length; column++) {
            if (ranges[column] != null) {
                ColumnFit.number(sheet, column, ranges[column][0], columnStyles[column]);
                ColumnFit.number(sheet, column, ranges[column][1], columnStyles[column]);
            }
        }
        OutputCells.widths(sheet, widths);
        sheet.createFreezePane(2, 1);
        CellRangeAddress dimension = new CellRangeAddress(0, layout.lastCashFlowRow(), 0, HEADERS.length - 1);
        workbook.appendRowsOnWrite(sheet, dimension, rows -> {
            for (int i = 0; i < clusters.size(); i++) {
                writeCluster(rows, clusters.get(i), layout.block(i), links, styles, columnStyles);
            }
        });
    }

    private static CellStyle[] columnStyles(OutputStyles styles) {
        CellStyle[] columnStyles = new CellStyle[HEADERS.length];
        java.util.Arrays.fill(columnStyles, styles.moneyCents);
        columnStyles[ID] = styles.text;
        columnStyles[MONTH] = styles.integer;
        columnStyles[DATE] = styles.date;
        columnStyles[PRICE] = styles.pricePerHour;
        columnStyles[UTILIZED_HOURS] = styles.hours;
        columnStyles[DISCOUNT_FACTOR] = styles.factor;
        columnStyles[CONTRACTED_GPUS] = styles.integer;
        columnStyles[HURDLE_FACTOR] = styles.factor;
        columnStyles[STILL_TO_COME] = styles.integer;
        columnStyles[MONTH_UNDERWATER] = styles.integer;
        columnStyles[MONTH_UNDERWATER_DISCOUNTED] = styles.integer;
        return columnStyles;
    }

    /**
     * The engine's figure for each column of one month after another: what each cell shows, cached under its formula,
     * and what the columns are widened to fit.
     */
    private static final class MonthValues {
        private final ClusterAnalysis analysis;
        private final List<MonthlyCashFlow> months;
        private final boolean date1904;
        private final double hurdle;
        private final double[] values = new double[HEADERS.length];
        private int month = -1;
        private double discountedSoFar;

        MonthValues(ClusterAnalysis analysis, boolean date1904) {
            this.analysis = analysis;
            this.months = analysis.schedule().months();
            this.date1904 = date1904;
            this.hurdle = analysis.schedule().assumptions().hurdleRate();
        }

        /** Moves to the next month; false after the last. */
        boolean next() {
            if (++month >= months.size()) {
                return false;
            }
            MonthlyCashFlow flow = months.get(month);
            discountedSoFar += flow.discounted();
            values[MONTH] = flow.month();
            values[DATE] = OutputCells.excelDate(flow.date(), date1904);
            values[PRICE] = flow.pricePerGpuHour();
            values[UTILIZED_HOURS] = flow.utilizedGpuHours();
            values[REVENUE] = flow.revenue();
            values[POWER] = flow.power();
            values[OTHER_OPEX] = flow.otherOpex();
            values[CAPEX] = flow.capex();
            values[RESIDUAL] = flow.residual();
            values[NET] = flow.net();
            values[CUMULATIVE] = flow.cumulative();
            values[DISCOUNT_FACTOR] = flow.discountFactor();
            values[DISCOUNTED] = flow.discounted();
            values[CONTRACTED_GPUS] = flow.contractedGpus();
            values[CONTRACT_REVENUE] = flow.contractRevenue();
            values[CUMULATIVE_DISCOUNTED] = discountedSoFar;
            values[HURDLE_FACTOR] = Returns.discountFactor(hurdle, (analysis.schedule().offsetMonths() + flow.month()) / 12.0);
            values[STILL_TO_COME] = flow.history() ? 0 : 1;
            values[MONTH_UNDERWATER] = flow.cumulative() < 0 ? flow.month() : -1;
            values[MONTH_UNDERWATER_DISCOUNTED] = discountedSoFar < 0 ? flow.month() : -1;
            return true;
        }

        double of(int column) {
            return values[column];
        }
    }

    private static void writeCluster(SheetRowsXml rows, ClusterAnalysis analysis, CashFlowLayout.Block block, InputLinks links,
                                     OutputStyles styles, CellStyle[] columnStyles) throws java.io.IOException {
        Inputs in = new Inputs(block.inputsRow());
        String[][] contracts = contractFormulas(analysis, links);
        String[] contractedGpus = contracts[0];
        String[] contractRevenue = contracts[1];
        PricePath path = analysis.schedule().pricePath();
        String priceFormulaBody = priceFormulaBody(path, in);
        String id = analysis.cluster().id();
        MonthValues v = new MonthValues(analysis, styles.date1904);
        for (int m = 0; v.next(); m++) {
            int r = block.firstRow() + m;
            rows.beginRow(r);
            String month = "$" + OutputCells.relative(r, MONTH);
            Cell cell = new Cell(rows, v, columnStyles);

            rows.text(ID, id, styles.text);
            rows.number(MONTH, v.of(MONTH), styles.integer);
            cell.formula(DATE, "EDATE(" + in.ref(ModelInputsSheet.START_DATE) + "," + month + ")");
            if (priceFormulaBody == null) {
                // A custom curve's shape is a list of factors: each month's factor is a literal, the start price stays live.
                cell.formula(PRICE, "IF(" + month + "=0,0," + in.ref(ModelInputsSheet.START_PRICE) + "*"
                        + literal(m == 0 ? 0 : path.factorForMonth(m)) + ")");
            } else {
                cell.formula(PRICE, "IF(" + month + "=0,0," + priceFormulaBody.replace("{m}", month) + ")");
            }
            String contracted = OutputCells.relative(r, CONTRACTED_GPUS);
            String marketHours = "(" + in.ref(ModelInputsSheet.GPUS) + "-" + contracted + ")*" + HOURS + "*"
                    + in.ref(ModelInputsSheet.UTILIZATION);
            cell.formula(UTILIZED_HOURS, "IF(" + month + "=0,0," + marketHours + "+" + contracted + "*" + HOURS + ")");
            cell.formula(REVENUE, "IF(" + month + "=0,0," + marketHours + "*" + OutputCells.relative(r, PRICE)
                    + "*(1-" + in.ref(ModelInputsSheet.MARKETPLACE_FEE) + ")+" + OutputCells.relative(r, CONTRACT_REVENUE) + ")");
            cell.formula(POWER, "IF(" + month + "=0,0," + in.ref(ModelInputsSheet.GPUS) + "*" + in.ref(ModelInputsSheet.KW_PER_GPU)
                    + "*" + in.ref(ModelInputsSheet.PUE) + "*" + HOURS + "*" + in.ref(ModelInputsSheet.ELECTRICITY_PER_KWH) + ")");
            cell.formula(OTHER_OPEX, "IF(" + month + "=0,0," + in.ref(ModelInputsSheet.GPUS) + "*"
                    + in.ref(ModelInputsSheet.OPEX_PER_GPU_MONTH) + ")");
            cell.formula(CAPEX, "IF(" + month + "=0," + in.ref(ModelInputsSheet.GPUS) + "*"
                    + in.ref(ModelInputsSheet.CAPEX_PER_GPU) + ",0)");
            cell.formula(RESIDUAL, "IF(" + month + "=" + in.ref(ModelInputsSheet.LIFE_MONTHS) + ","
                    + in.ref(ModelInputsSheet.GPUS) + "*" + in.ref(ModelInputsSheet.CAPEX_PER_GPU) + "*"
                    + in.ref(ModelInputsSheet.RESIDUAL_SHARE) + ",0)");
            cell.formula(NET, OutputCells.relative(r, REVENUE) + "-" + OutputCells.relative(r, POWER) + "-"
                    + OutputCells.relative(r, OTHER_OPEX) + "-" + OutputCells.relative(r, CAPEX) + "+" + OutputCells.relative(r, RESIDUAL));
            cell.formula(CUMULATIVE, m == 0 ? OutputCells.relative(r, NET)
                    : OutputCells.relative(r - 1, CUMULATIVE) + "+" + OutputCells.relative(r, NET));
            cell.formula(DISCOUNT_FACTOR, "(1+" + in.ref(ModelInputsSheet.DISCOUNT_RATE) + ")^(-("
                    + in.ref(ModelInputsSheet.OFFSET_MONTHS) + "+" + month + ")/12)");
            cell.formula(DISCOUNTED, OutputCells.relative(r, NET) + "*" + OutputCells.relative(r, DISCOUNT_FACTOR));
            // Which months a contract covers is fixed by its dates; what it bills follows its rate, GPUs and prepaid share
            // on the Leases sheet. The market part stays live: uncommitted GPUs earn the path's price at the cluster's
            // utilization, after the fee.
            if (m < contractRevenue.length && contractRevenue[m] != null) {
                cell.formula(CONTRACTED_GPUS, contractedGpus[m]);
                cell.formula(CONTRACT_REVENUE, contractRevenue[m]);
            } else {
                rows.number(CONTRACTED_GPUS, v.of(CONTRACTED_GPUS), styles.integer);
                rows.number(CONTRACT_REVENUE, v.of(CONTRACT_REVENUE), styles.moneyCents);
            }
            cell.formula(CUMULATIVE_DISCOUNTED, m == 0 ? OutputCells.relative(r, DISCOUNTED)
                    : OutputCells.relative(r - 1, CUMULATIVE_DISCOUNTED) + "+" + OutputCells.relative(r, DISCOUNTED));
            cell.formula(HURDLE_FACTOR, "(1+" + in.ref(ModelInputsSheet.HURDLE_RATE) + ")^(-("
                    + in.ref(ModelInputsSheet.OFFSET_MONTHS) + "+" + month + ")/12)");
            cell.formula(STILL_TO_COME, "IF(" + OutputCells.relative(r, DATE) + ">=" + in.ref(ModelInputsSheet.VALUATION_DATE)
                    + ",1,0)");
            cell.formula(MONTH_UNDERWATER, "IF(" + OutputCells.relative(r, CUMULATIVE) + "<0," + month + ",-1)");
            cell.formula(MONTH_UNDERWATER_DISCOUNTED, "IF(" + OutputCells.relative(r, CUMULATIVE_DISCOUNTED) + "<0,"
                    + month + ",-1)");
            rows.endRow();
        }
    }

    /** A formula cell of the current month in its column's style, cached as the engine's figure for that column. */
    private record Cell(SheetRowsXml rows, MonthValues values, CellStyle[] columnStyles) {
        void formula(int column, String formula) {
            rows.formula(column, formula, values.of(column), columnStyles[column]);
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
