package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.Lease;
import gpuroi.model.LeaseRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Random clusters with one or two lessor contracts (each at most half the GPUs, so they may overlap):
 * plugging the break-even start price, zero-IRR price and utilization back into the model gives NPV 0.
 */
class ContractedBreakEvenPropertiesTest {
    static final int CASES_PER_SEED = 30;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23, 24})
    void breakEvensWithContractsGiveZeroNpvWhenPluggedBack(long seed) {
        Random random = new Random(seed);
        int pricesChecked = 0;
        for (int i = 0; i < CASES_PER_SEED; i++) {
            Cluster cluster = EnginePropertiesTest.randomCluster(random, i).toBuilder()
                    .gpuCount(2 + random.nextInt(63))
                    .startDate(EnginePropertiesTest.VALUATION.minusMonths(random.nextInt(24)))
                    .build();
            Assumptions assumptions = EnginePropertiesTest.randomAssumptions(random);
            List<Lease> contracts = new ArrayList<>();
            for (int c = 0, n = 1 + random.nextInt(2); c < n; c++) {
                contracts.add(new Lease("k" + c, LeaseRole.LESSOR, Optional.of(cluster.id()), Optional.empty(), "H100",
                        1 + random.nextInt(cluster.gpuCount() / 2), 1 + 4 * random.nextDouble(),
                        cluster.startOn(assumptions.valuationDate()).plusMonths(random.nextInt(30) - 6).plusDays(random.nextInt(28)),
                        1 + random.nextInt(48), random.nextBoolean() ? 0 : random.nextDouble(), 0, false, OptionalDouble.empty()));
            }
            ClusterMetrics m = Metrics.of(CashFlowModel.schedule(cluster, assumptions, contracts));
            double scale = cluster.totalCapex();
            if (m.breakEvenStartPrice().isPresent() && m.breakEvenStartPrice().getAsDouble() >= 0) {
                Cluster atPrice = cluster.toBuilder().startPricePerGpuHour(m.breakEvenStartPrice().getAsDouble()).build();
                assertThat(CashFlowModel.schedule(atPrice, assumptions, contracts).npvAtValuationDate(assumptions.hurdleRate()) / scale)
                        .as("case %d", i).isCloseTo(0, within(1e-9));
                pricesChecked++;
            }
            if (m.breakEvenStartPriceZeroIrr().isPresent() && m.breakEvenStartPriceZeroIrr().getAsDouble() >= 0) {
                Cluster atPrice = cluster.toBuilder().startPricePerGpuHour(m.breakEvenStartPriceZeroIrr().getAsDouble()).build();
                double sum = 0;
                for (double f : CashFlowModel.schedule(atPrice, assumptions, contracts).netFlows()) {
                    sum += f;
                }
                assertThat(sum / scale).as("case %d", i).isCloseTo(0, within(1e-9));
            }
            if (m.breakEvenUtilization().isPresent() && m.breakEvenUtilization().getAsDouble() >= 0
                    && m.breakEvenUtilization().getAsDouble() <= 1) {
                Cluster atUtilization = cluster.toBuilder().utilization(m.breakEvenUtilization().getAsDouble()).build();
                assertThat(CashFlowModel.schedule(atUtilization, assumptions, contracts).npvAtValuationDate(assumptions.hurdleRate()) / scale)
                        .as("case %d", i).isCloseTo(0, within(1e-9));
            }
        }
        assertThat(pricesChecked).isGreaterThan(CASES_PER_SEED / 2);
    }
}
