package gpuroi.engine;

import java.util.OptionalDouble;

/** Present values and modified IRR, with the compounding convention named in each method. */
public final class Returns {
    private Returns() {
    }

    /** Annual rate from a periodic one: (1 + r)^periodsPerYear − 1. */
    public static double annualize(double periodicRate, int periodsPerYear) {
        return Math.expm1(periodsPerYear * Math.log1p(periodicRate));
    }

    /** Periodic rate equivalent to an annual one: (1 + R)^(1/periodsPerYear) − 1. */
    public static double periodicRate(double annualRate, int periodsPerYear) {
        return Math.expm1(Math.log1p(annualRate) / periodsPerYear);
    }

    /** Discount factor (1 + R)^(−years); negative years compound forward. */
    public static double discountFactor(double annualRate, double years) {
        return Math.exp(-years * Math.log1p(annualRate));
    }

    /** Σ amountᵢ · (1 + R)^(−yearsᵢ). */
    public static double npv(double annualRate, double[] amounts, double[] years) {
        double logGrowth = Math.log1p(annualRate);
        double sum = 0;
        for (int i = 0; i < amounts.length; i++) {
            sum += amounts[i] * Math.exp(-years[i] * logGrowth);
        }
        return sum;
    }

    /** Σ flowₘ · (1 + R)^(−m/12) for monthly flows at m = 0, 1, 2, …, valued at m = 0. */
    public static double npvMonthly(double annualRate, double[] monthlyFlows) {
        double monthlyFactor = 1.0 / (1.0 + periodicRate(annualRate, 12));
        double sum = 0;
        for (int m = monthlyFlows.length - 1; m >= 0; m--) {
            sum = sum * monthlyFactor + monthlyFlows[m];
        }
        return sum;
    }

    /**
     * Modified IRR per period, as a spreadsheet's MIRR(values, finance_rate, reinvest_rate): negative
     * flows discounted to t = 0 at the finance rate, positive flows compounded to the last period at
     * the reinvestment rate, MIRR = (FV⁺ / −PV⁻)^(1/(n−1)) − 1. Empty when the flows lack either a
     * negative or a positive value, or span a single period.
     */
    public static OptionalDouble mirr(double[] flows, double financeRatePerPeriod, double reinvestRatePerPeriod) {
        int n = flows.length;
        if (n < 2) {
            return OptionalDouble.empty();
        }
        double presentNegative = 0;
        double futurePositive = 0;
        for (int t = 0; t < n; t++) {
            if (flows[t] < 0) {
                presentNegative += flows[t] * Math.pow(1 + financeRatePerPeriod, -t);
            } else {
                futurePositive += flows[t] * Math.pow(1 + reinvestRatePerPeriod, n - 1 - t);
            }
        }
        if (presentNegative == 0 || futurePositive == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.pow(futurePositive / -presentNegative, 1.0 / (n - 1)) - 1);
    }
}
