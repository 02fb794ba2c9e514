package gpuroi.report;

import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.ContractAnalysis;
import gpuroi.engine.HoldFigures;
import gpuroi.engine.LeaseAnalyzer;
import gpuroi.engine.PortfolioAnalysis;
import gpuroi.engine.RoiEngine;
import gpuroi.model.Assumptions;
import gpuroi.model.ClusterStatus;
import gpuroi.model.ClusterUse;
import gpuroi.model.Formats;
import gpuroi.model.Lease;
import gpuroi.model.LeaseRole;
import gpuroi.model.MarketQuote;
import gpuroi.model.PricePath;
import gpuroi.pipeline.Conversion;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portfolio memo's sentences name their figures: the totals of "the portfolio on one footing" are the sums, from
 * the valuation date, of what each decision weighed (a planned BUY's NPV at the hurdle or, for own use, its saving over
 * renting; RENT nothing; an owned cluster the better of its hold value and its sale), contracts' chosen and kept costs,
 * and the whole-life NPVs apart; and each ranking line says what the decision does with capital (commit, keep, free,
 * do not commit) with the capital and values of that cluster's own figures. The expected figures are added up here from
 * each cluster's and contract's named figures, not taken from the roll-up.
 */
class PortfolioMemoSentencesTest {
    private static final String M = "([−-]?[$€£¥][\\d,]+)";
    private static final String P = "(\\d[\\d,]*(?:\\.\\d+)?%)";

    @Test
    void theSamplePortfolioMemosNameTheFiguresTheirWordsClaim() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String sample : List.of("samples/mixed-fleet.xlsx", "samples/article-h100.xlsx")) {
            Conversion.Options options = Conversion.Options.at(LocalDate.of(2026, 6, 1), Optional.empty(), "test")
                    .withoutMonteCarlo();
            problems.addAll(check(sample, Conversion.analyze(Path.of(sample), options).analysis()));
        }
        assertThat(problems).as("sentences of the sample portfolio memos").isEmpty();
    }

    @Test
    void aGeneratedPortfolioOfEveryKindOfClusterAndContractNamesItsFigures() throws Exception {
        Random random = new Random(20_260_603);
        LocalDate valuation = LocalDate.of(2026, 6, 1);
        Assumptions at = new Assumptions(valuation, "USD", 0.10, 0.12, PricePath.ARTICLE_BLENDED, 0.08, 0.05);
        List<ClusterAnalysis> clusters = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            clusters.add(RoiEngine.analyze(MemoSentencesTest.generated(i, random, valuation), at));
        }
        // An own-use BUY whose NPV as an investment is negative: its line must argue from the saving, not the NPV.
        clusters.add(RoiEngine.analyze(BuyOrRentBothWaysMemoTest.b200().use(ClusterUse.OWN_USE).build(), BuyOrRentBothWaysMemoTest.AT));
        List<ContractAnalysis> contracts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int gpus = 8 * (1 + random.nextInt(4));
            Lease lease = new Lease("k-" + i, LeaseRole.LESSEE, Optional.empty(), Optional.of("Cloud " + i), "H100", gpus,
                    1.5 + 0.25 * random.nextInt(12), valuation.minusMonths(random.nextInt(20)), 24, 0,
                    random.nextInt(gpus + 1), random.nextBoolean(), OptionalDouble.of(5_000.0 * random.nextInt(20)));
            contracts.add(LeaseAnalyzer.analyze(lease, at, List.of(new MarketQuote("H100", OptionalDouble.of(1.0 + 0.25 * random.nextInt(10)),
                    OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()))));
        }
        PortfolioAnalysis portfolio = new PortfolioAnalysis(at, clusters, contracts);
        assertThat(clusters).extracting(c -> c.recommendation().decision().name()).contains("BUY", "RENT", "HOLD", "RESELL");
        assertThat(check("generated", portfolio)).isEmpty();
    }

    @Test
    void theCheckRefusesAnOwnUseBuyLineThatArguesFromItsNegativeNpv() {
        ClusterAnalysis ownUse = RoiEngine.analyze(BuyOrRentBothWaysMemoTest.b200().use(ClusterUse.OWN_USE).build(), BuyOrRentBothWaysMemoTest.AT);
        assertThat(ownUse.recommendation().decision().name()).isEqualTo("BUY");
        assertThat(ownUse.metrics().npvAtHurdle()).isNegative();
        String ccy = "USD";
        String fromNpv = "commit " + Formats.money(ownUse.cluster().totalCapex(), ccy) + " of capex: owning is worth "
                + Formats.money(ownUse.metrics().npvAtHurdle(), ccy) + " more than the hurdle requires";
        assertThat(verdictProblems("b200", fromNpv, ownUse, ccy)).isNotEmpty();
    }

    /** What is wrong with a portfolio memo's "one footing" paragraph and ranking lines. */
    static List<String> check(String where, PortfolioAnalysis portfolio) throws MemoTemplateException {
        Assumptions a = portfolio.assumptions();
        String ccy = a.currency();
        List<String> problems = new ArrayList<>();
        // The footing totals, added up from each cluster's and contract's own figures.
        double following = 0;
        double asEntered = 0;
        double toCommit = 0;
        double npvAtHurdle = 0;
        double npv = 0;
        for (ClusterAnalysis c : portfolio.clusters()) {
            double value = decisionValue(c);
            following += value;
            asEntered += enteredValue(c);
            toCommit += c.recommendation().decision().name().equals("BUY") ? c.cluster().totalCapex() : 0;
            npvAtHurdle += c.metrics().npvAtHurdle();
            npv += c.metrics().npv();
        }
        double chosen = portfolio.contracts().stream().mapToDouble(ContractAnalysis::chosenCost).sum();
        double kept = portfolio.contracts().stream().mapToDouble(ContractAnalysis::keepCost).sum();
        String memo = MemoFixtures.flatText(MemoRenderer.builtIn(Paper.A4).portfolioMemo(portfolio, List.of(), MemoFixtures.CONTEXT, MemoSelection.all(portfolio)));
        Matcher footing = Pattern.compile("From the valuation date at the " + P + " hurdle, following every decision: the clusters are worth "
                + M + " and the rental contracts cost " + M + " \\(the chosen options\\), together " + M + "; capex to commit " + M
                + "\\. As entered \\(planned clusters bought, owned ones held, contracts kept\\): clusters " + M + ", contracts " + M
                + ", together " + M + "\\. Since purchase \\(realized \\+ expected\\), the clusters' whole-life NPV is " + M + " at the "
                + P + " hurdle and " + M + " at the " + P + " discount rate").matcher(memo);
        if (!footing.find()) {
            problems.add(where + ": the memo does not print the footing paragraph in its known words");
            return problems;
        }
        String[][] named = {
                {"hurdle rate", Formats.percent(a.hurdleRate(), 1)},
                {"clusters following the decisions", Formats.money(following, ccy)},
                {"contracts' chosen options", Formats.money(chosen, ccy)},
                {"value following the decisions", Formats.money(following - chosen, ccy)},
                {"capex to commit", Formats.money(toCommit, ccy)},
                {"clusters as entered", Formats.money(asEntered, ccy)},
                {"contracts kept", Formats.money(kept, ccy)},
                {"value as entered", Formats.money(asEntered - kept, ccy)},
                {"whole-life NPV at the hurdle", Formats.money(npvAtHurdle, ccy)},
                {"hurdle rate", Formats.percent(a.hurdleRate(), 1)},
                {"whole-life NPV at the discount rate", Formats.money(npv, ccy)},
                {"discount rate", Formats.percent(a.discountRate(), 1)}};
        for (int g = 0; g < named.length; g++) {
            if (!footing.group(g + 1).replace('-', '−').equals(named[g][1])) {
                problems.add(where + ": the " + named[g][0] + " is " + named[g][1] + ", the memo shows " + footing.group(g + 1));
            }
        }
        // The ranking: one line per cluster, grouped commit, keep, free, do not commit, each in the words of its decision.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ranking = (List<Map<String, Object>>) PortfolioMemoModel.of(portfolio, MemoFixtures.CONTEXT, Paper.A4)
                .get("ranking");
        List<String> order = List.of("BUY", "HOLD", "RESELL", "RENT");
        int last = 0;
        for (Map<String, Object> row : ranking) {
            if (row.containsKey("more")) {
                // A big fleet's line adding up the rest of a group: PortfolioMemoAtScaleTest re-adds its figures.
                continue;
            }
            ClusterAnalysis c = portfolio.clusters().stream().filter(x -> x.cluster().id().equals(row.get("id"))).findFirst().orElseThrow();
            int group = order.indexOf(c.recommendation().decision().name());
            if (group < last) {
                problems.add(where + ": " + row.get("id") + " (" + row.get("decision") + ") is ranked after a later group");
            }
            last = group;
            problems.addAll(verdictProblems(where + " " + row.get("id"), (String) row.get("verdict"), c, ccy));
        }
        return problems;
    }

    /** What a cluster's BUY (or own-use BUY) is worth from the valuation date, from its own figures. */
    static double decisionValue(ClusterAnalysis c) {
        if (c.cluster().status() == ClusterStatus.PLANNED) {
            return c.recommendation().decision().name().equals("BUY") ? enteredValue(c) : 0;
        }
        HoldFigures hold = c.metrics().hold().orElseThrow();
        return hold.lifeEnded() ? 0 : Math.max(hold.holdValue(), hold.saleValue().orElse(Double.NEGATIVE_INFINITY));
    }

    /** Planned bought or owned held: NPV at the hurdle, or the saving from owning for own use; the hold value. */
    static double enteredValue(ClusterAnalysis c) {
        if (c.cluster().status() == ClusterStatus.PLANNED) {
            return c.cluster().use() == ClusterUse.OWN_USE ? c.metrics().ownUse().savingFromOwning() : c.metrics().npvAtHurdle();
        }
        return c.metrics().hold().orElseThrow().holdValue();
    }

    /** Each number of a ranking line against the figure its words claim, and the line's words against the decision. */
    static List<String> verdictProblems(String where, String verdict, ClusterAnalysis c, String ccy) {
        String capex = Formats.money(c.cluster().totalCapex(), ccy);
        boolean ownUse = c.cluster().use() == ClusterUse.OWN_USE;
        String saving = Formats.money(c.metrics().ownUse().savingFromOwning(), ccy);
        String npv = Formats.money(c.metrics().npvAtHurdle(), ccy);
        Optional<HoldFigures> hold = c.metrics().hold();
        String holdValue = hold.map(h -> Formats.money(h.holdValue(), ccy)).orElse("");
        String sale = hold.flatMap(h -> h.saleValue().isPresent() ? Optional.of(Formats.money(h.saleValue().getAsDouble(), ccy))
                : Optional.empty()).orElse("");
        List<Pattern> forms = new ArrayList<>();
        List<String[]> expected = new ArrayList<>();
        switch (c.recommendation().decision()) {
            case BUY -> {
                if (ownUse) {
                    forms.add(Pattern.compile("^commit " + M + " of capex: owning the GPU-hours saves " + M + " over renting them$"));
                    expected.add(new String[] {capex, saving});
                } else {
                    forms.add(Pattern.compile("^commit " + M + " of capex: owning is worth " + M + " more than the hurdle requires$"));
                    expected.add(new String[] {capex, npv});
                }
            }
            case RENT -> {
                forms.add(Pattern.compile(ownUse
                        ? "^do not commit " + M + ": bought, the saving from owning the GPU-hours over renting them would be " + M + "$"
                        : "^do not commit " + M + ": bought, its NPV at the hurdle would be " + M + "$"));
                expected.add(new String[] {capex, ownUse ? saving : npv});
            }
            case HOLD -> {
                forms.add(Pattern.compile("^keep capital invested: holding is worth " + M + " against a sale now of " + M + "$"));
                expected.add(new String[] {holdValue, sale});
                forms.add(Pattern.compile("^keep capital invested: holding is worth " + M + "; no secondary price, so a sale was not assessed$"));
                expected.add(new String[] {holdValue});
            }
            case RESELL -> {
                forms.add(Pattern.compile("^free " + M + ": a sale now beats holding, which is worth " + M + "$"));
                expected.add(new String[] {sale, holdValue});
                forms.add(Pattern.compile("^nothing left to free: its useful life has ended and its residual was realized as its sale at the end of life$"));
                expected.add(new String[] {});
            }
        }
        for (int f = 0; f < forms.size(); f++) {
            Matcher m = forms.get(f).matcher(verdict);
            if (m.find()) {
                List<String> problems = new ArrayList<>();
                for (int g = 0; g < expected.get(f).length; g++) {
                    if (!m.group(g + 1).replace('-', '−').equals(expected.get(f)[g])) {
                        problems.add(where + ": figure " + (g + 1) + " should be " + expected.get(f)[g] + ", in: " + verdict);
                    }
                }
                return problems;
            }
        }
        return List.of(where + ": a " + c.recommendation().decision() + (ownUse ? " for own use" : "")
                + " line not in the words of its decision: " + verdict);
    }
}
