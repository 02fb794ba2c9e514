package gpuroi.report;

import gpuroi.engine.ContractAnalysis;
import gpuroi.engine.LeaseAnalyzer;
import gpuroi.engine.MarketPrice;
import gpuroi.model.Assumptions;
import gpuroi.model.Lease;
import gpuroi.model.LeaseRole;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

/** Memo sentences that used to misstate a figure or its reason. */
class SentenceFixesTest {
    @Test
    void theMarketContextGivesTheRiseNeededAsBreakEvenOverPriceMinusOne() {
        // The worked example: start price $2.00, break-even $2.155832 (worked-example.md). 2.155832 / 2 − 1 = 7.79%;
        // the old 1 − 2 / 2.155832 = 7.23% understated it.
        String text = ClusterMemoModel.marketContext(MemoFixtures.analysis("worked-example"), "USD");
        assertThat(text).contains("the market would have to pay 7.8% more than the assumed $2.00 for owning to clear it.");
    }

    @Test
    void anEndedContractsOptionsAreClosedBecauseItEndedNotForWantOfAFee() {
        Assumptions a = Assumptions.defaults(MemoFixtures.VALUATION);
        // Ended 2025-06-30, before the 2026-01-01 valuation, though it had a $60,000 termination fee and idle GPUs.
        Lease lease = new Lease("ended", LeaseRole.LESSEE, Optional.empty(), Optional.of("Cloud"), "H100", 8, 3.0,
                LocalDate.of(2024, 7, 1), 12, 0, 6, true, OptionalDouble.of(60_000));
        ContractAnalysis k = LeaseAnalyzer.analyze(lease, a, MarketPrice.forModel("H100", List.of(), a, 3.0));
        assertThat(k.remainingMonths()).isZero();

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> options = (List<Map<String, Object>>) ContractMemoModel.of(k, a, MemoFixtures.CONTEXT, Paper.A4)
                .get("options");
        assertThat(options).extracting(o -> o.get("name") + ": " + o.get("cost")).containsExactly(
                "KEEP: $0", "RESELL CAPACITY: closed: the contract has ended", "TERMINATE: closed: the contract has ended");
    }
}
