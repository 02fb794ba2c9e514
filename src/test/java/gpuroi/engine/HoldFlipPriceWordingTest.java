package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.PricePath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The secondary price at which holding and selling break even is a price per GPU before the resale fee, and the
 * reason says so: it is compared with the secondary price the workbook gives, which is before fees too.
 */
class HoldFlipPriceWordingTest {
    private static final LocalDate VALUATION = LocalDate.of(2026, 1, 1);

    /**
     * One GPU bought and paid a month before the valuation date, 12 months at flat $2.00, 100% utilization, no costs,
     * hurdle 0%: its capex is sunk and all 12 months are still to come (the first ends on the valuation date), so
     * holding is worth 12 × 730 × 2 = $17,520. With a 5% resale fee a sale matches that at 17,520 / 0.95 = $18,442.11
     * per GPU before fees ($17,520 after them).
     */
    private static ClusterAnalysis analyze(double secondaryPrice) {
        Cluster c = Cluster.builder("owned").gpuModel("H100").gpuCount(1).capexPerGpu(30_000).lifeMonths(12)
                .status(ClusterStatus.OWNED).startDate(VALUATION.minusMonths(1)).utilization(1).startPricePerGpuHour(2)
                .pricePath(new PricePath.Flat()).secondaryPricePerGpu(secondaryPrice).build();
        return RoiEngine.analyze(c, new Assumptions(VALUATION, "USD", 0, 0, PricePath.ARTICLE_BLENDED, 0, 0.05));
    }

    @Test
    void aResellReasonGivesTheFlipPriceBeforeFees() {
        ClusterAnalysis a = analyze(30_000);
        HoldFigures hold = a.metrics().hold().orElseThrow();
        assertThat(hold.holdValue()).isCloseTo(17_520, within(1e-6));
        assertThat(hold.breakEvenSecondaryPrice().getAsDouble()).isCloseTo(17_520 / 0.95, within(1e-6));
        assertThat(a.recommendation().decision()).isEqualTo(Decision.RESELL);
        assertThat(a.recommendation().reason())
                .contains("A sale now fetches $28,500 ($30,000 per GPU less the 5.0% resale fee)")
                .contains("Holding would win only below $18,442 per GPU before fees,")
                .doesNotContain("net of fees");
    }

    @Test
    void aHoldReasonGivesTheFlipPriceBeforeFees() {
        ClusterAnalysis a = analyze(10_000);
        assertThat(a.recommendation().decision()).isEqualTo(Decision.HOLD);
        assertThat(a.recommendation().reason()).contains("Selling would win above $18,442 per GPU before fees,")
                .doesNotContain("net of fees");
    }
}
