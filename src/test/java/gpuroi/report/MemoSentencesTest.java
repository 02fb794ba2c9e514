package gpuroi.report;

import gpuroi.engine.SensitivityFigures;
import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.ClusterMetrics;
import gpuroi.engine.HoldFigures;
import gpuroi.engine.IrrResult;
import gpuroi.engine.MonthlyCashFlow;
import gpuroi.engine.OwnUseComparison;
import gpuroi.engine.RoiEngine;
import gpuroi.engine.StartPriceMargin;
import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.ClusterUse;
import gpuroi.model.Formats;
import gpuroi.model.PricePath;
import gpuroi.pipeline.Conversion;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every number in a memo's prose (the decision's reason, the market context and the buy-or-rent caption) is the one
 * named figure its words claim: "owning costs X per utilized GPU-hr against an expected Y" is the levelized cost and
 * price, "utilization must reach N% (assumed M%)" the break-even and the assumed utilization of the basis that decides,
 * "holding is worth X … more than the Y a sale fetches" the hold and sale values. A number no words claim, or one that
 * equals another figure than the one claimed, fails; so does a break-even of a basis that does not decide. And each
 * reason argues for its own decision: the comparison it cites favours it, or the sentence says why the other basis
 * does not decide.
 *
 * <p>The expected figures are taken from the result's records (metrics, own-use comparison, hold figures, the cluster,
 * the assumptions, the schedule), not from the sentences, so a number typed or computed in a sentence has nothing to match.
 */
class MemoSentencesTest {
    /** A number as prose shows it: an optional sign and currency symbol, digits with separators, an optional % or ×. */
    static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d.,])([−+-]?[$€£¥]?\\d[\\d,]*(?:\\.\\d+)?%?)");
    static final Pattern MONEY = Pattern.compile("[−-]?[$€£¥]\\d[\\d,]*");

    @Test
    void everyNumberInTheSampleMemosProseIsANamedFigureAndEveryReasonArguesForItsDecision() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String sample : List.of("samples/mixed-fleet.xlsx", "samples/article-h100.xlsx")) {
            Conversion.Options options = Conversion.Options.at(LocalDate.of(2026, 6, 1), Optional.empty(), "test")
                    .withoutMonteCarlo();
            Conversion.Analyzed analyzed = Conversion.analyze(Path.of(sample), options);
            Assumptions assumptions = analyzed.analysis().assumptions();
            for (ClusterAnalysis analysis : analyzed.analysis().clusters()) {
                problems.addAll(check(sample + " " + analysis.cluster().id(), analysis, assumptions));
                // The sentences checked are the ones the rendered memo prints: the reason whole; the market context may
                // run across a page break (footer in between), so its opening.
                String memo = MemoFixtures.flatText(MemoRenderer.builtIn(Paper.A4).clusterMemo(analysis, SensitivityFigures.of(analysis), Optional.empty(), assumptions, MemoFixtures.CONTEXT));
                String context = ClusterMemoModel.marketContext(analysis, assumptions.currency());
                for (String printed : List.of(analysis.recommendation().reason(), context.substring(0, context.indexOf('.') + 1))) {
                    if (!memo.contains(printed.replaceAll("\\s+", " "))) {
                        problems.add(sample + " " + analysis.cluster().id() + ": the memo does not print: " + printed);
                    }
                }
            }
        }
        assertThat(problems).as("sentences of the sample memos").isEmpty();
    }

    @Test
    void everyNumberInTheProseOfGeneratedClustersIsANamedFigureAndEveryReasonArguesForItsDecision() {
        Random random = new Random(20_260_601);
        LocalDate valuation = LocalDate.of(2026, 6, 1);
        List<String> problems = new ArrayList<>();
        Set<String> decisions = new LinkedHashSet<>();
        for (int i = 0; i < 24; i++) {
            Assumptions assumptions = new Assumptions(valuation, i % 5 == 4 ? "EUR" : "USD", 0.08 + 0.01 * random.nextInt(5),
                    0.10 + 0.01 * random.nextInt(6), PricePath.ARTICLE_BLENDED, 0.05 * random.nextInt(3), 0.05);
            ClusterAnalysis analysis = RoiEngine.analyze(generated(i, random, valuation), assumptions);
            decisions.add(analysis.recommendation().decision().name());
            problems.addAll(check("generated " + analysis.cluster().id(), analysis, assumptions));
        }
        // The sample's b200-plan both ways: the bases disagree, so each reason cites the other basis and the fee.
        for (ClusterUse use : ClusterUse.values()) {
            Assumptions at = BuyOrRentBothWaysMemoTest.AT;
            ClusterAnalysis analysis = RoiEngine.analyze(BuyOrRentBothWaysMemoTest.b200().use(use).build(), at);
            assertThat(analysis.recommendation().reason()).contains("turns NPV negative");
            problems.addAll(check("b200 " + use, analysis, at));
        }
        // A path priced at zero in every month: no start price moves the own-use comparison, and the reason says so
        // instead of printing a break-even it does not have.
        Cluster zero = generated(1, random, valuation).toBuilder().id("zero-path").use(ClusterUse.OWN_USE)
                .pricePath(new PricePath.Custom(PricePath.Custom.Step.MONTHLY, List.of(0.0))).build();
        ClusterAnalysis zeroPath = RoiEngine.analyze(zero, BuyOrRentBothWaysMemoTest.AT);
        assertThat(zeroPath.recommendation().reason()).contains("no start price alone changes which is cheaper");
        problems.addAll(check("zero path", zeroPath, BuyOrRentBothWaysMemoTest.AT));
        assertThat(decisions).as("the generated set reaches every decision").contains("BUY", "RENT", "HOLD", "RESELL");
        assertThat(problems).as("sentences of the generated clusters").isEmpty();
    }

    @Test
    void theCheckRefusesANumberThatClaimsNoFigureOrAnotherOneAndAReasonArguingTheOtherWay() {
        Assumptions at = BuyOrRentBothWaysMemoTest.AT;
        ClusterAnalysis analysis = RoiEngine.analyze(BuyOrRentBothWaysMemoTest.b200().use(ClusterUse.RENT_OUT).build(), at);
        assertThat(check("as written", analysis, at)).isEmpty();
        // Owning per GPU, worked out in the sentence: $1,112,821 / 16 = $69,551 is no named figure.
        String computed = "Owning costs " + Formats.money(analysis.metrics().ownUse().costToOwn() / 16, "USD") + " a GPU.";
        assertThat(claimed("computed", computed, analysis, at)).singleElement()
                .satisfies(p -> assertThat(p).contains("$69,551 claims no named figure"));
        // The levelized price where the words name the levelized cost: a figure of the result, but not the one claimed.
        String cost = Formats.price(analysis.metrics().levelizedCostPerGpuHour().getAsDouble(), "USD");
        String price = Formats.price(analysis.metrics().levelizedPricePerGpuHour().getAsDouble(), "USD");
        String swapped = analysis.recommendation().reason().replace("costs " + cost + " per utilized", "costs " + price + " per utilized");
        assertThat(swapped).isNotEqualTo(analysis.recommendation().reason());
        assertThat(claimed("swapped", swapped, analysis, at)).anySatisfy(p -> assertThat(p).contains("the levelized cost is " + cost));
        // The own-use break-even in a memo that decides as an investment names a basis that does not decide.
        String otherBasis = "Owning the GPU-hours is cheaper than renting them from a start price of "
                + Formats.price(analysis.metrics().ownUse().breakEvenStartPrice().getAsDouble(), "USD") + "/GPU-hr.";
        assertThat(claimed("other basis", otherBasis, analysis, at)).singleElement()
                .satisfies(p -> assertThat(p).contains("does not have on its basis"));

        String withoutWhy = "IRR 8.3% falls short of the 12.0% hurdle (NPV −$55,275 at 12.0%). For own use the answer would be BUY.";
        ClusterAnalysis arguingTheOtherWay = new ClusterAnalysis(analysis.cluster(), analysis.schedule(), analysis.metrics(),
                new gpuroi.engine.Recommendation(analysis.recommendation().decision(), withoutWhy), analysis.afterTax(),
                analysis.leverage(), analysis.tornadoRanges());
        assertThat(direction(arguingTheOtherWay, withoutWhy)).hasValueSatisfying(p -> assertThat(p).contains("without saying why"));
        assertThat(direction(analysis, analysis.recommendation().reason())).isEmpty();
    }

    /** Planned and owned, rented out and for own use, on every kind of price path, with prices from cheap to rich. */
    static Cluster generated(int i, Random random, LocalDate valuation) {
        PricePath path = switch (i % 4) {
            case 0 -> new PricePath.Flat();
            case 1 -> new PricePath.AnnualDecline(0.05 * (2 + random.nextInt(7)));
            case 2 -> new PricePath.Blended(0.3 + 0.1 * random.nextInt(4), 2 + random.nextInt(3));
            default -> new PricePath.Custom(PricePath.Custom.Step.YEARLY, List.of(1.0, 0.8, 0.65, 0.5));
        };
        boolean owned = i % 3 == 0;
        Cluster.Builder b = Cluster.builder("gen-" + i).gpuModel("H100").gpuCount(8 * (1 + random.nextInt(8)))
                .capexPerGpu(20_000 + 5_000 * random.nextInt(9)).lifeMonths(36 + 12 * random.nextInt(3))
                .residualShare(0.05 * random.nextInt(5)).powerKwPerGpu(0.7 + 0.1 * random.nextInt(5)).pue(1.2)
                .electricityPerKwh(0.06 + 0.02 * random.nextInt(4)).otherOpexPerGpuMonth(50 + 25 * random.nextInt(4))
                .utilization(0.4 + 0.1 * random.nextInt(6)).startPricePerGpuHour(1.0 + 0.25 * random.nextInt(16))
                .pricePath(path).use(i % 2 == 0 ? ClusterUse.RENT_OUT : ClusterUse.OWN_USE);
        if (owned) {
            b.status(ClusterStatus.OWNED).startDate(valuation.minusMonths(6 + random.nextInt(24)));
            if (i % 9 != 0) {
                b.secondaryPricePerGpu(5_000.0 + 2_500 * random.nextInt(8));
            }
        } else {
            b.status(ClusterStatus.PLANNED).startDate(valuation.plusMonths(random.nextInt(4)));
        }
        return b.build();
    }

    /** What is wrong with this cluster's sentences: numbers that claim no figure or another one, then reasons that argue the other way. */
    static List<String> check(String where, ClusterAnalysis analysis, Assumptions assumptions) {
        String reason = analysis.recommendation().reason();
        List<String> sentences = new ArrayList<>();
        sentences.add(reason);
        sentences.add(ClusterMemoModel.marketContext(analysis, assumptions.currency()));
        if (analysis.cluster().status() == ClusterStatus.PLANNED) {
            sentences.add((String) ClusterMemoModel.basis(analysis, assumptions).get("caption"));
        }
        List<String> problems = new ArrayList<>();
        for (String sentence : sentences) {
            problems.addAll(claimed(where, sentence, analysis, assumptions));
        }
        direction(analysis, reason).ifPresent(p -> problems.add(where + ": " + p + ", in: " + reason));
        return problems;
    }

    /** A claim: the words around a number that name one figure, and that figure as the sentence must show it (empty: none). */
    record Claim(String figure, Pattern where, Optional<String> expected) {
        static Claim of(String figure, String where, Optional<String> expected) {
            return new Claim(figure, Pattern.compile(where), expected);
        }

        static Claim of(String figure, String where, String expected) {
            return of(figure, where, Optional.of(expected));
        }
    }

    private static final String M = "([−-]?[$€£¥][\\d,]+(?:\\.\\d+)?)";
    private static final String SIGNED = "([+−-]?[$€£¥][\\d,]+)";
    private static final String P = "([−-]?\\d[\\d,]*(?:\\.\\d+)?%)";
    private static final String N = "(\\d[\\d,]*)";
    private static final String D = "(\\d{4}-\\d{2}-\\d{2})";

    /**
     * The figures a cluster's sentences may name, each bound to the words that name it: "owning costs X per utilized
     * GPU-hr against an expected Y" claims the levelized cost and price, "must reach N% (assumed M%)" the break-even and
     * the assumed utilization, "holding is worth X" the hold value. A break-even is the one of the basis that decides:
     * the investment's for a planned cluster rented out, the own-use comparison's for own use, the hold decision's for
     * an owned cluster; words naming another basis's break-even have nothing to match.
     */
    static List<Claim> claims(ClusterAnalysis analysis, Assumptions a) {
        String ccy = a.currency();
        Cluster cluster = analysis.cluster();
        ClusterMetrics m = analysis.metrics();
        OwnUseComparison own = m.ownUse();
        Optional<HoldFigures> hold = m.hold();
        boolean planned = cluster.status() == ClusterStatus.PLANNED;
        boolean investment = planned && cluster.use() == ClusterUse.RENT_OUT;
        boolean ownUse = planned && cluster.use() == ClusterUse.OWN_USE;
        List<MonthlyCashFlow> months = analysis.schedule().months();
        MonthlyCashFlow first = months.get(1);
        MonthlyCashFlow last = months.get(months.size() - 1);
        OptionalDouble basisUtilization = ownUse ? own.breakEvenUtilization()
                : investment ? m.breakEvenUtilization() : hold.map(HoldFigures::breakEvenUtilization).orElse(OptionalDouble.empty());
        Optional<StartPriceMargin> margin = StartPriceMargin.of(cluster.startPricePerGpuHour(),
                ownUse ? own.breakEvenStartPrice() : investment ? m.breakEvenStartPrice() : OptionalDouble.empty());
        OptionalDouble holdMove = hold.map(h -> h.startPriceMoveToFlip(cluster)).orElse(OptionalDouble.empty());
        String path = analysis.schedule().pricePath().describe(cluster.startPricePerGpuHour(), ccy);
        String startPrice = Formats.price(cluster.startPricePerGpuHour(), ccy);
        return List.of(
                // The inputs and the assumptions.
                new Claim("price path", Pattern.compile("(" + Pattern.quote(path) + ")"), Optional.of(path)),
                Claim.of("hurdle rate", "the " + P + " hurdle", Formats.percent(a.hurdleRate(), 1)),
                Claim.of("hurdle rate", "\\(NPV [^)]* at " + P + "\\)", Formats.percent(a.hurdleRate(), 1)),
                Claim.of("marketplace fee", "the " + P + " marketplace fee", Formats.percent(a.marketplaceFee(), 1)),
                Claim.of("resale fee", "less the " + P + " resale fee", Formats.percent(a.resaleFee(), 1)),
                Claim.of("valuation date", "(?:before the valuation date|valued at) " + D, a.valuationDate().toString()),
                Claim.of("start price", "\\(now " + M + "\\)", startPrice),
                Claim.of("start price", "instead of " + M + " \\(", startPrice),
                Claim.of("start price", "assumed " + M + " (?:could fall|for owning)", startPrice),
                Claim.of("assumed utilization", "\\(assumed " + P + "\\)", Formats.percent(cluster.utilization(), 0)),
                // The investment: IRR, NPV, levelized cost and price, break-evens.
                Claim.of("IRR", "^IRR " + P + " (?:clears|falls short)", unique(m.irr())),
                Claim.of("IRR", "^The IRR is (ambiguous \\([^)]*\\)) and NPV decides", m.irr() instanceof IrrResult.Ambiguous
                        ? Optional.of(m.irr().display(1)) : Optional.empty()),
                Claim.of("reason there is no IRR", "^There is no IRR \\((.*?)\\), so the return", m.irr() instanceof IrrResult.None
                        ? Optional.of(m.irr().note()) : Optional.empty()),
                Claim.of("NPV at the hurdle", "\\(NPV " + SIGNED + " at", signedMoney(m.npvAtHurdle(), ccy)),
                Claim.of("levelized cost", "Owning costs " + M + " per utilized GPU-hr", price(m.levelizedCostPerGpuHour(), ccy)),
                Claim.of("levelized price", "against an expected " + M, price(m.levelizedPricePerGpuHour(), ccy)),
                Claim.of("break-even start price of the investment",
                        "(?:renting would win below|buying pays only from|The hurdle is met from) a start price of " + M + "/GPU-hr",
                        investment ? price(m.breakEvenStartPrice(), ccy) : Optional.empty()),
                // Own use: the present costs of owning and renting the same GPU-hours, per hour, break-evens.
                Claim.of("GPU-hours used", "(?:owning|renting) the " + N + " GPU-hours", String.format(Locale.US, "%,.0f", own.gpuHours())),
                Claim.of("present cost of owning", "owning costs " + M + " at the", Formats.money(own.costToOwn(), ccy)),
                Claim.of("present cost of owning", "costs " + M + " against " + M + " to rent them", Formats.money(own.costToOwn(), ccy)),
                Claim.of("present cost of renting", "against " + M + " to rent them", Formats.money(own.costToRent(), ccy)),
                Claim.of("present cost of renting", "costs " + M + " against " + M + " to own them", Formats.money(own.costToRent(), ccy)),
                Claim.of("present cost of owning", "against " + M + " to own them", Formats.money(own.costToOwn(), ccy)),
                Claim.of("marketplace fee at the hurdle", "marketplace fee takes " + M + " of revenue", Formats.money(own.marketplaceFeeAtHurdle(), ccy)),
                Claim.of("cost of an owned GPU-hour", "An owned GPU-hour costs " + M, price(own.costToOwnPerGpuHour(), ccy)),
                Claim.of("price of a rented GPU-hour", "against " + M + " rented;", price(own.costToRentPerGpuHour(), ccy)),
                Claim.of("break-even start price for own use",
                        "(?:renting would be cheaper below|owning is cheaper only from|cheaper than renting them from) a start price of "
                                + M + "/GPU-hr", ownUse ? price(own.breakEvenStartPrice(), ccy) : Optional.empty()),
                // The margin to the break-even of the basis that decides, and its utilization.
                Claim.of("share the start price could fall", "assumed [$€£¥][\\d,.]+ could fall " + P,
                        margin.map(mg -> Formats.percent(mg.fallAllowed(), 1))),
                Claim.of("share the market would have to pay more", "would have to pay " + P + " more",
                        margin.map(mg -> Formats.percent(mg.riseNeeded(), 1))),
                Claim.of("break-even utilization",
                        "(?:or below|or from|it would pay from|renting would be cheaper below|owning would be from) " + P + " utilization",
                        percent(basisUtilization, 1)),
                Claim.of("break-even utilization", "(?:utilization must reach|worth the same at|worth nothing at) " + P,
                        percent(basisUtilization, 0)),
                // The schedule's prices the market context names, and the outside facts it cites.
                Claim.of("first month", "/GPU-hr in month " + N + " and", String.valueOf(first.month())),
                Claim.of("first month's price", M + "/GPU-hr in month \\d+ and", Formats.price(first.pricePerGpuHour(), ccy)),
                Claim.of("last month's price", "in month \\d+ and " + M + " in month", Formats.price(last.pricePerGpuHour(), ccy)),
                Claim.of("last month", " in month " + N + "\\.", String.valueOf(last.month())),
                Claim.of("implied annual price change", "implied average change of " + P + " a year",
                        percent(analysis.schedule().impliedAnnualPriceChange(), 1)),
                Claim.of("cited fall of H100 rentals", "against the " + P + "-a-year falls", "40%"),
                Claim.of("years of the cited falls", "H100 rentals in (\\d{4}–\\d{4})", "2023–2024"),
                Claim.of("ceiling of utilization", "no utilization up to " + P, "100%"),
                // Holding an owned cluster against selling it.
                Claim.of("hold value", "(?:Holding is worth|more than the) " + M + "(?: at| that holding)",
                        hold.map(h -> Formats.money(h.holdValue(), ccy))),
                Claim.of("capex still due", "less the " + M + " capex still due", hold.map(h -> Formats.money(h.capexStillDue(), ccy))),
                Claim.of("date the capex is due", "capex still due on " + D, analysis.schedule().startDate().toString()),
                Claim.of("sale value", "(?:A sale now fetches|more than the) " + M + " \\(", hold.flatMap(h -> money(h.saleValue(), ccy))),
                Claim.of("secondary price per GPU", "\\(" + M + " per GPU less", money(cluster.secondaryPricePerGpu(), ccy)),
                Claim.of("IRR of holding", "holding returns " + P + " a year", hold.flatMap(h -> unique(h.holdIrr()))),
                Claim.of("break-even secondary price", "(?:would win above|would win only below) " + M + " per GPU before fees",
                        hold.flatMap(h -> money(h.breakEvenSecondaryPrice(), ccy))),
                Claim.of("break-even start price of holding",
                        "(?:price path started below|price path starting at|on the path starting at) " + M + "/GPU-hr",
                        hold.flatMap(h -> price(h.breakEvenStartPrice(), ccy))),
                Claim.of("move of every price to flip", "every price from now on " + P + " (?:lower|higher)",
                        holdMove.isPresent() ? Optional.of(Formats.percent(Math.abs(holdMove.getAsDouble()), 1)) : Optional.empty()),
                Claim.of("fall of every price to flip", "from the valuation date on could fall " + P,
                        holdMove.isPresent() ? Optional.of(Formats.percent(-holdMove.getAsDouble(), 1)) : Optional.empty()),
                Claim.of("rise of every price to flip", "from the valuation date on would have to be " + P + " higher",
                        holdMove.isPresent() ? Optional.of(Formats.percent(holdMove.getAsDouble(), 1)) : Optional.empty()),
                Claim.of("end of the useful life", "[Ii]ts useful life ended on " + D,
                        hold.flatMap(HoldFigures::lifeEndedOn).map(LocalDate::toString)),
                Claim.of("residual booked at the end of life", "including the " + M + " residual", Formats.money(m.residualValue(), ccy)));
    }

    /**
     * What is wrong with one sentence: a number (or date) no claim covers, or a claimed figure that differs from the one
     * the result holds under that name.
     */
    static List<String> claimed(String where, String sentence, ClusterAnalysis analysis, Assumptions assumptions) {
        List<String> problems = new ArrayList<>();
        boolean[] covered = new boolean[sentence.length()];
        for (Claim claim : claims(analysis, assumptions)) {
            Matcher matcher = claim.where().matcher(sentence);
            while (matcher.find()) {
                String shown = matcher.group(1).replace('-', '−');
                for (int c = matcher.start(1); c < matcher.end(1); c++) {
                    covered[c] = true;
                }
                if (claim.expected().isEmpty()) {
                    problems.add(where + ": cites a " + claim.figure() + " " + shown + " the result does not have on its basis, in: "
                            + sentence);
                } else if (!claim.expected().get().replace('-', '−').equals(shown)) {
                    problems.add(where + ": the " + claim.figure() + " is " + claim.expected().get() + ", the sentence shows " + shown
                            + ", in: " + sentence);
                }
            }
        }
        Matcher numbers = NUMBER.matcher(sentence);
        while (numbers.find()) {
            if (!covered[numbers.start(1)]) {
                problems.add(where + ": " + numbers.group(1) + " claims no named figure, in: " + sentence);
            }
        }
        if (sentence.contains("n/a")) {
            problems.add(where + ": a missing figure printed as n/a where the sentence claims one, in: " + sentence);
        }
        return problems;
    }

    private static Optional<String> unique(IrrResult irr) {
        return irr instanceof IrrResult.Unique u ? Optional.of(Formats.percent(u.annual(), 1)) : Optional.empty();
    }

    private static Optional<String> price(OptionalDouble value, String ccy) {
        return value.isPresent() ? Optional.of(Formats.price(value.getAsDouble(), ccy)) : Optional.empty();
    }

    private static Optional<String> money(OptionalDouble value, String ccy) {
        return value.isPresent() ? Optional.of(Formats.money(value.getAsDouble(), ccy)) : Optional.empty();
    }

    private static Optional<String> percent(OptionalDouble value, int decimals) {
        return value.isPresent() ? Optional.of(Formats.percent(value.getAsDouble(), decimals)) : Optional.empty();
    }

    private static String signedMoney(double value, String ccy) {
        return (value >= 0 ? "+" : "") + Formats.money(value, ccy);
    }

    /** Why the reason argues against its own decision, if it does. */
    static Optional<String> direction(ClusterAnalysis analysis, String reason) {
        String decision = analysis.recommendation().decision().name();
        boolean saysWhyNot = reason.contains("marketplace fee takes") && reason.contains("for own use no fee is paid");
        switch (decision) {
            case "RENT" -> {
                if (analysis.cluster().use() == ClusterUse.OWN_USE) {
                    // "renting the … GPU-hours … costs R against O to own them": renting must be the cheaper.
                    List<Double> costs = moneyAfter(reason, "costs ");
                    List<Double> against = moneyAfter(reason, "against ");
                    if (analysis.metrics().ownUse().gpuHours() > 0
                            && (costs.isEmpty() || against.isEmpty() || costs.get(0) > against.get(0))) {
                        return Optional.of("an own-use RENT must cite renting as no dearer than owning, found " + costs + " against " + against);
                    }
                    if (reason.contains("(NPV +") && !saysWhyNot) {
                        return Optional.of("an own-use RENT cites a positive NPV without saying why it does not decide");
                    }
                } else if ((reason.contains("For own use the answer would be BUY") || reason.contains("cheaper to own")) && !saysWhyNot) {
                    return Optional.of("a RENT cites owning as cheaper without saying why that does not decide");
                } else if (npvAt(reason) >= 0) {
                    return Optional.of("a RENT cites a non-negative NPV on its basis");
                }
            }
            case "BUY" -> {
                if (analysis.cluster().use() == ClusterUse.RENT_OUT && npvAt(reason) < 0) {
                    return Optional.of("a BUY cites a negative NPV on its basis");
                }
                if (analysis.cluster().use() == ClusterUse.OWN_USE) {
                    if (reason.contains("(NPV −") && !saysWhyNot) {
                        return Optional.of("an own-use BUY cites a negative NPV without saying why it does not decide");
                    }
                    List<Double> costs = moneyAfter(reason, "costs ");
                    List<Double> against = moneyAfter(reason, "against ");
                    if (analysis.metrics().ownUse().gpuHours() > 0 && (costs.isEmpty() || against.isEmpty() || costs.get(0) > against.get(0))) {
                        return Optional.of("an own-use BUY must cite owning as no dearer than renting");
                    }
                }
            }
            case "HOLD" -> {
                if (reason.startsWith("Holding is worth ") && reason.contains("more than the ")) {
                    double hold = moneyAfter(reason, "Holding is worth ").get(0);
                    double sale = moneyAfter(reason, "more than the ").get(0);
                    if (hold < sale) {
                        return Optional.of("a HOLD cites a hold value " + hold + " below the sale " + sale);
                    }
                } else if (!reason.startsWith("Holding is worth ")) {
                    return Optional.of("a HOLD does not open with the value of holding");
                }
            }
            case "RESELL" -> {
                if (reason.startsWith("A sale now fetches ")) {
                    double sale = moneyAfter(reason, "A sale now fetches ").get(0);
                    double hold = moneyAfter(reason, "more than the ").get(0);
                    if (sale < hold) {
                        return Optional.of("a RESELL cites a sale " + sale + " below the hold value " + hold);
                    }
                } else if (!reason.startsWith("Its useful life ended on ")) {
                    return Optional.of("a RESELL neither compares the sale with holding nor says the life ended");
                }
            }
            default -> {
                return Optional.of("unexpected decision " + decision);
            }
        }
        return Optional.empty();
    }

    /** The first NPV the reason cites, "(NPV +$1,234 at …" or "(NPV −$1,234 at …". */
    static double npvAt(String reason) {
        Matcher m = Pattern.compile("\\(NPV ([+−]?)[$€£¥]([\\d,]+)").matcher(reason);
        assertThat(m.find()).as("an NPV in: " + reason).isTrue();
        return ("−".equals(m.group(1)) ? -1 : 1) * Double.parseDouble(m.group(2).replace(",", ""));
    }

    /** The amounts that directly follow each occurrence of {@code lead}, in order. */
    static List<Double> moneyAfter(String text, String lead) {
        List<Double> amounts = new ArrayList<>();
        int at = text.indexOf(lead);
        while (at >= 0) {
            Matcher m = MONEY.matcher(text).region(at + lead.length(), text.length());
            if (m.lookingAt()) {
                String s = m.group();
                amounts.add((s.startsWith("−") || s.startsWith("-") ? -1 : 1) * Double.parseDouble(s.replaceAll("[^\\d]", "")));
            }
            at = text.indexOf(lead, at + 1);
        }
        return amounts;
    }
}
