package gpuroi.report;

import java.util.Optional;
import gpuroi.engine.SensitivityFigures;
import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.RoiEngine;
import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.ClusterUse;
import gpuroi.model.PricePath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A planned cluster's memo shows BUY or RENT both ways in one table, marks the basis that decides, and argues
 * from that basis alone. The figures are the sample's b200-plan, hand-computed in the engine's BuyOrRentBasisTest:
 * owning $1,112,821, renting the same 560,640 GPU-hours $1,149,507, the 8% fee $91,961, NPV −$55,275 at 12%;
 * renting becomes cheaper for own use below 6 × 1,112,821.37 / 1,149,506.89 = $5.81/GPU-hr.
 */
class BuyOrRentBothWaysMemoTest {
    static final Assumptions AT = new Assumptions(LocalDate.of(2026, 6, 1), "USD", 0.10, 0.12, PricePath.ARTICLE_BLENDED, 0.08, 0.05);

    static Cluster.Builder b200() {
        return Cluster.builder("b200-plan").gpuModel("B200").gpuCount(16).capexPerGpu(62_000).lifeMonths(60)
                .residualShare(0.15).powerKwPerGpu(1.8).pue(1.25).electricityPerKwh(0.08).otherOpexPerGpuMonth(150)
                .utilization(0.80).startPricePerGpuHour(6.00).pricePath(new PricePath.AnnualDecline(0.35));
    }

    static String memo(Cluster cluster) throws Exception {
        ClusterAnalysis analysis = RoiEngine.analyze(cluster, AT);
        return MemoFixtures.flatText(MemoRenderer.builtIn(Paper.A4).clusterMemo(analysis, SensitivityFigures.of(analysis), Optional.empty(), AT, MemoFixtures.CONTEXT));
    }

    @Test
    void rentedOutTheMemoDecidesRentShowsTheOwnUseViewBesideItAndSaysOnceThatTheFeeIsWhy() throws Exception {
        String text = memo(b200().use(ClusterUse.RENT_OUT).build());

        assertThat(text).contains("Buy or rent, both ways")
                .contains("Rent out: an investment selling the GPU-hours").contains("Own use: the GPU-hours replace renting them")
                .contains("RENT (decides)").contains("NPV −$55,275; IRR 8.3%")
                .contains("owning $1,112,821 against renting $1,149,507 for 560,640 GPU-hours")
                .contains("8.0% of revenue: $91,961").contains("none: a renter pays the market price")
                .contains("on the cluster's own price path (falling 35% a year from $6.00/GPU-hr)")
                .contains("The Fleet sheet's Use column (Rent out) sets the basis that decides.");
        assertThat(text.split("turns NPV negative", -1)).hasSize(2);
        assertThat(text).doesNotContain("BUY (decides)");
    }

    @Test
    void forOwnUseTheMemoDecidesBuyAndItsMarketContextUsesTheOwnUseBreakEven() throws Exception {
        String text = memo(b200().use(ClusterUse.OWN_USE).build());

        assertThat(text).contains("BUY (decides)").contains("The Fleet sheet's Use column (Own use) sets the basis that decides.")
                .contains("For own use, owning the 560,640 GPU-hours costs $1,112,821 against $1,149,507")
                .contains("Owning the GPU-hours is cheaper than renting them from a start price of $5.81")
                .doesNotContain("The hurdle is met from a start price")
                .doesNotContain("(NPV ≥ 0, BUY), red cells do not (RENT)");
    }

    @Test
    void forOwnUseTheMemoLeadsWithTheOwnUseFiguresAndItsHeatMapAndTornadoMeasureTheSaving() throws Exception {
        String text = memo(b200().use(ClusterUse.OWN_USE).build());
        String keyFigures = text.substring(text.indexOf("Key figures"));

        // Renting the 560,640 hours costs $1,149,507 and owning them $1,112,821 (the hand figures): a saving of $36,686.
        assertThat(keyFigures).startsWith("Key figures Measure Value Note Present cost of owning the GPU-hours, at 12.0% $1,112,821")
                .contains("Present cost of renting the same GPU-hours, at 12.0% $1,149,507 560,640 GPU-hours")
                .contains("Saving from owning (renting less owning) $36,686 owning is cheaper: BUY")
                .contains("NPV at 12.0% hurdle (as an investment) −$55,275");
        assertThat(keyFigures.indexOf("Saving from owning")).isLessThan(keyFigures.indexOf("IRR (annualized from monthly flows) (as an investment)"));
        assertThat(text).contains("Sensitivity: saving from owning by start price and utilization")
                .contains("green cells: owning is cheaper (BUY for own use)")
                .contains("What moves the saving from owning most").contains("the red line is the base case ($36,686)")
                .contains("This grid measures the cluster as an investment renting the hours out, net of the marketplace fee")
                .doesNotContain("What moves NPV most");
    }

    @Test
    void anOwnedClusterHasNoBuyOrRentTable() throws Exception {
        String text = memo(b200().status(ClusterStatus.OWNED).startDate(LocalDate.of(2025, 6, 1)).secondaryPricePerGpu(40_000.0).build());

        assertThat(text).doesNotContain("Buy or rent, both ways");
    }
}
