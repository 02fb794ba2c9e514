package gpuroi.report;

import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.ContractAnalysis;
import gpuroi.engine.ContractDecision;
import gpuroi.engine.HoldFigures;
import gpuroi.engine.LeaseAnalyzer;
import gpuroi.engine.MonteCarlo;
import gpuroi.engine.PortfolioAnalysis;
import gpuroi.engine.RiskProfile;
import gpuroi.engine.RoiEngine;
import gpuroi.model.Assumptions;
import gpuroi.model.ClusterStatus;
import gpuroi.model.Formats;
import gpuroi.model.Lease;
import gpuroi.model.LeaseRole;
import gpuroi.model.MarketQuote;
import gpuroi.model.PricePath;
import gpuroi.model.RiskInputs;
import gpuroi.workbook.WorkbookWriter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portfolio memo of a fleet of hundreds of clusters stays a memo: each table and list shows at most 50 rows (the
 * ranking 12 per group), chosen by the rule the memo states, then one line "N more" whose figures add up the rows left
 * out and that names the workbook sheet listing them; the totals stay over every cluster and contract. The rows expected
 * and every figure of the "more" lines are ranked and added up here from each cluster's and contract's own figures.
 */
class PortfolioMemoAtScaleTest {
    private static final String M = "([−-]?[$€£¥][\\d,]+)";
    private static final String CCY = "USD";
    private static final int CLUSTERS = 300;
    private static final int CONTRACTS = 60;
    private static final int WARNINGS = 63;
    private static final int RISK_PROFILES = 60;
    private static final MemoContext CONTEXT = new MemoContext("fleet.xlsx", "ab".repeat(32), "0.1.0-test", warnings(), "fleet.roi.xlsx");

    private static PortfolioAnalysis portfolio;
    private static List<RiskProfile> risks;
    private static MemoSelection selection;
    private static String text;
    private static int pages;

    @BeforeAll
    static void renderTheMemoOfAGeneratedFleet() throws Exception {
        Random random = new Random(20_261_207);
        LocalDate valuation = LocalDate.of(2026, 6, 1);
        Assumptions at = new Assumptions(valuation, "USD", 0.10, 0.12, PricePath.ARTICLE_BLENDED, 0.08, 0.05);
        List<ClusterAnalysis> clusters = new ArrayList<>();
        for (int i = 0; i < CLUSTERS; i++) {
            clusters.add(RoiEngine.analyze(MemoSentencesTest.generated(i, random, valuation), at));
        }
        List<ContractAnalysis> contracts = new ArrayList<>();
        for (int i = 0; i < CONTRACTS; i++) {
            int gpus = 8 * (1 + random.nextInt(4));
            Lease lease = new Lease("k-" + i, LeaseRole.LESSEE, Optional.empty(), Optional.of("Cloud " + i), "H100", gpus,
                    1.5 + 0.25 * random.nextInt(12), valuation.minusMonths(random.nextInt(20)), 24, 0,
                    random.nextInt(gpus + 1), random.nextBoolean(), OptionalDouble.of(5_000.0 * random.nextInt(20)));
            contracts.add(LeaseAnalyzer.analyze(lease, at, List.of(new MarketQuote("H100", OptionalDouble.of(1.0 + 0.25 * random.nextInt(10)),
                    OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()))));
        }
        portfolio = new PortfolioAnalysis(at, clusters, contracts);
        // Profiles for 60 clusters: enough to cut the risk table, and a fraction of the Monte Carlo of all 300.
        risks = new ArrayList<>();
        for (int i = 0; i < RISK_PROFILES; i++) {
            risks.add(MonteCarlo.analyze(clusters.get(i).cluster(), at, RiskInputs.defaults(7 + i).withPaths(100)));
        }
        selection = MemoSelection.choose(portfolio, OptionalInt.of(5));
        byte[] pdf = MemoRenderer.builtIn(Paper.A4).portfolioMemo(portfolio, risks, CONTEXT, selection);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            pages = document.getNumberOfPages();
        }
        text = MemoFixtures.flatText(pdf);
    }

    @Test
    void theMemoOfThreeHundredClustersRunsToAFewPages() {
        // 50 rows per table at about 40 rows a page, seven tables and lists: well under 30 pages, where every row would take 40.
        assertThat(pages).isLessThanOrEqualTo(30);
        assertThat(text).contains("300 clusters");
    }

    @Test
    void theDecisionsTableShowsTheFiftyClustersWithTheMostCapexLargestFirstAndAddsUpTheOthers() {
        List<Integer> byCapex = IntStream.range(0, CLUSTERS).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -capex(portfolio.clusters().get(i)))).toList();
        List<Integer> shown = byCapex.subList(0, 50);
        String table = section("Decisions From today", "What the decisions do with capital");

        assertThat(ids(table, "(gen-\\d+) [\\d,]+ × H100")).containsExactlyElementsOf(shown.stream().map(this::id).toList());
        List<ClusterAnalysis> rest = byCapex.subList(50, CLUSTERS).stream().map(i -> portfolio.clusters().get(i)).toList();
        Matcher more = Pattern.compile("([\\d,]+) more ([\\d,]+) GPUs " + M + " " + M + " " + M + " Total ([\\d,]+) GPUs " + M + " " + M + " " + M)
                .matcher(table);
        assertThat(more.find()).as(table).isTrue();
        assertThat(more.group(1)).isEqualTo("250");
        assertThat(more.group(2)).isEqualTo(count(rest.stream().mapToLong(c -> c.cluster().gpuCount()).sum()));
        assertThat(money(more.group(3))).isEqualTo(Formats.money(rest.stream().mapToDouble(PortfolioMemoSentencesTest::decisionValue).sum(), CCY));
        assertThat(money(more.group(4))).isEqualTo(Formats.money(rest.stream().mapToDouble(c -> c.metrics().npvAtHurdle()).sum(), CCY));
        assertThat(money(more.group(5))).isEqualTo(Formats.money(rest.stream().mapToDouble(PortfolioMemoAtScaleTest::capex).sum(), CCY));
        // The total row is over all 300 clusters, not the 50 shown.
        List<ClusterAnalysis> all = portfolio.clusters();
        assertThat(more.group(6)).isEqualTo(count(all.stream().mapToLong(c -> c.cluster().gpuCount()).sum()));
        assertThat(money(more.group(7))).isEqualTo(Formats.money(all.stream().mapToDouble(PortfolioMemoSentencesTest::decisionValue).sum(), CCY));
        assertThat(money(more.group(8))).isEqualTo(Formats.money(all.stream().mapToDouble(c -> c.metrics().npvAtHurdle()).sum(), CCY));
        assertThat(money(more.group(9))).isEqualTo(Formats.money(all.stream().mapToDouble(PortfolioMemoAtScaleTest::capex).sum(), CCY));
        assertThat(table).contains("Shown: the 50 clusters with the most capex, largest first; the other 250, added up in the line \"more\","
                + " are listed with every figure in the ROI Summary sheet of fleet.roi.xlsx. The total is over all 300 clusters.");
    }

    @Test
    void theRankingShowsTwelveOfEachGroupAtTheirRankAndAddsUpTheRestOfEachGroup() {
        List<Ranked> ranked = IntStream.range(0, CLUSTERS).mapToObj(i -> Ranked.of(portfolio.clusters().get(i)))
                .sorted(Comparator.comparingInt(Ranked::group).thenComparing(Comparator.comparingDouble(Ranked::gainOrZero).reversed())
                        .thenComparing(Ranked::id))
                .toList();
        String table = section("What the decisions do with capital", "Rental contracts");
        List<String> expectedLines = new ArrayList<>();
        for (int group = 0; group < 4; group++) {
            int g = group;
            List<Ranked> members = ranked.stream().filter(r -> r.group() == g).toList();
            for (int k = 0; k < Math.min(12, members.size()); k++) {
                expectedLines.add((ranked.indexOf(members.get(k)) + 1) + " " + members.get(k).id() + " ");
            }
            if (members.size() > 12) {
                List<Ranked> rest = members.subList(12, members.size());
                boolean everyGain = rest.stream().allMatch(r -> r.gain().isPresent());
                expectedLines.add(rest.size() + " more " + Formats.money(rest.stream().mapToDouble(Ranked::capital).sum(), CCY) + " "
                        + Formats.money(rest.stream().mapToDouble(Ranked::value).sum(), CCY) + " "
                        + (everyGain ? Formats.money(rest.stream().mapToDouble(Ranked::gainOrZero).sum(), CCY) : "n/a") + " more clusters ");
            }
        }
        assertThat(expectedLines.stream().filter(l -> l.contains(" more ")).count()).as("groups cut short").isGreaterThanOrEqualTo(2);
        assertThat(table).containsSubsequence(expectedLines);
        assertThat(ids(table, "\\d+ (gen-\\d+) (?:BUY|RENT|HOLD|RESELL) ")).hasSize((int) expectedLines.stream().filter(l -> !l.contains(" more ")).count());
        assertThat(table).contains("each in the ROI Summary sheet of fleet.roi.xlsx");
    }

    @Test
    void theContractsTableShowsTheFiftyOfLargestTotalValueAndAddsUpTheOthers() {
        // Total value by hand: GPUs × rate × 730 hours × the 24-month term, largest first, equal values in input order.
        List<ContractAnalysis> byValue = portfolio.contracts().stream()
                .sorted(Comparator.comparingDouble((ContractAnalysis k) -> -k.contract().gpuCount() * k.contract().ratePerGpuHour() * 730 * 24))
                .toList();
        String table = section("Rental contracts", "The portfolio on one footing");

        assertThat(ids(table, "(k-\\d+) \\d+ of ")).containsExactlyElementsOf(byValue.subList(0, 50).stream().map(k -> k.contract().contractId()).toList());
        List<ContractAnalysis> rest = byValue.subList(50, CONTRACTS);
        assertThat(table).contains("10 more " + Formats.money(rest.stream().mapToDouble(ContractAnalysis::keepCost).sum(), CCY) + " "
                + Formats.money(rest.stream().mapToDouble(ContractAnalysis::chosenCost).sum(), CCY) + " "
                + Formats.money(rest.stream().mapToDouble(ContractAnalysis::npvGainAtHurdle).sum(), CCY));
        assertThat(table).contains("the other 10, added up in the line \"more\", are listed in the ROI Contracts sheet of fleet.roi.xlsx");
    }

    @Test
    void theRiskTableShowsTheFiftyWithTheHighestOddsOfLossAndCountsTheOthers() {
        List<String> expected = risks.stream()
                .sorted(Comparator.comparingDouble((RiskProfile r) -> -r.probabilityOfLoss()).thenComparingDouble(r -> r.npv().p5())
                        .thenComparing(RiskProfile::clusterId))
                .limit(50).map(RiskProfile::clusterId).toList();
        String table = section("Beats hurdle", "Recommended changes, ranked");

        assertThat(ids(table, "(gen-\\d+)(?: \\*)? (?:BUY|RENT|HOLD|RESELL) ")).containsExactlyElementsOf(expected);
        assertThat(table).contains("and 10 more clusters with lower odds of loss, each in the ROI Risk sheet of fleet.roi.xlsx");
    }

    @Test
    void theRecommendedChangesShowTheFiftyLargestGainsAndAddUpTheOthers() {
        // Every change: a cluster that is not HOLD and not past its life, with its decision's gain; a contract not KEEP.
        List<Object[]> changes = new ArrayList<>();
        for (ClusterAnalysis c : portfolio.clusters()) {
            Ranked r = Ranked.of(c);
            boolean lifeEnded = c.metrics().hold().map(HoldFigures::lifeEnded).orElse(false);
            if (!c.recommendation().decision().name().equals("HOLD") && !lifeEnded) {
                changes.add(new Object[] {r.id(), r.gainOrZero()});
            }
        }
        for (ContractAnalysis k : portfolio.contracts()) {
            if (k.decision() != ContractDecision.KEEP) {
                changes.add(new Object[] {k.contract().contractId(), k.npvGainAtHurdle()});
            }
        }
        changes.sort(Comparator.comparingDouble((Object[] c) -> -(double) c[1]));
        assertThat(changes).hasSizeGreaterThan(50);
        String table = section("Recommended changes, ranked", "Assumptions and their sources");

        assertThat(ids(table, "\\d+ ((?:gen|k)-\\d+) ")).containsExactlyElementsOf(changes.subList(0, 50).stream().map(c -> (String) c[0]).toList());
        List<Object[]> rest = changes.subList(50, changes.size());
        assertThat(table).contains(rest.size() + " more " + Formats.money(rest.stream().mapToDouble(c -> (double) c[1]).sum(), CCY));
        assertThat(table).contains("the other " + rest.size() + ", their gains added up in the line \"more\", are ranked in the ROI Portfolio"
                + " sheet of fleet.roi.xlsx");
    }

    @Test
    void theWarningsAndTheMemosNotRenderedListFiftyEachAndSayWhereTheOthersAre() {
        String warnings = section("Warnings", "Memos not rendered");
        assertThat(ids(warnings, "Fleet!L(\\d+):")).containsExactlyElementsOf(IntStream.range(0, 50).mapToObj(i -> String.valueOf(i + 2)).toList());
        assertThat(warnings).contains("and 13 more warnings, each a row of the ROI Notes sheet of fleet.roi.xlsx");

        String memos = text.substring(text.indexOf("Memos not rendered"));
        List<String> leftOut = selection.leftOut();
        assertThat(leftOut).hasSize(CLUSTERS + CONTRACTS - 5);
        assertThat(memos).contains("No memo in this folder for 355 clusters and contracts")
                .contains(String.join(", ", leftOut.subList(0, 50)) + ", and 305 more: the ROI Notes sheet of fleet.roi.xlsx has a row for each"
                        + " (Memo not rendered)");
        assertThat(memos).doesNotContain(leftOut.get(50) + ",");
    }

    @Test
    void theFootingParagraphStillAddsUpEveryClusterAndContract() throws Exception {
        assertThat(PortfolioMemoSentencesTest.check("300 clusters", portfolio)).isEmpty();
    }

    @Test
    void theSheetsTheMemoNamesAreTheWorkbooksOwn() {
        assertThat(List.of(PortfolioMemoModel.SUMMARY_SHEET, PortfolioMemoModel.CONTRACTS_SHEET, PortfolioMemoModel.PORTFOLIO_SHEET,
                PortfolioMemoModel.RISK_SHEET, PortfolioMemoModel.NOTES_SHEET)).containsExactly(WorkbookWriter.SUMMARY_SHEET,
                WorkbookWriter.CONTRACTS_SHEET, WorkbookWriter.PORTFOLIO_SHEET, WorkbookWriter.RISK_SHEET, WorkbookWriter.NOTES_SHEET);
    }

    /**
     * A cluster's place in the capital ranking from its own figures: group (commit, keep, free, do not commit), capital,
     * value from today and the gain over the alternative.
     */
    private record Ranked(String id, int group, double capital, double value, OptionalDouble gain) {
        static Ranked of(ClusterAnalysis c) {
            String id = c.cluster().id();
            double value = PortfolioMemoSentencesTest.decisionValue(c);
            if (c.cluster().status() == ClusterStatus.PLANNED) {
                double bought = PortfolioMemoSentencesTest.enteredValue(c);
                boolean buy = c.recommendation().decision().name().equals("BUY");
                return new Ranked(id, buy ? 0 : 3, capex(c), value, OptionalDouble.of(buy ? bought : -bought));
            }
            HoldFigures hold = c.metrics().hold().orElseThrow();
            if (hold.lifeEnded()) {
                return new Ranked(id, 2, 0, 0, OptionalDouble.empty());
            }
            OptionalDouble sale = hold.saleValue();
            if (c.recommendation().decision().name().equals("RESELL") && sale.isPresent()) {
                return new Ranked(id, 2, sale.getAsDouble(), value, OptionalDouble.of(sale.getAsDouble() - hold.holdValue()));
            }
            return new Ranked(id, 1, sale.orElse(0), value,
                    sale.isPresent() ? OptionalDouble.of(hold.holdValue() - sale.getAsDouble()) : OptionalDouble.empty());
        }

        double gainOrZero() {
            return gain.orElse(0);
        }
    }

    /** GPUs × capex per GPU. */
    private static double capex(ClusterAnalysis c) {
        return c.cluster().gpuCount() * c.cluster().capexPerGpu();
    }

    private String id(int cluster) {
        return portfolio.clusters().get(cluster).cluster().id();
    }

    private static String section(String from, String to) {
        int start = text.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        int end = text.indexOf(to, start);
        // Amounts as the memo prints them, with the minus sign (U+2212) whichever way the PDF's text comes back.
        return (end < 0 ? text.substring(start) : text.substring(start, end)).replace("-$", "−$");
    }

    /**
     * The first group of every match of {@code pattern}, in order, each once: a line cut by a page break is drawn (clipped)
     * on both pages, and the PDF's text has it twice.
     */
    private static List<String> ids(String section, String pattern) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(pattern).matcher(section);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found.stream().distinct().toList();
    }

    private static String money(String shown) {
        return shown.replace('-', '−');
    }

    private static String count(long n) {
        return String.format(java.util.Locale.US, "%,d", n);
    }

    private static List<SourceNote> warnings() {
        return IntStream.range(0, WARNINGS).mapToObj(i -> new SourceNote("warning", "Fleet!L" + (i + 2), "a bare 80 was read as 80%")).toList();
    }
}
