package gpuroi.workbook;

import gpuroi.engine.CashFlowSchedule;
import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.ClusterMetrics;
import gpuroi.engine.IrrResult;
import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.PricePath;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * {@value WorkbookWriter#INPUTS_SHEET}: one row per cluster with every input the monthly model uses,
 * as plain values the cash-flow formulas point at, followed by live results (IRR, NPV, MIRR, MOIC)
 * computed by Excel formulas over that cluster's block of {@value WorkbookWriter#CASH_FLOWS_SHEET}.
 * Change an input here and the cash flows and these results recalculate.
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

    private static final String[] HEADERS = {
        "Cluster id", "GPU model", "GPUs", "Capex per GPU", "Life (months)", "Utilization",
        "Start price per GPU-hr", "Price path", "Blended: end share of start price", "Blended: years",
        "Annual price decline", "Marketplace fee", "Power per GPU (kW)", "PUE", "Electricity per kWh",
        "Other opex per GPU-month", "Residual value (share of capex)", "Discount rate (annual)", "Start date",
        "Months from valuation date to start", "Cash-flow rows",
        "IRR, annualized (live formula)", "NPV at discount rate (live formula)", "MIRR, annualized (live formula)",
        "MOIC (live formula)", "Annualized total return, article's measure (live formula)", "Price path in words",
    };
    private static final int[] WIDTHS = {
        18, 14, 8, 13, 8, 11, 12, 16, 13, 9, 10, 11, 10, 7, 11, 13, 13, 12, 12, 12, 30, 14, 16, 14, 10, 16, 60,
    };

    private ModelInputsSheet() {
    }

    static void write(Sheet sheet, List<ClusterAnalysis> clusters, CashFlowLayout layout, OutputStyles styles) {
        OutputCells.headerRow(sheet, 0, HEADERS, WIDTHS, styles);
        int[] widths = WIDTHS.clone();
        for (int i = 0; i < clusters.size(); i++) {
            ClusterAnalysis analysis = clusters.get(i);
            CashFlowLayout.Block block = layout.block(i);
            writeRow(sheet.createRow(block.inputsRow()), analysis, block, styles);
            widths[ID] = Math.max(widths[ID], Math.min(40, analysis.cluster().id().length() + 2));
        }
        OutputCells.widths(sheet, widths);
        sheet.createFreezePane(1, 1);
    }

    private static void writeRow(Row row, ClusterAnalysis analysis, CashFlowLayout.Block block, OutputStyles styles) {
        Cluster cluster = analysis.cluster();
        CashFlowSchedule schedule = analysis.schedule();
        Assumptions assumptions = schedule.assumptions();
        ClusterMetrics metrics = analysis.metrics();
        PricePath path = schedule.pricePath();

        OutputCells.text(row, ID, cluster.id(), styles.text);
        OutputCells.text(row, GPU_MODEL, cluster.gpuModel(), styles.text);
        OutputCells.number(row, GPUS, cluster.gpuCount(), styles.integer);
        OutputCells.number(row, CAPEX_PER_GPU, cluster.capexPerGpu(), styles.money);
        OutputCells.number(row, LIFE_MONTHS, cluster.lifeMonths(), styles.integer);
        OutputCells.number(row, UTILIZATION, cluster.utilization(), styles.percent);
        OutputCells.number(row, START_PRICE, cluster.startPricePerGpuHour(), styles.pricePerHour);
        OutputCells.text(row, PATH_SPEC, path.spec(), styles.text);
        if (path instanceof PricePath.Blended blended) {
            OutputCells.number(row, BLENDED_END_SHARE, blended.endShare(), styles.percent);
            OutputCells.number(row, BLENDED_YEARS, blended.years(), styles.decimal);
        } else if (path instanceof PricePath.AnnualDecline decline) {
            OutputCells.number(row, ANNUAL_DECLINE, decline.rate(), styles.percent);
        }
        OutputCells.number(row, MARKETPLACE_FEE, assumptions.marketplaceFee(), styles.percent);
        OutputCells.number(row, KW_PER_GPU, cluster.powerKwPerGpu(), styles.decimal);
        OutputCells.number(row, PUE, cluster.pue(), styles.decimal);
        OutputCells.number(row, ELECTRICITY_PER_KWH, cluster.electricityPerKwh(), styles.pricePerHour);
        OutputCells.number(row, OPEX_PER_GPU_MONTH, cluster.otherOpexPerGpuMonth(), styles.moneyCents);
        OutputCells.number(row, RESIDUAL_SHARE, cluster.residualShare(), styles.percent);
        OutputCells.number(row, DISCOUNT_RATE, assumptions.discountRate(), styles.percent);
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
    }
}
