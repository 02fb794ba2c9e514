package gpuroi.workbook;

import gpuroi.engine.CashFlowSchedule;
import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.ClusterMetrics;
import gpuroi.engine.IrrResult;
import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.PricePath;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@value WorkbookWriter#INPUTS_SHEET}: one row per cluster with every input the monthly model uses, each a
 * reference to the investor's own cell ({@code =Fleet!$N$5}) when that cell holds exactly the number used, else the
 * value with its source named in the row's last column ({@link InputLinks}). The cash-flow formulas point here, and
 * live results (IRR, NPV, MIRR, MOIC) are computed by formulas over the cluster's block of
 * {@value WorkbookWriter#CASH_FLOWS_SHEET}. Change an input in the investor's sheet or here and everything recalculates.
 */
final class ModelInputsSheet {
    static final int ID = 0;
    static final int GPU_MODEL = 1;
    static final int GPUS = 2;
    static final int CAPEX_PER_GPU = 3;
    static final int LIFE_MONTHS = 4;
    static final int UTILIZATION = 5;
    static final int START_PRICE = 6;
    static final int PATH_SPEC = 7;
    static final int BLENDED_END_SHARE = 8;
    static final int BLENDED_YEARS = 9;
    static final int ANNUAL_DECLINE = 10;
    static final int MARKETPLACE_FEE = 11;
    static final int KW_PER_GPU = 12;
    static final int PUE = 13;
    static final int ELECTRICITY_PER_KWH = 14;
    static final int OPEX_PER_GPU_MONTH = 15;
    static final int RESIDUAL_SHARE = 16;
    static final int DISCOUNT_RATE = 17;
    static final int START_DATE = 18;
    static final int OFFSET_MONTHS = 19;
    static final int CASH_FLOW_ROWS = 20;
    static final int LIVE_IRR = 21;
    static final int LIVE_NPV = 22;
    static final int LIVE_MIRR = 23;
    static final int LIVE_MOIC = 24;
    static final int LIVE_TOTAL_RETURN = 25;
    static final int PATH_DESCRIPTION = 26;
    // What the summary's live figures need beyond the monthly model: NPV at the hurdle, and an owned cluster's
    // hold value (flows from the valuation date on) against its sale.
    static final int HURDLE_RATE = 27;
    static final int VALUATION_DATE = 28;
    static final int RESALE_FEE = 29;
    static final int SECONDARY_PRICE = 30;
    /** The inputs of the row that are values, not references to the investor's cells, and where each came from. */
    static final int VALUE_SOURCES = 31;
    /** The last column; the cash-flow formulas keep a reference to each column up to it. */
    static final int LAST = VALUE_SOURCES;

    private static final String[] HEADERS = {
        "Cluster id", "GPU model", "GPUs", "Capex per GPU", "Life (months)", "Utilization",
        "Start price per GPU-hr", "Price path", "Blended: end share of start price", "Blended: years",
        "Annual price decline", "Marketplace fee", "Power per GPU (kW)", "PUE", "Electricity per kWh",
        "Other opex per GPU-month", "Residual value (share of capex)", "Discount rate (annual)", "Start date",
        "Months from valuation date to start", "Cash-flow rows",
        "IRR, annualized (live formula)", "NPV at discount rate (live formula)", "MIRR, annualized (live formula)",
        "MOIC (live formula)", "Annualized total return, article's measure (live formula)", "Price path in words",
        "Hurdle rate (annual)", "Valuation date", "Resale fee", "Secondary price per GPU",
        "Inputs that are values, not links to your cells (source)",
    };
    private static final int[] WIDTHS = {
        18, 14, 8, 13, 8, 11, 12, 16, 13, 9, 10, 11, 10, 7, 11, 13, 13, 12, 12, 12, 30, 14, 16, 14, 10, 16, 60, 11, 12, 9, 13, 60,
    };

    private ModelInputsSheet() {
    }

    /**
     * Writes each linkable input as a reference to the investor's cell when that cell holds exactly the model's
     * number, else as the value, naming its source for the row's sources column.
     */
    private static final class Linked {
        private final Row row;
        private final String clusterId;
        private final InputLinks links;
        private final List<String> values = new ArrayList<>();

        Linked(Row row, String clusterId, InputLinks links) {
            this.row = row;
            this.clusterId = clusterId;
            this.links = links;
        }

        void cluster(int column, InputCells.Field field, String name, double value, CellStyle style) {
            write(column, links.cluster(clusterId, field, value), name, links.clusterSource(clusterId, field), value, style);
        }

        void assumption(int column, InputCells.Field field, String name, double value, CellStyle style) {
            write(column, links.assumption(field, value), name, links.assumptionSource(field), value, style);
        }

        private void write(int column, Optional<String> reference, String name, String source, double value, CellStyle style) {
            if (reference.isPresent()) {
                OutputCells.formula(row, column, reference.get(), value, style);
            } else {
                OutputCells.number(row, column, value, style);
                values.add(name + ": " + source);
            }
        }
    }

    static void write(Sheet sheet, List<ClusterAnalysis> clusters, CashFlowLayout layout, InputLinks links, OutputStyles styles) {
        OutputCells.headerRow(sheet, 0, HEADERS, WIDTHS, styles);
        int[] widths = WIDTHS.clone();
        for (int i = 0; i < clusters.size(); i++) {
            ClusterAnalysis analysis = clusters.get(i);
            CashFlowLayout.Block block = layout.block(i);
            writeRow(sheet.createRow(block.inputsRow()), analysis, block, links, styles);
            widths[ID] = Math.max(widths[ID], Math.min(40, analysis.cluster().id().length() + 2));
        }
        OutputCells.widths(sheet, widths);
        sheet.createFreezePane(1, 1);
    }

    private static void writeRow(Row row, ClusterAnalysis analysis, CashFlowLayout.Block block, InputLinks links,
                                 OutputStyles styles) {
        Cluster cluster = analysis.cluster();
        CashFlowSchedule schedule = analysis.schedule();
        Assumptions assumptions = schedule.assumptions();
        ClusterMetrics metrics = analysis.metrics();
        PricePath path = schedule.pricePath();

        OutputCells.text(row, ID, cluster.id(), styles.text);
        OutputCells.text(row, GPU_MODEL, cluster.gpuModel(), styles.text);
        Linked linked = new Linked(row, cluster.id(), links);
        linked.cluster(GPUS, InputCells.Field.GPUS, "GPUs", cluster.gpuCount(), styles.integer);
        linked.cluster(CAPEX_PER_GPU, InputCells.Field.CAPEX_PER_GPU, "capex per GPU", cluster.capexPerGpu(), styles.money);
        // The life fixes how many monthly rows the cluster has: a value, as the rows cannot follow an edit.
        OutputCells.number(row, LIFE_MONTHS, cluster.lifeMonths(), styles.integer);
        linked.cluster(UTILIZATION, InputCells.Field.UTILIZATION, "utilization", cluster.utilization(), styles.percent);
        linked.cluster(START_PRICE, InputCells.Field.START_PRICE, "start price", cluster.startPricePerGpuHour(), styles.pricePerHour);
        OutputCells.text(row, PATH_SPEC, path.spec(), styles.text);
        if (path instanceof PricePath.Blended blended) {
            OutputCells.number(row, BLENDED_END_SHARE, blended.endShare(), styles.percent);
            OutputCells.number(row, BLENDED_YEARS, blended.years(), styles.decimal);
        } else if (path instanceof PricePath.AnnualDecline decline) {
            OutputCells.number(row, ANNUAL_DECLINE, decline.rate(), styles.percent);
        }
        linked.assumption(MARKETPLACE_FEE, InputCells.Field.MARKETPLACE_FEE, "marketplace fee", assumptions.marketplaceFee(), styles.percent);
        linked.cluster(KW_PER_GPU, InputCells.Field.KW_PER_GPU, "power per GPU", cluster.powerKwPerGpu(), styles.decimal);
        linked.cluster(PUE, InputCells.Field.PUE, "PUE", cluster.pue(), styles.decimal);
        linked.cluster(ELECTRICITY_PER_KWH, InputCells.Field.ELECTRICITY_PER_KWH, "electricity", cluster.electricityPerKwh(),
                styles.pricePerHour);
        linked.cluster(OPEX_PER_GPU_MONTH, InputCells.Field.OTHER_OPEX_PER_GPU_MONTH, "other opex", cluster.otherOpexPerGpuMonth(),
                styles.moneyCents);
        linked.cluster(RESIDUAL_SHARE, InputCells.Field.RESIDUAL_SHARE, "residual value", cluster.residualShare(), styles.percent);
        linked.assumption(DISCOUNT_RATE, InputCells.Field.DISCOUNT_RATE, "discount rate", assumptions.discountRate(), styles.percent);
        OutputCells.date(row, START_DATE, schedule.startDate(), styles);
        OutputCells.number(row, OFFSET_MONTHS, schedule.offsetMonths(), styles.decimal);

        String sheet = WorkbookWriter.CASH_FLOWS_SHEET;
        String net = OutputCells.columnRange(sheet, block.firstRow(), block.lastRow(), CashFlowSheet.NET);
        String factors = OutputCells.columnRange(sheet, block.firstRow(), block.lastRow(), CashFlowSheet.DISCOUNT_FACTOR);
        OutputCells.text(row, CASH_FLOW_ROWS, OutputCells.absolute(sheet, block.firstRow(), CashFlowSheet.ID)
                .replace("$", "") + ":" + OutputCells.relative(block.lastRow(), CashFlowSheet.DISCOUNTED), styles.text);

        if (metrics.irr() instanceof IrrResult.Unique unique) {
            // The engine's monthly rate as the guess: Excel's default (10% a month) can fail to converge
            // or land on another root, and the cell must recalculate to the engine's figure.
            String guess = new BigDecimal(unique.periodic()).round(new MathContext(8)).toPlainString();
            OutputCells.formula(row, LIVE_IRR, "(1+IRR(" + net + "," + guess + "))^12-1", unique.annual(), styles.percent);
        } else {
            OutputCells.text(row, LIVE_IRR, SummarySheet.irrText(metrics.irr()), styles.text);
        }
        OutputCells.formula(row, LIVE_NPV, "SUMPRODUCT(" + net + "," + factors + ")", metrics.npv(), styles.money);
        String monthlyRate = "((1+" + OutputCells.relative(row.getRowNum(), DISCOUNT_RATE) + ")^(1/12)-1)";
        if (metrics.mirr().isPresent()) {
            OutputCells.formula(row, LIVE_MIRR, "(1+MIRR(" + net + "," + monthlyRate + "," + monthlyRate + "))^12-1",
                    metrics.mirr().getAsDouble(), styles.percent);
        } else {
            OutputCells.text(row, LIVE_MIRR, "n/a", styles.text);
        }
        String capex = "(" + OutputCells.relative(row.getRowNum(), GPUS) + "*" + OutputCells.relative(row.getRowNum(), CAPEX_PER_GPU) + ")";
        if (metrics.moic().isPresent()) {
            OutputCells.formula(row, LIVE_MOIC, "(SUM(" + net + ")+" + capex + ")/" + capex, metrics.moic().getAsDouble(), styles.decimal);
        } else {
            OutputCells.text(row, LIVE_MOIC, "n/a", styles.text);
        }
        if (metrics.annualizedTotalReturn().isPresent()) {
            OutputCells.formula(row, LIVE_TOTAL_RETURN, OutputCells.relative(row.getRowNum(), LIVE_MOIC) + "^(12/"
                            + OutputCells.relative(row.getRowNum(), LIFE_MONTHS) + ")-1",
                    metrics.annualizedTotalReturn().getAsDouble(), styles.percent);
        } else {
            OutputCells.text(row, LIVE_TOTAL_RETURN, "n/a", styles.text);
        }
        OutputCells.text(row, PATH_DESCRIPTION, path.describe(cluster.startPricePerGpuHour(), assumptions.currency()), styles.text);
        linked.assumption(HURDLE_RATE, InputCells.Field.HURDLE_RATE, "hurdle rate", assumptions.hurdleRate(), styles.percent);
        OutputCells.date(row, VALUATION_DATE, assumptions.valuationDate(), styles);
        linked.assumption(RESALE_FEE, InputCells.Field.RESALE_FEE, "resale fee", assumptions.resaleFee(), styles.percent);
        if (cluster.secondaryPricePerGpu().isPresent()) {
            linked.cluster(SECONDARY_PRICE, InputCells.Field.SECONDARY_PRICE, "secondary price", cluster.secondaryPricePerGpu().getAsDouble(),
                    styles.money);
        }
        OutputCells.text(row, VALUE_SOURCES, String.join("; ", linked.values), styles.wrappedText);
    }
}
