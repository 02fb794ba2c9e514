package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A cluster's flows after income tax, beside the pre-tax project view.
 *
 * <p>Capex is depreciated straight-line over the depreciation period (the Assumptions' years, else
 * the cluster's life), month by month from month 1. Each month's taxable income is revenue − power −
 * other opex − depreciation; in the last month the residual's gain over the remaining book value is
 * taxable too (a loss when the book value is higher). Tax is paid in the month it arises; a negative
 * tax is a shield, which assumes the investor has other taxable income to offset.
 *
 * @param taxRate             the rate applied
 * @param depreciationMonths  months over which capex is written off
 * @param taxByMonth          tax of each month (index = month; 0 for month 0)
 * @param flows               after-tax net flow of each month: pre-tax net − tax
 * @param irr                 IRR of the after-tax flows, annualized (1 + r)^12 − 1
 * @param npv                 NPV of the after-tax flows at the discount rate, at the valuation date
 * @param npvAtHurdle         the same at the hurdle rate
 */
public record AfterTax(double taxRate, int depreciationMonths, List<Double> taxByMonth, List<Double> flows,
                       IrrResult irr, double npv, double npvAtHurdle) {

    public AfterTax {
        taxByMonth = List.copyOf(taxByMonth);
        flows = List.copyOf(flows);
    }

    /** The after-tax view when the assumptions give a tax rate; empty otherwise. */
    public static Optional<AfterTax> of(CashFlowSchedule schedule) {
        Assumptions assumptions = schedule.assumptions();
        if (assumptions.taxRate().isEmpty()) {
            return Optional.empty();
        }
        double rate = assumptions.taxRate().getAsDouble();
        Cluster cluster = schedule.cluster();
        int depreciationMonths = assumptions.depreciationYears().isPresent()
                ? Math.max(1, (int) Math.round(assumptions.depreciationYears().getAsDouble() * 12))
                : cluster.lifeMonths();
        double capex = cluster.totalCapex();
        double monthlyDepreciation = capex / depreciationMonths;
        List<Double> taxes = new ArrayList<>();
        List<Double> flows = new ArrayList<>();
        double[] net = new double[schedule.months().size()];
        double bookValue = capex;
        for (MonthlyCashFlow month : schedule.months()) {
            double tax = 0;
            if (month.month() > 0) {
                double depreciation = month.month() <= depreciationMonths ? monthlyDepreciation : 0;
                bookValue -= depreciation;
                double taxable = month.revenue() - month.power() - month.otherOpex() - depreciation;
                if (month.month() == cluster.lifeMonths()) {
                    taxable += month.residual() - bookValue;
                }
                tax = rate * taxable;
            }
            taxes.add(tax);
            double after = month.net() - tax;
            flows.add(after);
            net[month.month()] = after;
        }
        double offsetYears = schedule.offsetMonths() / 12.0;
        double npv = Returns.npvMonthly(assumptions.discountRate(), net) * Returns.discountFactor(assumptions.discountRate(), offsetYears);
        double npvAtHurdle = Returns.npvMonthly(assumptions.hurdleRate(), net) * Returns.discountFactor(assumptions.hurdleRate(), offsetYears);
        return Optional.of(new AfterTax(rate, depreciationMonths, taxes, flows, IrrSolver.periodic(net, 12), npv, npvAtHurdle));
    }
}
