package gpuroi.report;

import gpuroi.engine.SensitivityFigures;
import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.ContractAnalysis;
import gpuroi.engine.LeaseAnalyzer;
import gpuroi.engine.MarketPrice;
import gpuroi.engine.PortfolioAnalysis;
import gpuroi.engine.RoiEngine;
import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.Financing;
import gpuroi.model.Lease;
import gpuroi.model.LeaseRole;
import gpuroi.model.PricePath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every memo lists the tax, depreciation and loan terms with the resale fee, and a cluster memo lists the contracts
 * renting it out with what each bills over the cluster's life.
 */
class MemoAssumptionsAndLessorContractsTest {
    private static final LocalDate VALUATION = LocalDate.of(2026, 1, 1);
    private static final Assumptions TAXED_AND_LEVERED = new Assumptions(VALUATION, "USD", 0.10, 0.12,
            PricePath.ARTICLE_BLENDED, 0.08, 0.05)
            .withTax(0.21, OptionalDouble.of(5))
            .withFinancing(new Financing(0.6, 0.08, OptionalDouble.of(4), 0.2));

    /** 8 H100s bought 1 Jan 2025, 60 months, $3.00 flat. */
    private static Cluster owned() {
        return Cluster.builder("hall-a").gpuModel("H100").status(ClusterStatus.OWNED).startDate(LocalDate.of(2025, 1, 1))
                .gpuCount(8).capexPerGpu(40_000).lifeMonths(60).utilization(0.6).startPricePerGpuHour(3.00)
                .pricePath(new PricePath.Flat()).build();
    }

    /** 4 GPUs at $4.20 from 1 Mar 2025 for 36 months: it covers cluster months 3 to 38. */
    private static Lease reserved() {
        return new Lease("reserved-a", LeaseRole.LESSOR, Optional.of("hall-a"), Optional.of("LabCo"), "H100", 4, 4.20,
                LocalDate.of(2025, 3, 1), 36, 0.5, 4, false, OptionalDouble.empty());
    }

    @Test
    void aClusterMemoListsItsLessorContractWithTheRevenueItBills() throws Exception {
        ClusterAnalysis analysis = RoiEngine.analyzeWithContracts(owned(), TAXED_AND_LEVERED, List.of(reserved()));
        String text = MemoFixtures.flatText(MemoRenderer.builtIn(Paper.A4).clusterMemo(analysis, SensitivityFigures.of(analysis), Optional.empty(), TAXED_AND_LEVERED, MemoFixtures.CONTEXT));

        // 4 GPUs × $4.20 × 730 hours × 36 months = $441,504, its 50% prepayment included.
        assertThat(text).contains("Contracts renting this cluster out")
                .contains("reserved-a LabCo 4 $4.20/GPU-hr 2025-03-01 36 months 50% 36 $441,504");
    }

    @Test
    void aClusterMemoStatesTheTaxDepreciationAndLoanTermsAndTheFiguresTheyChange() throws Exception {
        ClusterAnalysis analysis = RoiEngine.analyzeWithContracts(owned(), TAXED_AND_LEVERED, List.of());
        String text = MemoFixtures.flatText(MemoRenderer.builtIn(Paper.A4).clusterMemo(analysis, SensitivityFigures.of(analysis), Optional.empty(), TAXED_AND_LEVERED, MemoFixtures.CONTEXT));

        assertThat(text).contains("Tax rate 21.0%").contains("Depreciation years 5 years, straight-line")
                .contains("Loan 60.0% of capex at 8.00% nominal over 4 years, balloon 20.0% of the loan")
                .contains("Resale fee 5.0%")
                .contains("After-tax IRR").contains("After-tax NPV at 12.0% hurdle")
                .contains("Equity IRR (with the loan)")
                // Loan 60% × 320,000 = $192,000, over 48 months.
                .contains("loan $192,000");
    }

    @Test
    void thePortfolioAndContractMemosStateTheSameTerms() throws Exception {
        PortfolioAnalysis portfolio = new PortfolioAnalysis(TAXED_AND_LEVERED,
                List.of(RoiEngine.analyze(owned(), TAXED_AND_LEVERED)));
        String portfolioText = MemoFixtures.flatText(MemoRenderer.builtIn(Paper.A4).portfolioMemo(portfolio, List.of(), MemoFixtures.CONTEXT, MemoSelection.all(portfolio)));
        assertThat(portfolioText).contains("Tax rate 21.0%").contains("Loan 60.0% of capex at 8.00% nominal over 4 years")
                .contains("Resale fee 5.0% of a hardware sale price");

        Lease lessee = new Lease("rented", LeaseRole.LESSEE, Optional.empty(), Optional.of("Cloud"), "H100", 8, 3.0,
                LocalDate.of(2025, 6, 1), 24, 0, 8, false, OptionalDouble.empty());
        ContractAnalysis contract = LeaseAnalyzer.analyze(lessee, TAXED_AND_LEVERED,
                MarketPrice.forModel("H100", List.of(), TAXED_AND_LEVERED, 3.0));
        String contractText = MemoFixtures.flatText(MemoRenderer.builtIn(Paper.A4).contractMemo(contract, Optional.empty(), TAXED_AND_LEVERED, MemoFixtures.CONTEXT));
        assertThat(contractText).contains("Tax rate 21.0%").contains("Loan 60.0% of capex")
                .contains("Contract costs are cash payments before tax and without a loan");
    }

    @Test
    void withoutTaxOrLoanTheMemoSaysSoInsteadOfLeavingThemOut() throws Exception {
        ClusterAnalysis analysis = MemoFixtures.analysis("worked-example");
        String text = MemoFixtures.flatText(MemoRenderer.builtIn(Paper.A4).clusterMemo(analysis, SensitivityFigures.of(analysis), Optional.empty(), MemoFixtures.ASSUMPTIONS, MemoFixtures.CONTEXT));

        assertThat(text).contains("Tax rate none (every figure is pre-tax) not given: the default")
                .contains("Loan none (all equity) not given: the default")
                .doesNotContain("After-tax IRR");
    }
}
