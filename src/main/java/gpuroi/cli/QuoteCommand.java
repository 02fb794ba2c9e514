package gpuroi.cli;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.ClusterUse;
import gpuroi.model.Field;
import gpuroi.model.InvalidValueException;
import gpuroi.model.Presets;
import gpuroi.model.PricePath;
import gpuroi.model.Quantities;
import gpuroi.model.Quantities.Per;
import gpuroi.model.RiskInputs;
import gpuroi.pipeline.QuoteJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** {@code gpuroi quote}: a what-if calculator for one cluster, from flags. */
@Command(name = "quote",
        mixinStandardHelpOptions = true,
        versionProvider = ToolVersion.Provider.class,
        sortOptions = false,
        usageHelpWidth = 110,
        description = {
            "What-if ROI of one GPU cluster, from flags.",
            "",
            "Prints monthly cash flows, IRR, NPV, payback, break-evens and a BUY/RENT (planned) or HOLD/RESELL (owned) "
                    + "decision with the numbers behind it.",
            "",
            "Money accepts 2.85, $2.85/hr, 50,000 or 50k. Shares accept 0.7 or 70%% (a bare 70 is read as 70%%, with a warning).",
            "European forms that read one way work too (62 000, 62’000, 2,85, 1.234,56); 62.000 reads two ways and is refused.",
            ""},
        footer = {"",
            "Examples:",
            "  gpuroi quote --preset article-h100",
            "  gpuroi quote --gpus 512 --capex-per-gpu 31,000 --price 2.10 --utilization 70%% --path decline:40%%",
            "  gpuroi quote --status owned --purchase-date 2023-06-01 --capex-per-gpu 45k --price 4.50 \\",
            "               --secondary-price 22,000 --json"})
public final class QuoteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "Start from a named case; other flags override it. 'article-h100': the source article's $50k H100 "
                    + "(5 years, 100%% utilization, blended to 50%%, 0.7 kW x PUE 1.3 x $0.10/kWh), priced at $1.65, $2.85 and $4.50.")
    String preset;

    @Option(names = "--id", paramLabel = "TEXT", description = "Name of the cluster in the output. Default: quote.")
    String id;

    @Option(names = "--model", paramLabel = "TEXT", description = "GPU model, for the record. Default: H100 SXM.")
    String gpuModel;

    @Option(names = "--gpus", paramLabel = "N", description = "Number of GPUs. Default: 1.")
    String gpus;

    @Option(names = "--capex-per-gpu", paramLabel = "MONEY",
            description = "All-in purchase cost per GPU (server share, network, install). Required without --preset.")
    String capexPerGpu;

    @Option(names = "--price", paramLabel = "MONEY", description = "Rental price at the start, per GPU-hour. Required without --preset.")
    String price;

    @Option(names = "--utilization", paramLabel = "SHARE", description = "Share of hours billed. Default: 100%%.")
    String utilization;

    @Option(names = "--life", paramLabel = "YEARS", description = "Useful life in years (a whole number of months). Default: 5.")
    String life;

    @Option(names = "--path", paramLabel = "SPEC",
            description = "Price path: flat | blended:END_SHARE:YEARS (linear, then flat) | decline:RATE (annual, geometric) | "
                    + "custom:yearly:F1,F2,... or custom:monthly:F1,... (multipliers of the start price). Default: blended:0.5:5.")
    String path;

    @Option(names = "--power-kw", paramLabel = "KW", description = "Power per GPU incl. its server share, kW. Default: the catalog's figure for --model (1.15 for H100 SXM), "
            + "as a workbook's Fleet row gets.")
    String powerKw;

    @Option(names = "--pue", paramLabel = "RATIO", description = "Facility power usage effectiveness (>= 1). Default: 1.0, as in a workbook.")
    String pue;

    @Option(names = "--kwh-price", paramLabel = "MONEY", description = "Electricity price per kWh. Default: 0 (power not costed, as in the source article and a workbook).")
    String kwhPrice;

    @Option(names = "--opex", paramLabel = "MONEY", description = "Other opex per GPU-month (colocation, staff, support). Default: 0.")
    String opex;

    @Option(names = "--residual", paramLabel = "SHARE", description = "Resale value at end of life, share of capex. Default: 0%%.")
    String residual;

    @Option(names = "--fee", paramLabel = "SHARE", description = "Marketplace fee, share of rental revenue. Default: 0%%.")
    String fee;

    @Option(names = "--discount", paramLabel = "RATE", description = "Annual discount rate for NPV. Default: 10%%.")
    String discount;

    @Option(names = "--hurdle", paramLabel = "RATE", description = "Annual return required to buy or hold. Default: the discount rate.")
    String hurdle;

    @Option(names = "--status", paramLabel = "planned|owned", description = "Planned (BUY/RENT) or owned (HOLD/RESELL). Default: planned.")
    String status;

    @Option(names = "--use", paramLabel = "rent-out|own-use",
            description = "Basis of BUY/RENT: rent-out (an investment selling the GPU-hours, net of the marketplace fee) or "
                    + "own-use (the hours replace renting them at the same price path, no fee). Default: rent-out.")
    String use;

    @Option(names = "--purchase-date", paramLabel = "YYYY-MM-DD",
            description = "When the cluster was (or will be) bought. Required for owned; default for planned: the valuation date.")
    String purchaseDate;

    @Option(names = "--secondary-price", paramLabel = "MONEY", description = "What one GPU would sell for today (owned clusters).")
    String secondaryPrice;

    @Option(names = "--resale-fee", paramLabel = "SHARE", description = "Share of a hardware sale lost to brokers and logistics. Default: 0%%.")
    String resaleFee;

    @Mixin
    ValuationDateOption valuation = new ValuationDateOption();

    @Option(names = "--currency", paramLabel = "CODE", description = "Currency of all amounts. Default: USD.")
    String currency;

    @Option(names = "--schedule", description = "Also print the monthly cash-flow schedule (or include it in --json).")
    boolean schedule;

    @Option(names = "--json", description = "Print JSON for scripts instead of the table.")
    boolean json;

    @Option(names = "--runs", paramLabel = "N",
            description = "Also run a Monte Carlo of N price and utilization paths and print P5/P50/P95 NPV and IRR, "
                    + "probability of loss, expected shortfall and decision flips (see the risk flags below for the process). At most 1,000,000.")
    Integer runs;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the Monte Carlo; the same seed prints the same figures. Default: 1.")
    long seed = 1;

    @Mixin
    RiskOptions risk = new RiskOptions();

    @Override
    public Integer call() {
        Inputs inputs = new Inputs();
        QuoteRequest request = inputs.resolve(this);
        for (String warning : inputs.warnings) {
            spec.commandLine().getErr().println("gpuroi quote: warning: " + warning);
        }
        Optional<String> runsProblem = RiskOptions.runsProblem(runs, 1);
        if (runsProblem.isPresent()) {
            spec.commandLine().getErr().println("gpuroi quote: " + runsProblem.get());
            return ExitCodes.INVALID_INPUT;
        }
        Optional<RiskInputs> risk = runs == null ? Optional.empty()
                : Optional.of(this.risk.settings().applyTo(RiskInputs.defaults(seed).withPaths(runs)));
        QuoteJob.Result result = QuoteJob.run(request.cluster(), request.assumptions(),
                request.articlePricePoints() ? Presets.ARTICLE_PRICES : List.of(), risk, json);
        QuoteReport report = new QuoteReport(result, schedule);
        spec.commandLine().getOut().print(json ? report.json() : report.text());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** The flag each field the model can refuse was typed under, so a problem names the flag the user gave. */
    static final Map<Field, String> FLAG_OF_FIELD = flagOfField();

    private static Map<Field, String> flagOfField() {
        Map<Field, String> m = new EnumMap<>(Field.class);
        m.put(Field.CLUSTER_ID, "--id");
        m.put(Field.GPU_MODEL, "--model");
        m.put(Field.GPU_COUNT, "--gpus");
        m.put(Field.CAPEX_PER_GPU, "--capex-per-gpu");
        m.put(Field.STATUS, "--status");
        m.put(Field.PURCHASE_DATE, "--purchase-date");
        m.put(Field.USEFUL_LIFE, "--life");
        m.put(Field.RESIDUAL_VALUE, "--residual");
        m.put(Field.POWER_PER_GPU, "--power-kw");
        m.put(Field.PUE, "--pue");
        m.put(Field.ELECTRICITY_PRICE, "--kwh-price");
        m.put(Field.OTHER_OPEX_PER_GPU_MONTH, "--opex");
        m.put(Field.UTILIZATION, "--utilization");
        m.put(Field.START_PRICE_PER_GPU_HOUR, "--price");
        m.put(Field.SECONDARY_PRICE_PER_GPU, "--secondary-price");
        m.put(Field.VALUATION_DATE, "--valuation-date");
        m.put(Field.DISCOUNT_RATE, "--discount");
        m.put(Field.HURDLE_RATE, "--hurdle");
        m.put(Field.MARKETPLACE_FEE, "--fee");
        m.put(Field.RESALE_FEE, "--resale-fee");
        m.put(Field.CURRENCY, "--currency");
        return Collections.unmodifiableMap(m);
    }

    /** What the flags resolve to. */
    record QuoteRequest(Cluster cluster, Assumptions assumptions, boolean articlePricePoints) {
    }

    /** Parses every flag, collecting all problems before giving up, so one run shows them all. */
    private static final class Inputs {
        final List<String> problems = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        private final Map<String, String> typedByFlag = new java.util.HashMap<>();

        QuoteRequest resolve(QuoteCommand c) {
            boolean article = false;
            Cluster.Builder builder;
            if (c.preset != null) {
                if (!c.preset.strip().equalsIgnoreCase(Presets.ARTICLE_H100)) {
                    problems.add("--preset '" + c.preset + "': unknown preset; expected " + Presets.ARTICLE_H100);
                }
                article = true;
                builder = Presets.articleH100Builder();
            } else {
                // The defaults a workbook's bare Fleet row gets, so quote and convert value the same cluster alike.
                String model = c.gpuModel == null ? "H100 SXM" : c.gpuModel.strip();
                builder = Cluster.builder("quote").gpuModel("H100 SXM").powerKwPerGpu(Presets.defaultPowerKwPerGpu(model))
                        .pue(Presets.DEFAULT_PUE).electricityPerKwh(Presets.DEFAULT_ELECTRICITY_PER_KWH)
                        .otherOpexPerGpuMonth(Presets.DEFAULT_OTHER_OPEX_PER_GPU_MONTH);
                if (c.capexPerGpu == null) {
                    problems.add("--capex-per-gpu is required (the all-in cost of one GPU, e.g. 50,000), or use --preset article-h100");
                }
                if (c.price == null) {
                    problems.add("--price is required (the rental price per GPU-hour at the start, e.g. 2.85), or use --preset article-h100");
                }
            }
            final Cluster.Builder b = builder;
            set(c.id, "--id", s -> s, b::id);
            set(c.gpuModel, "--model", s -> s, b::gpuModel);
            set(c.gpus, "--gpus", this::wholeNumber, b::gpuCount);
            set(c.capexPerGpu, "--capex-per-gpu", s -> Quantities.parseAmount(s, Per.GPU), b::capexPerGpu);
            set(c.price, "--price", s -> Quantities.parseAmount(s, Per.GPU_HOUR), b::startPricePerGpuHour);
            set(c.utilization, "--utilization", s -> share("--utilization", s), b::utilization);
            set(c.life, "--life", s -> Quantities.parseAmount(s, Per.NOTHING), years -> b.lifeYears(years));
            set(c.path, "--path", PricePath::parse, b::pricePath);
            set(c.powerKw, "--power-kw", s -> Quantities.parseAmount(s, Per.GPU), b::powerKwPerGpu);
            set(c.pue, "--pue", s -> Quantities.parseAmount(s, Per.NOTHING), b::pue);
            set(c.kwhPrice, "--kwh-price", s -> Quantities.parseAmount(s, Per.KWH), b::electricityPerKwh);
            set(c.opex, "--opex", s -> Quantities.parseAmount(s, Per.GPU_MONTH), b::otherOpexPerGpuMonth);
            set(c.residual, "--residual", s -> share("--residual", s), b::residualShare);
            set(c.status, "--status", ClusterStatus::parse, b::status);
            set(c.use, "--use", ClusterUse::parse, b::use);
            set(c.purchaseDate, "--purchase-date", this::date, b::startDate);
            set(c.secondaryPrice, "--secondary-price", s -> Quantities.parseAmount(s, Per.GPU), b::secondaryPricePerGpu);

            LocalDate valuation = null;
            try {
                valuation = c.valuation.orThisMonth();
            } catch (UserInputException e) {
                problems.add(e.getMessage());
            }
            Double discountRate = c.discount == null ? Double.valueOf(Assumptions.DEFAULT_DISCOUNT_RATE) : orNull(c.discount, "--discount", s -> share("--discount", s));
            Double hurdleRate = c.hurdle == null ? discountRate : orNull(c.hurdle, "--hurdle", s -> share("--hurdle", s));
            Double marketplaceFee = c.fee == null ? Double.valueOf(0) : orNull(c.fee, "--fee", s -> share("--fee", s));
            Double resale = c.resaleFee == null ? Double.valueOf(0) : orNull(c.resaleFee, "--resale-fee", s -> share("--resale-fee", s));

            Cluster cluster = null;
            Assumptions assumptions = null;
            try {
                cluster = b.build();
            } catch (InvalidValueException e) {
                e.all().forEach(this::addModelProblem);
            }
            if (valuation != null && discountRate != null && hurdleRate != null && marketplaceFee != null && resale != null) {
                try {
                    assumptions = new Assumptions(valuation, c.currency == null ? "USD" : c.currency, discountRate, hurdleRate,
                            PricePath.ARTICLE_BLENDED, marketplaceFee, resale);
                } catch (InvalidValueException e) {
                    e.all().forEach(this::addModelProblem);
                }
            }
            if (!problems.isEmpty() || cluster == null || assumptions == null) {
                List<String> lines = new ArrayList<>();
                lines.add("gpuroi quote: " + (problems.size() == 1 ? "1 problem" : problems.size() + " problems") + ":");
                problems.forEach(p -> lines.add("  " + p));
                lines.add("Run 'gpuroi quote --help' for every option with its unit and default.");
                throw new UserInputException(lines);
            }
            if (cluster.use() == ClusterUse.OWN_USE && cluster.status() == ClusterStatus.OWNED) {
                // As the Fleet sheet warns: an owned cluster is HOLD or RESELL whatever its Use.
                warnings.add("--use own-use: the cluster is owned, and HOLD or RESELL weighs its rental income against a sale;"
                        + " --use decides only BUY or RENT for a planned cluster");
            }
            return new QuoteRequest(cluster, assumptions, article && c.price == null);
        }

        private void addModelProblem(InvalidValueException e) {
            String flag = FLAG_OF_FIELD.getOrDefault(e.field(), e.label());
            String typed = typedByFlag.get(flag);
            problems.add(typed == null
                    ? flag + " is required here: " + e.expected()
                    : flag + " '" + typed.strip() + "': expected " + e.expected());
        }

        private <T> void set(String text, String flag, Function<String, T> parse, java.util.function.Consumer<T> target) {
            T value = orNull(text, flag, parse);
            if (value != null) {
                try {
                    target.accept(value);
                } catch (InvalidValueException e) {
                    problems.add(flag + " '" + text + "': expected " + e.expected());
                }
            }
        }

        private <T> T orNull(String text, String flag, Function<String, T> parse) {
            if (text == null) {
                return null;
            }
            typedByFlag.put(flag, text);
            try {
                return parse.apply(text);
            } catch (NumberFormatException e) {
                problems.add(flag + ": " + e.getMessage());
            } catch (InvalidValueException e) {
                problems.add(flag + " '" + text.strip() + "': expected " + e.expected());
            }
            return null;
        }

        private double share(String flag, String text) {
            Quantities.Percent percent = Quantities.parsePercent(text);
            percent.warning().ifPresent(w -> warnings.add(flag + ": " + w));
            return percent.fraction();
        }

        private int wholeNumber(String text) {
            double value = Quantities.parseAmount(text, Per.NOTHING);
            if (value != Math.rint(value) || Math.abs(value) > 10_000_000) {
                throw new NumberFormatException("'" + text.strip() + "' is not a whole number of GPUs");
            }
            return (int) value;
        }

        private LocalDate date(String text) {
            try {
                return LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw new NumberFormatException("'" + text.strip() + "' is not a date; expected YYYY-MM-DD, e.g. 2024-03-01");
            }
        }
    }
}
