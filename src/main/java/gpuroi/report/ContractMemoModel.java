package gpuroi.report;

import gpuroi.engine.ContractAnalysis;
import gpuroi.engine.ContractDecision;
import gpuroi.engine.ContractRiskProfile;
import gpuroi.engine.RiskProfile;
import gpuroi.model.Assumptions;
import gpuroi.model.Formats;
import gpuroi.model.Lease;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What the contract memo template sees: the decision, the three options' present costs at the
 * hurdle rate (with why an option is closed), the flip points and the market price's source, all
 * as pre-formatted text.
 */
final class ContractMemoModel {
    private ContractMemoModel() {
    }

    /** "KEEP", "RESELL CAPACITY", "TERMINATE". */
    static String label(ContractDecision decision) {
        return decision.name().replace('_', ' ');
    }

    /**
     * The Risk section of a contract whose market price was simulated: what carrying out the decision costs
     * over the paths, by how much it beats the next open option, and how often another option is cheaper.
     */
    static Map<String, Object> risk(ContractRiskProfile r, Assumptions a) {
        String ccy = a.currency();
        String decision = label(r.baseDecision());
        Map<String, Object> risk = new LinkedHashMap<>();
        StringBuilder sentence = new StringBuilder("Over " + RiskSection.count(r.paths()) + " simulated market price paths, "
                + decision + " stays the cheapest option in " + RiskSection.share(1 - r.decisionFlipShare()) + " of paths");
        r.bestActionShare().entrySet().stream()
                .filter(e -> e.getKey() != r.baseDecision() && e.getValue() > 0)
                .sorted(Map.Entry.<ContractDecision, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sentence.append("; ").append(label(e.getKey())).append(" is cheaper in ")
                        .append(RiskSection.share(e.getValue())));
        sentence.append('.');
        r.probabilityOfLoss().ifPresent(p -> sentence.append(" Acting costs more than keeping the contract as it is in ")
                .append(RiskSection.share(p)).append(" of paths."));
        risk.put("sentence", sentence.toString());
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(percentiles("Present cost of " + decision, r.chosenCost(), ccy));
        r.advantage().ifPresent(p -> rows.add(percentiles("Saving against the cheapest other open option", p, ccy)));
        risk.put("rows", rows);
        risk.put("caption", "Present costs at the " + Formats.percent(a.hurdleRate(), 1) + " hurdle rate; P95 of the cost is the"
                + " expensive tail. Deterministic cost " + Formats.money(r.baseChosenCost(), ccy) + ", mean over the paths "
                + Formats.money(r.meanChosenCost(), ccy) + ", mean of the costliest 5% " + Formats.money(r.expectedShortfallCost(), ccy)
                + ". A saving below 0 on a path means another option was cheaper there. " + RiskSection.count(r.paths())
                + " paths, " + RiskSection.samplerName(r.sampler()) + ", seed " + r.seed() + ".");
        return risk;
    }

    private static Map<String, Object> percentiles(String label, RiskProfile.Percentiles p, String ccy) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("label", label);
        row.put("p5", Formats.money(p.p5(), ccy));
        row.put("p50", Formats.money(p.p50(), ccy));
        row.put("p95", Formats.money(p.p95(), ccy));
        return row;
    }

    static Map<String, Object> of(ContractAnalysis k, Assumptions assumptions, MemoContext context, Paper paper) {
        String ccy = assumptions.currency();
        Lease lease = k.contract();
        Map<String, Object> model = MemoCommon.header(assumptions, context, paper);
        model.put("title", "Contract memo: " + lease.contractId());
        Map<String, Object> contract = new LinkedHashMap<>();
        contract.put("id", lease.contractId());
        contract.put("counterparty", lease.counterparty().orElse("counterparty not given"));
        contract.put("gpuCount", String.format(Locale.US, "%,d", lease.gpuCount()));
        contract.put("gpuModel", lease.gpuModel());
        contract.put("gpusNeeded", String.format(Locale.US, "%,d", lease.gpusNeeded()));
        contract.put("idleGpus", String.format(Locale.US, "%,d", lease.idleGpus()));
        contract.put("rate", Formats.price(lease.ratePerGpuHour(), ccy) + "/GPU-hr");
        contract.put("start", lease.startDate().toString());
        contract.put("end", lease.endDate().toString());
        contract.put("term", lease.termMonths() + " months");
        contract.put("prepaid", Formats.percent(lease.prepaidShare(), 0));
        contract.put("resaleAllowed", lease.resaleAllowed() ? "allowed" : "not allowed");
        contract.put("terminationFee", lease.terminationFee().isPresent()
                ? Formats.money(lease.terminationFee().getAsDouble(), ccy) : "none (cannot be ended early)");
        model.put("contract", contract);
        model.put("decision", label(k.decision()));
        model.put("decisionClass", k.decision().name().toLowerCase(Locale.ROOT));
        model.put("reason", k.reason());

        List<Map<String, Object>> options = new ArrayList<>();
        options.add(option("KEEP", OptionalDouble.of(k.keepCost()), "", k, ccy, "pay on as agreed; idle GPUs stay idle"));
        // An ended contract closes every option for that reason, whatever its terms say.
        boolean ended = k.remainingMonths() == 0;
        options.add(option("RESELL CAPACITY", k.resellCapacityCost(),
                ended ? "closed: the contract has ended" : lease.idleGpus() == 0 ? "closed: no idle GPUs" : "closed: resale not allowed", k, ccy,
                "pay on and sublease the " + lease.idleGpus() + " idle GPUs at the market price, net of fees"));
        options.add(option("TERMINATE", k.terminateCost(),
                ended ? "closed: the contract has ended" : "closed: no termination fee in the contract", k, ccy,
                "pay the fee now and rent the " + lease.gpusNeeded() + " GPUs still needed at the market price"));
        model.put("options", options);

        List<Map<String, Object>> figures = new ArrayList<>();
        figures.add(figure("Remaining months", String.valueOf(k.remainingMonths()), "payments on or after the valuation date"));
        figures.add(figure("Monthly obligation", Formats.money(k.monthlyObligation(), ccy),
                "rate × GPUs × 730 h × (1 − prepaid share)"));
        figures.add(figure("Prepayment still due", Formats.money(k.prepaymentStillDue(), ccy),
                "paid with the first month, at its end; owed while that date is not past"));
        figures.add(figure("Gain from the decision at the hurdle", Formats.money(k.npvGainAtHurdle(), ccy),
                "cost of keeping − cost of the chosen option"));
        figures.add(figure("Termination fee that would make terminating win", optionalMoney(k.breakEvenTerminationFee(), ccy),
                "terminating is cheapest below this fee"));
        figures.add(figure("Market price above which reselling beats terminating",
                optionalPrice(k.breakEvenMarketPriceResellOverTerminate(), ccy), "start price of the market path"));
        figures.add(figure("Market price below which terminating beats keeping",
                optionalPrice(k.breakEvenMarketPriceTerminateOverKeep(), ccy), "start price of the market path"));
        model.put("figures", figures);
        model.put("marketPrice", Formats.price(k.marketPrice().startPricePerGpuHour(), ccy) + "/GPU-hr");
        model.put("marketDescription", k.marketPrice().description());
        model.put("assumptions", AssumptionSources.portfolioWide(assumptions, context.notes()));
        model.put("warnings", context.notes().stream().filter(n -> n.kind().equals("warning"))
                .filter(n -> n.message().contains(lease.contractId()) || n.workbookWide())
                .map(n -> n.location() + ": " + n.message()).toList());
        return model;
    }

    private static Map<String, Object> option(String name, OptionalDouble cost, String closed, ContractAnalysis k, String ccy,
                                              String meaning) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", name);
        row.put("cost", cost.isPresent() ? Formats.money(cost.getAsDouble(), ccy) : closed);
        row.put("chosen", name.equals(label(k.decision())));
        row.put("meaning", meaning);
        return row;
    }

    private static Map<String, Object> figure(String label, String value, String note) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("label", label);
        row.put("value", value);
        row.put("note", note);
        return row;
    }

    private static String optionalMoney(OptionalDouble value, String ccy) {
        return value.isPresent() ? Formats.money(value.getAsDouble(), ccy) : "n/a";
    }

    private static String optionalPrice(OptionalDouble value, String ccy) {
        return value.isPresent() ? Formats.price(value.getAsDouble(), ccy) + "/GPU-hr" : "n/a";
    }
}
