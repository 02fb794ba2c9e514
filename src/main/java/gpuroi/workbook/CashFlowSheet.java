package gpuroi.workbook;

import gpuroi.engine.CashFlowModel;
import gpuroi.engine.CashFlowSchedule;
import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.MonthlyCashFlow;
import gpuroi.engine.Returns;
import gpuroi.model.Assumptions;
import gpuroi.model.Cancellation;
import gpuroi.model.Cluster;
import gpuroi.model.Lease;
import gpuroi.model.PricePath;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

import java.util.List;

/**
 * {@value WorkbookWriter#CASH_FLOWS_SHEET}: one row per cluster and month, clusters one after the
 * other, with live formulas that express the monthly model of {@code domain.md} ("Conventions").
 * Each cluster's month-0 row also holds its drivers to the right of the months' columns: links to its
 * row on {@value WorkbookWriter#INPUTS_SHEET} and the few amounts made of them (power per month, capex),
 * so that every monthly formula refers to cells on this sheet ({@code IF($B7=0,0,$Y$2)}) instead of
 * repeating references to the inputs sheet: the sheet's text, which is most of a large fleet's file, is
 * about a quarter shorter. Each formula's cached result is the engine's own figure, so the file shows the
 * engine's numbers before any recalculation.
 *
 * <p>The rows are generated as text while the workbook is written ({@link SheetRowsXml}): 10,000
 * clusters of 60 months are 610,000 rows and 13 million cells.
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
    // The cluster's drivers, on its month-0 row only.
    static final int DRIVER_GPUS = 21;
    static final int DRIVER_HOURS_PER_GPU = 22;
    static final int DRIVER_AFTER_FEE = 23;
    static final int DRIVER_POWER = 24;
    static final int DRIVER_OTHER_OPEX = 25;
    static final int DRIVER_CAPEX = 26;
    static final int DRIVER_RESIDUAL = 27;
    static final int DRIVER_LIFE_MONTHS = 28;
    static final int DRIVER_DISCOUNT_RATE = 29;
    static final int DRIVER_OFFSET_MONTHS = 30;
    static final int DRIVER_HURDLE_RATE = 31;
    static final int DRIVER_VALUATION_DATE = 32;
    static final int DRIVER_START_DATE = 33;
    static final int DRIVER_START_PRICE = 34;
    /** A blended path's end share of the start price, or an annual decline; empty for other paths. */
    static final int DRIVER_PATH_SHARE = 35;
    /** A blended path's years; empty for other paths. */
    static final int DRIVER_PATH_YEARS = 36;

    private static final String[] HEADERS = {
        "Cluster id", "Month", "Date (month end)", "Price per GPU-hr (month midpoint)", "Utilized GPU-hours",
        "Revenue (after fee)", "Power", "Other opex", "Capex", "Residual value", "Net cash flow",
        "Cumulative net", "Discount factor (to valuation date)", "Discounted net",
        "GPUs under lessor contracts", "Contract revenue (incl. prepayment)", "Cumulative discounted net",
        "Discount factor at hurdle (to valuation date)", "Still to come at valuation date (1 = yes)",
        "Month if cumulative net < 0 (else -1)", "Month if cumulative discounted net < 0 (else -1)",
        "Drivers (month-0 row of each cluster, from ROI Inputs): GPUs", "GPU-hours a month per uncommitted GPU (730 x utilization)",
        "Share of market revenue after the marketplace fee", "Power per month", "Other opex per month", "Capex (month 0)",
        "Residual value (last month)", "Life (months)", "Discount rate (annual)", "Months from valuation date to start",
        "Hurdle rate (annual)", "Valuation date", "Start date", "Start price per GPU-hr",
        "Price path: end share of start price (blended) or annual decline", "Price path: years (blended)",
    };
    private static final int[] WIDTHS = {18, 7, 12, 13, 12, 13, 11, 11, 13, 12, 13, 14, 13, 13, 12, 14, 14, 13, 12, 12, 12,
        14, 12, 12, 12, 12, 13, 13, 8, 10, 12, 10, 12, 12, 12, 14, 10};

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
        for (int i = 0; i < clusters.size(); i++) {
            ClusterAnalysis analysis = clusters.get(i);
            Cancellation.check("writing the monthly cash flows");
            widths[ID] = Math.max(widths[ID], Math.min(40, analysis.cluster().id().length() + 2));
            ColumnFit.text(sheet, ID, analysis.cluster().id(), styles.text);
            MonthValues values = new MonthValues(analysis, styles.date1904);
            while (values.next()) {
                for (int column = MONTH; column < DRIVER_GPUS; column++) {
                    widen(ranges, column, values.of(column));
                }
            }
            Drivers drivers = new Drivers(analysis, layout.block(i), styles.date1904);
            for (int column = DRIVER_GPUS; column < ranges.length; column++) {
                widen(ranges, column, drivers.value(column));
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
        // The rows are generated on another thread while this one writes the other sheets: the links to the Leases
        // cells, read from the input's sheets (POI objects, not to be read from two threads), are resolved here first.
        List<String[][]> contracts = new java.util.ArrayList<>(clusters.size());
        for (ClusterAnalysis analysis : clusters) {
            contracts.add(analysis.schedule().lessorContracts().isEmpty() ? null : contractFormulas(analysis, links));
        }
        workbook.appendRowsOnWrite(sheet, dimension, rows -> {
            for (int i = 0; i < clusters.size(); i++) {
                ClusterAnalysis analysis = clusters.get(i);
                String[][] linked = contracts.get(i) != null ? contracts.get(i) : contractFormulas(analysis, InputLinks.NONE);
                writeCluster(rows, analysis, layout.block(i), linked, styles, columnStyles);
            }
        });
    }

    private static void widen(double[][] ranges, int column, double value) {
        if (Double.isNaN(value)) {
            return;
        }
        if (ranges[column] == null) {
            ranges[column] = new double[] {value, value};
        }
        ranges[column][0] = Math.min(ranges[column][0], value);
        ranges[column][1] = Math.max(ranges[column][1], value);
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
        columnStyles[DRIVER_GPUS] = styles.integer;
        columnStyles[DRIVER_HOURS_PER_GPU] = styles.hours;
        columnStyles[DRIVER_AFTER_FEE] = styles.percent;
        columnStyles[DRIVER_CAPEX] = styles.money;
        columnStyles[DRIVER_RESIDUAL] = styles.money;
        columnStyles[DRIVER_LIFE_MONTHS] = styles.integer;
        columnStyles[DRIVER_DISCOUNT_RATE] = styles.percent;
        columnStyles[DRIVER_OFFSET_MONTHS] = styles.decimal;
        columnStyles[DRIVER_HURDLE_RATE] = styles.percent;
        columnStyles[DRIVER_VALUATION_DATE] = styles.date;
        columnStyles[DRIVER_START_DATE] = styles.date;
        columnStyles[DRIVER_START_PRICE] = styles.pricePerHour;
        columnStyles[DRIVER_PATH_SHARE] = styles.percent;
        columnStyles[DRIVER_PATH_YEARS] = styles.decimal;
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

    /**
     * A cluster's drivers, on its month-0 row: each a link to its row on {@value WorkbookWriter#INPUTS_SHEET}, or an
     * amount made of them as the engine makes it, with the engine's inputs as cached values; and the absolute
     * references through which the monthly formulas use them.
     */
    private static final class Drivers {
        private final double[] values = new double[HEADERS.length];
        private final String[] formulas = new String[HEADERS.length];
        private final String[] references = new String[HEADERS.length];

        Drivers(ClusterAnalysis analysis, CashFlowLayout.Block block, boolean date1904) {
            java.util.Arrays.fill(values, Double.NaN);
            Cluster cluster = analysis.cluster();
            CashFlowSchedule schedule = analysis.schedule();
            Assumptions assumptions = schedule.assumptions();
            for (int column = DRIVER_GPUS; column < HEADERS.length; column++) {
                references[column] = "$" + CellReference.convertNumToColString(column) + "$" + (block.firstRow() + 1);
            }
            Inputs in = new Inputs(block.inputsRow());
            double gpus = cluster.gpuCount();
            set(DRIVER_GPUS, in.ref(ModelInputsSheet.GPUS), gpus);
            set(DRIVER_HOURS_PER_GPU, HOURS + "*" + in.ref(ModelInputsSheet.UTILIZATION),
                    CashFlowModel.HOURS_PER_MONTH * cluster.utilization());
            set(DRIVER_AFTER_FEE, "1-" + in.ref(ModelInputsSheet.MARKETPLACE_FEE), 1 - assumptions.marketplaceFee());
            set(DRIVER_POWER, ref(DRIVER_GPUS) + "*" + in.ref(ModelInputsSheet.KW_PER_GPU) + "*" + in.ref(ModelInputsSheet.PUE)
                    + "*" + HOURS + "*" + in.ref(ModelInputsSheet.ELECTRICITY_PER_KWH),
                    gpus * cluster.powerKwPerGpu() * cluster.pue() * CashFlowModel.HOURS_PER_MONTH * cluster.electricityPerKwh());
            set(DRIVER_OTHER_OPEX, ref(DRIVER_GPUS) + "*" + in.ref(ModelInputsSheet.OPEX_PER_GPU_MONTH),
                    gpus * cluster.otherOpexPerGpuMonth());
            set(DRIVER_CAPEX, ref(DRIVER_GPUS) + "*" + in.ref(ModelInputsSheet.CAPEX_PER_GPU), gpus * cluster.capexPerGpu());
            set(DRIVER_RESIDUAL, ref(DRIVER_CAPEX) + "*" + in.ref(ModelInputsSheet.RESIDUAL_SHARE),
                    gpus * cluster.capexPerGpu() * cluster.residualShare());
            set(DRIVER_LIFE_MONTHS, in.ref(ModelInputsSheet.LIFE_MONTHS), cluster.lifeMonths());
            set(DRIVER_DISCOUNT_RATE, in.ref(ModelInputsSheet.DISCOUNT_RATE), assumptions.discountRate());
            set(DRIVER_OFFSET_MONTHS, in.ref(ModelInputsSheet.OFFSET_MONTHS), schedule.offsetMonths());
            set(DRIVER_HURDLE_RATE, in.ref(ModelInputsSheet.HURDLE_RATE), assumptions.hurdleRate());
            set(DRIVER_VALUATION_DATE, in.ref(ModelInputsSheet.VALUATION_DATE),
                    OutputCells.excelDate(assumptions.valuationDate(), date1904));
            set(DRIVER_START_DATE, in.ref(ModelInputsSheet.START_DATE), OutputCells.excelDate(schedule.startDate(), date1904));
            set(DRIVER_START_PRICE, in.ref(ModelInputsSheet.START_PRICE), cluster.startPricePerGpuHour());
            PricePath path = schedule.pricePath();
            if (path instanceof PricePath.Blended blended) {
                set(DRIVER_PATH_SHARE, in.ref(ModelInputsSheet.BLENDED_END_SHARE), blended.endShare());
                set(DRIVER_PATH_YEARS, in.ref(ModelInputsSheet.BLENDED_YEARS), blended.years());
            } else if (path instanceof PricePath.AnnualDecline decline) {
                set(DRIVER_PATH_SHARE, in.ref(ModelInputsSheet.ANNUAL_DECLINE), decline.rate());
            }
        }

        private void set(int column, String formula, double value) {
            formulas[column] = formula;
            values[column] = value;
        }

        /** {@code $Y$2}: the driver's cell, for the cluster's monthly formulas. */
        String ref(int column) {
            return references[column];
        }

        double value(int column) {
            return values[column];
        }

        /** The drivers' cells, at the end of the month-0 row. */
        void write(SheetRowsXml rows, CellStyle[] columnStyles) {
            for (int column = DRIVER_GPUS; column < HEADERS.length; column++) {
                if (formulas[column] != null) {
                    rows.formula(column, formulas[column], values[column], columnStyles[column]);
                }
            }
        }
    }

    // A formula's own row and the row above, in the patterns compiled by SheetRowsXml.
    private static final String ROW = String.valueOf(SheetRowsXml.THIS_ROW);
    private static final String ABOVE = String.valueOf(SheetRowsXml.PREVIOUS_ROW);
    private static final String MONTH_CELL = "$" + at(MONTH);

    // The formulas that read only their own block's columns, the same for every cluster.
    private static final SheetRowsXml.Formula NET_FORMULA =
            SheetRowsXml.formula(at(REVENUE) + "-" + at(POWER) + "-" + at(OTHER_OPEX) + "-" + at(CAPEX) + "+" + at(RESIDUAL));
    private static final SheetRowsXml.Formula FIRST_CUMULATIVE = SheetRowsXml.formula(at(NET));
    private static final SheetRowsXml.Formula CUMULATIVE_FORMULA = SheetRowsXml.formula(above(CUMULATIVE) + "+" + at(NET));
    private static final SheetRowsXml.Formula DISCOUNTED_FORMULA = SheetRowsXml.formula(at(NET) + "*" + at(DISCOUNT_FACTOR));
    private static final SheetRowsXml.Formula FIRST_CUMULATIVE_DISCOUNTED = SheetRowsXml.formula(at(DISCOUNTED));
    private static final SheetRowsXml.Formula CUMULATIVE_DISCOUNTED_FORMULA =
            SheetRowsXml.formula(above(CUMULATIVE_DISCOUNTED) + "+" + at(DISCOUNTED));
    private static final SheetRowsXml.Formula UNDERWATER_FORMULA =
            SheetRowsXml.formula("IF(" + at(CUMULATIVE) + "<0," + MONTH_CELL + ",-1)");
    private static final SheetRowsXml.Formula UNDERWATER_DISCOUNTED_FORMULA =
            SheetRowsXml.formula("IF(" + at(CUMULATIVE_DISCOUNTED) + "<0," + MONTH_CELL + ",-1)");

    /** {@code F} and the formula's own row: a relative reference in a compiled pattern. */
    private static String at(int column) {
        return CellReference.convertNumToColString(column) + ROW;
    }

    private static String above(int column) {
        return CellReference.convertNumToColString(column) + ABOVE;
    }

    /** @param contracts the cluster's lessor contracts' formulas ({@link #contractFormulas}) */
    private static void writeCluster(SheetRowsXml rows, ClusterAnalysis analysis, CashFlowLayout.Block block, String[][] contracts,
                                     OutputStyles styles, CellStyle[] columnStyles) throws java.io.IOException {
        Drivers d = new Drivers(analysis, block, styles.date1904);
        String[] contractedGpus = contracts[0];
        String[] contractRevenue = contracts[1];
        PricePath path = analysis.schedule().pricePath();
        String priceFormulaBody = priceFormulaBody(path, d);
        String id = analysis.cluster().id();
        String month = MONTH_CELL;
        String ifPurchase = "IF(" + month + "=0,0,";
        // Uncommitted GPUs earn the path's price at the cluster's utilization, after the fee; contracted GPUs are billed
        // all 730 hours at their contract's rate (column P).
        String marketHours = "(" + d.ref(DRIVER_GPUS) + "-" + at(CONTRACTED_GPUS) + ")*" + d.ref(DRIVER_HOURS_PER_GPU);
        SheetRowsXml.Formula date = SheetRowsXml.formula("EDATE(" + d.ref(DRIVER_START_DATE) + "," + month + ")");
        SheetRowsXml.Formula price = priceFormulaBody == null ? null
                : SheetRowsXml.formula(ifPurchase + priceFormulaBody.replace("{m}", month) + ")");
        SheetRowsXml.Formula hours = SheetRowsXml.formula(ifPurchase + marketHours + "+" + at(CONTRACTED_GPUS) + "*" + HOURS + ")");
        SheetRowsXml.Formula revenue = SheetRowsXml.formula(ifPurchase + marketHours + "*" + at(PRICE) + "*"
                + d.ref(DRIVER_AFTER_FEE) + "+" + at(CONTRACT_REVENUE) + ")");
        SheetRowsXml.Formula power = SheetRowsXml.formula(ifPurchase + d.ref(DRIVER_POWER) + ")");
        SheetRowsXml.Formula otherOpex = SheetRowsXml.formula(ifPurchase + d.ref(DRIVER_OTHER_OPEX) + ")");
        SheetRowsXml.Formula capex = SheetRowsXml.formula("IF(" + month + "=0," + d.ref(DRIVER_CAPEX) + ",0)");
        SheetRowsXml.Formula residual = SheetRowsXml.formula("IF(" + month + "=" + d.ref(DRIVER_LIFE_MONTHS) + ","
                + d.ref(DRIVER_RESIDUAL) + ",0)");
        SheetRowsXml.Formula discountFactor = SheetRowsXml.formula("(1+" + d.ref(DRIVER_DISCOUNT_RATE) + ")^(-("
                + d.ref(DRIVER_OFFSET_MONTHS) + "+" + month + ")/12)");
        SheetRowsXml.Formula hurdleFactor = SheetRowsXml.formula("(1+" + d.ref(DRIVER_HURDLE_RATE) + ")^(-("
                + d.ref(DRIVER_OFFSET_MONTHS) + "+" + month + ")/12)");
        SheetRowsXml.Formula stillToCome = SheetRowsXml.formula("IF(" + at(DATE) + ">=" + d.ref(DRIVER_VALUATION_DATE) + ",1,0)");
        MonthValues v = new MonthValues(analysis, styles.date1904);
        for (int m = 0; v.next(); m++) {
            rows.beginRow(block.firstRow() + m);
            Cell cell = new Cell(rows, v, columnStyles);
            rows.text(ID, id, styles.text);
            rows.number(MONTH, v.of(MONTH), styles.integer);
            cell.formula(DATE, date);
            if (price == null) {
                // A custom curve's shape is a list of factors: each month's factor is a literal, the start price stays live.
                cell.formula(PRICE, "IF($B" + (block.firstRow() + m + 1) + "=0,0," + d.ref(DRIVER_START_PRICE) + "*"
                        + literal(m == 0 ? 0 : path.factorForMonth(m)) + ")");
            } else {
                cell.formula(PRICE, price);
            }
            cell.formula(UTILIZED_HOURS, hours);
            cell.formula(REVENUE, revenue);
            cell.formula(POWER, power);
            cell.formula(OTHER_OPEX, otherOpex);
            cell.formula(CAPEX, capex);
            cell.formula(RESIDUAL, residual);
            cell.formula(NET, NET_FORMULA);
            cell.formula(CUMULATIVE, m == 0 ? FIRST_CUMULATIVE : CUMULATIVE_FORMULA);
            cell.formula(DISCOUNT_FACTOR, discountFactor);
            cell.formula(DISCOUNTED, DISCOUNTED_FORMULA);
            // Which months a contract covers is fixed by its dates; what it bills follows its rate, GPUs and prepaid share
            // on the Leases sheet.
            if (m < contractRevenue.length && contractRevenue[m] != null) {
                cell.formula(CONTRACTED_GPUS, contractedGpus[m]);
                cell.formula(CONTRACT_REVENUE, contractRevenue[m]);
            } else {
                rows.number(CONTRACTED_GPUS, v.of(CONTRACTED_GPUS), styles.integer);
                rows.number(CONTRACT_REVENUE, v.of(CONTRACT_REVENUE), styles.moneyCents);
            }
            cell.formula(CUMULATIVE_DISCOUNTED, m == 0 ? FIRST_CUMULATIVE_DISCOUNTED : CUMULATIVE_DISCOUNTED_FORMULA);
            cell.formula(HURDLE_FACTOR, hurdleFactor);
            cell.formula(STILL_TO_COME, stillToCome);
            cell.formula(MONTH_UNDERWATER, UNDERWATER_FORMULA);
            cell.formula(MONTH_UNDERWATER_DISCOUNTED, UNDERWATER_DISCOUNTED_FORMULA);
            if (m == 0) {
                d.write(rows, columnStyles);
            }
            rows.endRow();
        }
    }

    /** A formula cell of the current month in its column's style, cached as the engine's figure for that column. */
    private record Cell(SheetRowsXml rows, MonthValues values, CellStyle[] columnStyles) {
        void formula(int column, String formula) {
            rows.formula(column, formula, values.of(column), columnStyles[column]);
        }

        void formula(int column, SheetRowsXml.Formula formula) {
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
    private static String priceFormulaBody(PricePath path, Drivers d) {
        String p0 = d.ref(DRIVER_START_PRICE);
        String t = "(({m}-0.5)/12)";
        if (path instanceof PricePath.Flat) {
            return p0;
        }
        if (path instanceof PricePath.Blended) {
            String end = d.ref(DRIVER_PATH_SHARE);
            String years = d.ref(DRIVER_PATH_YEARS);
            return p0 + "*(1-(1-" + end + ")*MIN(" + t + "," + years + ")/" + years + ")";
        }
        if (path instanceof PricePath.AnnualDecline) {
            return p0 + "*(1-" + d.ref(DRIVER_PATH_SHARE) + ")^" + t;
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
