package gpuroi.report;

import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.ContractAnalysis;
import gpuroi.engine.ContractDecision;
import gpuroi.engine.LeaseAnalyzer;
import gpuroi.model.Assumptions;
import gpuroi.model.Formats;
import gpuroi.model.Lease;
import gpuroi.model.LeaseRole;
import gpuroi.model.MarketQuote;
import gpuroi.model.PricePath;
import gpuroi.pipeline.Conversion;
import gpuroi.pipeline.ConversionJob;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The sentences written into the output workbook and the contract memos name their figures: each number in a contract's
 * reason is matched to the one figure its words claim (the keep cost after "is", the termination fee before "fee", the
 * break-even fee after "below a fee of", …) and must equal that figure as the result holds it, and the option the reason
 * chooses is the one it shows as cheapest. The ROI Summary and ROI Contracts reason cells are the engine's reasons as the
 * memos print them, and the cluster reasons are held to {@link MemoSentencesTest}'s check.
 */
class ContractAndSheetSentencesTest {
    private static final Conversion.Options OPTIONS = Conversion.Options.at(LocalDate.of(2026, 6, 1), Optional.empty(), "test")
            .withoutMonteCarlo();

    @Test
    void everyReasonInTheSampleWorkbooksSheetsAndContractMemosNamesItsOwnFigures(@TempDir Path dir) throws Exception {
        List<String> problems = new ArrayList<>();
        for (String sample : List.of("samples/mixed-fleet.xlsx", "samples/article-h100.xlsx")) {
            Path output = dir.resolve(Path.of(sample).getFileName());
            Conversion.Analyzed analyzed = ConversionJob.run(Path.of(sample), OPTIONS, ConversionJob.Plan.write(output)).analyzed().orElseThrow();
            Assumptions assumptions = analyzed.analysis().assumptions();
            Map<String, String> summary = reasons(output, "ROI Summary", 29);
            Map<String, String> contracts = reasons(output, "ROI Contracts", 23);
            for (ClusterAnalysis cluster : analyzed.analysis().clusters()) {
                String id = cluster.cluster().id();
                assertThat(summary.get(id)).as(sample + " ROI Summary reason of " + id).isEqualTo(cluster.recommendation().reason());
                problems.addAll(MemoSentencesTest.check(sample + " " + id, cluster, assumptions));
            }
            assertThat(contracts).as(sample + " contracts on ROI Contracts").hasSize(analyzed.analysis().contracts().size());
            for (ContractAnalysis contract : analyzed.analysis().contracts()) {
                String id = contract.contract().contractId();
                assertThat(contracts.get(id)).as(sample + " ROI Contracts reason of " + id).isEqualTo(contract.reason());
                String memo = MemoFixtures.flatText(MemoRenderer.builtIn(Paper.A4).contractMemo(contract, Optional.empty(), assumptions, MemoFixtures.CONTEXT));
                if (!memo.contains(contract.reason().replaceAll("\\s+", " "))) {
                    problems.add(sample + " " + id + ": the contract memo does not print its reason: " + contract.reason());
                }
                problems.addAll(check(sample + " " + id, contract, assumptions));
            }
        }
        assertThat(problems).as("sentences of the sample workbooks").isEmpty();
    }

    @Test
    void everyReasonOfGeneratedContractsNamesItsOwnFiguresAndArguesForItsDecision() {
        Random random = new Random(20_260_602);
        LocalDate valuation = LocalDate.of(2026, 6, 1);
        List<String> problems = new ArrayList<>();
        List<ContractDecision> reached = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Assumptions at = new Assumptions(valuation, i % 5 == 4 ? "EUR" : "USD", 0.08 + 0.01 * random.nextInt(5),
                    0.10 + 0.01 * random.nextInt(6), PricePath.ARTICLE_BLENDED, 0.05 * random.nextInt(3), 0.05);
            int gpus = 4 * (1 + random.nextInt(8));
            Lease lease = new Lease("k-" + i, LeaseRole.LESSEE, Optional.empty(), Optional.of("Cloud " + i), "H100", gpus,
                    1.5 + 0.25 * random.nextInt(12), valuation.minusMonths(random.nextInt(30)), 12 + 6 * random.nextInt(6),
                    0.1 * random.nextInt(4), random.nextInt(gpus + 1), random.nextBoolean(),
                    i % 4 == 0 ? OptionalDouble.empty() : OptionalDouble.of(5_000.0 * random.nextInt(40)));
            List<MarketQuote> quotes = List.of(new MarketQuote("H100", OptionalDouble.of(1.0 + 0.25 * random.nextInt(14)),
                    OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()));
            ContractAnalysis contract = LeaseAnalyzer.analyze(lease, at, quotes);
            reached.add(contract.decision());
            problems.addAll(check("generated " + lease.contractId(), contract, at));
        }
        assertThat(reached).as("the generated set reaches every decision").contains(ContractDecision.values());
        assertThat(problems).as("sentences of the generated contracts").isEmpty();
    }

    @Test
    void theCheckRefusesANumberThatClaimsAnotherFigure() {
        Assumptions at = new Assumptions(LocalDate.of(2026, 6, 1), "USD", 0.10, 0.10, PricePath.ARTICLE_BLENDED, 0.08, 0.05);
        Lease lease = new Lease("k", LeaseRole.LESSEE, Optional.empty(), Optional.of("Cloud"), "H100", 16, 3.0,
                LocalDate.of(2026, 1, 1), 24, 0, 16, false, OptionalDouble.of(100_000));
        ContractAnalysis contract = LeaseAnalyzer.analyze(lease, at, List.of(new MarketQuote("H100", OptionalDouble.of(2.0),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty())));
        assertThat(check("as written", contract, at)).isEmpty();
        // The keep cost printed where the reason names the termination fee: a figure of the result, but not the one claimed.
        String swapped = contract.reason().replace(Formats.money(100_000, "USD") + " fee",
                Formats.money(contract.keepCost(), "USD") + " fee");
        assertThat(swapped).isNotEqualTo(contract.reason());
        ContractAnalysis withSwap = withReason(contract, swapped);
        assertThat(check("swapped", withSwap, at)).anySatisfy(p -> assertThat(p).contains("termination fee"));
    }

    /** Each contract's reason cell on a written sheet, by the id in its first column. */
    private static Map<String, String> reasons(Path workbook, String sheetName, int column) throws Exception {
        Map<String, String> reasons = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(workbook); Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheet(sheetName);
            if (sheet == null) {
                return reasons;
            }
            for (Row row : sheet) {
                if (row.getRowNum() == 0 || row.getCell(0) == null || row.getCell(column) == null) {
                    continue;
                }
                reasons.put(row.getCell(0).getStringCellValue(), row.getCell(column).getStringCellValue());
            }
        }
        return reasons;
    }

    private static ContractAnalysis withReason(ContractAnalysis k, String reason) {
        return new ContractAnalysis(k.contract(), k.marketPrice(), k.remainingMonths(), k.monthlyObligation(),
                k.prepaymentStillDue(), k.keepCost(), k.resellCapacityCost(), k.terminateCost(), k.keepCostAtDiscountRate(),
                k.decision(), reason, k.npvGainAtHurdle(), k.breakEvenTerminationFee(), k.breakEvenMarketPriceResellOverTerminate(),
                k.breakEvenMarketPriceTerminateOverKeep(), k.keepPayments());
    }

    /** A claim: where in the sentence a number stands for one named figure, and that figure as the reason must show it. */
    private record Claim(String figure, Pattern where, Optional<String> expected) {
    }

    /**
     * What is wrong with a contract's reason: a number no claim covers, a claimed figure that differs from the result's,
     * or a decision that the costs it cites do not make cheapest.
     */
    static List<String> check(String where, ContractAnalysis k, Assumptions a) {
        String ccy = a.currency();
        Lease lease = k.contract();
        String reason = k.reason();
        List<String> problems = new ArrayList<>();
        if (k.remainingMonths() == 0) {
            String ended = "The contract ended on " + lease.endDate() + "; nothing is left to pay.";
            if (!reason.equals(ended)) {
                problems.add(where + ": an ended contract's reason should say only when it ended, found: " + reason);
            }
            return problems;
        }
        String m = "([−-]?[$€£¥][\\d,]+(?:\\.\\d+)?)";
        List<Claim> claims = List.of(
                new Claim("idle GPUs", Pattern.compile("^Resell the (\\d+) idle GPUs"), Optional.of(String.valueOf(lease.idleGpus()))),
                new Claim("hurdle rate", Pattern.compile("at the ([\\d.]+%) hurdle"), Optional.of(Formats.percent(a.hurdleRate(), 1))),
                new Claim("remaining months", Pattern.compile("over (\\d+) remaining months"), Optional.of(String.valueOf(k.remainingMonths()))),
                new Claim("GPUs needed", Pattern.compile("\\((\\d+) of \\d+ GPUs needed"), Optional.of(String.valueOf(lease.gpusNeeded()))),
                new Claim("GPUs rented", Pattern.compile("of (\\d+) GPUs needed\\)"), Optional.of(String.valueOf(lease.gpuCount()))),
                new Claim("keep cost", Pattern.compile("is " + m + " to keep"), Optional.of(Formats.money(k.keepCost(), ccy))),
                new Claim("resell cost", Pattern.compile(m + " reselling idle capacity"), money(k.resellCapacityCost(), ccy)),
                new Claim("terminate cost", Pattern.compile(m + " terminating \\("), money(k.terminateCost(), ccy)),
                new Claim("termination fee", Pattern.compile("\\(" + m + " fee, then"), money(lease.terminationFee(), ccy)),
                new Claim("GPUs renewed at the market", Pattern.compile("then renting (\\d+) GPUs"), Optional.of(String.valueOf(lease.gpusNeeded()))),
                new Claim("market price", Pattern.compile("; market " + m + "/GPU-hr"),
                        Optional.of(Formats.price(k.marketPrice().startPricePerGpuHour(), ccy))),
                new Claim("break-even termination fee", Pattern.compile("(?:below a fee of|while the fee is below) " + m + "\\."),
                        money(k.breakEvenTerminationFee(), ccy)),
                new Claim("market price where reselling beats terminating", Pattern.compile("above a market price of " + m + "/GPU-hr"),
                        k.breakEvenMarketPriceResellOverTerminate().isPresent()
                                ? Optional.of(Formats.price(k.breakEvenMarketPriceResellOverTerminate().getAsDouble(), ccy)) : Optional.empty()),
                new Claim("market price where terminating beats keeping", Pattern.compile("below a market price of " + m + "/GPU-hr"),
                        k.breakEvenMarketPriceTerminateOverKeep().isPresent()
                                ? Optional.of(Formats.price(k.breakEvenMarketPriceTerminateOverKeep().getAsDouble(), ccy)) : Optional.empty()));
        boolean[] covered = new boolean[reason.length()];
        for (Claim claim : claims) {
            Matcher matcher = claim.where().matcher(reason);
            while (matcher.find()) {
                String shown = matcher.group(1).replace('-', '−');
                for (int c = matcher.start(1); c < matcher.end(1); c++) {
                    covered[c] = true;
                }
                if (claim.expected().isEmpty()) {
                    problems.add(where + ": cites a " + claim.figure() + " " + shown + " the result does not have, in: " + reason);
                } else if (!claim.expected().get().replace('-', '−').equals(shown)) {
                    problems.add(where + ": the " + claim.figure() + " is " + claim.expected().get() + ", the reason shows " + shown
                            + ", in: " + reason);
                }
            }
        }
        Matcher numbers = MemoSentencesTest.NUMBER.matcher(reason);
        while (numbers.find()) {
            if (!covered[numbers.start(1)]) {
                problems.add(where + ": " + numbers.group(1) + " claims no named figure, in: " + reason);
            }
        }
        // The chosen option is the cheapest the reason shows, and a fee break-even sits on the side of the fee that decides.
        double chosen = k.chosenCost();
        for (OptionalDouble other : List.of(OptionalDouble.of(k.keepCost()), k.resellCapacityCost(), k.terminateCost())) {
            if (other.isPresent() && other.getAsDouble() < chosen - 1e-6) {
                problems.add(where + ": " + k.decision() + " costs " + chosen + ", more than another open option it cites ("
                        + other.getAsDouble() + "), in: " + reason);
            }
        }
        if (k.breakEvenTerminationFee().isPresent() && lease.terminationFee().isPresent()) {
            double flip = k.breakEvenTerminationFee().getAsDouble();
            double fee = lease.terminationFee().getAsDouble();
            if (reason.contains("Terminating would win below a fee of") && fee < flip) {
                problems.add(where + ": says terminating would win below a fee of " + flip + " while the fee is " + fee);
            }
            if (reason.contains("Terminating wins while the fee is below") && fee > flip) {
                problems.add(where + ": terminates while the fee " + fee + " is above the break-even " + flip);
            }
        }
        return problems;
    }

    private static Optional<String> money(OptionalDouble value, String ccy) {
        return value.isPresent() ? Optional.of(Formats.money(value.getAsDouble(), ccy)) : Optional.empty();
    }
}
