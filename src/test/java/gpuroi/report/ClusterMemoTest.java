package gpuroi.report;

import java.util.Optional;
import gpuroi.engine.SensitivityFigures;
import gpuroi.engine.ClusterAnalysis;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The figures printed in a cluster memo are the engine's, for the worked example of the spec. */
class ClusterMemoTest {
    private final ClusterAnalysis analysis = MemoFixtures.analysis("worked-example");

    @Test
    void theMemoStatesTheDecisionAndTheWorkedExampleFigures() throws Exception {
        byte[] pdf = MemoRenderer.builtIn(Paper.A4).clusterMemo(analysis, SensitivityFigures.of(analysis), Optional.empty(), MemoFixtures.ASSUMPTIONS, MemoFixtures.CONTEXT);
        String text = MemoFixtures.flatText(pdf);

        assertThat(analysis.recommendation().decision().name()).isEqualTo("RENT");
        assertThat(text).contains("RENT");
        assertThat(text).contains("IRR (annualized from monthly flows) 1.7%");
        assertThat(text).contains("NPV at 10.0% hurdle −$1,501");
        assertThat(text).contains("Break-even start price, NPV at 10.0% = 0 $2.16/GPU-hr");
        assertThat(text).contains("Break-even start price, IRR = 0 $1.97/GPU-hr");
        assertThat(text).contains("Break-even utilization 86.2%");
        assertThat(text).contains("$1.63/GPU-hr against a levelized rental price of $1.52/GPU-hr");
    }

    @Test
    void theTitleBlockNamesTheSourceWorkbookItsDigestAndTheTool() throws Exception {
        String text = MemoFixtures.flatText(MemoRenderer.builtIn(Paper.A4).clusterMemo(analysis, SensitivityFigures.of(analysis), Optional.empty(), MemoFixtures.ASSUMPTIONS, MemoFixtures.CONTEXT));

        assertThat(text).contains("worked-example").contains("1 × H100 SXM").contains("2026-01-01").contains("USD")
                .contains("fleet.xlsx").contains(MemoFixtures.CONTEXT.inputSha256()).contains("gpu-roi 0.1.0-test");
    }

    @Test
    void assumptionsShowTheirSourceAndWarningsAreListed() throws Exception {
        String text = MemoFixtures.flatText(MemoRenderer.builtIn(Paper.A4).clusterMemo(analysis, SensitivityFigures.of(analysis), Optional.empty(), MemoFixtures.ASSUMPTIONS, MemoFixtures.CONTEXT));

        assertThat(text).contains("catalog (Fleet!M2)");
        assertThat(text).contains("Capex per GPU $20,000 workbook");
        assertThat(text).contains("Fleet!L2: cluster worked-example: a bare 80 was read as 80%");
    }

    @Test
    void theMarketContextIsBuiltFromTheClustersOwnFigures() throws Exception {
        String text = MemoFixtures.flatText(MemoRenderer.builtIn(Paper.A4).clusterMemo(analysis, SensitivityFigures.of(analysis), Optional.empty(), MemoFixtures.ASSUMPTIONS, MemoFixtures.CONTEXT));

        assertThat(text).contains("linear to 50% of $2.00/GPU-hr over 2 years, then flat")
                .contains("$1.98/GPU-hr in month 1 and $1.02 in month 24")
                .contains("The hurdle is met from a start price of $2.16/GPU-hr")
                .contains("utilization must reach 86% (assumed 80%).");
    }
}
