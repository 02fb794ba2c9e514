package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.Financing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A cluster financed partly by a loan: the debt schedule and the equity investor's flows and IRR,
 * beside the unlevered project IRR of {@link ClusterMetrics}.
 *
 * <p>The loan, loan-to-value × capex, is drawn at the purchase. Monthly rate r = nominal annual rate
 * / 12; over n term months the level payment P = (L − B·(1 + r)^−n) · r / (1 − (1 + r)^−n) leaves the
 * balloon B = balloon share × L, repaid with the last payment. A term longer than the life is cut
 * short: the balance still owed is repaid in the last month of the life (with the residual sale).
 * Pre-tax: interest is not deducted from taxable income here.
 *
 * @param financing        the loan terms applied
 * @param loan             amount borrowed at month 0
 * @param termMonths       months over which the loan amortizes
 * @param monthlyPayment   the level payment P
 * @param months           debt service per month, 1..the last month with a payment
 * @param equityFlows      project net flow + loan drawn − debt service, per month (index = month)
 * @param equityIrr        IRR of the equity flows, annualized (1 + r)^12 − 1
 * @param equityNpvAtHurdle NPV of the equity flows at the hurdle rate, at the valuation date
 */
public record Leverage(Financing financing, double loan, int termMonths, double monthlyPayment, List<DebtMonth> months,
                       List<Double> equityFlows, IrrResult equityIrr, double equityNpvAtHurdle) {

    public Leverage {
        months = List.copyOf(months);
        equityFlows = List.copyOf(equityFlows);
    }

    /**
     * One month of debt service.
     *
     * @param month          cluster month
     * @param date           when it is paid (the month's end)
     * @param openingBalance owed at the start of the month
     * @param interest       openingBalance × r
     * @param principal      repaid this month, balloon or early repayment included
     * @param closingBalance owed after the payment
     */
    public record DebtMonth(int month, LocalDate date, double openingBalance, double interest, double principal,
                            double closingBalance) {
        public double payment() {
            return interest + principal;
        }
    }

    /** The levered view when the assumptions give a loan; empty otherwise. */
    public static Optional<Leverage> of(CashFlowSchedule schedule) {
        Assumptions assumptions = schedule.assumptions();
        if (assumptions.financing().isEmpty()) {
            return Optional.empty();
        }
        Financing f = assumptions.financing().get();
        Cluster cluster = schedule.cluster();
        int life = cluster.lifeMonths();
        int term = f.termYears().isPresent() ? Math.max(1, (int) Math.round(f.termYears().getAsDouble() * 12)) : life;
        double loan = f.loanToValue() * cluster.totalCapex();
        double r = f.annualRate() / 12;
        double balloon = f.balloonShare() * loan;
        double discount = Math.pow(1 + r, -term);
        double payment = r == 0 ? (loan - balloon) / term : (loan - balloon * discount) * r / (1 - discount);

        double[] equity = schedule.netFlows();
        equity[0] += loan;
        List<DebtMonth> debt = new ArrayList<>();
        double balance = loan;
        for (int m = 1; m <= Math.min(term, life) && balance > 0; m++) {
            double interest = balance * r;
            double principal = payment - interest;
            if (m == term || m == life) {
                principal = balance;
            }
            double closing = balance - principal;
            debt.add(new DebtMonth(m, schedule.startDate().plusMonths(m), balance, interest, principal, closing));
            equity[m] -= interest + principal;
            balance = closing;
        }
        List<Double> flows = new ArrayList<>(equity.length);
        for (double e : equity) {
            flows.add(e);
        }
        double hurdle = assumptions.hurdleRate();
        double npv = Returns.npvMonthly(hurdle, equity) * Returns.discountFactor(hurdle, schedule.offsetMonths() / 12.0);
        return Optional.of(new Leverage(f, loan, term, payment, debt, flows, IrrSolver.periodic(equity, 12), npv));
    }
}
