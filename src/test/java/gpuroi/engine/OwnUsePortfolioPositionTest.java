package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterUse;
import gpuroi.model.Portfolio;
import gpuroi.model.PricePath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A planned cluster for own use enters the portfolio at the figure its BUY or RENT weighed, the saving from owning the
 * GPU-hours over renting them, not the NPV of renting them out net of the marketplace fee.
 */
class OwnUsePortfolioPositionTest {
    /**
     * One GPU from 1 Jan 2026 for 2 months, capex 10,000, other opex 1,000 a month, no power or residual, used every
     * hour, flat at $9.00; hurdle 0% so nothing is discounted, marketplace fee 10%:
     * <ul>
     *   <li>own use: renting the 2 × 730 = 1,460 hours costs 1,460 × 9 = 13,140, owning 10,000 + 2 × 1,000 = 12,000,
     *       a saving of 1,140: BUY;</li>
     *   <li>rented out: revenue 13,140 × 0.9 = 11,826 against 12,000, NPV −174: RENT.</li>
     * </ul>
     */
    @Test
    void anOwnUseBuyIsWorthItsSavingOverRentingAndItsRentedOutTwinIsNotBought() {
        LocalDate valuation = LocalDate.of(2026, 1, 1);
        Assumptions at = new Assumptions(valuation, "USD", 0, 0, PricePath.ARTICLE_BLENDED, 0.10, 0);
        Cluster.Builder gpu = Cluster.builder("x").gpuModel("H100").startDate(valuation).capexPerGpu(10_000).lifeMonths(2)
                .otherOpexPerGpuMonth(1_000).residualShare(0).utilization(1).startPricePerGpuHour(9.00).pricePath(new PricePath.Flat());
        Cluster ownUse = gpu.id("own").use(ClusterUse.OWN_USE).build();
        Cluster rentedOut = gpu.id("out").use(ClusterUse.RENT_OUT).build();

        PortfolioRollup r = RoiEngine.analyze(new Portfolio(at, List.of(ownUse, rentedOut), List.of(), List.of()), at).rollup();

        PortfolioRollup.ClusterPosition own = r.clusters().get(0);
        assertThat(own.decision()).isEqualTo(Decision.BUY);
        assertThat(own.role()).isEqualTo(PortfolioRollup.CapitalRole.COMMIT);
        assertThat(own.capital()).isCloseTo(10_000, within(1e-9));
        assertThat(own.valueAsEntered()).isCloseTo(1_140, within(1e-6));
        assertThat(own.valueOfDecision()).isCloseTo(1_140, within(1e-6));
        assertThat(own.gainOverAlternative().getAsDouble()).isCloseTo(1_140, within(1e-6));

        PortfolioRollup.ClusterPosition out = r.clusters().get(1);
        assertThat(out.decision()).isEqualTo(Decision.RENT);
        assertThat(out.role()).isEqualTo(PortfolioRollup.CapitalRole.NOT_COMMIT);
        assertThat(out.valueAsEntered()).isCloseTo(-174, within(1e-6));
        assertThat(out.valueOfDecision()).isZero();
        assertThat(out.gainOverAlternative().getAsDouble()).isCloseTo(174, within(1e-6));

        assertThat(r.capexToCommit()).isCloseTo(10_000, within(1e-9));
        assertThat(r.clustersValueOfDecisions()).isCloseTo(1_140, within(1e-6));
        assertThat(r.clustersValueAsEntered()).isCloseTo(1_140 - 174, within(1e-6));
    }
}
