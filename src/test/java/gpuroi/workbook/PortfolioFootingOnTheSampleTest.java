package gpuroi.workbook;

import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.ContractAnalysis;
import gpuroi.engine.Decision;
import gpuroi.engine.HoldFigures;
import gpuroi.engine.PortfolioAnalysis;
import gpuroi.engine.PortfolioRollup;
import gpuroi.engine.RoiEngine;
import gpuroi.model.ClusterStatus;
import gpuroi.model.ClusterUse;
import gpuroi.model.Portfolio;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The sample portfolio adds up on one footing: from the valuation date at the hurdle, planned clusters at their NPV
 * (for own use, h200-plan, at the saving from owning the GPU-hours over renting them, the figure its BUY weighed), owned ones at the better of holding and a sale now, contracts at the chosen option's cost; whole-life figures
 * (with their history) are kept apart. Each total is re-added here from the cluster and contract results.
 */
class PortfolioFootingOnTheSampleTest {
    private final PortfolioAnalysis analysis = analyze();

    private static PortfolioAnalysis analyze() {
        try {
            Portfolio sample = WorkbookReader.read(Path.of("samples/mixed-fleet.xlsx"), LocalDate.of(2026, 6, 1)).portfolio();
            return RoiEngine.analyze(sample, sample.assumptions());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void followingEveryDecisionAddsPlannedNpvsTheBetterOfHoldAndSellAndTheContractsChosenCosts() {
        double clusters = 0;
        for (ClusterAnalysis c : analysis.clusters()) {
            if (c.cluster().status() == ClusterStatus.PLANNED) {
                clusters += c.recommendation().decision() == Decision.BUY ? plannedValue(c) : 0;
            } else {
                HoldFigures hold = c.metrics().hold().orElseThrow();
                clusters += hold.saleValue().isPresent() ? Math.max(hold.holdValue(), hold.saleValue().getAsDouble()) : hold.holdValue();
            }
        }
        double contracts = 0;
        for (ContractAnalysis k : analysis.contracts()) {
            double cheapest = k.keepCost();
            cheapest = Math.min(cheapest, k.resellCapacityCost().orElse(Double.MAX_VALUE));
            cheapest = Math.min(cheapest, k.terminateCost().orElse(Double.MAX_VALUE));
            contracts += cheapest;
        }
        PortfolioRollup r = analysis.rollup();
        assertThat(r.clustersValueOfDecisions()).isCloseTo(clusters, within(1e-6));
        assertThat(r.contractsChosenCost()).isCloseTo(contracts, within(1e-6));
        assertThat(r.valueFollowingDecisions()).isCloseTo(clusters - contracts, within(1e-6));
    }

    @Test
    void theOwnedClustersThatResellCountTheirSaleNetOfTheFivePercentFee() {
        // h100-2023: 64 GPUs × $23,500 × (1 − 5%) = $1,428,800; a100-lot: 32 × $9,000 × 0.95 = $273,600.
        assertThat(position("h100-2023").valueOfDecision()).isCloseTo(1_428_800, within(1e-6));
        assertThat(position("h100-2023").role()).isEqualTo(PortfolioRollup.CapitalRole.FREE);
        assertThat(position("a100-lot").valueOfDecision()).isCloseTo(273_600, within(1e-6));
    }

    @Test
    void asEnteredAddsPlannedNpvsHoldValuesAndKeepCostsAndWholeLifeFiguresStayApart() {
        double asEntered = 0;
        double sincePurchase = 0;
        for (ClusterAnalysis c : analysis.clusters()) {
            asEntered += c.cluster().status() == ClusterStatus.PLANNED ? plannedValue(c)
                    : c.metrics().hold().orElseThrow().holdValue();
            sincePurchase += c.metrics().npvAtHurdle();
        }
        double keep = analysis.contracts().stream().mapToDouble(ContractAnalysis::keepCost).sum();
        PortfolioRollup r = analysis.rollup();
        assertThat(r.valueAsEntered()).isCloseTo(asEntered - keep, within(1e-6));
        assertThat(r.clustersNpvAtHurdleSincePurchase()).isCloseTo(sincePurchase, within(1e-6));
        // The owned clusters' history makes the whole-life sum differ from every forward total.
        assertThat(r.clustersNpvAtHurdleSincePurchase()).isNotCloseTo(r.clustersValueAsEntered(), within(1.0));
    }

    /**
     * h200-plan is for own use, so it counts what owning its GPU-hours saves over renting them: its NPV with the
     * marketplace fee added back. By hand: 32 GPUs × 730 h × 75% at $4.50 on the path linear to 50% over 5 years
     * (price of month m at t = (m − 0.5) / 12), 60 months from 2026-09-01, each discounted by 1.12^(−(3 + m) / 12):
     * renting them costs $2,702,332.40, and the 8% fee on that is $216,186.59.
     */
    @Test
    void thePlannedOwnUseClusterCountsItsSavingOverRentingTheNpvPlusTheFee() {
        ClusterAnalysis h200 = analysis.clusters().stream().filter(c -> c.cluster().id().equals("h200-plan")).findFirst().orElseThrow();
        assertThat(h200.metrics().ownUse().costToRent()).isCloseTo(2_702_332.40, within(0.01));
        assertThat(position("h200-plan").valueOfDecision()).isCloseTo(h200.metrics().npvAtHurdle() + 216_186.59, within(0.01));
        assertThat(position("h200-plan").role()).isEqualTo(PortfolioRollup.CapitalRole.COMMIT);
    }

    /** What a planned cluster is worth bought: NPV at the hurdle, or for own use the saving over renting its GPU-hours. */
    private static double plannedValue(ClusterAnalysis c) {
        return c.cluster().use() == ClusterUse.OWN_USE ? c.metrics().ownUse().savingFromOwning() : c.metrics().npvAtHurdle();
    }

    private PortfolioRollup.ClusterPosition position(String id) {
        return analysis.rollup().clusters().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }
}
