package gpuroi.workbook;

import gpuroi.engine.CashFlowModel;
import gpuroi.engine.ContractAnalysis;
import gpuroi.engine.ContractDecision;
import gpuroi.engine.Timing;
import gpuroi.model.Assumptions;
import gpuroi.model.Lease;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

import java.util.List;
import java.util.Locale;

/**
 * {@value WorkbookWriter#CONTRACTS_SHEET}: one row per lessee contract with the three options'
 * present costs at the hurdle rate, the decision and its flip points; below it, every remaining
 * month of every contract with the obligation paid under KEEP and what subleasing the idle GPUs at
 * the market path would bring in. The monthly obligation and the resale income are live formulas
 * of the cells beside them; the present costs are the engine's values.
 */
final class ContractsSheet {
    static final int ID = 0;
    static final int COUNTERPARTY = 1;
    static final int GPU_MODEL = 2;
    static final int GPUS = 3;
    static final int NEEDED = 4;
    static final int IDLE = 5;
    static final int RATE = 6;
    static final int START = 7;
    static final int END = 8;
    static final int PREPAID_SHARE = 9;
    static final int REMAINING_MONTHS = 10;
    static final int MONTHLY_OBLIGATION = 11;
    static final int PREPAYMENT_DUE = 12;
    static final int KEEP_COST = 13;
    static final int RESELL_COST = 14;
    static final int TERMINATE_COST = 15;
    static final int DECISION = 16;
    static final int GAIN = 17;
    static final int BREAK_EVEN_FEE = 18;
    static final int BREAK_EVEN_PRICE_RESELL = 19;
    static final int BREAK_EVEN_PRICE_TERMINATE = 20;
    static final int MARKET_PRICE = 21;
    static final int MARKET_SOURCE = 22;
    static final int REASON = 23;

    /** Reasons wrap in a column this wide, the row as high as its lines. */
    private static final int REASON_WIDTH = 70;
    private static final String[] HEADERS = {
        "Contract id", "Counterparty", "GPU model", "GPUs", "GPUs needed", "Idle GPUs", "Rate per GPU-hr", "Start", "End",
        "Prepaid share", "Remaining months", "Monthly obligation", "Prepayment still due",
        "KEEP: present cost at hurdle", "RESELL CAPACITY: present cost at hurdle", "TERMINATE: present cost at hurdle",
        "Decision", "Gain over KEEP at hurdle", "Break-even termination fee (terminate below)",
        "Market price where reselling beats terminating (above)", "Market price where terminating beats keeping (below)",
        "Market start price per GPU-hr", "Market price source", "Reason",
    };
    private static final int[] WIDTHS = {18, 16, 12, 7, 8, 7, 10, 11, 11, 9, 10, 13, 13, 15, 15, 15, 17, 14, 16, 16, 16, 11, 14, REASON_WIDTH};

    /** Columns of the monthly block. */
    static final int M_CONTRACT = 0;
    static final int M_DATE = 1;
    static final int M_MARKET_MONTH = 2;
    static final int M_MARKET_PRICE = 3;
    static final int M_OBLIGATION = 4;
    static final int M_IDLE = 5;
    static final int M_RESALE_INCOME = 6;
    static final int M_NET_RESELLING = 7;
    private static final String[] MONTH_HEADERS = {
        "Contract id", "Payment date", "Valuation month", "Market price per GPU-hr", "Obligation paid (KEEP)", "Idle GPUs",
        "Resale income if subleased", "Net cost reselling",
    };

    private ContractsSheet() {
    }

    /** The row (0-based) of the monthly block's header: two rows below the contracts. */
    static int monthHeaderRow(int contracts) {
        return contracts + 3;
    }

    static void write(Sheet sheet, List<ContractAnalysis> contracts, Assumptions assumptions, OutputStyles styles) {
        OutputCells.headerRow(sheet, 0, HEADERS, WIDTHS, styles);
        int[] widths = WIDTHS.clone();
        for (int i = 0; i < contracts.size(); i++) {
            ContractAnalysis k = contracts.get(i);
            writeRow(sheet.createRow(1 + i), 1 + i, k, styles);
            widths[ID] = Math.max(widths[ID], Math.min(40, k.contract().contractId().length() + 2));
        }
        OutputCells.widths(sheet, widths);
        sheet.createFreezePane(1, 1);
        if (contracts.isEmpty()) {
            OutputCells.text(sheet.createRow(1), ID, "No lessee contracts in the Leases sheet.", styles.text);
            return;
        }
        DecisionColours.apply(sheet, new CellRangeAddress(1, contracts.size(), DECISION, DECISION),
                ContractDecision.KEEP.name(), label(ContractDecision.RESELL_CAPACITY), ContractDecision.TERMINATE.name());
        writeMonths(sheet, contracts, assumptions, styles);
    }

    /** "KEEP", "RESELL CAPACITY", "TERMINATE": the decision as people read it. */
    static String label(ContractDecision decision) {
        return decision.label();
    }

    private static void writeRow(Row row, int rowIndex, ContractAnalysis k, OutputStyles styles) {
        Lease lease = k.contract();
        OutputCells.text(row, ID, lease.contractId(), styles.text);
        OutputCells.text(row, COUNTERPARTY, lease.counterparty().orElse(""), styles.text);
        OutputCells.text(row, GPU_MODEL, lease.gpuModel(), styles.text);
        OutputCells.number(row, GPUS, lease.gpuCount(), styles.integer);
        OutputCells.number(row, NEEDED, lease.gpusNeeded(), styles.integer);
        OutputCells.formula(row, IDLE, ref(rowIndex, GPUS) + "-" + ref(rowIndex, NEEDED), lease.idleGpus(), styles.integer);
        OutputCells.number(row, RATE, lease.ratePerGpuHour(), styles.pricePerHour);
        OutputCells.date(row, START, lease.startDate(), styles);
        OutputCells.date(row, END, lease.endDate(), styles);
        OutputCells.number(row, PREPAID_SHARE, lease.prepaidShare(), styles.percent);
        OutputCells.number(row, REMAINING_MONTHS, k.remainingMonths(), styles.integer);
        OutputCells.formula(row, MONTHLY_OBLIGATION, ref(rowIndex, RATE) + "*" + ref(rowIndex, GPUS) + "*730*(1-"
                + ref(rowIndex, PREPAID_SHARE) + ")", k.monthlyObligation(), styles.money);
        OutputCells.number(row, PREPAYMENT_DUE, k.prepaymentStillDue(), styles.money);
        OutputCells.number(row, KEEP_COST, k.keepCost(), styles.money);
        OutputCells.optional(row, RESELL_COST, k.resellCapacityCost(),
                lease.idleGpus() == 0 ? "n/a (no idle GPUs)" : "n/a (resale not allowed)", styles.money, styles.text);
        OutputCells.optional(row, TERMINATE_COST, k.terminateCost(), "n/a (no termination fee)", styles.money, styles.text);
        OutputCells.text(row, DECISION, label(k.decision()), styles.text);
        OutputCells.number(row, GAIN, k.npvGainAtHurdle(), styles.money);
        OutputCells.optional(row, BREAK_EVEN_FEE, k.breakEvenTerminationFee(), "n/a", styles.money, styles.text);
        OutputCells.optional(row, BREAK_EVEN_PRICE_RESELL, k.breakEvenMarketPriceResellOverTerminate(), "n/a",
                styles.pricePerHour, styles.text);
        OutputCells.optional(row, BREAK_EVEN_PRICE_TERMINATE, k.breakEvenMarketPriceTerminateOverKeep(), "n/a",
                styles.pricePerHour, styles.text);
        OutputCells.number(row, MARKET_PRICE, k.marketPrice().startPricePerGpuHour(), styles.pricePerHour);
        OutputCells.text(row, MARKET_SOURCE, k.marketPrice().source().name().toLowerCase(Locale.ROOT).replace('_', ' '), styles.text);
        OutputCells.text(row, REASON, k.reason(), styles.wrappedText);
    }

    /**
     * Month by month as {@code LeaseAnalyzer} prices it: contract month i is paid at {@code start + i
     * months}, counted from the valuation date on; its market price is the path's price for the valuation
     * month in which it ends.
     */
    private static void writeMonths(Sheet sheet, List<ContractAnalysis> contracts, Assumptions assumptions, OutputStyles styles) {
        int header = monthHeaderRow(contracts.size());
        Row title = sheet.createRow(header - 1);
        double resaleKept = (1 - assumptions.marketplaceFee()) * (1 - assumptions.resaleDiscount());
        OutputCells.text(title, 0, "Monthly flows of each contract from the valuation date on: the obligation paid under KEEP,"
                + " and what the idle GPUs bring in subleased at the market price less the marketplace fee ("
                + gpuroi.model.Formats.percent(assumptions.marketplaceFee(), 1) + ") and resale discount ("
                + gpuroi.model.Formats.percent(assumptions.resaleDiscount(), 1) + ")", styles.sectionTitle);
        OutputCells.headerRow(sheet, header, MONTH_HEADERS, WIDTHS, styles);
        int r = header + 1;
        for (ContractAnalysis k : contracts) {
            Lease lease = k.contract();
            double offset = CashFlowModel.monthsBetween(assumptions.valuationDate(), lease.startDate());
            if (k.prepaymentStillDue() > 0) {
                Row row = sheet.createRow(r++);
                OutputCells.text(row, M_CONTRACT, lease.contractId(), styles.text);
                OutputCells.date(row, M_DATE, k.keepPayments().get(0).date(), styles);
                OutputCells.text(row, M_MARKET_MONTH, "prepayment", styles.text);
                OutputCells.number(row, M_OBLIGATION, k.prepaymentStillDue(), styles.moneyCents);
                OutputCells.number(row, M_NET_RESELLING, k.prepaymentStillDue(), styles.moneyCents);
            }
            for (int i = 1; i <= lease.termMonths(); i++) {
                if (Timing.isHistory(lease.startDate().plusMonths(i), assumptions.valuationDate())) {
                    continue;
                }
                int marketMonth = Timing.marketMonth(offset + i);
                double price = k.marketPrice().priceForMonth(marketMonth);
                double income = lease.idleGpus() * CashFlowModel.HOURS_PER_MONTH * price * resaleKept;
                Row row = sheet.createRow(r);
                OutputCells.text(row, M_CONTRACT, lease.contractId(), styles.text);
                OutputCells.date(row, M_DATE, lease.startDate().plusMonths(i), styles);
                OutputCells.number(row, M_MARKET_MONTH, marketMonth, styles.integer);
                OutputCells.number(row, M_MARKET_PRICE, price, styles.pricePerHour);
                OutputCells.number(row, M_OBLIGATION, k.monthlyObligation(), styles.moneyCents);
                OutputCells.number(row, M_IDLE, lease.idleGpus(), styles.integer);
                OutputCells.formula(row, M_RESALE_INCOME, ref(r, M_IDLE) + "*730*" + ref(r, M_MARKET_PRICE) + "*" + resaleKept,
                        income, styles.moneyCents);
                OutputCells.formula(row, M_NET_RESELLING, ref(r, M_OBLIGATION) + "-" + ref(r, M_RESALE_INCOME),
                        k.monthlyObligation() - income, styles.moneyCents);
                r++;
            }
        }
    }

    private static String ref(int row, int column) {
        return OutputCells.relative(row, column);
    }
}
