package gpuroi.workbook;

import gpuroi.engine.CashFlowModel;
import gpuroi.engine.ContractAnalysis;
import gpuroi.engine.ContractDecision;
import gpuroi.engine.Returns;
import gpuroi.engine.Timing;
import gpuroi.model.Assumptions;
import gpuroi.model.Lease;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@value WorkbookWriter#CONTRACTS_SHEET}: one row per lessee contract with the three options'
 * present costs at the hurdle rate, the decision and its flip points; below it, every remaining
 * month of every contract with the obligation paid under KEEP and what subleasing the idle GPUs at
 * the market path would bring in.
 *
 * <p>A live model: each row's inputs (rate, GPUs, GPUs needed, prepaid share, termination fee, market start price,
 * hurdle, marketplace fee, resale discount) refer to the cells of Leases, Market and Assumptions they were read from
 * when those hold exactly the model's number, and the monthly block, the three present costs, the decision, the gain
 * and the flip points are formulas over them, cached as the engine's figures. KEEP is Σ obligation × hurdle factor over
 * the contract's months; RESELL CAPACITY is KEEP − Σ resale income × factor; TERMINATE is the fee + Σ replacement
 * rent × factor. Which months remain, each month's position in the market path and the path's shape are fixed at
 * conversion (a changed start date or term needs a new conversion); the row's last column lists what else is a value.
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
    /** The inputs the costs read that are not columns of the Leases table above. */
    static final int TERMINATION_FEE = 24;
    static final int HURDLE_RATE = 25;
    static final int MARKETPLACE_FEE = 26;
    static final int RESALE_DISCOUNT = 27;
    /** A live flag: whether the decision cell still says what the reason was written for. */
    static final int DECISION_CHECK = 28;
    static final int CONVERSION_VALUES = 29;
    static final String MATCHES = "matches the reason";

    /** Reasons wrap in a column this wide, the row as high as its lines. */
    private static final int REASON_WIDTH = 70;
    private static final String[] HEADERS = {
        "Contract id", "Counterparty", "GPU model", "GPUs", "GPUs needed", "Idle GPUs", "Rate per GPU-hr", "Start", "End",
        "Prepaid share", "Remaining months", "Monthly obligation", "Prepayment still due",
        "KEEP: present cost at hurdle", "RESELL CAPACITY: present cost at hurdle", "TERMINATE: present cost at hurdle",
        "Decision", "Gain over KEEP at hurdle", "Break-even termination fee (terminate below)",
        "Market price where reselling beats terminating (above)", "Market price where terminating beats keeping (below)",
        "Market start price per GPU-hr", "Market price source", "Reason", "Termination fee", "Hurdle rate", "Marketplace fee",
        "Resale discount", "Decision against the reason (live)", "Values computed at conversion, not formulas",
    };
    private static final int[] WIDTHS = {18, 16, 12, 7, 8, 7, 10, 11, 11, 9, 10, 13, 13, 15, 15, 15, 17, 14, 16, 16, 16, 11, 14, REASON_WIDTH,
        13, 9, 11, 10, 24, 40};

    /** Columns of the monthly block. */
    static final int M_CONTRACT = 0;
    static final int M_DATE = 1;
    static final int M_MARKET_MONTH = 2;
    static final int M_MARKET_PRICE = 3;
    static final int M_OBLIGATION = 4;
    static final int M_IDLE = 5;
    static final int M_RESALE_INCOME = 6;
    static final int M_NET_RESELLING = 7;
    /** (1 + hurdle)^(−months from the valuation date / 12): what the present costs discount each payment by. */
    static final int M_HURDLE_FACTOR = 8;
    /** What renting the GPUs still needed at the market costs in the month, were the contract terminated. */
    static final int M_REPLACEMENT_RENT = 9;
    private static final String[] MONTH_HEADERS = {
        "Contract id", "Payment date", "Valuation month", "Market price per GPU-hr", "Obligation paid (KEEP)", "Idle GPUs",
        "Resale income if subleased", "Net cost reselling", "Discount factor at hurdle (to valuation date)",
        "Replacement rent if terminated (GPUs needed at market)",
    };

    private ContractsSheet() {
    }

    /** The row (0-based) of the monthly block's header: two rows below the contracts. */
    static int monthHeaderRow(int contracts) {
        return contracts + 3;
    }

    static void write(Sheet sheet, List<ContractAnalysis> contracts, Assumptions assumptions, OutputStyles styles) {
        write(sheet, contracts, assumptions, InputLinks.NONE, LocalDate.now(), styles);
    }

    /**
     * As above, with the inputs linked to the investor's cells where {@code links} allows, and the reason's header
     * dated {@code convertedOn}.
     */
    static void write(Sheet sheet, List<ContractAnalysis> contracts, Assumptions assumptions, InputLinks links,
                      LocalDate convertedOn, OutputStyles styles) {
        OutputCells.headerRow(sheet, 0, HEADERS, WIDTHS, styles);
        OutputCells.text(sheet.getRow(0), REASON, "Reason (text as converted on " + convertedOn + ")", styles.header);
        int[] widths = WIDTHS.clone();
        // The monthly block's rows are known before it is written (a streaming sheet is written top down): the
        // present costs above refer to them.
        int next = monthHeaderRow(contracts.size()) + 1;
        for (int i = 0; i < contracts.size(); i++) {
            ContractAnalysis k = contracts.get(i);
            int rows = (k.prepaymentStillDue() > 0 ? 1 : 0) + k.remainingMonths();
            writeRow(sheet.createRow(1 + i), 1 + i, k, assumptions, links, new MonthRows(next, next + rows - 1), styles);
            next += rows;
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

    /** The rows of one contract's months in the monthly block; empty ({@code last < first}) when nothing is left. */
    private record MonthRows(int first, int last) {
        boolean isEmpty() {
            return last < first;
        }

        String range(int column) {
            return new org.apache.poi.ss.util.CellReference(first, column, true, true).formatAsString() + ":"
                    + new org.apache.poi.ss.util.CellReference(last, column, true, true).formatAsString();
        }

        /** Σ column × hurdle factor over the contract's months. */
        String atHurdle(int column) {
            return "SUMPRODUCT(" + range(column) + "," + range(M_HURDLE_FACTOR) + ")";
        }
    }

    private static void writeRow(Row row, int rowIndex, ContractAnalysis k, Assumptions assumptions, InputLinks links,
                                 MonthRows months, OutputStyles styles) {
        Lease lease = k.contract();
        String id = lease.contractId();
        List<String> values = new ArrayList<>();
        OutputCells.text(row, ID, id, styles.text);
        OutputCells.text(row, COUNTERPARTY, lease.counterparty().orElse(""), styles.text);
        OutputCells.text(row, GPU_MODEL, lease.gpuModel(), styles.text);
        input(row, GPUS, links.contract(id, InputCells.Field.CONTRACT_GPUS, lease.gpuCount()), lease.gpuCount(), styles.integer,
                "GPUs", values);
        input(row, NEEDED, links.contract(id, InputCells.Field.GPUS_NEEDED, lease.gpusNeeded()), lease.gpusNeeded(), styles.integer,
                "GPUs needed", values);
        OutputCells.formula(row, IDLE, ref(rowIndex, GPUS) + "-" + ref(rowIndex, NEEDED), lease.idleGpus(), styles.integer);
        input(row, RATE, links.contract(id, InputCells.Field.CONTRACT_RATE, lease.ratePerGpuHour()), lease.ratePerGpuHour(),
                styles.pricePerHour, "rate", values);
        OutputCells.date(row, START, lease.startDate(), styles);
        OutputCells.date(row, END, lease.endDate(), styles);
        input(row, PREPAID_SHARE, links.contract(id, InputCells.Field.PREPAID_SHARE, lease.prepaidShare()), lease.prepaidShare(),
                styles.percent, "prepaid share", values);
        OutputCells.number(row, REMAINING_MONTHS, k.remainingMonths(), styles.integer);
        OutputCells.formula(row, MONTHLY_OBLIGATION, ref(rowIndex, RATE) + "*" + ref(rowIndex, GPUS) + "*" + CashFlowSheet.HOURS
                + "*(1-" + ref(rowIndex, PREPAID_SHARE) + ")", k.monthlyObligation(), styles.money);
        if (k.prepaymentStillDue() > 0) {
            // The prepaid share of the whole contract value: rate × GPUs × 730 × term.
            OutputCells.formula(row, PREPAYMENT_DUE, ref(rowIndex, PREPAID_SHARE) + "*" + ref(rowIndex, RATE) + "*" + ref(rowIndex, GPUS)
                    + "*" + CashFlowSheet.HOURS + "*" + lease.termMonths(), k.prepaymentStillDue(), styles.money);
        } else {
            OutputCells.number(row, PREPAYMENT_DUE, 0, styles.money);
        }
        if (lease.terminationFee().isPresent()) {
            double fee = lease.terminationFee().getAsDouble();
            input(row, TERMINATION_FEE, links.contract(id, InputCells.Field.TERMINATION_FEE, fee), fee, styles.money,
                    "termination fee", values);
        } else {
            OutputCells.text(row, TERMINATION_FEE, "none given", styles.text);
        }
        input(row, HURDLE_RATE, links.assumption(InputCells.Field.HURDLE_RATE, assumptions.hurdleRate()), assumptions.hurdleRate(),
                styles.percent, "hurdle rate", values);
        input(row, MARKETPLACE_FEE, links.assumption(InputCells.Field.MARKETPLACE_FEE, assumptions.marketplaceFee()),
                assumptions.marketplaceFee(), styles.percent, "marketplace fee", values);
        input(row, RESALE_DISCOUNT, links.assumption(InputCells.Field.RESALE_DISCOUNT, assumptions.resaleDiscount()),
                assumptions.resaleDiscount(), styles.percent, "resale discount", values);
        marketPrice(row, rowIndex, k, links, values, styles);
        OutputCells.text(row, MARKET_SOURCE, k.marketPrice().source().name().toLowerCase(Locale.ROOT).replace('_', ' '), styles.text);

        if (months.isEmpty()) {
            // Nothing is left to pay: every option costs nothing and no input moves that.
            OutputCells.number(row, KEEP_COST, k.keepCost(), styles.money);
            values.add("costs and decision (the contract has ended)");
        } else {
            OutputCells.formula(row, KEEP_COST, months.atHurdle(M_OBLIGATION), k.keepCost(), styles.money);
        }
        String keep = ref(rowIndex, KEEP_COST);
        String resell = ref(rowIndex, RESELL_COST);
        String terminate = ref(rowIndex, TERMINATE_COST);
        String p0 = ref(rowIndex, MARKET_PRICE);
        String fee = ref(rowIndex, TERMINATION_FEE);
        String resaleIncome = months.isEmpty() ? "0" : months.atHurdle(M_RESALE_INCOME);
        String replacementRent = months.isEmpty() ? "0" : months.atHurdle(M_REPLACEMENT_RENT);
        boolean resellCanOpen = k.remainingMonths() > 0 && lease.resaleAllowed();
        boolean terminateOpen = k.remainingMonths() > 0 && lease.terminationFee().isPresent();
        String noResell = lease.idleGpus() == 0 ? "n/a (no idle GPUs)" : "n/a (resale not allowed)";
        if (resellCanOpen) {
            // Whether GPUs are idle is live (GPUs − needed); without any the option is closed, as in the engine.
            OutputCells.optionalFormula(row, RESELL_COST, "IF(" + ref(rowIndex, IDLE) + ">0," + keep + "-" + resaleIncome
                    + ",\"n/a (no idle GPUs)\")", k.resellCapacityCost(), noResell, styles.money, styles.text);
        } else {
            OutputCells.optional(row, RESELL_COST, k.resellCapacityCost(), noResell, styles.money, styles.text);
        }
        if (terminateOpen) {
            OutputCells.formula(row, TERMINATE_COST, fee + "+" + replacementRent, k.terminateCost().orElseThrow(), styles.money);
        } else {
            OutputCells.optional(row, TERMINATE_COST, k.terminateCost(), "n/a (no termination fee)", styles.money, styles.text);
        }

        // The cheapest open option; KEEP on a tie, then RESELL CAPACITY (an option that is not open is text).
        String resellOrKeep = "IF(ISNUMBER(" + resell + ")," + resell + "," + keep + ")";
        String terminateOrKeep = "IF(ISNUMBER(" + terminate + ")," + terminate + "," + keep + ")";
        String withoutTerminating = "IF(ISNUMBER(" + resell + "),IF(" + resell + "<" + keep + ",\"" + label(ContractDecision.RESELL_CAPACITY)
                + "\",\"KEEP\"),\"KEEP\")";
        String decision = "IF(ISNUMBER(" + terminate + "),IF(" + terminate + "<MIN(" + keep + "," + resellOrKeep + "),\"TERMINATE\","
                + withoutTerminating + ")," + withoutTerminating + ")";
        OutputCells.textFormula(row, DECISION, decision, label(k.decision()), styles.text);
        OutputCells.formula(row, GAIN, keep + "-MIN(" + keep + "," + resellOrKeep + "," + terminateOrKeep + ")", k.npvGainAtHurdle(),
                styles.money);

        if (k.remainingMonths() > 0) {
            // Terminating wins below min(KEEP, RESELL) − Σ replacement rent × factor.
            String margin = "MIN(" + keep + "," + resellOrKeep + ")-" + replacementRent;
            OutputCells.optionalFormula(row, BREAK_EVEN_FEE, "IF(" + margin + ">0," + margin + ",\"n/a\")",
                    k.breakEvenTerminationFee(), "n/a", styles.money, styles.text);
        } else {
            OutputCells.optional(row, BREAK_EVEN_FEE, k.breakEvenTerminationFee(), "n/a", styles.money, styles.text);
        }
        // Every market-priced flow is the start price times a fixed shape, so a cost's market part over p0 is its slope.
        boolean priced = k.marketPrice().startPricePerGpuHour() > 0;
        if (resellCanOpen && terminateOpen && priced) {
            OutputCells.optionalFormula(row, BREAK_EVEN_PRICE_RESELL, "IF(ISNUMBER(" + resell + "),"
                    + nonNegativeRatio(p0 + "*(" + keep + "-" + fee + ")", resaleIncome + "+" + replacementRent) + ",\"n/a\")",
                    k.breakEvenMarketPriceResellOverTerminate(), "n/a", styles.pricePerHour, styles.text);
        } else {
            OutputCells.optional(row, BREAK_EVEN_PRICE_RESELL, k.breakEvenMarketPriceResellOverTerminate(), "n/a",
                    styles.pricePerHour, styles.text);
        }
        if (terminateOpen && priced) {
            OutputCells.optionalFormula(row, BREAK_EVEN_PRICE_TERMINATE,
                    nonNegativeRatio(p0 + "*(" + keep + "-" + fee + ")", replacementRent),
                    k.breakEvenMarketPriceTerminateOverKeep(), "n/a", styles.pricePerHour, styles.text);
        } else {
            OutputCells.optional(row, BREAK_EVEN_PRICE_TERMINATE, k.breakEvenMarketPriceTerminateOverKeep(), "n/a",
                    styles.pricePerHour, styles.text);
        }
        if (!priced && (terminateOpen || resellCanOpen)) {
            values.add("market prices where the decision flips (market start price of 0)");
        }
        OutputCells.text(row, REASON, k.reason(), styles.wrappedText);
        String decisionCell = "$" + ref(rowIndex, DECISION);
        String word = label(k.decision());
        OutputCells.textFormula(row, DECISION_CHECK, "IF(" + decisionCell + "=\"" + word + "\",\"" + MATCHES
                + "\",\"now \"&" + decisionCell + "&\": the reason, written for " + word + ", is out of date\")", MATCHES, styles.text);
        OutputCells.text(row, CONVERSION_VALUES, String.join("; ", values), styles.wrappedText);
    }

    /** numerator / denominator when the denominator is positive and the ratio ≥ 0, else "n/a": the engine's rule. */
    private static String nonNegativeRatio(String numerator, String denominator) {
        String ratio = "(" + numerator + ")/(" + denominator + ")";
        return "IF((" + denominator + ")<=0,\"n/a\",IF(" + ratio + ">=0," + ratio + ",\"n/a\"))";
    }

    /** An input: a reference to the investor's cell when it holds exactly the model's number, else the value, named. */
    private static void input(Row row, int column, java.util.Optional<String> link, double value, CellStyle style, String name,
                              List<String> values) {
        if (link.isPresent()) {
            OutputCells.formula(row, column, link.get(), value, style);
        } else {
            OutputCells.number(row, column, value, style);
            values.add(name + " (typed as text, another unit or a default)");
        }
    }

    /**
     * The market start price: the Market sheet's cell, the contract's own rate when it stands in for the market, or the
     * catalog's figure as a value.
     */
    private static void marketPrice(Row row, int rowIndex, ContractAnalysis k, InputLinks links, List<String> values,
                                    OutputStyles styles) {
        double p0 = k.marketPrice().startPricePerGpuHour();
        switch (k.marketPrice().source()) {
            case CONTRACT_RATE -> OutputCells.formula(row, MARKET_PRICE, ref(rowIndex, RATE), p0, styles.pricePerHour);
            case MARKET_SHEET -> input(row, MARKET_PRICE, links.marketOnDemand(k.contract().gpuModel(), p0), p0, styles.pricePerHour,
                    "market start price", values);
            case CATALOG -> {
                OutputCells.number(row, MARKET_PRICE, p0, styles.pricePerHour);
                values.add("market start price (built-in catalog)");
            }
        }
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
        for (int c = 0; c < contracts.size(); c++) {
            ContractAnalysis k = contracts.get(c);
            Lease lease = k.contract();
            int contractRow = 1 + c;
            String obligation = absolute(contractRow, MONTHLY_OBLIGATION);
            String idle = absolute(contractRow, IDLE);
            String needed = absolute(contractRow, NEEDED);
            String p0 = absolute(contractRow, MARKET_PRICE);
            String hurdle = absolute(contractRow, HURDLE_RATE);
            String kept = "(1-" + absolute(contractRow, MARKETPLACE_FEE) + ")*(1-" + absolute(contractRow, RESALE_DISCOUNT) + ")";
            double hurdleRate = assumptions.hurdleRate();
            double offset = CashFlowModel.monthsBetween(assumptions.valuationDate(), lease.startDate());
            if (k.prepaymentStillDue() > 0) {
                // Paid with the first month, at its end: discounted as that month is.
                Row row = sheet.createRow(r);
                OutputCells.text(row, M_CONTRACT, lease.contractId(), styles.text);
                OutputCells.date(row, M_DATE, k.keepPayments().get(0).date(), styles);
                OutputCells.text(row, M_MARKET_MONTH, "prepayment", styles.text);
                OutputCells.formula(row, M_OBLIGATION, absolute(contractRow, PREPAYMENT_DUE), k.prepaymentStillDue(), styles.moneyCents);
                OutputCells.formula(row, M_NET_RESELLING, ref(r, M_OBLIGATION), k.prepaymentStillDue(), styles.moneyCents);
                hurdleFactor(row, hurdle, offset + 1, hurdleRate, styles);
                r++;
            }
            for (int i = 1; i <= lease.termMonths(); i++) {
                if (Timing.isHistory(lease.startDate().plusMonths(i), assumptions.valuationDate())) {
                    continue;
                }
                int marketMonth = Timing.marketMonth(offset + i);
                double shape = k.marketPrice().path().factorForMonth(marketMonth);
                double price = k.marketPrice().priceForMonth(marketMonth);
                double income = lease.idleGpus() * CashFlowModel.HOURS_PER_MONTH * price * resaleKept;
                Row row = sheet.createRow(r);
                OutputCells.text(row, M_CONTRACT, lease.contractId(), styles.text);
                OutputCells.date(row, M_DATE, lease.startDate().plusMonths(i), styles);
                OutputCells.number(row, M_MARKET_MONTH, marketMonth, styles.integer);
                OutputCells.formula(row, M_MARKET_PRICE, p0 + "*" + literal(shape), price, styles.pricePerHour);
                OutputCells.formula(row, M_OBLIGATION, obligation, k.monthlyObligation(), styles.moneyCents);
                OutputCells.formula(row, M_IDLE, idle, lease.idleGpus(), styles.integer);
                OutputCells.formula(row, M_RESALE_INCOME, ref(r, M_IDLE) + "*" + CashFlowSheet.HOURS + "*" + ref(r, M_MARKET_PRICE) + "*" + kept,
                        income, styles.moneyCents);
                OutputCells.formula(row, M_NET_RESELLING, ref(r, M_OBLIGATION) + "-" + ref(r, M_RESALE_INCOME),
                        k.monthlyObligation() - income, styles.moneyCents);
                hurdleFactor(row, hurdle, offset + i, hurdleRate, styles);
                OutputCells.formula(row, M_REPLACEMENT_RENT, needed + "*" + CashFlowSheet.HOURS + "*" + ref(r, M_MARKET_PRICE),
                        lease.gpusNeeded() * CashFlowModel.HOURS_PER_MONTH * price, styles.moneyCents);
                r++;
            }
        }
    }

    /** (1 + hurdle)^(−months / 12), months from the valuation date to the payment, as the engine discounts it. */
    private static void hurdleFactor(Row row, String hurdle, double months, double hurdleRate, OutputStyles styles) {
        OutputCells.formula(row, M_HURDLE_FACTOR, "(1+" + hurdle + ")^(-(" + literal(months) + ")/12)",
                Returns.discountFactor(hurdleRate, months / 12.0), styles.factor);
    }

    /** A number as a formula literal that reads back as the same double. */
    private static String literal(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    private static String absolute(int row, int column) {
        return new org.apache.poi.ss.util.CellReference(row, column, true, true).formatAsString();
    }

    private static String ref(int row, int column) {
        return OutputCells.relative(row, column);
    }
}
