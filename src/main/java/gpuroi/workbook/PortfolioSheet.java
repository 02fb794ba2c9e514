package gpuroi.workbook;

import gpuroi.engine.PortfolioAnalysis;
import gpuroi.engine.PortfolioRollup;
import gpuroi.model.ClusterUse;
import gpuroi.model.Formats;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.util.List;

/**
 * {@value WorkbookWriter#PORTFOLIO_SHEET}: the portfolio on one footing, from the valuation date at the hurdle rate
 * (following every decision, and as entered), with the clusters' whole-life figures apart and labelled as such;
 * the recommended changes ranked by what they are worth, each worded by what it does with capital; then each
 * month's net flow, the cash to fund and the GPUs owned, contracted out, rented in and needed.
 *
 * <p>The forward totals are live formulas over {@value WorkbookWriter#SUMMARY_SHEET} and {@value WorkbookWriter#CONTRACTS_SHEET},
 * cached as the engine's roll-up: planned clusters count their NPV at the hurdle (BUY; for own use the saving from
 * owning the GPU-hours over renting them, as the decision weighs it) or 0 (RENT), owned ones the
 * better of holding and a sale now (the HOLD cluster's hold value, the RESELL cluster's sale value), contracts their
 * chosen option's cost (KEEP cost − the gain of the decision). The peak cash, the ranking and the monthly table are
 * values of the conversion, and say so.
 */
final class PortfolioSheet {
    /** Rows of the totals block (label in column A, value in column B). */
    static final int TOTAL_CAPEX_ROW = 1;
    static final int PLANNED_CAPEX_ROW = 2;
    static final int CAPEX_TO_COMMIT_ROW = 3;
    static final int VALUE_FOLLOWING_DECISIONS_ROW = 4;
    static final int VALUE_AS_ENTERED_ROW = 5;
    static final int CLUSTERS_VALUE_OF_DECISIONS_ROW = 6;
    static final int CONTRACTS_CHOSEN_COST_ROW = 7;
    static final int CONTRACTS_KEEP_COST_ROW = 8;
    static final int PEAK_CASH_ROW = 9;
    static final int SINCE_PURCHASE_AT_HURDLE_ROW = 10;
    static final int SINCE_PURCHASE_ROW = 11;
    static final int ACTIONS_HEADER_ROW = 14;

    static final int M_MONTH = 0;
    static final int M_NET = 1;
    static final int M_CUMULATIVE = 2;
    static final int M_CASH_NEEDED = 3;
    static final int M_OWNED = 4;
    static final int M_CONTRACTED_OUT = 5;
    static final int M_RENTED_IN = 6;
    static final int M_NEEDED = 7;

    private static final String[] ACTION_HEADERS = {"Rank", "Cluster or contract", "Action", "Gain at hurdle", "Reason",
        "What it does"};
    private static final String[] MONTH_HEADERS = {
        "Month", "Net flow", "Cumulative net flow", "Cash needed (outflows)", "GPUs owned", "GPUs contracted out",
        "GPUs rented in", "GPUs needed of those rented",
    };
    private static final int[] WIDTHS = {30, 18, 16, 16, 11, 12, 11, 13};
    /** Column A: the totals' labels, wrapped in it; the rank and the months below sit in it too. */
    private static final int LABEL_WIDTH = 46;
    /** Column C of the totals: whether each is a live formula; the action names of the ranking below share it. */
    private static final int HOW_WIDTH = 24;
    /** The summary's Use column, as {@link ClusterUse#label()} writes it. */
    private static final String RENT_OUT = ClusterUse.RENT_OUT.label();
    private static final String OWN_USE = ClusterUse.OWN_USE.label();

    private PortfolioSheet() {
    }

    /** The row (0-based) of the monthly table's header. */
    static int monthHeaderRow(int actions) {
        return ACTIONS_HEADER_ROW + Math.max(1, actions) + 3;
    }

    static void write(Sheet sheet, PortfolioAnalysis analysis, OutputStyles styles) {
        PortfolioRollup rollup = analysis.rollup();
        String hurdle = Formats.percent(analysis.assumptions().hurdleRate(), 1);
        String discount = Formats.percent(analysis.assumptions().discountRate(), 1);
        OutputCells.headerRow(sheet, 0, new String[] {"Portfolio from the valuation date, at the hurdle rate (" + hurdle
                + " at conversion; history is realized and left out)", "Amount", "How it is computed"},
                new int[] {LABEL_WIDTH, 18, HOW_WIDTH}, styles);
        Totals t = new Totals(analysis.clusters().size(), analysis.contracts().size());
        // A planned cluster bought counts what its decision weighed: for own use the saving from owning its GPU-hours
        // over renting them (cost to rent − cost to own), else its NPV at the hurdle.
        String clustersAsEntered = t.sumIfs(SummarySheet.NPV_AT_HURDLE, SummarySheet.STATUS, "Planned", SummarySheet.USE, RENT_OUT)
                + "+" + t.sumIfs(SummarySheet.OWN_USE_COST_TO_RENT, SummarySheet.STATUS, "Planned", SummarySheet.USE, OWN_USE)
                + "-" + t.sumIfs(SummarySheet.OWN_USE_COST_TO_OWN, SummarySheet.STATUS, "Planned", SummarySheet.USE, OWN_USE)
                + "+" + t.sum(SummarySheet.HOLD_VALUE);
        String clustersAsDecided = t.sumIfs(SummarySheet.NPV_AT_HURDLE, SummarySheet.DECISION, "BUY", SummarySheet.USE, RENT_OUT)
                + "+" + t.sumIfs(SummarySheet.OWN_USE_COST_TO_RENT, SummarySheet.DECISION, "BUY", SummarySheet.USE, OWN_USE)
                + "-" + t.sumIfs(SummarySheet.OWN_USE_COST_TO_OWN, SummarySheet.DECISION, "BUY", SummarySheet.USE, OWN_USE)
                + "+" + t.sumIf(SummarySheet.DECISION, "HOLD", SummarySheet.HOLD_VALUE)
                + "+" + t.sumIf(SummarySheet.DECISION, "RESELL", SummarySheet.SALE_VALUE);
        total(sheet, TOTAL_CAPEX_ROW, "Total capex (owned and planned)", t.sum(SummarySheet.TOTAL_CAPEX), rollup.totalCapex(), styles);
        total(sheet, PLANNED_CAPEX_ROW, "Capex of the planned clusters",
                t.sumIf(SummarySheet.STATUS, "Planned", SummarySheet.TOTAL_CAPEX), rollup.plannedCapex(), styles);
        total(sheet, CAPEX_TO_COMMIT_ROW, "Capex to commit (planned clusters the decisions buy)",
                t.sumIf(SummarySheet.DECISION, "BUY", SummarySheet.TOTAL_CAPEX), rollup.capexToCommit(), styles);
        total(sheet, VALUE_FOLLOWING_DECISIONS_ROW, "Value following every decision (clusters − contracts' chosen costs)",
                amount(CLUSTERS_VALUE_OF_DECISIONS_ROW) + "-" + amount(CONTRACTS_CHOSEN_COST_ROW), rollup.valueFollowingDecisions(), styles);
        total(sheet, VALUE_AS_ENTERED_ROW, "Value as entered (planned bought, owned held, contracts kept)",
                clustersAsEntered + "-" + amount(CONTRACTS_KEEP_COST_ROW), rollup.valueAsEntered(), styles);
        total(sheet, CLUSTERS_VALUE_OF_DECISIONS_ROW, "Clusters as decided (BUY: NPV, for own use the saving over renting;"
                + " RENT: 0; owned: the better of holding and a sale now)", clustersAsDecided, rollup.clustersValueOfDecisions(), styles);
        total(sheet, CONTRACTS_CHOSEN_COST_ROW, "Lessee contracts: present cost of the chosen options",
                t.contracts(ContractsSheet.KEEP_COST) + "-" + t.contracts(ContractsSheet.GAIN), rollup.contractsChosenCost(), styles);
        total(sheet, CONTRACTS_KEEP_COST_ROW, "Lessee contracts: present cost of keeping them all",
                t.contracts(ContractsSheet.KEEP_COST), rollup.contractsKeepCost(), styles);
        total(sheet, PEAK_CASH_ROW, "Peak cash needed in one month", null,
                rollup.peakMonthlyCashNeeded(), styles);
        total(sheet, SINCE_PURCHASE_AT_HURDLE_ROW, "Clusters since purchase (realized + expected): whole-life NPV at the"
                + " hurdle, history included; not a decision figure", t.sum(SummarySheet.NPV_AT_HURDLE),
                rollup.clustersNpvAtHurdleSincePurchase(), styles);
        total(sheet, SINCE_PURCHASE_ROW, "Clusters since purchase: whole-life NPV at the discount rate (" + discount
                + " at conversion)", t.sum(SummarySheet.NPV), rollup.clustersNpvSincePurchase(), styles);

        OutputCells.text(sheet.createRow(ACTIONS_HEADER_ROW - 1), 0, "Recommended changes, largest gain at the hurdle rate first (as converted: values, not formulas)",
                styles.sectionTitle);
        OutputCells.headerRow(sheet, ACTIONS_HEADER_ROW, ACTION_HEADERS, new int[] {30, 18, 16, 16, 60, 40}, styles);
        List<PortfolioRollup.RankedAction> actions = rollup.actions();
        for (int i = 0; i < actions.size(); i++) {
            PortfolioRollup.RankedAction a = actions.get(i);
            Row row = sheet.createRow(ACTIONS_HEADER_ROW + 1 + i);
            OutputCells.number(row, 0, i + 1, styles.rank);
            OutputCells.text(row, 1, a.subject(), styles.text);
            OutputCells.text(row, 2, a.action().replace('_', ' '), styles.text);
            OutputCells.number(row, 3, a.npvGainAtHurdle(), styles.money);
            OutputCells.text(row, 4, a.reason(), styles.wrappedText);
            OutputCells.text(row, 5, whatItDoes(a.action()), styles.wrappedText);
        }
        if (actions.isEmpty()) {
            OutputCells.text(sheet.createRow(ACTIONS_HEADER_ROW + 1), 1, "none: every cluster and contract is best left as it is",
                    styles.text);
        }

        int header = monthHeaderRow(actions.size());
        OutputCells.text(sheet.createRow(header - 1), 0, "Cash and capacity by month, from the valuation month (as converted: values, not formulas)",
                styles.sectionTitle);
        OutputCells.headerRow(sheet, header, MONTH_HEADERS, WIDTHS, styles);
        double cumulative = 0;
        int r = header + 1;
        for (PortfolioRollup.MonthPosition m : rollup.months()) {
            Row row = sheet.createRow(r);
            cumulative += m.netFlow();
            OutputCells.date(row, M_MONTH, m.month().atDay(1), styles);
            OutputCells.number(row, M_NET, m.netFlow(), styles.money);
            String previous = r == header + 1 ? "0" : OutputCells.relative(r - 1, M_CUMULATIVE);
            OutputCells.formula(row, M_CUMULATIVE, previous + "+" + OutputCells.relative(r, M_NET), cumulative, styles.money);
            OutputCells.number(row, M_CASH_NEEDED, m.cashNeeded(), styles.money);
            OutputCells.number(row, M_OWNED, m.gpusOwned(), styles.integer);
            OutputCells.number(row, M_CONTRACTED_OUT, m.gpusContractedOut(), styles.integer);
            OutputCells.number(row, M_RENTED_IN, m.gpusRentedIn(), styles.integer);
            OutputCells.number(row, M_NEEDED, m.gpusNeeded(), styles.integer);
            r++;
        }
        OutputCells.widths(sheet, WIDTHS);
        sheet.setColumnWidth(0, LABEL_WIDTH * 256);
        sheet.setColumnWidth(4, 60 * 256);
        sheet.createFreezePane(0, 1);
    }

    /** What an action does with capital or capacity, in words a committee reads the ranking by. */
    static String whatItDoes(String action) {
        return switch (action) {
            case "BUY" -> "commit capital: owning earns more than the hurdle";
            case "RENT" -> "do not commit capital: buying would earn less than the hurdle";
            case "RESELL" -> "free capital: a sale now is worth more than holding";
            case "HOLD" -> "keep capital invested: holding is worth more than a sale now";
            case "RESELL_CAPACITY" -> "cut a cost: sublease the idle rented GPUs";
            case "TERMINATE" -> "cut a cost: end the contract and rent only what is needed";
            default -> "";
        };
    }

    /** A total: the formula cached as the engine's figure, or (formula null) the figure as a value of the conversion. */
    private static void total(Sheet sheet, int rowIndex, String label, String formula, double value, OutputStyles styles) {
        Row row = sheet.createRow(rowIndex);
        OutputCells.text(row, 0, label, styles.wrappedText);
        if (formula == null) {
            OutputCells.number(row, 1, value, styles.money);
            OutputCells.text(row, 2, "computed at conversion (from the monthly table below)", styles.wrappedText);
        } else {
            OutputCells.formula(row, 1, formula, value, styles.money);
            OutputCells.text(row, 2, "live formula", styles.text);
        }
    }

    private static String amount(int rowIndex) {
        return OutputCells.relative(rowIndex, 1);
    }

    /**
     * Sums over the clusters' rows of the summary and the contracts' rows of the contracts sheet; SUM and SUMIF skip the
     * words a cell holds where a figure does not apply ("n/a (owned)", "no secondary price"), which count as nothing.
     */
    private record Totals(int clusters, int contracts) {
        String sum(int column) {
            return clusters == 0 ? "0" : "SUM(" + summary(column) + ")";
        }

        String sumIf(int criteriaColumn, String criterion, int column) {
            return clusters == 0 ? "0" : "SUMIF(" + summary(criteriaColumn) + ",\"" + criterion + "\"," + summary(column) + ")";
        }

        String sumIfs(int column, int criteriaColumn, String criterion, int otherCriteriaColumn, String otherCriterion) {
            return clusters == 0 ? "0" : "SUMIFS(" + summary(column) + "," + summary(criteriaColumn) + ",\"" + criterion + "\","
                    + summary(otherCriteriaColumn) + ",\"" + otherCriterion + "\")";
        }

        String contracts(int column) {
            return contracts == 0 ? "0" : "SUM(" + OutputCells.columnRange(WorkbookWriter.CONTRACTS_SHEET, 1, contracts, column) + ")";
        }

        private String summary(int column) {
            return OutputCells.columnRange(WorkbookWriter.SUMMARY_SHEET, 1, clusters, column);
        }
    }
}
