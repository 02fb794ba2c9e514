package gpuroi.workbook;

/**
 * The text of the live formulas over one cluster's block of {@value WorkbookWriter#CASH_FLOWS_SHEET} and its
 * row of {@value WorkbookWriter#INPUTS_SHEET}: the summary's figures recalculate from the same cells the
 * cash flows do. Each method names the engine figure it reproduces; the algebra is in the comments.
 *
 * <p>Present values "at the hurdle" discount month m by the block's hurdle factors, {@code (1 + hurdle)^(−(offset + m)/12)}
 * to the valuation date, as the engine's NPV does. Every figure is a SUM, SUMPRODUCT, MAX or INDEX of whole columns of
 * the block (helper columns carry the rest), so Excel, LibreOffice and POI evaluate it alike. A ratio of two present values (levelized cost, a break-even) is the
 * same whatever date both are valued at, so the engine's values at the purchase and these at the valuation date agree.
 */
final class ClusterFormulas {
    private final String net;
    private final String cumulative;
    private final String cumulativeDiscounted;
    private final String dates;
    private final String revenue;
    private final String contractRevenue;
    private final String capex;
    private final String power;
    private final String otherOpex;
    private final String residual;
    private final String hours;
    private final String price;
    private final String contractedGpus;
    private final String discountFactors;
    private final String hurdleFactors;
    private final String stillToCome;
    private final String underwater;
    private final String underwaterDiscounted;

    private final String gpus;
    private final String capexPerGpu;
    private final String lifeMonths;
    private final String utilization;
    private final String startPrice;
    private final String discountRate;
    private final String resaleFee;
    private final String secondaryPrice;

    ClusterFormulas(CashFlowLayout.Block block) {
        String sheet = WorkbookWriter.CASH_FLOWS_SHEET;
        int first = block.firstRow();
        int last = block.lastRow();
        net = OutputCells.columnRange(sheet, first, last, CashFlowSheet.NET);
        cumulative = OutputCells.columnRange(sheet, first, last, CashFlowSheet.CUMULATIVE);
        cumulativeDiscounted = OutputCells.columnRange(sheet, first, last, CashFlowSheet.CUMULATIVE_DISCOUNTED);
        dates = OutputCells.columnRange(sheet, first, last, CashFlowSheet.DATE);
        revenue = OutputCells.columnRange(sheet, first, last, CashFlowSheet.REVENUE);
        contractRevenue = OutputCells.columnRange(sheet, first, last, CashFlowSheet.CONTRACT_REVENUE);
        capex = OutputCells.columnRange(sheet, first, last, CashFlowSheet.CAPEX);
        power = OutputCells.columnRange(sheet, first, last, CashFlowSheet.POWER);
        otherOpex = OutputCells.columnRange(sheet, first, last, CashFlowSheet.OTHER_OPEX);
        residual = OutputCells.columnRange(sheet, first, last, CashFlowSheet.RESIDUAL);
        hours = OutputCells.columnRange(sheet, first, last, CashFlowSheet.UTILIZED_HOURS);
        price = OutputCells.columnRange(sheet, first, last, CashFlowSheet.PRICE);
        contractedGpus = OutputCells.columnRange(sheet, first, last, CashFlowSheet.CONTRACTED_GPUS);
        discountFactors = OutputCells.columnRange(sheet, first, last, CashFlowSheet.DISCOUNT_FACTOR);
        hurdleFactors = OutputCells.columnRange(sheet, first, last, CashFlowSheet.HURDLE_FACTOR);
        stillToCome = OutputCells.columnRange(sheet, first, last, CashFlowSheet.STILL_TO_COME);
        underwater = OutputCells.columnRange(sheet, first, last, CashFlowSheet.MONTH_UNDERWATER);
        underwaterDiscounted = OutputCells.columnRange(sheet, first, last, CashFlowSheet.MONTH_UNDERWATER_DISCOUNTED);

        String inputs = WorkbookWriter.INPUTS_SHEET;
        int row = block.inputsRow();
        gpus = OutputCells.absolute(inputs, row, ModelInputsSheet.GPUS);
        capexPerGpu = OutputCells.absolute(inputs, row, ModelInputsSheet.CAPEX_PER_GPU);
        lifeMonths = OutputCells.absolute(inputs, row, ModelInputsSheet.LIFE_MONTHS);
        utilization = OutputCells.absolute(inputs, row, ModelInputsSheet.UTILIZATION);
        startPrice = OutputCells.absolute(inputs, row, ModelInputsSheet.START_PRICE);
        discountRate = OutputCells.absolute(inputs, row, ModelInputsSheet.DISCOUNT_RATE);
        resaleFee = OutputCells.absolute(inputs, row, ModelInputsSheet.RESALE_FEE);
        secondaryPrice = OutputCells.absolute(inputs, row, ModelInputsSheet.SECONDARY_PRICE);
    }

    String gpus() {
        return gpus;
    }

    /** Total capex: GPUs × capex per GPU. */
    String totalCapex() {
        return gpus + "*" + capexPerGpu;
    }

    /** IRR of the monthly flows, annualized; {@code guess} is the engine's monthly rate, so Excel lands on the engine's root. */
    String irr(String guess) {
        return "(1+IRR(" + net + "," + guess + "))^12-1";
    }

    /** XIRR on the months' dates (Act/365), from the engine's annual rate as the guess. */
    String xirr(String guess) {
        return "XIRR(" + net + "," + dates + "," + guess + ")";
    }

    /** NPV at the discount rate, at the valuation date: the block's own discount factors. */
    String npv() {
        return "SUMPRODUCT(" + net + "," + discountFactors + ")";
    }

    /** NPV at the hurdle rate, at the valuation date. */
    String npvAtHurdle() {
        return atHurdle(net);
    }

    /** MIRR with finance and reinvestment at the discount rate's monthly equivalent, annualized. */
    String mirr() {
        String monthly = "((1+" + discountRate + ")^(1/12)-1)";
        return "(1+MIRR(" + net + "," + monthly + "," + monthly + "))^12-1";
    }

    /** Payback on the cumulative net: see {@link #payback(String, String)}. */
    String payback() {
        return payback(cumulative, underwater);
    }

    /** Discounted payback, on the cumulative discounted net. */
    String discountedPayback() {
        return payback(cumulativeDiscounted, underwaterDiscounted);
    }

    /**
     * Months until the running sum stays ≥ 0, interpolated within the month it last crosses, "never" when it ends
     * below 0. With k the last month whose running sum is negative (the largest of the "month if below 0" column, −1
     * when none; month m sits at position m + 1 of the block), payback = k + (−cum_k) / (cum_(k+1) − cum_k).
     */
    private String payback(String running, String monthsBelowZero) {
        String k = "MAX(" + monthsBelowZero + ")";
        String atK = "INDEX(" + running + "," + k + "+1)";
        String next = "INDEX(" + running + "," + k + "+2)";
        return "IF(" + k + "=ROWS(" + running + ")-1,\"never\",IF(" + k + "<0,0," + k + "-" + atK + "/(" + next + "-" + atK + ")))";
    }

    /** Σ net inflows after the purchase / capex = (Σ net + capex) / capex; "n/a" without capex. */
    String moic() {
        String total = "(" + totalCapex() + ")";
        return "IF(" + total + ">0,(SUM(" + net + ")+" + total + ")/" + total + ",\"n/a\")";
    }

    /** MOIC^(12 / life months) − 1 from the MOIC cell; "n/a" when the MOIC is not a number ≥ 0. */
    String totalReturn(String moicCell) {
        return "IF(ISNUMBER(" + moicCell + "),IF(" + moicCell + ">=0," + moicCell + "^(12/" + lifeMonths + ")-1,\"n/a\"),\"n/a\")";
    }

    /** Levelized cost: PV(capex + power + other opex − residual) / PV(utilized GPU-hours), at the hurdle. */
    String levelizedCost() {
        return perBilledHour(atHurdle(capex) + "+" + atHurdle(power) + "+" + atHurdle(otherOpex) + "-" + atHurdle(residual));
    }

    /** Levelized price: PV(revenue after fees, contracts included) / PV(utilized GPU-hours), at the hurdle. */
    String levelizedPrice() {
        return perBilledHour(atHurdle(revenue));
    }

    private String perBilledHour(String presentValue) {
        String hoursValue = atHurdle(hours);
        return "IF(" + hoursValue + "<=0,\"n/a (no GPU-hours billed)\",(" + presentValue + ")/" + hoursValue + ")";
    }

    /*
     * Break-evens. Month m's market revenue is (GPUs − contracted) · 730 · u · p0 · shape_m · (1 − fee): linear, through
     * zero, in the start price p0 and in the utilization u; every other flow (capex, power, opex, residual, contract
     * revenue) moves with neither. With M = PV(market revenue) = PV(revenue) − PV(contract revenue) and
     * C = PV(capex + power + opex − residual − contract revenue) at one rate, NPV = M − C, and scaling p0 to p scales M
     * to M · p / p0, so NPV = 0 at p = p0 · C / M; likewise u* = u · C / M. At the hurdle these are the engine's
     * break-evens "NPV at hurdle = 0"; undiscounted (rate 0: Σ net = 0, IRR = 0) the start price "IRR = 0". M ≤ 0 means
     * no hour is sold at the market: "n/a". The engine computes the slope M / p0 from the path's shape, so it has a
     * break-even even at p0 = 0 where this ratio has none: the writer keeps the value for such a cluster.
     */

    /** Start price at which NPV at the hurdle is 0: p0 · C / M at the hurdle. */
    String breakEvenStartPrice() {
        return scaled(startPrice, costNotCoveredAtHurdle(), marketRevenueAtHurdle());
    }

    /** Start price at which the IRR is 0: p0 · C / M undiscounted. */
    String breakEvenStartPriceZeroIrr() {
        String cost = "SUM(" + capex + ")+SUM(" + power + ")+SUM(" + otherOpex + ")-SUM(" + residual + ")-SUM(" + contractRevenue + ")";
        return scaled(startPrice, cost, "SUM(" + revenue + ")-SUM(" + contractRevenue + ")");
    }

    /** Utilization at which NPV at the hurdle is 0: u · C / M at the hurdle. */
    String breakEvenUtilization() {
        return scaled(utilization, costNotCoveredAtHurdle(), marketRevenueAtHurdle());
    }

    private static String scaled(String base, String cost, String market) {
        return "IF(" + market + "<=0,\"n/a\"," + base + "*(" + cost + ")/(" + market + "))";
    }

    /** Own use: PV at the hurdle of capex + power + opex − residual − contract revenue (the engine's costToOwn). */
    String ownUseCostToOwn() {
        return costNotCoveredAtHurdle();
    }

    /**
     * Own use: PV at the hurdle of the market GPU-hours at each month's price, gross: billed hours less the contracted
     * GPUs' 730 hours, times the price.
     */
    String ownUseCostToRent() {
        return "SUMPRODUCT(" + hours + "," + price + "," + hurdleFactors + ")-" + CashFlowSheet.HOURS + "*SUMPRODUCT("
                + contractedGpus + "," + price + "," + hurdleFactors + ")";
    }

    /*
     * HOLD or RESELL. Holding is worth the flows not yet realized (dated on or after the valuation date) at the hurdle;
     * a sale fetches secondary price · GPUs · (1 − resale fee). With F = PV of the future market revenue and the gap
     * g = sale − hold, holding equals selling at p = p0 · (1 + g / F) and u = u0 · (1 + g / F), by the same linearity.
     */

    /** PV at the hurdle, at the valuation date, of the flows still to come. */
    String holdValue() {
        return "SUMPRODUCT(" + net + "," + hurdleFactors + "," + stillToCome + ")";
    }

    /** Secondary price × GPUs × (1 − resale fee). */
    String saleValue() {
        return secondaryPrice + "*" + gpus + "*(1-" + resaleFee + ")";
    }

    String holdBreakEvenStartPrice(String holdCell, String saleCell) {
        return holdScaled(startPrice, holdCell, saleCell);
    }

    String holdBreakEvenUtilization(String holdCell, String saleCell) {
        return holdScaled(utilization, holdCell, saleCell);
    }

    private String holdScaled(String base, String holdCell, String saleCell) {
        String future = "(SUMPRODUCT(" + revenue + "," + hurdleFactors + "," + stillToCome + ")-SUMPRODUCT(" + contractRevenue
                + "," + hurdleFactors + "," + stillToCome + "))";
        return "IF(" + future + "<=0,\"n/a\"," + base + "*(1+(" + saleCell + "-" + holdCell + ")/" + future + "))";
    }

    /** The secondary price per GPU (before the fee) at which a sale fetches the hold value: max(hold, 0) / (GPUs · (1 − fee)). */
    String holdBreakEvenSecondaryPrice(String holdCell) {
        String share = "(" + gpus + "*(1-" + resaleFee + "))";
        return "IF(" + share + "<=0,\"n/a\",MAX(" + holdCell + ",0)/" + share + ")";
    }

    private String costNotCoveredAtHurdle() {
        return atHurdle(capex) + "+" + atHurdle(power) + "+" + atHurdle(otherOpex) + "-" + atHurdle(residual) + "-" + atHurdle(contractRevenue);
    }

    private String marketRevenueAtHurdle() {
        return atHurdle(revenue) + "-" + atHurdle(contractRevenue);
    }

    /** Σ amounts_m · (1 + hurdle)^(−(offset + m)/12): the column times the block's hurdle factors. */
    private String atHurdle(String amounts) {
        return "SUMPRODUCT(" + amounts + "," + hurdleFactors + ")";
    }
}
