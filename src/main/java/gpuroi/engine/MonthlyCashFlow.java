package gpuroi.engine;

import java.time.LocalDate;

/**
 * One month of a cluster's cash flows; month 0 is the purchase (capex only). Every amount is for
 * the whole cluster, in the portfolio currency; costs are positive numbers subtracted in {@code net}.
 *
 * @param month              0 for the purchase, then 1..life in months
 * @param date               when the month's flow falls: the purchase date for month 0, else the month's end
 * @param history            the flow falls before the valuation date
 * @param pricePerGpuHour    the path's price at the month's midpoint (0 for month 0)
 * @param utilizedGpuHours   billed GPU-hours: uncommitted GPUs · 730 · utilization, plus contracted GPUs · 730
 * @param revenue            market revenue (uncommitted GPUs · 730 · utilization · price · (1 − marketplace fee))
 *                           plus {@code contractRevenue}
 * @param power              GPUs · kW · PUE · 730 · $/kWh, paid whether the GPUs are busy or idle
 * @param otherOpex          GPUs · other opex per GPU-month
 * @param capex              purchase cost (month 0 only)
 * @param residual           resale value at the end of life (last month only)
 * @param net                revenue − power − other opex − capex + residual
 * @param cumulative         running sum of {@code net}
 * @param discountFactor     (1 + discount rate)^(−years from the valuation date to {@code date})
 * @param discounted         {@code net · discountFactor}
 * @param contractedGpus     GPUs rented out under lessor contracts this month (0 without contracts)
 * @param contractRevenue    contract billing, rate · contracted GPUs · 730 · (1 − prepaid share), plus any
 *                           prepayment received in the contract's first month (no marketplace fee: billed directly)
 * @param marketGpuHours     uncommitted GPUs · 730 · utilization: the hours sold at the market price path
 *
 * <p>Built with {@link #month}, which names every amount it sets and derives {@code net}, {@code cumulative}
 * and {@code discounted} from them, so the three can never disagree with the flows they sum.
 */
public record MonthlyCashFlow(
        int month,
        LocalDate date,
        boolean history,
        double pricePerGpuHour,
        double utilizedGpuHours,
        double revenue,
        double power,
        double otherOpex,
        double capex,
        double residual,
        double net,
        double cumulative,
        double discountFactor,
        double discounted,
        int contractedGpus,
        double contractRevenue,
        double marketGpuHours) {

    /** Month {@code month} of a schedule, falling on {@code date}; every amount not set is 0. */
    public static Builder month(int month, LocalDate date) {
        return new Builder(month, date);
    }

    /** Names each amount of a month; see the record's parameters for what each one holds. */
    public static final class Builder {
        private final int month;
        private final LocalDate date;
        private boolean history;
        private double pricePerGpuHour;
        private double marketGpuHours;
        private double utilizedGpuHours;
        private int contractedGpus;
        private double contractRevenue;
        private double revenue;
        private double power;
        private double otherOpex;
        private double capex;
        private double residual;
        private double cumulativeBefore;
        private double discountFactor;

        private Builder(int month, LocalDate date) {
            this.month = month;
            this.date = date;
        }

        public Builder history(boolean history) {
            this.history = history;
            return this;
        }

        public Builder pricePerGpuHour(double pricePerGpuHour) {
            this.pricePerGpuHour = pricePerGpuHour;
            return this;
        }

        public Builder marketGpuHours(double marketGpuHours) {
            this.marketGpuHours = marketGpuHours;
            return this;
        }

        public Builder utilizedGpuHours(double utilizedGpuHours) {
            this.utilizedGpuHours = utilizedGpuHours;
            return this;
        }

        /** GPUs rented out under lessor contracts this month and what those contracts bill. */
        public Builder contracted(int contractedGpus, double contractRevenue) {
            this.contractedGpus = contractedGpus;
            this.contractRevenue = contractRevenue;
            return this;
        }

        public Builder revenue(double revenue) {
            this.revenue = revenue;
            return this;
        }

        public Builder power(double power) {
            this.power = power;
            return this;
        }

        public Builder otherOpex(double otherOpex) {
            this.otherOpex = otherOpex;
            return this;
        }

        public Builder capex(double capex) {
            this.capex = capex;
            return this;
        }

        public Builder residual(double residual) {
            this.residual = residual;
            return this;
        }

        /** The running sum of the earlier months' net flows, which this month's net is added to. */
        public Builder cumulativeBefore(double cumulativeBefore) {
            this.cumulativeBefore = cumulativeBefore;
            return this;
        }

        public Builder discountFactor(double discountFactor) {
            this.discountFactor = discountFactor;
            return this;
        }

        public MonthlyCashFlow build() {
            double net = revenue - power - otherOpex - capex + residual;
            return new MonthlyCashFlow(month, date, history, pricePerGpuHour, utilizedGpuHours, revenue, power, otherOpex,
                    capex, residual, net, cumulativeBefore + net, discountFactor, net * discountFactor, contractedGpus,
                    contractRevenue, marketGpuHours);
        }
    }
}
