package gpuroi.report;

import gpuroi.engine.ContractAnalysis;
import gpuroi.engine.ContractDecision;
import gpuroi.engine.ContractMonteCarlo;
import gpuroi.engine.ContractRiskProfile;
import gpuroi.model.Assumptions;
import gpuroi.model.Formats;
import gpuroi.model.PricePath;
import gpuroi.model.RiskInputs;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract memo's Risk section, read back with PDFBox. */
class ContractRiskMemoTest {
    private static final Assumptions ASSUMPTIONS = new Assumptions(MemoFixtures.VALUATION, "USD", 0.10, 0.10,
            new PricePath.Blended(0.5, 5), 0.10, 0.0);

    private final MemoRenderer renderer = MemoRenderer.builtIn(Paper.A4);

    @Test
    void withoutUncertaintyEveryPathCostsWhatTheDecisionCostsAndNothingFlips() throws Exception {
        ContractAnalysis k = ContractMemoTest.idle();
        ContractRiskProfile risk = ContractMonteCarlo.analyze(k, ASSUMPTIONS, RiskInputs.deterministic(200, 9), 0);

        String text = MemoFixtures.flatText(renderer.contractMemo(k, Optional.of(risk), ASSUMPTIONS, MemoFixtures.CONTEXT));

        // TERMINATE is the deterministic choice; with a fixed market every path costs its present cost, and the
        // saving against the cheaper of KEEP and RESELL CAPACITY is the same on every path.
        assertThat(k.decision()).isEqualTo(ContractDecision.TERMINATE);
        String cost = Formats.money(k.terminateCost().getAsDouble(), "USD");
        double next = Math.min(k.keepCost(), k.resellCapacityCost().getAsDouble());
        String saving = Formats.money(next - k.terminateCost().getAsDouble(), "USD");
        assertThat(text).contains("Risk", "TERMINATE stays the cheapest option in 100% of paths.")
                .contains("Present cost of TERMINATE " + cost + " " + cost + " " + cost)
                .contains("Saving against the cheapest other open option " + saving + " " + saving + " " + saving)
                .contains("Acting costs more than keeping the contract as it is in 0% of paths.")
                .contains("200 paths", "seed 9");
    }

    @Test
    void withAMovingMarketTheSharesOfPathsAddUpAndAreNamed() throws Exception {
        ContractAnalysis k = ContractMemoTest.idle();
        ContractRiskProfile risk = ContractMonteCarlo.analyze(k, ASSUMPTIONS, RiskInputs.defaults(4).withPaths(2_000), 0);

        String text = MemoFixtures.flatText(renderer.contractMemo(k, Optional.of(risk), ASSUMPTIONS, MemoFixtures.CONTEXT));

        double stays = risk.bestActionShare().getOrDefault(ContractDecision.TERMINATE, 0.0);
        assertThat(stays).isCloseTo(1 - risk.decisionFlipShare(), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(text).contains("TERMINATE stays the cheapest option in " + RiskSection.share(stays) + " of paths");
        risk.bestActionShare().forEach((action, share) -> {
            if (action != ContractDecision.TERMINATE && share > 0) {
                assertThat(text).contains(ContractMemoModel.label(action) + " is cheaper in " + RiskSection.share(share));
            }
        });
        assertThat(text).contains("Present cost of TERMINATE " + Formats.money(risk.chosenCost().p5(), "USD") + " "
                + Formats.money(risk.chosenCost().p50(), "USD") + " " + Formats.money(risk.chosenCost().p95(), "USD"));
    }

    @Test
    void noMonteCarloNoRiskSection() throws Exception {
        String text = MemoFixtures.flatText(renderer.contractMemo(ContractMemoTest.idle(), Optional.empty(), ASSUMPTIONS, MemoFixtures.CONTEXT));

        assertThat(text).doesNotContain("Monte Carlo", "stays the cheapest option");
    }
}
