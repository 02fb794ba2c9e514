package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.Formats;

import java.util.OptionalDouble;

/**
 * BUY or RENT for a planned cluster, HOLD or RESELL for an owned one, each with its reason in numbers.
 *
 * <p>BUY when NPV at the hurdle rate is ≥ 0, which is the same as the levelized cost of a utilized
 * GPU-hour being at or below the levelized rental price. HOLD when the present value at the hurdle
 * rate of the flows still to come (rent, costs, residual) is at least what a sale would fetch now.
 */
public final class Decisions {
    private Decisions() {
    }

    public static Recommendation recommend(CashFlowSchedule schedule, ClusterMetrics metrics) {
        return recommend(schedule, metrics, RentalReference.NONE);
    }

    /** As {@link #recommend(CashFlowSchedule, ClusterMetrics)}; a RENT also says what renting would cost at these prices. */
    public static Recommendation recommend(CashFlowSchedule schedule, ClusterMetrics metrics, RentalReference rental) {
        Cluster cluster = schedule.cluster();
        if (cluster.status() != ClusterStatus.PLANNED) {
            return holdOrResell(schedule, metrics);
        }
        Recommendation r = buyOrRent(schedule, metrics);
        if (r.decision() != Decision.RENT
                || (metrics.rentingCostOnDemandAtHurdle().isEmpty() && metrics.rentingCostReservedAtHurdle().isEmpty())) {
            return r;
        }
        return new Recommendation(r.decision(), r.reason() + rentingClause(schedule, metrics, rental));
    }

    private static String rentingClause(CashFlowSchedule schedule, ClusterMetrics metrics, RentalReference rental) {
        String currency = schedule.assumptions().currency();
        double hours = schedule.months().stream().filter(m -> !m.history()).mapToDouble(MonthlyCashFlow::utilizedGpuHours).sum();
        StringBuilder s = new StringBuilder(" Renting the same ")
                .append(String.format(java.util.Locale.US, "%,.0f", hours)).append(" GPU-hours would cost ");
        if (metrics.rentingCostOnDemandAtHurdle().isPresent()) {
            MarketPrice onDemand = rental.onDemand().orElseThrow();
            s.append(Formats.money(metrics.rentingCostOnDemandAtHurdle().getAsDouble(), currency))
                    .append(" on demand (from ").append(Formats.price(onDemand.startPricePerGpuHour(), currency))
                    .append("/GPU-hr, ").append(onDemand.source() == MarketPrice.Source.MARKET_SHEET ? "Market sheet" : "catalog")
                    .append(')');
        }
        if (metrics.rentingCostReservedAtHurdle().isPresent()) {
            s.append(metrics.rentingCostOnDemandAtHurdle().isPresent() ? " or " : "")
                    .append(Formats.money(metrics.rentingCostReservedAtHurdle().getAsDouble(), currency))
                    .append(" reserved at ").append(Formats.price(rental.reservedPricePerGpuHour().getAsDouble(), currency))
                    .append("/GPU-hr");
        }
        return s.append(", against ").append(Formats.money(metrics.owningCostAtHurdle(), currency))
                .append(" to own, all at the ").append(Formats.percent(schedule.assumptions().hurdleRate(), 1))
                .append(" hurdle.").toString();
    }

    private static Recommendation buyOrRent(CashFlowSchedule schedule, ClusterMetrics metrics) {
        Assumptions assumptions = schedule.assumptions();
        Cluster cluster = schedule.cluster();
        String currency = assumptions.currency();
        boolean buy = metrics.npvAtHurdle() >= 0;
        String hurdle = Formats.percent(assumptions.hurdleRate(), 1);
        StringBuilder reason = new StringBuilder();
        reason.append(irrPhrase(metrics.irr()))
                .append(buy ? " clears the " : " falls short of the ").append(hurdle).append(" hurdle (NPV ")
                .append(signedMoney(metrics.npvAtHurdle(), currency)).append(" at ").append(hurdle).append(").");
        if (metrics.levelizedCostPerGpuHour().isPresent() && metrics.levelizedPricePerGpuHour().isPresent()) {
            reason.append(" Owning costs ").append(Formats.price(metrics.levelizedCostPerGpuHour().getAsDouble(), currency))
                    .append(" per utilized GPU-hr against an expected ")
                    .append(Formats.price(metrics.levelizedPricePerGpuHour().getAsDouble(), currency)).append(';');
        } else {
            reason.append(" No GPU-hour is ever billed at this utilization;");
        }
        OptionalDouble breakEvenPrice = metrics.breakEvenStartPrice();
        String now = Formats.price(cluster.startPricePerGpuHour(), currency);
        if (buy && breakEvenPrice.isPresent() && breakEvenPrice.getAsDouble() < 0) {
            // Revenue fixed by lessor contracts (or a residual) already pays for the cluster.
            reason.append(" no market price or utilization would make renting win: the fixed revenue alone clears the hurdle");
        } else if (buy && breakEvenPrice.isEmpty()) {
            reason.append(" no start price alone would make renting win, as no GPU-hours are sold at the market price");
        } else if (buy) {
            reason.append(" renting would win below a start price of ").append(Formats.price(breakEvenPrice.getAsDouble(), currency))
                    .append("/GPU-hr (now ").append(now).append(')');
            utilizationClause(reason, metrics.breakEvenUtilization(), " or below ", "");
        } else if (breakEvenPrice.isEmpty()) {
            // No GPU-hour is sold at the market price, so no start price changes the outcome; only utilization can.
            reason.append(" no start price alone would make buying pay, as no GPU-hours are sold at the market price");
            utilizationClause(reason, metrics.breakEvenUtilization(), "; it would pay from ", " utilization");
        } else {
            reason.append(" buying pays only from a start price of ").append(Formats.price(breakEvenPrice.getAsDouble(), currency))
                    .append("/GPU-hr (now ").append(now).append(')');
            utilizationClause(reason, metrics.breakEvenUtilization(), " or from ", " utilization");
        }
        reason.append('.');
        return new Recommendation(buy ? Decision.BUY : Decision.RENT, reason.toString());
    }

    private static void utilizationClause(StringBuilder reason, OptionalDouble breakEven, String joiner, String suffix) {
        if (breakEven.isEmpty()) {
            reason.append(", whatever the utilization");
        } else if (breakEven.getAsDouble() > 1) {
            reason.append(", and no utilization up to 100% closes the gap at this price");
        } else {
            reason.append(joiner).append(Formats.percent(breakEven.getAsDouble(), 1)).append(suffix.isEmpty() ? " utilization" : suffix);
        }
    }

    /**
     * HOLD or RESELL from the valuation date on: the hold value against the sale, each figure of the reason one of
     * {@link HoldFigures}; the whole-life figures (since purchase) are not cited, since capex paid is sunk.
     */
    private static Recommendation holdOrResell(CashFlowSchedule schedule, ClusterMetrics metrics) {
        Assumptions assumptions = schedule.assumptions();
        Cluster cluster = schedule.cluster();
        String currency = assumptions.currency();
        HoldFigures hold = metrics.hold().orElseThrow();
        if (hold.lifeEnded()) {
            return new Recommendation(Decision.RESELL, "Its useful life ended on " + hold.lifeEndedOn().orElseThrow()
                    + ", before the valuation date " + assumptions.valuationDate() + ": every flow is realized, including the "
                    + Formats.money(metrics.residualValue(), currency) + " residual booked as its sale at the end of life,"
                    + " so there is nothing left to hold and a sale now is not counted again. If the hardware is still in"
                    + " service, extend its life to value holding it.");
        }
        String hurdle = Formats.percent(assumptions.hurdleRate(), 1);
        String holdValue = Formats.money(hold.holdValue(), currency);
        String what = "remaining rent less costs, plus residual"
                + (hold.capexStillDue() > 0 ? ", less the " + Formats.money(hold.capexStillDue(), currency)
                + " capex still due on " + schedule.startDate() : "");
        String flip = hold.breakEvenSecondaryPrice().isPresent()
                ? Formats.money(hold.breakEvenSecondaryPrice().getAsDouble(), currency) + " per GPU before fees"
                : "n/a";
        if (hold.saleValue().isEmpty()) {
            return new Recommendation(Decision.HOLD, "Holding is worth " + holdValue + " at the " + hurdle
                    + " hurdle from the valuation date (" + what + "); no secondary-market price was given, so a sale was"
                    + " not assessed (selling would win above " + flip + ").");
        }
        double perGpu = cluster.secondaryPricePerGpu().getAsDouble();
        String sale = Formats.money(hold.saleValue().getAsDouble(), currency) + " (" + Formats.money(perGpu, currency)
                + " per GPU less the " + Formats.percent(assumptions.resaleFee(), 1) + " resale fee)";
        String irr = hold.holdIrr() instanceof IrrResult.Unique unique
                ? "; holding returns " + Formats.percent(unique.annual(), 1) + " a year on the sale proceeds it forgoes"
                : "";
        StringBuilder reason = new StringBuilder();
        boolean holdWins = hold.holdWins();
        if (holdWins) {
            reason.append("Holding is worth ").append(holdValue).append(" at the ").append(hurdle)
                    .append(" hurdle from the valuation date (").append(what).append("), more than the ").append(sale)
                    .append(" a sale fetches now").append(irr).append(". Selling would win above ").append(flip);
        } else {
            reason.append("A sale now fetches ").append(sale).append(", more than the ").append(holdValue)
                    .append(" that holding is worth at the ").append(hurdle).append(" hurdle from the valuation date (")
                    .append(what).append(')').append(irr).append(". Holding would win only below ").append(flip);
        }
        priceFlipClause(reason, hold, cluster, currency, holdWins);
        utilizationFlipClause(reason, hold.breakEvenUtilization(), holdWins);
        reason.append('.');
        return new Recommendation(holdWins ? Decision.HOLD : Decision.RESELL, reason.toString());
    }

    private static void priceFlipClause(StringBuilder reason, HoldFigures hold, Cluster cluster, String currency, boolean holdWins) {
        OptionalDouble breakEven = hold.breakEvenStartPrice();
        if (breakEven.isEmpty()) {
            reason.append("; no market price moves it (no GPU-hour is sold at the market from now on)");
            return;
        }
        String now = Formats.price(cluster.startPricePerGpuHour(), currency);
        double move = Math.abs(hold.startPriceMoveToFlip(cluster).orElse(0));
        if (holdWins && breakEven.getAsDouble() <= 0) {
            reason.append("; no market price would make selling win");
        } else if (holdWins) {
            reason.append(", or if the price path started below ").append(Formats.price(breakEven.getAsDouble(), currency))
                    .append("/GPU-hr instead of ").append(now).append(" (every price from now on ")
                    .append(Formats.percent(move, 1)).append(" lower)");
        } else {
            reason.append(", or from a price path starting at ").append(Formats.price(breakEven.getAsDouble(), currency))
                    .append("/GPU-hr instead of ").append(now).append(" (every price from now on ")
                    .append(Formats.percent(move, 1)).append(" higher)");
        }
    }

    private static void utilizationFlipClause(StringBuilder reason, OptionalDouble breakEven, boolean holdWins) {
        if (breakEven.isEmpty()) {
            return;
        }
        double u = breakEven.getAsDouble();
        if (holdWins && u > 0) {
            reason.append(", or below ").append(Formats.percent(u, 1)).append(" utilization");
        } else if (!holdWins && u <= 1) {
            reason.append(", or from ").append(Formats.percent(u, 1)).append(" utilization");
        } else if (!holdWins) {
            reason.append(", and no utilization up to 100% would make holding win");
        }
    }

    private static String irrPhrase(IrrResult irr) {
        if (irr instanceof IrrResult.Unique unique) {
            return "IRR " + Formats.percent(unique.annual(), 1);
        }
        if (irr instanceof IrrResult.Ambiguous ambiguous) {
            return "The IRR is " + ambiguous.display(1) + " and NPV decides: it";
        }
        return "There is no IRR (" + irr.note() + "), so the return";
    }

    private static String signedMoney(double value, String currency) {
        return (value >= 0 ? "+" : "") + Formats.money(value, currency);
    }
}
