package gpuroi.engine;

import gpuroi.model.Lease;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Everything the engine says about one contract where we are the lessee. Costs are present values
 * at the valuation date, positive numbers, of the cash still to be paid from the valuation date to
 * the contract's end; flows fall at month ends and are discounted as docs/model.md ("The defaults")
 * say. An empty option is one that is not open (resale not allowed or nothing idle; no termination fee).
 *
 * @param contract                         the contract analysed
 * @param marketPrice                      the market path used to value resale and replacement rentals, with its source
 * @param remainingMonths                  contract months whose payment falls on or after the valuation date
 * @param monthlyObligation                rate × GPUs × 730 × (1 − prepaid share)
 * @param prepaymentStillDue               prepaid share × contract value when the first month's end (when it is paid) is on or
 *                                         after the valuation date, else 0
 * @param keepCost                         KEEP at the hurdle rate: prepayment still due plus the remaining monthly obligations
 * @param resellCapacityCost               KEEP less the subleased idle GPUs' income at the market path, net of marketplace fee and resale discount
 * @param terminateCost                    the termination fee now plus renting the GPUs still needed at the market path for the remaining term
 * @param keepCostAtDiscountRate           KEEP at the discount rate, for portfolio totals
 * @param decision                         the cheapest open option (KEEP on a tie, then RESELL_CAPACITY)
 * @param reason                           the numbers behind the decision and what would flip it
 * @param npvGainAtHurdle                  KEEP cost − the chosen option's cost: what following the decision is worth
 * @param breakEvenTerminationFee          the fee below which terminating is the cheapest option; empty when no fee ≥ 0 gets there
 * @param breakEvenMarketPriceResellOverTerminate  market start price per GPU-hour above which reselling beats terminating
 * @param breakEvenMarketPriceTerminateOverKeep    market start price per GPU-hour below which terminating beats keeping
 * @param keepPayments                     the cash paid under KEEP from the valuation date on, in date order
 */
public record ContractAnalysis(
        Lease contract,
        MarketPrice marketPrice,
        int remainingMonths,
        double monthlyObligation,
        double prepaymentStillDue,
        double keepCost,
        OptionalDouble resellCapacityCost,
        OptionalDouble terminateCost,
        double keepCostAtDiscountRate,
        ContractDecision decision,
        String reason,
        double npvGainAtHurdle,
        OptionalDouble breakEvenTerminationFee,
        OptionalDouble breakEvenMarketPriceResellOverTerminate,
        OptionalDouble breakEvenMarketPriceTerminateOverKeep,
        List<Payment> keepPayments) {

    public ContractAnalysis {
        keepPayments = List.copyOf(keepPayments);
    }

    /** Cost of the chosen option at the hurdle rate. */
    public double chosenCost() {
        return switch (decision) {
            case KEEP -> keepCost;
            case RESELL_CAPACITY -> resellCapacityCost.orElseThrow();
            case TERMINATE -> terminateCost.orElseThrow();
        };
    }

    /** One payment under the contract: a prepayment or a month's obligation. */
    public record Payment(LocalDate date, double amount) {
    }
}
