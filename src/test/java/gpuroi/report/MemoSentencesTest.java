package gpuroi.report;

import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.HoldFigures;
import gpuroi.engine.IrrResult;
import gpuroi.engine.MonthlyCashFlow;
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

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * Every number in a memo's prose (the decision's reason, the market context and the buy-or-rent caption) is a named
 * figure of the result in one of the forms {@link Formats} shows, so no sentence carries a number that a text builder
 * worked out on its own; and each reason argues for its own decision: the comparison it cites favours it, or the
 * sentence says why the other basis does not decide.
 *
 * <p>The figures are taken from the result's records by their components (metrics, own-use comparison, hold figures,
 * the cluster, the assumptions, the price path, the lessor contracts), not from the sentences, so a number typed or
 * computed in a sentence has nothing to match.
 */
class MemoSentencesTest {
    /**
     * Numbers a sentence may carry that are not figures of this result, each with why. The market context cites the
     * H100 rental falls of 2023–2024 as an outside fact; "up to 100%" is the ceiling of utilization, not a figure.
     */
    static final Map<String, String> KNOWN_CONSTANTS = Map.of(
            "40%", "the 40%-a-year H100 rental falls cited as outside context",
            "2023", "the years of the cited H100 rental falls",
            "2024", "the years of the cited H100 rental falls",
            "100%", "the ceiling of utilization in \"no utilization up to 100%\"");

    /** A number as prose shows it: an optional sign and currency symbol, digits with separators, an optional % or ×. */
    static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d.,])([−+-]?[$€£¥]?\\d[\\d,]*(?:\\.\\d+)?%?)");
    static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    static final Pattern MONEY = Pattern.compile("[−-]?[$€£¥]\\d[\\d,]*");

    @Test
    void everyNumberInTheSampleMemosProseIsANamedFigureAndEveryReasonArguesForItsDecision() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String sample : List.of("samples/mixed-fleet.xlsx", "samples/article-h100.xlsx")) {
            Conversion.Options options = new Conversion.Options(LocalDate.of(2026, 6, 1), Optional.empty(), "test",
                    OptionalInt.of(0), OptionalLong.empty());
            Conversion.Analyzed analyzed = Conversion.analyze(Path.of(sample), options);
            Assumptions assumptions = analyzed.analysis().assumptions();
            for (ClusterAnalysis analysis : analyzed.analysis().clusters()) {
                problems.addAll(check(sample + " " + analysis.cluster().id(), analysis, assumptions));
                // The sentences checked are the ones the rendered memo prints: the reason whole; the market context may
                // run across a page break (footer in between), so its opening.
                String memo = MemoFixtures.flatText(MemoRenderer.builtIn(Paper.A4).clusterMemo(analysis, assumptions, MemoFixtures.CONTEXT));
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
        assertThat(decisions).as("the generated set reaches every decision").contains("BUY", "RENT", "HOLD", "RESELL");
        assertThat(problems).as("sentences of the generated clusters").isEmpty();
    }

    @Test
    void theCheckRefusesANumberWorkedOutInASentenceAndAReasonArguingTheOtherWay() {
        Assumptions at = BuyOrRentBothWaysMemoTest.AT;
        ClusterAnalysis analysis = RoiEngine.analyze(BuyOrRentBothWaysMemoTest.b200().use(ClusterUse.RENT_OUT).build(), at);
        Figures figures = Figures.of(analysis, at);
        // Owning per GPU, worked out in the sentence: $1,112,821 / 16 = $69,551 is no named figure.
        String computed = "Owning costs " + Formats.money(analysis.metrics().ownUse().costToOwn() / 16, "USD") + " a GPU.";
        assertThat(unmatched(computed, figures)).containsExactly("$69,551");
        assertThat(unmatched("Owning costs " + Formats.money(analysis.metrics().ownUse().costToOwn(), "USD") + ".", figures)).isEmpty();

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

    /** What is wrong with this cluster's sentences: unmatched numbers, then reasons that argue the other way. */
    static List<String> check(String where, ClusterAnalysis analysis, Assumptions assumptions) {
        Figures figures = Figures.of(analysis, assumptions);
        String reason = analysis.recommendation().reason();
        List<String> sentences = new ArrayList<>();
        sentences.add(reason);
        sentences.add(ClusterMemoModel.marketContext(analysis, assumptions.currency()));
        if (analysis.cluster().status() == ClusterStatus.PLANNED) {
            sentences.add((String) ClusterMemoModel.basis(analysis, assumptions).get("caption"));
        }
        List<String> problems = new ArrayList<>();
        for (String sentence : sentences) {
            for (String token : unmatched(sentence, figures)) {
                problems.add(where + ": " + token + " is no figure of the result, in: " + sentence);
            }
        }
        direction(analysis, reason).ifPresent(p -> problems.add(where + ": " + p + ", in: " + reason));
        return problems;
    }

    static List<String> unmatched(String sentence, Figures figures) {
        List<String> unmatched = new ArrayList<>();
        Matcher dates = DATE.matcher(sentence);
        while (dates.find()) {
            if (!figures.dates.contains(dates.group())) {
                unmatched.add(dates.group());
            }
        }
        Matcher numbers = NUMBER.matcher(DATE.matcher(sentence).replaceAll(" "));
        while (numbers.find()) {
            String token = numbers.group(1).replaceFirst("^\\+", "").replace('-', '−');
            if (!figures.shown.contains(token) && !KNOWN_CONSTANTS.containsKey(token)) {
                unmatched.add(token);
            }
        }
        return unmatched;
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

    /** The named figures of one result, in every form the memo shows numbers. */
    static final class Figures {
        final Set<String> shown = new LinkedHashSet<>();
        final Set<String> dates = new LinkedHashSet<>();
        private final String currency;

        private Figures(String currency) {
            this.currency = currency;
        }

        static Figures of(ClusterAnalysis analysis, Assumptions assumptions) {
            Figures f = new Figures(assumptions.currency());
            Cluster cluster = analysis.cluster();
            f.walk(analysis.metrics(), 0);
            f.walk(cluster, 0);
            f.walk(assumptions, 0);
            f.walk(analysis.schedule().pricePath(), 0);
            analysis.schedule().lessorContracts().forEach(lease -> f.walk(lease, 0));
            analysis.afterTax().ifPresent(t -> f.walk(t, 0));
            analysis.leverage().ifPresent(l -> f.walk(l, 0));
            f.dates.add(analysis.schedule().startDate().toString());
            // The months the market context names: the first and the last of the schedule, with their prices.
            List<MonthlyCashFlow> months = analysis.schedule().months();
            for (MonthlyCashFlow month : List.of(months.get(1), months.get(months.size() - 1))) {
                f.add(month.pricePerGpuHour());
                f.add(month.month());
            }
            analysis.schedule().impliedAnnualPriceChange().ifPresent(f::add);
            analysis.metrics().hold().flatMap(HoldFigures::lifeEndedOn).ifPresent(d -> f.dates.add(d.toString()));
            analysis.metrics().hold().ifPresent(h -> h.startPriceMoveToFlip(cluster).ifPresent(f::add));
            for (OptionalDouble breakEven : List.of(analysis.metrics().breakEvenStartPrice(), analysis.metrics().ownUse().breakEvenStartPrice())) {
                StartPriceMargin.of(cluster.startPricePerGpuHour(), breakEven).ifPresent(m -> {
                    f.walk(m, 0);
                    f.add(m.fallAllowed());
                    f.add(m.riseNeeded());
                });
            }
            return f;
        }

        /** Every number a record holds, through optionals, IRR results and nested records. */
        private void walk(Object value, int depth) {
            if (value == null || depth > 4) {
                return;
            }
            if (value instanceof Double d) {
                add(d);
            } else if (value instanceof Integer n) {
                add(n);
            } else if (value instanceof Long n) {
                add(n);
            } else if (value instanceof OptionalDouble o) {
                o.ifPresent(this::add);
            } else if (value instanceof Optional<?> o) {
                o.ifPresent(v -> walk(v, depth + 1));
            } else if (value instanceof LocalDate d) {
                dates.add(d.toString());
            } else if (value instanceof IrrResult.Unique u) {
                add(u.annual());
            } else if (value instanceof IrrResult.Ambiguous a) {
                a.annualRates().forEach(this::add);
            } else if (value instanceof Collection<?> c && c.size() <= 24) {
                c.forEach(v -> walk(v, depth + 1));
            } else if (value instanceof Record r) {
                for (RecordComponent component : r.getClass().getRecordComponents()) {
                    try {
                        walk(component.getAccessor().invoke(r), depth + 1);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }

        /** Minus as the memo prints it, whichever formatter made the text. */
        private void show(String text) {
            shown.add(text.replace('-', '−'));
        }

        private void add(double v) {
            for (double x : new double[] {v, -v}) {
                show(Formats.money(x, currency));
                show(Formats.price(x, currency));
                show(Formats.percent(x, 0));
                show(Formats.percent(x, 1));
                show(Formats.plain(x));
                show(new java.text.DecimalFormat("0.0", java.text.DecimalFormatSymbols.getInstance(Locale.US)).format(x));
                show(String.format(Locale.US, "%,.0f", x));
                show(String.format(Locale.US, "%.2f×", x));
            }
        }
    }
}
