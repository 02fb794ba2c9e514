package gpuroi.report;

import gpuroi.engine.SensitivityFigures;
import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.MonteCarlo;
import gpuroi.engine.RiskProfile;
import gpuroi.model.Formats;
import gpuroi.model.RiskInputs;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A cluster memo's Risk section: there only when a Monte Carlo ran, with the profile's own figures and its charts. */
class RiskMemoTest {
    private final MemoRenderer renderer = MemoRenderer.builtIn(Paper.A4);
    private final ClusterAnalysis analysis = MemoFixtures.analysis("worked-example");

    private RiskProfile risk(long seed) {
        return MonteCarlo.analyze(analysis.cluster(), MemoFixtures.ASSUMPTIONS, RiskInputs.defaults(seed).withPaths(600));
    }

    private byte[] memo(Optional<RiskProfile> risk) throws Exception {
        return renderer.clusterMemo(analysis, SensitivityFigures.of(analysis), risk, MemoFixtures.ASSUMPTIONS, MemoFixtures.CONTEXT);
    }

    private static int charts(byte[] pdf) throws Exception {
        int forms = 0;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    forms += page.getResources().isImageXObject(name) ? 0 : 1;
                }
            }
        }
        return forms;
    }

    @Test
    void theOddsSentenceAndPercentilesAreTheProfilesOwn() throws Exception {
        RiskProfile r = risk(42);
        String text = MemoFixtures.flatText(memo(Optional.of(r)));

        assertThat(r.pathsWithoutSingleIrr()).as("every path of the worked example invests then earns").isZero();
        assertThat(text).contains("IRR falls below the 10.0% hurdle in " + Formats.percent(1 - r.probabilityOfBeatingHurdle(), 0)
                + " of 600 paths; the cluster loses money in " + Formats.percent(r.probabilityOfLoss(), 0)
                + " of paths, and the decision (RENT) flips in " + Formats.percent(r.decisionFlipShare(), 0) + ".");
        assertThat(text).contains("NPV at 10.0% discount rate " + Formats.money(r.npv().p5(), "USD") + " "
                + Formats.money(r.npv().p50(), "USD") + " " + Formats.money(r.npv().p95(), "USD"));
        assertThat(text).contains("Distribution of NPV over the paths", "Distribution of IRR over the paths");
        assertThat(text).contains("600 paths (plain Monte Carlo sampler, seed 42)");
        assertThat(text).contains("deterministic " + Formats.money(analysis.metrics().npv(), "USD"));
        assertThat(charts(memo(Optional.of(r)))).as("price, cash flow, tornado, NPV and IRR distributions").isEqualTo(5);
    }

    @Test
    void withNoUncertaintyEveryPathIsTheDeterministicCaseAndTheOddsAreCertain() throws Exception {
        // The worked example is a RENT (NPV at the hurdle −$1,501, IRR 1.7%): every path misses the hurdle, none loses money.
        RiskProfile r = MonteCarlo.analyze(analysis.cluster(), MemoFixtures.ASSUMPTIONS, RiskInputs.deterministic(50, 3));
        String text = MemoFixtures.flatText(memo(Optional.of(r)));

        assertThat(text).contains("IRR falls below the 10.0% hurdle in 100% of 50 paths; the cluster loses money in 0% of paths, "
                + "and the decision (RENT) flips in 0%.");
        assertThat(text).contains("P5 " + Formats.money(analysis.metrics().npv(), "USD") + ", P50 " + Formats.money(analysis.metrics().npv(), "USD"));
    }

    @Test
    void withoutAMonteCarloThereIsNoRiskSectionAndNoDistributionChart() throws Exception {
        byte[] pdf = memo(Optional.empty());
        String text = MemoFixtures.flatText(pdf);

        assertThat(text).doesNotContain("Monte Carlo").doesNotContain("Distribution of").doesNotContain("of paths");
        assertThat(text).contains("What moves NPV most");
        assertThat(charts(pdf)).isEqualTo(3);
    }

    @Test
    void theSameSeedGivesByteIdenticalMemosAndAnotherSeedDoesNot() throws Exception {
        byte[] first = memo(Optional.of(risk(42)));

        assertThat(MemoRenderer.builtIn(Paper.A4).clusterMemo(analysis, SensitivityFigures.of(analysis), Optional.of(risk(42)), MemoFixtures.ASSUMPTIONS, MemoFixtures.CONTEXT))
                .isEqualTo(first);
        assertThat(memo(Optional.of(risk(43)))).isNotEqualTo(first);
    }

    @Test
    void sharesOfPathsNeverRoundToImpossibleOrCertain() {
        assertThat(RiskSection.share(0)).isEqualTo("0%");
        assertThat(RiskSection.share(0.001)).isEqualTo("under 1%");
        assertThat(RiskSection.share(0.71)).isEqualTo("71%");
        assertThat(RiskSection.share(0.998)).isEqualTo("over 99%");
        assertThat(RiskSection.share(1)).isEqualTo("100%");
    }
}
