package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Formats;
import gpuroi.model.Lease;
import gpuroi.model.LeaseRole;
import gpuroi.model.MarketQuote;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * KEEP, RESELL_CAPACITY or TERMINATE for a contract where we are the lessee.
 *
 * <p>Contract month i (1..term) is paid at its end, {@code start + i months}; payments on or after
 * the valuation date count ({@link Timing}). Its market price is the market path's price for the
 * valuation month in which it ends (month j = ⌈months from the valuation date⌉, at least 1, priced at
 * that month's midpoint). The prepaid share of the contract value is paid with the first month, at its
 * end, as a lessor's prepayment arrives in its cluster's first covered month: still owed when that date
 * is on or after the valuation date, sunk otherwise (and not owed when terminating before it).
 * Every cost is linear in the termination fee and in the market start price, so the flip points are
 * closed-form.
 */
public final class LeaseAnalyzer {
    private LeaseAnalyzer() {
    }

    public static ContractAnalysis analyze(Lease contract, Assumptions assumptions, List<MarketQuote> quotes) {
        return analyze(contract, assumptions,
                MarketPrice.forModel(contract.gpuModel(), quotes, assumptions, contract.ratePerGpuHour()));
    }

    public static ContractAnalysis analyze(Lease contract, Assumptions assumptions, MarketPrice market) {
        if (contract.role() != LeaseRole.LESSEE) {
            throw new IllegalArgumentException("contract " + contract.contractId()
                    + " is a lessor contract; its revenue belongs to its cluster's cash flows");
        }
        double hurdle = assumptions.hurdleRate();
        LocalDate valuation = assumptions.valuationDate();
        double offset = CashFlowModel.monthsBetween(valuation, contract.startDate());
        double monthly = contract.ratePerGpuHour() * contract.gpuCount() * CashFlowModel.HOURS_PER_MONTH
                * (1 - contract.prepaidShare());
        LocalDate prepaymentDate = contract.startDate().plusMonths(1);
        double prepayment = Timing.isHistory(prepaymentDate, valuation) ? 0 : contract.prepaidShare() * contract.totalContractValue();
        int idle = contract.idleGpus();
        int needed = contract.gpusNeeded();
        double resaleKept = (1 - assumptions.marketplaceFee()) * (1 - assumptions.resaleDiscount());

        List<ContractAnalysis.Payment> payments = new ArrayList<>();
        double keep = prepayment * Returns.discountFactor(hurdle, (offset + 1) / 12.0);
        double keepAtDiscount = prepayment * Returns.discountFactor(assumptions.discountRate(), (offset + 1) / 12.0);
        if (prepayment > 0) {
            payments.add(new ContractAnalysis.Payment(prepaymentDate, prepayment));
        }
        double resaleIncomePerPriceUnit = 0;
        double replacementRentPerPriceUnit = 0;
        int remaining = 0;
        for (int i = 1; i <= contract.termMonths(); i++) {
            if (Timing.isHistory(contract.startDate().plusMonths(i), valuation)) {
                continue;
            }
            double monthsFromValuation = offset + i;
            remaining++;
            int marketMonth = Timing.marketMonth(monthsFromValuation);
            double shape = market.path().factorForMonth(marketMonth);
            double factor = Returns.discountFactor(hurdle, monthsFromValuation / 12.0);
            keep += monthly * factor;
            keepAtDiscount += monthly * Returns.discountFactor(assumptions.discountRate(), monthsFromValuation / 12.0);
            resaleIncomePerPriceUnit += idle * CashFlowModel.HOURS_PER_MONTH * resaleKept * shape * factor;
            replacementRentPerPriceUnit += needed * CashFlowModel.HOURS_PER_MONTH * shape * factor;
            payments.add(new ContractAnalysis.Payment(contract.startDate().plusMonths(i), monthly));
        }

        double p0 = market.startPricePerGpuHour();
        boolean resellOpen = remaining > 0 && contract.resaleAllowed() && idle > 0;
        boolean terminateOpen = remaining > 0 && contract.terminationFee().isPresent();
        double fee = contract.terminationFee().orElse(0);
        OptionalDouble resell = resellOpen ? OptionalDouble.of(keep - p0 * resaleIncomePerPriceUnit) : OptionalDouble.empty();
        OptionalDouble terminate = terminateOpen ? OptionalDouble.of(fee + p0 * replacementRentPerPriceUnit) : OptionalDouble.empty();

        ContractDecision decision = ContractDecision.KEEP;
        double best = keep;
        if (resell.isPresent() && resell.getAsDouble() < best) {
            decision = ContractDecision.RESELL_CAPACITY;
            best = resell.getAsDouble();
        }
        if (terminate.isPresent() && terminate.getAsDouble() < best) {
            decision = ContractDecision.TERMINATE;
            best = terminate.getAsDouble();
        }

        double bestOtherThanTerminating = resell.isPresent() ? Math.min(keep, resell.getAsDouble()) : keep;
        OptionalDouble feeFlip = remaining > 0
                ? positive(bestOtherThanTerminating - p0 * replacementRentPerPriceUnit)
                : OptionalDouble.empty();
        OptionalDouble priceResellOverTerminate = resellOpen && terminateOpen
                ? nonNegativeRatio(keep - fee, resaleIncomePerPriceUnit + replacementRentPerPriceUnit)
                : OptionalDouble.empty();
        OptionalDouble priceTerminateOverKeep = terminateOpen
                ? nonNegativeRatio(keep - fee, replacementRentPerPriceUnit)
                : OptionalDouble.empty();

        String reason = reason(contract, assumptions, market, remaining, keep, resell, terminate, decision,
                feeFlip, priceResellOverTerminate, priceTerminateOverKeep);
        return new ContractAnalysis(contract, market, remaining, monthly, prepayment, keep, resell, terminate,
                keepAtDiscount, decision, reason, keep - best, feeFlip, priceResellOverTerminate, priceTerminateOverKeep,
                payments);
    }

    private static OptionalDouble positive(double value) {
        return value > 0 ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    private static OptionalDouble nonNegativeRatio(double numerator, double denominator) {
        if (denominator <= 0) {
            return OptionalDouble.empty();
        }
        double r = numerator / denominator;
        return r >= 0 && Double.isFinite(r) ? OptionalDouble.of(r) : OptionalDouble.empty();
    }

    private static String reason(Lease contract, Assumptions assumptions, MarketPrice market, int remaining, double keep,
                                 OptionalDouble resell, OptionalDouble terminate, ContractDecision decision,
                                 OptionalDouble feeFlip, OptionalDouble priceResellOverTerminate,
                                 OptionalDouble priceTerminateOverKeep) {
        String ccy = assumptions.currency();
        if (remaining == 0) {
            return "The contract ended on " + contract.endDate() + "; nothing is left to pay.";
        }
        String hurdle = Formats.percent(assumptions.hurdleRate(), 1);
        StringBuilder s = new StringBuilder();
        s.append(switch (decision) {
            case KEEP -> "Keep paying";
            case RESELL_CAPACITY -> "Resell the " + contract.idleGpus() + " idle GPUs";
            case TERMINATE -> "Terminate";
        });
        s.append(": present cost at the ").append(hurdle).append(" hurdle over ").append(remaining)
                .append(" remaining months (").append(contract.gpusNeeded()).append(" of ").append(contract.gpuCount())
                .append(" GPUs needed) is ").append(Formats.money(keep, ccy)).append(" to keep, ");
        if (resell.isPresent()) {
            s.append(Formats.money(resell.getAsDouble(), ccy)).append(" reselling idle capacity, ");
        } else {
            s.append(contract.idleGpus() == 0 ? "no idle GPUs to resell, " : "resale not allowed, ");
        }
        if (terminate.isPresent()) {
            s.append(Formats.money(terminate.getAsDouble(), ccy)).append(" terminating (")
                    .append(Formats.money(contract.terminationFee().getAsDouble(), ccy)).append(" fee, then renting ")
                    .append(contract.gpusNeeded()).append(" GPUs at the market)");
        } else {
            s.append("no termination fee given");
        }
        s.append("; market ").append(Formats.price(market.startPricePerGpuHour(), ccy)).append("/GPU-hr (")
                .append(market.source() == MarketPrice.Source.MARKET_SHEET ? "Market sheet"
                        : market.source() == MarketPrice.Source.CATALOG ? "catalog" : "contract rate").append(").");
        if (feeFlip.isPresent() && decision != ContractDecision.TERMINATE) {
            s.append(" Terminating would win below a fee of ").append(Formats.money(feeFlip.getAsDouble(), ccy)).append('.');
        } else if (feeFlip.isPresent()) {
            s.append(" Terminating wins while the fee is below ").append(Formats.money(feeFlip.getAsDouble(), ccy)).append('.');
        } else if (decision != ContractDecision.TERMINATE) {
            s.append(" No termination fee would make terminating win.");
        }
        if (priceResellOverTerminate.isPresent()) {
            s.append(" Reselling beats terminating above a market price of ")
                    .append(Formats.price(priceResellOverTerminate.getAsDouble(), ccy)).append("/GPU-hr.");
        }
        if (priceTerminateOverKeep.isPresent()) {
            s.append(" Terminating beats keeping below a market price of ")
                    .append(Formats.price(priceTerminateOverKeep.getAsDouble(), ccy)).append("/GPU-hr.");
        }
        return s.toString();
    }
}
