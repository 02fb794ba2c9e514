package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.ClusterUse;
import gpuroi.model.Formats;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * BUY or RENT for a planned cluster, HOLD or RESELL for an owned one, each with its reason in numbers.
 *
 * <p>BUY or RENT follows the cluster's {@link ClusterUse}. Renting out, the cluster is an investment: BUY
 * when NPV at the hurdle rate is ≥ 0, which is the same as the levelized cost of a utilized GPU-hour being
 * at or below the levelized rental price net of the marketplace fee. For own use, BUY when the present cost
 * of owning the GPU-hours is at most the present cost of renting them at the cluster's own price path
 * (gross: a renter pays no fee). Each reason cites only figures of the basis that decides; when the other
 * basis would decide otherwise, one more sentence says so and why. HOLD when the present value at the
 * hurdle rate of the flows still to come (rent, costs, residual) is at least what a sale would fetch now.
 */
public final class Decisions {
    private Decisions() {
    }

    public static Recommendation recommend(CashFlowSchedule schedule, ClusterMetrics metrics) {
        Cluster cluster = schedule.cluster();
        if (cluster.status() != ClusterStatus.PLANNED) {
            return holdOrResell(schedule, metrics);
        }
        Recommendation r = cluster.use() == ClusterUse.OWN_USE ? forOwnUse(schedule, metrics) : asInvestment(schedule, metrics);
        return basisDisagreement(schedule, metrics)
                .map(sentence -> new Recommendation(r.decision(), r.reason() + " " + sentence))
                .orElse(r);
    }

    /** BUY or RENT for a planned cluster judged as an investment renting its hours out: BUY when NPV at the hurdle ≥ 0. */
    public static Decision asInvestment(ClusterMetrics metrics) {
        return metrics.npvAtHurdle() >= 0 ? Decision.BUY : Decision.RENT;
    }

    /** BUY or RENT for a planned cluster judged for own use: BUY when owning the hours costs no more than renting them. */
    public static Decision forOwnUse(ClusterMetrics metrics) {
        return metrics.ownUse().owningIsCheaper() ? Decision.BUY : Decision.RENT;
    }

    /**
     * One sentence saying what the basis that does not decide would answer and why, when it answers
     * otherwise; empty when both bases agree or the cluster is owned. Renting out differs from own use
     * only by the marketplace fee (own-use saving = NPV at the hurdle + the fee's present value), so the
     * fee is the reason.
     */
    public static Optional<String> basisDisagreement(CashFlowSchedule schedule, ClusterMetrics metrics) {
        Cluster cluster = schedule.cluster();
        Decision investment = asInvestment(metrics);
        Decision ownUse = forOwnUse(metrics);
        if (cluster.status() != ClusterStatus.PLANNED || investment == ownUse) {
            return Optional.empty();
        }
        Assumptions assumptions = schedule.assumptions();
        String currency = assumptions.currency();
        String hurdle = Formats.percent(assumptions.hurdleRate(), 1);
        OwnUseComparison own = metrics.ownUse();
        String fee = "the " + Formats.percent(assumptions.marketplaceFee(), 1) + " marketplace fee takes "
                + Formats.money(own.marketplaceFeeAtHurdle(), currency) + " of revenue at the " + hurdle
                + " hurdle, which turns NPV negative; for own use no fee is paid.";
        if (cluster.use() == ClusterUse.OWN_USE) {
            return Optional.of("As an investment renting the hours out the answer would be " + investment + " (NPV "
                    + signedMoney(metrics.npvAtHurdle(), currency) + " at the " + hurdle + " hurdle): " + fee);
        }
        return Optional.of("For own use the answer would be " + ownUse + " (owning the GPU-hours costs "
                + Formats.money(own.costToOwn(), currency) + " against " + Formats.money(own.costToRent(), currency)
                + " to rent them): renting them out, " + fee);
    }

    private static Recommendation asInvestment(CashFlowSchedule schedule, ClusterMetrics metrics) {
        Assumptions assumptions = schedule.assumptions();
        Cluster cluster = schedule.cluster();
        String currency = assumptions.currency();
        boolean buy = asInvestment(metrics) == Decision.BUY;
        String hurdle = Formats.percent(assumptions.hurdleRate(), 1);
        StringBuilder reason = new StringBuilder();
        reason.append(irrPhrase(metrics.irr()))
                .append(buy ? " clears the " : " falls short of the ").append(hurdle).append(" hurdle (NPV ")
                .append(signedMoney(metrics.npvAtHurdle(), currency)).append(" at ").append(hurdle).append(").");
        if (metrics.levelizedCostPerGpuHour().isPresent() && metrics.levelizedPricePerGpuHour().isPresent()) {
            reason.append(" Owning costs ").append(Formats.price(metrics.levelizedCostPerGpuHour().getAsDouble(), currency))
                    .append(" per utilized GPU-hr against an expected ")
                    .append(Formats.price(metrics.levelizedPricePerGpuHour().getAsDouble(), currency))
                    .append(assumptions.marketplaceFee() > 0
                            ? " net of the " + Formats.percent(assumptions.marketplaceFee(), 1) + " marketplace fee" : "")
                    .append(';');
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

    private static Recommendation forOwnUse(CashFlowSchedule schedule, ClusterMetrics metrics) {
        Assumptions assumptions = schedule.assumptions();
        Cluster cluster = schedule.cluster();
        String currency = assumptions.currency();
        OwnUseComparison own = metrics.ownUse();
        boolean buy = own.owningIsCheaper();
        String hurdle = Formats.percent(assumptions.hurdleRate(), 1);
        String hours = String.format(Locale.US, "%,.0f", own.gpuHours());
        StringBuilder reason = new StringBuilder("For own use, ");
        if (own.gpuHours() <= 0) {
            reason.append("no GPU-hour is used at this utilization, and owning costs ")
                    .append(Formats.money(own.costToOwn(), currency)).append(" at the ").append(hurdle).append(" hurdle")
                    .append(buy ? ", which the fixed revenue covers." : " for nothing.");
            return new Recommendation(buy ? Decision.BUY : Decision.RENT, reason.toString());
        }
        String owning = Formats.money(own.costToOwn(), currency);
        String renting = Formats.money(own.costToRent(), currency);
        String pricePath = schedule.pricePath().describe(cluster.startPricePerGpuHour(), currency);
        if (buy) {
            reason.append("owning the ").append(hours).append(" GPU-hours costs ").append(owning).append(" against ")
                    .append(renting).append(" to rent them on the cluster's price path (").append(pricePath).append(')');
        } else {
            reason.append("renting the ").append(hours).append(" GPU-hours on the cluster's price path (").append(pricePath).append(") costs ")
                    .append(renting).append(" against ").append(owning).append(" to own them");
        }
        reason.append(", present values at the ").append(hurdle).append(" hurdle (no marketplace fee is paid).");
        if (own.costToOwnPerGpuHour().isPresent() && own.costToRentPerGpuHour().isPresent()) {
            reason.append(" An owned GPU-hour costs ").append(Formats.price(own.costToOwnPerGpuHour().getAsDouble(), currency))
                    .append(" against ").append(Formats.price(own.costToRentPerGpuHour().getAsDouble(), currency))
                    .append(" rented;");
        }
        OptionalDouble breakEvenPrice = own.breakEvenStartPrice();
        String now = Formats.price(cluster.startPricePerGpuHour(), currency);
        if (buy && breakEvenPrice.isPresent() && breakEvenPrice.getAsDouble() < 0) {
            reason.append(" no rental price or utilization would make renting cheaper: the fixed revenue alone pays for owning");
        } else if (breakEvenPrice.isEmpty()) {
            // A path priced at zero in every month: no start price moves the comparison, only utilization can.
            reason.append(" no start price alone changes which is cheaper, as the price path is zero in every month");
            utilizationClause(reason, own.breakEvenUtilization(), buy ? "; renting would be cheaper below " : "; owning would be from ",
                    " utilization");
        } else if (buy) {
            reason.append(" renting would be cheaper below a start price of ").append(Formats.price(breakEvenPrice.getAsDouble(), currency))
                    .append("/GPU-hr (now ").append(now).append(')');
            utilizationClause(reason, own.breakEvenUtilization(), " or below ", "");
        } else {
            reason.append(" owning is cheaper only from a start price of ").append(Formats.price(breakEvenPrice.getAsDouble(), currency))
                    .append("/GPU-hr (now ").append(now).append(')');
            utilizationClause(reason, own.breakEvenUtilization(), " or from ", " utilization");
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
