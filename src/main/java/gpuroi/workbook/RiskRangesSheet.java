package gpuroi.workbook;

import gpuroi.model.Formats;
import gpuroi.model.InvalidValueException;
import gpuroi.model.Quantities;
import gpuroi.model.RiskRange;
import gpuroi.model.UncertainInput;
import gpuroi.model.ValueRange;
import gpuroi.workbook.CellReader.Read;
import gpuroi.workbook.HeaderMatcher.HeaderRow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The optional Risk sheet: one row per uncertain input, Input | Low | Most likely | High |
 * Distribution, header found below any title block. Shares (decline, utilization, residual value,
 * hurdle rate) are percentages; amounts (start price $/GPU-hr, capex $/GPU, electricity $/kWh, other
 * opex $/GPU-month) are either amounts as in the Fleet sheet, the same for every cluster, or
 * percentages of each cluster's own value ({@code 90%}), all three cells alike. Distribution is PERT
 * (the default) or triangular.
 */
final class RiskRangesSheet {
    static final Column INPUT = Column.required("Input", "uncertain input", "parameter", "variable", "driver", "name");
    static final Column LOW = Column.required("Low", "minimum", "min", "pessimistic", "low case");
    static final Column MOST_LIKELY = Column.required("Most likely", "mode", "base", "base case", "likely", "expected");
    static final Column HIGH = Column.required("High", "maximum", "max", "optimistic", "high case");
    static final Column DISTRIBUTION = Column.optional("Distribution", "shape", "dist", "distribution type");

    static final List<Column> COLUMNS = List.of(INPUT, LOW, MOST_LIKELY, HIGH, DISTRIBUTION);

    /** The names the Input column accepts, by input. */
    static final Map<UncertainInput, Column> INPUT_NAMES = inputNames();

    static final String DISTRIBUTION_EXPECTED = "PERT (the default when blank) or Triangular";

    private final CellReader reader;
    private final Sheet sheet;

    RiskRangesSheet(CellReader reader, Sheet sheet) {
        this.reader = reader;
        this.sheet = sheet;
    }

    private static Map<UncertainInput, Column> inputNames() {
        Map<UncertainInput, Column> m = new EnumMap<>(UncertainInput.class);
        m.put(UncertainInput.ANNUAL_PRICE_DECLINE, Column.optional("Annual price decline", "annual decline", "price decline",
                "decline", "decline per year", "rental price decline", "annual rental price decline"));
        m.put(UncertainInput.START_PRICE, Column.optional("Start price", "start rental price", "start price per gpu hr",
                "rental price", "price", "price per gpu hr", "start price per gpu hour"));
        m.put(UncertainInput.UTILIZATION, Column.optional("Utilization", "utilisation", "utilization rate", "occupancy"));
        m.put(UncertainInput.CAPEX_PER_GPU, Column.optional("Capex per GPU", "capex", "capex factor", "price per gpu",
                "purchase price per gpu", "capex per gpu factor"));
        m.put(UncertainInput.ELECTRICITY_PRICE, Column.optional("Electricity price", "electricity", "electricity per kwh",
                "power price", "electricity price per kwh", "energy price", "power price factor"));
        m.put(UncertainInput.OTHER_OPEX, Column.optional("Other opex", "opex", "other opex per gpu month", "opex per gpu month"));
        m.put(UncertainInput.RESIDUAL_VALUE, Column.optional("Residual value", "residual", "residual share", "residual value share"));
        m.put(UncertainInput.HURDLE_RATE, Column.optional("Hurdle rate", "hurdle", "required return"));
        return m;
    }

    /** The ranges read; inputs with a problem are left out after it is reported at its cell. */
    Map<UncertainInput, RiskRange> read() {
        Map<UncertainInput, RiskRange> ranges = new EnumMap<>(UncertainInput.class);
        HeaderRow header = Tables.header(reader, sheet, COLUMNS);
        if (header == null) {
            return ranges;
        }
        Map<UncertainInput, String> rowOf = new EnumMap<>(UncertainInput.class);
        List<Column> names = new ArrayList<>(INPUT_NAMES.values());
        int lastRow = Tables.lastDataRow(reader, sheet, header);
        for (int r = header.rowIndex() + 1; r <= lastRow; r++) {
            TableRow row = new TableRow(reader, sheet, r, header);
            if (row.isEmptyRow()) {
                continue;
            }
            String name = row.required(INPUT, row.text(INPUT), "the input the range is for: " + inputList());
            if (name == null) {
                continue;
            }
            Column named = HeaderMatcher.match(name, names);
            UncertainInput input = INPUT_NAMES.entrySet().stream().filter(e -> e.getValue() == named)
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (input == null) {
                row.problem(INPUT, "one of the inputs " + inputList());
                continue;
            }
            if (rowOf.containsKey(input)) {
                row.problem(INPUT, "one row per input (" + input.label() + " is already in " + rowOf.get(input) + ")");
                continue;
            }
            rowOf.put(input, row.ref(INPUT));
            readRange(row, input).ifPresent(range -> ranges.put(input, range));
        }
        return ranges;
    }

    private static String inputList() {
        return String.join(", ", INPUT_NAMES.values().stream().map(Column::label).toList());
    }

    /** A value read, and whether it was typed as a percentage of the cluster's own value. */
    private record Bound(double value, boolean percentage) {
    }

    private Optional<RiskRange> readRange(TableRow row, UncertainInput input) {
        String expected = expected(input);
        Bound low = bound(row, LOW, input, expected);
        Bound likely = bound(row, MOST_LIKELY, input, expected);
        Bound high = bound(row, HIGH, input, expected);
        ValueRange.Shape shape = shape(row);
        if (row.failed() || low == null || likely == null || high == null || shape == null) {
            return Optional.empty();
        }
        boolean relative = low.percentage && input.unit() == UncertainInput.Unit.AMOUNT;
        if (input.unit() == UncertainInput.Unit.AMOUNT && (low.percentage != likely.percentage || low.percentage != high.percentage)) {
            row.problem(low.percentage != likely.percentage ? MOST_LIKELY : HIGH, "the same kind of value as the Low cell: "
                    + (low.percentage ? "percentages of each cluster's own " : "amounts of ") + input.label().toLowerCase(Locale.ROOT));
            return Optional.empty();
        }
        boolean inRange = true;
        Column[] columns = {LOW, MOST_LIKELY, HIGH};
        Bound[] bounds = {low, likely, high};
        for (int i = 0; i < bounds.length; i++) {
            double v = bounds[i].value;
            if (relative ? v < 0 : v < input.min() || v > input.max()) {
                row.problem(columns[i], expected);
                inRange = false;
            }
        }
        if (!inRange) {
            return Optional.empty();
        }
        if (!(low.value <= likely.value && likely.value <= high.value)) {
            row.problem(low.value > likely.value ? MOST_LIKELY : HIGH, "low ≤ most likely ≤ high (this row: low "
                    + shown(input, low) + ", most likely " + shown(input, likely) + ", high " + shown(input, high) + ")");
            return Optional.empty();
        }
        try {
            return Optional.of(new RiskRange(input, new ValueRange(low.value, likely.value, high.value, shape), relative));
        } catch (InvalidValueException e) {
            row.problem(INPUT, e.label() + ": " + e.expected());
            return Optional.empty();
        }
    }

    private static String shown(UncertainInput input, Bound b) {
        return b.percentage || input.unit() == UncertainInput.Unit.SHARE ? Formats.percent(b.value, 1) : Formats.plain(b.value);
    }

    private static String expected(UncertainInput input) {
        return switch (input) {
            case ANNUAL_PRICE_DECLINE -> "an annual decline from 0% to 99.9%, such as 40%";
            case UTILIZATION -> "a utilization from 0% to 100%, such as 70%";
            case RESIDUAL_VALUE -> "a share of capex from 0% to 100%, such as 10%";
            case HURDLE_RATE -> "an annual rate above −99%, such as 12%";
            case START_PRICE -> "a price per GPU-hour such as $2.85/hr, or a share of each cluster's own such as 80%";
            case CAPEX_PER_GPU -> "a capex per GPU such as $45,000, or a share of each cluster's own such as 90%";
            case ELECTRICITY_PRICE -> "an electricity price per kWh such as $0.08, or a share of each cluster's own such as 120%";
            case OTHER_OPEX -> "an opex per GPU-month such as $200, or a share of each cluster's own such as 110%";
        };
    }

    /** One of the three values: a percentage for shares; an amount, or a percentage of the cluster's own, for amounts. */
    private Bound bound(TableRow row, Column c, UncertainInput input, String expected) {
        if (input.unit() == UncertainInput.Unit.SHARE) {
            Read<Double> r = row.percent(c, expected);
            return row.required(c, r, expected) == null ? null : new Bound(r.value().get(), false);
        }
        Cell cell = row.cell(c);
        CellReader.Value v = reader.value(cell);
        if (v instanceof CellReader.Num n && n.percentFormatted()) {
            return new Bound(n.value(), true);
        }
        if (v instanceof CellReader.Text t && t.text().strip().endsWith("%")) {
            try {
                return new Bound(Quantities.parsePercent(t.text(), reader.convention()).fraction(), true);
            } catch (Quantities.SeparatorException e) {
                row.problem(c, reader.separatorExpected(e));
                return null;
            } catch (NumberFormatException e) {
                row.problem(c, expected);
                return null;
            }
        }
        Read<Double> r = row.amount(c, input.per(), expected);
        return row.required(c, r, expected) == null ? null : new Bound(r.value().get(), false);
    }

    private ValueRange.Shape shape(TableRow row) {
        if (!row.has(DISTRIBUTION) || row.isBlank(DISTRIBUTION)) {
            return ValueRange.Shape.PERT;
        }
        Read<String> t = row.text(DISTRIBUTION);
        if (t.value().isEmpty()) {
            return null;
        }
        return switch (t.value().get().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "")) {
            case "pert", "betapert", "beta" -> ValueRange.Shape.PERT;
            case "triangular", "triangle", "tri", "triang" -> ValueRange.Shape.TRIANGULAR;
            default -> {
                row.problem(DISTRIBUTION, DISTRIBUTION_EXPECTED);
                yield null;
            }
        };
    }
}
