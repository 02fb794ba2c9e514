package gpuroi.workbook;

import gpuroi.model.Assumptions;
import gpuroi.model.Financing;
import gpuroi.model.Formats;
import gpuroi.model.Field;
import gpuroi.model.InvalidValueException;
import gpuroi.model.NumberConvention;
import gpuroi.model.PricePath;
import gpuroi.model.Quantities.Per;
import gpuroi.model.RiskInputs;
import gpuroi.model.RiskSettings;
import gpuroi.model.Sampler;
import gpuroi.workbook.CellReader.Read;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The Assumptions sheet: parameter/value pairs in any rows and columns, below any title block and
 * beside any index column. A row counts when its first text cell (or its cell under a "Parameter"
 * header) names a known parameter; the value is the cell in the column headed "Value" when the
 * sheet has one, else the next non-empty cell to its right.
 */
final class AssumptionsSheet {
    static final Column VALUATION_DATE = Column.optional("Valuation date", "valuation", "as of", "as of date", "analysis date");
    static final Column CURRENCY = Column.optional("Currency", "ccy");
    static final Column NUMBER_FORMAT = Column.optional("Number format", "number formats", "numbers", "number style",
            "number convention", "number notation");
    static final Column DECIMAL_SEPARATOR = Column.optional("Decimal separator", "decimal mark", "decimal symbol", "decimal sign");
    static final Column DISCOUNT_RATE = Column.optional("Discount rate", "discount", "wacc", "cost of capital");
    static final Column HURDLE_RATE = Column.optional("Hurdle rate", "hurdle", "required return", "target irr");
    static final Column PRICE_PATH = Column.optional("Default price path", "price path", "rental price path", "price curve");
    static final Column MARKETPLACE_FEE = Column.optional("Marketplace fee", "marketplace", "platform fee", "reseller fee");
    static final Column RESALE_FEE = Column.optional("Resale fee", "hardware resale fee", "broker fee", "sale fee");
    static final Column RESALE_DISCOUNT = Column.optional("Resale discount", "sublease discount", "capacity resale discount",
            "resale haircut");
    static final Column TAX_RATE = Column.optional("Tax rate", "tax", "income tax rate", "corporate tax rate");
    static final Column DEPRECIATION_YEARS = Column.optional("Depreciation years", "depreciation", "depreciation period");
    static final Column LOAN_TO_VALUE = Column.optional("Loan to value", "ltv", "loan share", "debt share", "leverage");
    static final Column LOAN_RATE = Column.optional("Loan rate", "interest rate", "debt rate", "loan interest rate");
    static final Column LOAN_TERM = Column.optional("Loan term", "loan term years", "debt term", "loan years");
    static final Column BALLOON = Column.optional("Balloon", "balloon share", "balloon payment", "loan balloon");
    static final Column MONTE_CARLO_RUNS = Column.optional("Monte Carlo runs", "monte carlo", "simulations", "runs",
            "monte carlo simulations");
    static final Column SEED = Column.optional("Seed", "random seed", "monte carlo seed");

    static final Column PRICE_VOLATILITY = Column.optional("Price volatility", "volatility", "price vol", "annual price volatility",
            "rental price volatility");
    static final Column UTILIZATION_VOLATILITY = Column.optional("Utilization volatility", "utilisation volatility",
            "utilization vol", "annual utilization volatility");
    static final Column RANK_CORRELATION = Column.optional("Price-utilization correlation", "price utilisation correlation",
            "correlation", "rank correlation", "price utilization rank correlation");
    static final Column JUMPS_PER_YEAR = Column.optional("Price jumps per year", "jumps per year", "jumps", "jump frequency",
            "price jumps");
    static final Column JUMP_SIZE = Column.optional("Jump size", "price drop per jump", "jump drop", "jump");
    static final Column SAMPLER = Column.optional("Sampler", "sampling", "sampling method", "monte carlo sampler");

    static final List<Column> PARAMETERS = List.of(VALUATION_DATE, CURRENCY, NUMBER_FORMAT, DECIMAL_SEPARATOR, DISCOUNT_RATE, HURDLE_RATE, PRICE_PATH,
            MARKETPLACE_FEE, RESALE_FEE, RESALE_DISCOUNT, TAX_RATE, DEPRECIATION_YEARS, LOAN_TO_VALUE, LOAN_RATE, LOAN_TERM, BALLOON, MONTE_CARLO_RUNS, SEED,
            PRICE_VOLATILITY, UTILIZATION_VOLATILITY, RANK_CORRELATION, JUMPS_PER_YEAR, JUMP_SIZE, SAMPLER);

    /** The row each assumption and loan field is read from, so a value the model refuses is reported at its cell. */
    static final Map<Field, Column> COLUMN_OF_FIELD = Collections.unmodifiableMap(new EnumMap<>(Map.ofEntries(
            Map.entry(Field.VALUATION_DATE, VALUATION_DATE),
            Map.entry(Field.CURRENCY, CURRENCY),
            Map.entry(Field.DISCOUNT_RATE, DISCOUNT_RATE),
            Map.entry(Field.HURDLE_RATE, HURDLE_RATE),
            Map.entry(Field.DEFAULT_PRICE_PATH, PRICE_PATH),
            Map.entry(Field.MARKETPLACE_FEE, MARKETPLACE_FEE),
            Map.entry(Field.RESALE_FEE, RESALE_FEE),
            Map.entry(Field.RESALE_DISCOUNT, RESALE_DISCOUNT),
            Map.entry(Field.TAX_RATE, TAX_RATE),
            Map.entry(Field.DEPRECIATION_YEARS, DEPRECIATION_YEARS),
            Map.entry(Field.LOAN_TO_VALUE, LOAN_TO_VALUE),
            Map.entry(Field.LOAN_RATE, LOAN_RATE),
            Map.entry(Field.LOAN_TERM, LOAN_TERM),
            Map.entry(Field.BALLOON, BALLOON))));

    private final CellReader reader;
    private final Sheet sheet;
    private final Map<Column, Cell> valueCells = new HashMap<>();
    /** The label cell each parameter was found at, to name it when a second row names the parameter again. */
    private final Map<Column, Cell> labelCells = new HashMap<>();
    private boolean failed;

    /** @param sheet the Assumptions sheet, or null when the workbook has none */
    AssumptionsSheet(CellReader reader, Sheet sheet) {
        this.reader = reader;
        this.sheet = sheet;
        if (sheet != null) {
            findParameters();
        }
    }

    /** Records into {@code cells} the cells of the rates and fees the model uses. */
    void recordCellsIn(InputCells cells) {
        cells.assumption(InputCells.Field.DISCOUNT_RATE, valueCells.get(DISCOUNT_RATE));
        cells.assumption(InputCells.Field.HURDLE_RATE, valueCells.get(HURDLE_RATE));
        cells.assumption(InputCells.Field.MARKETPLACE_FEE, valueCells.get(MARKETPLACE_FEE));
        cells.assumption(InputCells.Field.RESALE_FEE, valueCells.get(RESALE_FEE));
        cells.assumption(InputCells.Field.RESALE_DISCOUNT, valueCells.get(RESALE_DISCOUNT));
    }

    private void findParameters() {
        ParameterHeader header = ParameterHeader.of(sheet);
        for (Row row : sheet) {
            Cell label = label(row, header);
            if (label == null) {
                continue;
            }
            Cell value = null;
            if (header != null && row.getRowNum() > header.row() && label.getColumnIndex() < header.valueColumn()) {
                // Under a "Value" header the value is that column's cell: when it is empty the parameter
                // takes its default, rather than the note written beside it being read as the value.
                Cell inValueColumn = row.getCell(header.valueColumn());
                value = reader.isBlank(inValueColumn) ? null : inValueColumn;
            } else {
                for (int i = label.getColumnIndex() + 1; i < row.getLastCellNum() && value == null; i++) {
                    value = reader.isBlank(row.getCell(i)) ? null : row.getCell(i);
                }
            }
            Column c = HeaderMatcher.match(LabelText.of(label).orElse(""), PARAMETERS);
            if (c != null && !valueCells.containsKey(c)) {
                valueCells.put(c, value);
                labelCells.put(c, label);
            } else if (c != null) {
                // Two rows for one parameter (a scenario block below the first): which one is meant cannot be told.
                Cell first = labelCells.get(c);
                reader.problem(label, "one row for " + c.label() + ": it is also at " + CellReader.ref(first) + " ('"
                        + LabelText.of(first).orElse("") + "'); delete or rename the row that is not meant");
            }
        }
    }

    /**
     * The header of a parameter table: the row and column of a cell reading "Value" among the first
     * rows, and the column of the "Parameter" header left of it (−1 when it has none).
     */
    record ParameterHeader(int row, int valueColumn, int labelColumn) {
        private static final Set<String> LABEL_HEADERS = Set.of("parameter", "parameters", "assumption", "assumptions", "name",
                "item", "input", "inputs", "setting", "settings", "variable", "driver", "key");

        static ParameterHeader of(Sheet sheet) {
            for (Row row : sheet) {
                if (row.getRowNum() >= HeaderMatcher.ROWS_SCANNED) {
                    break;
                }
                for (Cell cell : row) {
                    if (LabelText.of(cell).map(HeaderMatcher::normalize).filter("value"::equals).isPresent()) {
                        return new ParameterHeader(row.getRowNum(), cell.getColumnIndex(), labelColumn(row, cell.getColumnIndex()));
                    }
                }
            }
            return null;
        }

        private static int labelColumn(Row row, int valueColumn) {
            for (int i = valueColumn - 1; i >= Math.max(0, row.getFirstCellNum()); i--) {
                Cell cell = row.getCell(i);
                if (LabelText.of(cell).map(HeaderMatcher::normalize).filter(LABEL_HEADERS::contains).isPresent()) {
                    return i;
                }
            }
            return -1;
        }
    }

    /**
     * A row's parameter name: under a "Parameter" header, that column's text; elsewhere the row's first
     * text, after any index numbers or blanks left of it (pandas writes its index in column A).
     */
    private static Cell label(Row row, ParameterHeader header) {
        if (header != null && header.labelColumn() >= 0 && row.getRowNum() > header.row()) {
            Cell cell = row.getCell(header.labelColumn());
            if (isText(cell)) {
                return cell;
            }
        }
        for (Cell cell : row) {
            if (isText(cell)) {
                return cell;
            }
        }
        return null;
    }

    private static boolean isText(Cell cell) {
        return LabelText.of(cell).filter(text -> !CellReader.isPlaceholder(text)).isPresent();
    }

    /** How many rows name a known parameter: whether a sheet read as Assumptions holds any. */
    static int parameterRows(Sheet sheet) {
        ParameterHeader header = ParameterHeader.of(sheet);
        int rows = 0;
        for (Row row : sheet) {
            Cell label = label(row, header);
            if (label != null && HeaderMatcher.match(LabelText.of(label).orElse(""), PARAMETERS) != null) {
                rows++;
            }
        }
        return rows;
    }

    /** Whether a sheet's first rows hold a Parameter | Value header over at least one known parameter. */
    static boolean hasParameterTable(Sheet sheet) {
        ParameterHeader header = ParameterHeader.of(sheet);
        return header != null && header.labelColumn() >= 0 && parameterRows(sheet) > 0;
    }

    /** Whether the sheet named any known parameter at all; when it did not, every assumption is a default. */
    boolean foundParameters() {
        return !valueCells.isEmpty();
    }

    private String where() {
        return sheet == null ? "Assumptions" : sheet.getSheetName();
    }

    private boolean given(Column c) {
        return valueCells.get(c) != null;
    }

    /** Reads the assumptions, applying and noting the contract's defaults; null when a value is unreadable. */
    Assumptions read(LocalDate defaultValuationDate) {
        // First, so that every number typed as text, on this sheet and the others, is read in the declared format.
        reader.useConvention(numberConvention());
        LocalDate valuationDate = date(VALUATION_DATE, defaultValuationDate);
        String currency = text(CURRENCY, "USD", "USD");
        if (!currency.strip().matches("[A-Za-z]{3}")) {
            // Checked here as well as in the model so that it is reported with the sheet's other problems.
            problem(CURRENCY, "a three-letter ISO code such as USD or EUR");
        } else {
            reader.useCurrency(currency);
        }
        double discount = percent(DISCOUNT_RATE, "an annual rate such as 10% or 0.1", Assumptions.DEFAULT_DISCOUNT_RATE, "10%");
        double hurdle = percent(HURDLE_RATE, "an annual rate such as 12% or 0.12", discount,
                "the discount rate, " + Formats.percent(discount, 1));
        PricePath path = PricePath.ARTICLE_BLENDED;
        if (given(PRICE_PATH)) {
            Read<String> t = reader.text(valueCells.get(PRICE_PATH));
            if (t.value().isPresent()) {
                try {
                    path = PricePathText.parse(t.value().get());
                } catch (InvalidValueException e) {
                    problem(PRICE_PATH, e.expected());
                }
            }
            failed |= t.failed();
        } else {
            noteDefault(PRICE_PATH, "blended to 50% of the start price over 5 years (" + PricePath.ARTICLE_BLENDED.spec() + ")");
        }
        double marketplaceFee = percent(MARKETPLACE_FEE, "a share of revenue such as 10% or 0.1", 0, "0%");
        double resaleFee = percent(RESALE_FEE, "a share of the sale price such as 5% or 0.05", 0, "0%");
        double resaleDiscount = percent(RESALE_DISCOUNT, "a share of the market price such as 20% or 0.2",
                Assumptions.DEFAULT_RESALE_DISCOUNT, "0% (resold contract capacity fetches the market price less the marketplace fee)");
        OptionalDouble taxRate = optional(TAX_RATE, true);
        OptionalDouble depreciationYears = optional(DEPRECIATION_YEARS, false);
        Optional<Financing> financing = financing();
        monteCarloRuns = wholeNumber(MONTE_CARLO_RUNS, 0, "a whole number of Monte Carlo paths ≥ 0, such as 10000");
        monteCarloSeed = wholeNumber(SEED, Long.MIN_VALUE, "a whole number such as 42");
        riskSettings = riskSettings(monteCarloRuns.orElse(0) > 0);
        if (failed) {
            return null;
        }
        try {
            return new Assumptions(valuationDate, currency, discount, hurdle, path, marketplaceFee, resaleFee, resaleDiscount,
                    taxRate, depreciationYears, financing);
        } catch (InvalidValueException e) {
            Column c = COLUMN_OF_FIELD.get(e.field());
            Cell cell = c == null ? valueCells.get(LOAN_TO_VALUE) : valueCells.get(c);
            if (cell != null) {
                reader.problem(cell, e.label() + ": " + e.expected());
            } else {
                reader.problem(sheet, where(), e.found(), e.label() + ": " + e.expected());
            }
            return null;
        }
    }

    /**
     * The declared Number format (or Decimal separator); undeclared when neither row is given. A
     * declaration that cannot be read is refused at its cell rather than ignored.
     */
    private NumberConvention numberConvention() {
        Optional<NumberConvention> format = declared(NUMBER_FORMAT, NumberConvention::fromFormat, NumberConvention.FORMAT_EXPECTED);
        Optional<NumberConvention> separator = declared(DECIMAL_SEPARATOR, NumberConvention::fromDecimalSeparator,
                NumberConvention.SEPARATOR_EXPECTED);
        if (format.isPresent() && separator.isPresent() && format.get() != separator.get()) {
            problem(DECIMAL_SEPARATOR, "the decimal separator of the Number format row's " + format.get().example()
                    + ", or one of the two rows left out");
            return NumberConvention.UNDECLARED;
        }
        return format.or(() -> separator).orElse(NumberConvention.UNDECLARED);
    }

    private Optional<NumberConvention> declared(Column c, Function<String, Optional<NumberConvention>> parse, String expected) {
        if (!given(c)) {
            return Optional.empty();
        }
        CellReader.Value v = reader.value(valueCells.get(c));
        Optional<NumberConvention> declared = v instanceof CellReader.Text t ? parse.apply(t.text()) : Optional.empty();
        if (v instanceof CellReader.Failed) {
            failed = true;
        } else if (declared.isEmpty() && !(v instanceof CellReader.Blank)) {
            problem(c, expected);
        }
        return declared;
    }

    private LocalDate date(Column c, LocalDate fallback) {
        if (given(c)) {
            Read<LocalDate> r = reader.date(valueCells.get(c));
            failed |= r.failed();
            if (r.value().isPresent()) {
                return r.value().get();
            }
        }
        noteDefault(c, fallback.toString());
        return fallback;
    }

    private String text(Column c, String fallback, String shown) {
        if (given(c)) {
            Read<String> r = reader.text(valueCells.get(c));
            failed |= r.failed();
            if (r.value().isPresent()) {
                return r.value().get();
            }
        }
        noteDefault(c, shown);
        return fallback;
    }

    private double percent(Column c, String expected, double fallback, String shown) {
        if (given(c)) {
            Read<Double> r = reader.percent(valueCells.get(c), c.label(), expected);
            failed |= r.failed();
            if (r.value().isPresent()) {
                return r.value().get();
            }
        }
        noteDefault(c, shown);
        return fallback;
    }

    /** A loan when a loan-to-value above 0 is given; its rate is then required, the term defaults to each cluster's life. */
    private Optional<Financing> financing() {
        OptionalDouble ltv = optional(LOAN_TO_VALUE, true);
        OptionalDouble rate = optional(LOAN_RATE, true);
        OptionalDouble term = optional(LOAN_TERM, false);
        OptionalDouble balloon = optional(BALLOON, true);
        if (ltv.isEmpty() || ltv.getAsDouble() == 0) {
            return Optional.empty();
        }
        if (rate.isEmpty()) {
            failed = true;
            // Named at the loan-to-value cell, the one that asks for a loan.
            reader.problem(sheet, CellReader.ref(valueCells.get(LOAN_TO_VALUE)), "a loan to value with no Loan rate row",
                    "Loan rate: the loan's annual interest rate, needed with a loan to value");
            return Optional.empty();
        }
        try {
            return Optional.of(new Financing(ltv.getAsDouble(), rate.getAsDouble(), term, balloon.orElse(0)));
        } catch (InvalidValueException e) {
            Column c = COLUMN_OF_FIELD.get(e.field());
            Cell cell = c == null ? valueCells.get(LOAN_TO_VALUE) : valueCells.get(c);
            failed = true;
            if (cell != null) {
                reader.problem(cell, e.label() + ": " + e.expected());
            } else {
                reader.problem(sheet, where(), e.found(), e.label() + ": " + e.expected());
            }
            return Optional.empty();
        }
    }

    /** An optional rate or amount with no default: empty when the sheet does not give it. */
    private OptionalDouble optional(Column c, boolean isPercent) {
        if (!given(c)) {
            return OptionalDouble.empty();
        }
        Cell cell = valueCells.get(c);
        Read<Double> r = isPercent ? reader.percent(cell, c.label(), "a rate such as 21% or 0.21")
                : reader.amount(cell, Per.NOTHING, "a number such as 5");
        failed |= r.failed();
        return r.value().isPresent() ? OptionalDouble.of(r.value().get()) : OptionalDouble.empty();
    }

    /** Monte Carlo runs from the sheet, when given: {@code convert} applies them unless --runs says otherwise. */
    private OptionalLong monteCarloRuns = OptionalLong.empty();
    /** Monte Carlo seed from the sheet, when given. */
    private OptionalLong monteCarloSeed = OptionalLong.empty();

    OptionalLong monteCarloRuns() {
        return monteCarloRuns;
    }

    OptionalLong monteCarloSeed() {
        return monteCarloSeed;
    }

    private RiskSettings riskSettings = RiskSettings.NONE;

    /** The Monte Carlo settings the sheet gives (no ranges: those are on the Risk sheet). */
    RiskSettings riskSettings() {
        return riskSettings;
    }

    /**
     * Volatilities, correlation, jumps and sampler, each checked against what {@link RiskInputs} accepts
     * so that a bad value is reported at its cell. When the sheet asks for Monte Carlo runs, the defaults
     * used for the settings it leaves out are noted.
     */
    private RiskSettings riskSettings(boolean noteDefaults) {
        OptionalDouble priceVolatility = bounded(PRICE_VOLATILITY, 0, 5,
                "an annual volatility from 0% to 500%, such as 32.8%", noteDefaults,
                Formats.percent(RiskInputs.SOURCE_PRICE_VOLATILITY, 2)
                        + " a year (derived from the source: the 40%/yr bear case at the 5th percentile of the blended base at mid-life)");
        OptionalDouble utilizationVolatility = bounded(UTILIZATION_VOLATILITY, 0, 10,
                "an annual volatility of logit(utilization) from 0 to 10 (1000%), such as 50%", noteDefaults,
                Formats.percent(RiskInputs.DEFAULT_UTILIZATION_VOLATILITY, 0) + " a year of logit(utilization)");
        OptionalDouble correlation = correlation(noteDefaults);
        OptionalDouble jumps = OptionalDouble.empty();
        if (given(JUMPS_PER_YEAR)) {
            Read<Double> r = reader.amount(valueCells.get(JUMPS_PER_YEAR), Per.YEAR, JUMPS_EXPECTED);
            failed |= r.failed();
            if (r.value().isPresent()) {
                double v = r.value().get();
                if (v < 0 || v > 100) {
                    problem(JUMPS_PER_YEAR, JUMPS_EXPECTED);
                } else {
                    jumps = OptionalDouble.of(v);
                }
            }
        } else if (noteDefaults) {
            noteDefault(JUMPS_PER_YEAR, "0 (no price jumps)");
        }
        OptionalDouble jumpSize = bounded(JUMP_SIZE, 0, 0.99, "a share of the price lost per jump from 0% to 99%, such as 25%",
                noteDefaults && jumps.orElse(0) > 0, Formats.percent(RiskInputs.defaults(0).jumpDrop(), 0));
        Optional<Sampler> sampler = Optional.empty();
        if (given(SAMPLER)) {
            Read<String> t = reader.text(valueCells.get(SAMPLER));
            failed |= t.failed();
            if (t.value().isPresent()) {
                sampler = SamplerText.parse(t.value().get());
                if (sampler.isEmpty()) {
                    problem(SAMPLER, SamplerText.EXPECTED);
                }
            }
        } else if (noteDefaults) {
            noteDefault(SAMPLER, "plain Monte Carlo");
        }
        return RiskSettings.builder().priceVolatility(priceVolatility).utilizationVolatility(utilizationVolatility)
                .rankCorrelation(correlation).jumpsPerYear(jumps).jumpSize(jumpSize).sampler(sampler).build();
    }

    private static final String CORRELATION_EXPECTED = "a rank correlation from −1 to 1, such as 0.5 or 50%";

    /**
     * The rank correlation, −1..1: a number as typed, or a percentage typed with its sign. Unlike a
     * percentage parameter, a plain 1.5 is an error here, not 1.5%.
     */
    private OptionalDouble correlation(boolean noteDefault) {
        if (!given(RANK_CORRELATION)) {
            if (noteDefault) {
                noteDefault(RANK_CORRELATION, Formats.plain(RiskInputs.DEFAULT_RANK_CORRELATION)
                        + " (price and utilization fall together)");
            }
            return OptionalDouble.empty();
        }
        Cell cell = valueCells.get(RANK_CORRELATION);
        Read<Double> r = reader.value(cell) instanceof CellReader.Text t && t.text().endsWith("%")
                ? reader.percent(cell, RANK_CORRELATION.label(), CORRELATION_EXPECTED)
                : reader.amount(cell, Per.NOTHING, CORRELATION_EXPECTED);
        failed |= r.failed();
        if (r.value().isEmpty()) {
            return OptionalDouble.empty();
        }
        double v = r.value().get();
        if (v < -1 || v > 1) {
            problem(RANK_CORRELATION, CORRELATION_EXPECTED);
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(v);
    }

    private static final String JUMPS_EXPECTED = "an expected number of price jumps a year from 0 to 100, such as 0.5";

    /** An optional percentage within [min, max]; the default is noted when asked. */
    private OptionalDouble bounded(Column c, double min, double max, String expected, boolean noteDefault, String shownDefault) {
        if (!given(c)) {
            if (noteDefault) {
                noteDefault(c, shownDefault);
            }
            return OptionalDouble.empty();
        }
        Read<Double> r = reader.percent(valueCells.get(c), c.label(), expected);
        failed |= r.failed();
        if (r.value().isEmpty()) {
            return OptionalDouble.empty();
        }
        double v = r.value().get();
        if (v < min || v > max) {
            problem(c, expected);
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(v);
    }

    /** An optional whole number (no default): empty when the sheet does not give it, a problem when not whole or below {@code min}. */
    private OptionalLong wholeNumber(Column c, long min, String expected) {
        if (!given(c)) {
            return OptionalLong.empty();
        }
        Cell cell = valueCells.get(c);
        Read<Double> r = reader.amount(cell, Per.NOTHING, expected);
        failed |= r.failed();
        if (r.value().isEmpty()) {
            return OptionalLong.empty();
        }
        double v = r.value().get();
        if (v != Math.rint(v) || v < min || Math.abs(v) > 9.0e15) {
            problem(c, expected);
            return OptionalLong.empty();
        }
        return OptionalLong.of((long) v);
    }

    private void problem(Column c, String expected) {
        failed = true;
        reader.problem(valueCells.get(c), expected);
    }

    private void noteDefault(Column c, String shown) {
        Cell labelless = valueCells.get(c);
        String location = labelless != null ? CellReader.ref(labelless) : where();
        reader.note(InputNote.Kind.DEFAULT, location, c.label() + " not given; used " + shown);
    }
}
