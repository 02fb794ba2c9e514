package gpuroi.workbook;

import gpuroi.model.Formats;
import gpuroi.model.NumberConvention;
import gpuroi.model.Quantities;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.formula.eval.NotImplementedFunctionException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;

/**
 * Turns cells into typed values the way a spreadsheet user means them, and records a
 * {@link CellProblem} (file, cell, found, expected) for every cell it cannot read. Reading never
 * stops at the first problem, so that a workbook's errors are all reported together.
 */
final class CellReader {
    private final String fileName;
    private final boolean date1904;
    /** Whether the workbook asks to be recalculated when opened, so that no saved formula result is meant to be read. */
    private final boolean recalculateOnLoad;
    /** Whether the workbook was saved in manual calculation mode, so that saved results may be out of date. */
    private boolean manualCalculation;
    /** Cells already warned about, so that a cell read twice is warned about once. */
    private final java.util.Set<String> warnedCells = new java.util.HashSet<>();
    private final FormulaEvaluator evaluator;
    private final DataFormatter formatter = new DataFormatter(Locale.US);
    private final List<CellProblem> problems;
    private final List<InputNote> notes;
    private NumberConvention convention = NumberConvention.UNDECLARED;
    private String currency = "USD";

    /**
     * A reader for one workbook, with one formula evaluator over all its sheets, so that formulas
     * referring to other sheets and to other formulas are calculated, and each cell at most once.
     */
    static CellReader of(XSSFWorkbook workbook, String fileName, List<CellProblem> problems, List<InputNote> notes) {
        CellReader reader = new CellReader(fileName, workbook.getCreationHelper().createFormulaEvaluator(), workbook.isDate1904(),
                StaleFormulaResults.recalculatedOnLoad(workbook), problems, notes);
        reader.manualCalculation = StaleFormulaResults.manualCalculation(workbook);
        return reader;
    }

    /**
     * @param date1904          whether the workbook counts dates from 1904 (old Mac Excel) rather than 1900
     * @param recalculateOnLoad whether the workbook asks to be fully recalculated when opened
     *                          ({@code <calcPr fullCalcOnLoad="1"/>}), as openpyxl and XlsxWriter files do
     */
    CellReader(String fileName, FormulaEvaluator evaluator, boolean date1904, boolean recalculateOnLoad,
               List<CellProblem> problems, List<InputNote> notes) {
        this.fileName = fileName;
        this.date1904 = date1904;
        this.recalculateOnLoad = recalculateOnLoad;
        this.evaluator = evaluator;
        this.problems = problems;
        this.notes = notes;
        // Show a formula's saved result in messages, as Excel does, rather than its formula text.
        formatter.setUseCachedValuesForFormulaCells(true);
    }

    /** How numbers typed as text are read from here on: the workbook's declared Number format, once read. */
    void useConvention(NumberConvention convention) {
        this.convention = convention;
    }

    NumberConvention convention() {
        return convention;
    }

    /** The workbook's currency, once read: an amount typed with another currency's mark gets a warning. */
    void useCurrency(String currency) {
        this.currency = currency.strip().toUpperCase(Locale.ROOT);
        if (convention.undeclared()) {
            // In a EUR or CHF workbook "2,500" may be two and a half: without a declaration, refuse it rather than guess.
            convention = NumberConvention.undeclaredFor(this.currency);
        }
    }

    /** A cell's value after formulas are resolved. */
    sealed interface Value permits Blank, Num, Text, Bool, Failed {
    }

    record Blank() implements Value {
    }

    /** A number; {@code percentFormatted}/{@code dateFormatted} say how the cell displays it. */
    record Num(double value, boolean percentFormatted, boolean dateFormatted) implements Value {
    }

    record Text(String text) implements Value {
    }

    record Bool(boolean value) implements Value {
    }

    /** An Excel error such as #DIV/0!, or a formula that could not be evaluated (already reported). */
    record Failed() implements Value {
    }

    static String ref(Sheet sheet, int rowIndex, int columnIndex) {
        return sheetPrefix(sheet) + new CellReference(rowIndex, columnIndex).formatAsString(false);
    }

    /**
     * {@code Fleet!}, or {@code ' settings '!} quoted as Excel writes it when the name's spaces at either end
     * (or a {@code !} or quote in it) would otherwise be lost on the reader: "warning:  settings !B7".
     */
    static String sheetPrefix(Sheet sheet) {
        String name = sheet.getSheetName();
        boolean ambiguous = !name.equals(name.strip()) || name.contains("!") || name.contains("'");
        return (ambiguous ? "'" + name.replace("'", "''") + "'" : name) + "!";
    }

    static String ref(Cell cell) {
        return ref(cell.getSheet(), cell.getRowIndex(), cell.getColumnIndex());
    }

    void problem(Sheet sheet, String cellRef, String found, String expected) {
        problems.add(new CellProblem(fileName, sheet.getSheetName(), cellRef, found, expected));
    }

    void problem(Cell cell, String expected) {
        problem(cell.getSheet(), ref(cell), found(cell), expected);
    }

    /**
     * A cell refused for a reason of its own (a unit of another column, a bare 500 for a percentage), said after what was
     * expected.
     */
    private <T> Read<T> refused(Cell cell, String expected, NumberFormatException why) {
        problem(cell, expected + " (" + why.getMessage() + ")");
        return Read.fail();
    }

    void note(InputNote.Kind kind, String location, String message) {
        notes.add(new InputNote(kind, location, message));
    }

    /** The value of a cell; a formula gives its saved result when that can be trusted, else it is evaluated. */
    Value value(Cell cell) {
        if (cell == null) {
            return new Blank();
        }
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            if (trustsSavedResult(cell)) {
                return manualCalculation ? recalculated(cell) : fromType(cell, cell.getCachedFormulaResultType());
            }
            return evaluate(cell);
        }
        return fromType(cell, type);
    }

    private Value fromType(Cell cell, CellType type) {
        return switch (type) {
            case NUMERIC -> numeric(cell);
            case STRING -> isPlaceholder(cell.getStringCellValue()) ? new Blank() : new Text(cell.getStringCellValue().strip());
            case BOOLEAN -> new Bool(cell.getBooleanCellValue());
            case ERROR -> {
                problem(cell, errorExpected(savedError(cell)));
                yield new Failed();
            }
            default -> new Blank();
        };
    }

    /** The error a cell holds; POI knows only Excel's first seven, so a newer one (#SPILL!) is read as written. */
    private static String savedError(Cell cell) {
        try {
            return errorText(cell.getErrorCellValue());
        } catch (RuntimeException e) {
            return savedText(cell);
        }
    }

    private static String errorExpected(String error) {
        return "a value, not the Excel error " + error + ": correct the formula or the cells it uses, or type the value";
    }

    private static String errorText(int code) {
        return FormulaError.isValidCode(code) ? FormulaError.forInt(code).getString() : "#UNKNOWN(" + code + ")";
    }

    /** A formula that refers to its own cell, directly or through others: POI's evaluator gives it a code of its own. */
    private static boolean isCircular(int code) {
        return code == FormulaError.CIRCULAR_REF.getCode();
    }

    /**
     * A number cell's value. A file not written by Excel may save a number cell as text that is no
     * number ({@code <v>INF</v>}), or as NaN or infinity; those are the cell's problem, not a crash.
     */
    private Value numeric(Cell cell) {
        double value;
        try {
            value = cell.getNumericCellValue();
        } catch (RuntimeException e) {
            problem(cell.getSheet(), ref(cell), "a number cell saved as '" + savedText(cell) + "'", "a finite number");
            return new Failed();
        }
        if (!Double.isFinite(value)) {
            String saved = "saved as '" + savedText(cell) + "'";
            problem(cell.getSheet(), ref(cell), cell.getCellType() == CellType.FORMULA ? "=" + formula(cell) + " " + saved
                    : "a number cell " + saved, "a finite number");
            return new Failed();
        }
        return num(cell, value);
    }

    private static String savedText(Cell cell) {
        return cell instanceof XSSFCell x && x.getCTCell().isSetV() ? x.getCTCell().getV() : "?";
    }

    private Num num(Cell cell, double value) {
        CellStyle style = cell.getCellStyle();
        String format = style == null ? "General" : style.getDataFormatString();
        boolean percent = format != null && format.contains("%");
        boolean date = style != null && DateUtil.isADateFormat(style.getDataFormat(), format) && DateUtil.isValidExcelDate(value);
        return new Num(value, percent, date);
    }

    /**
     * Whether a formula's saved result is what the formula gives. It is not when the workbook asks
     * to be recalculated on opening (openpyxl saves no result, XlsxWriter saves 0 for every formula),
     * when there is no saved result or an empty one (POI reads both as 0), or when the saved text
     * is not of the result's type (a number that does not parse, a TRUE/FALSE that is not 1 or 0).
     */
    private boolean trustsSavedResult(Cell cell) {
        if (recalculateOnLoad) {
            return false;
        }
        if (!(cell instanceof XSSFCell x)) {
            return true;
        }
        CTCell ct = x.getCTCell();
        if (ct.isSetIs()) {
            return true;
        }
        if (!ct.isSetV() || ct.getV().isBlank()) {
            return false;
        }
        String saved = ct.getV().strip();
        return switch (cell.getCachedFormulaResultType()) {
            case NUMERIC -> parses(saved);
            case BOOLEAN -> saved.equals("0") || saved.equals("1");
            default -> true;
        };
    }

    private static boolean parses(String number) {
        try {
            Double.parseDouble(number);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private Value evaluate(Cell cell) {
        CellValue v;
        try {
            v = evaluator.evaluate(cell);
        } catch (RuntimeException e) {
            Unevaluable why = Unevaluable.of(e, formula(cell));
            problem(cell.getSheet(), ref(cell), "=" + formula(cell) + ", " + why.found(), why.expected());
            return new Failed();
        }
        return evaluated(cell, v);
    }

    /**
     * A formula of a workbook saved in manual calculation mode: its saved result may predate the last
     * change to the cells it uses, so the formula is calculated, and a saved result that differs is
     * a warning at the cell. A formula that cannot be calculated here keeps its saved result, with a
     * warning that it could not be checked.
     */
    private Value recalculated(Cell cell) {
        CellValue v;
        try {
            v = evaluator.evaluate(cell);
        } catch (RuntimeException e) {
            warnOnce(cell, "=" + formula(cell) + " could not be recalculated here (" + Unevaluable.of(e, formula(cell)).found()
                    + ") and the workbook is set to manual calculation, so its saved result '" + formatted(cell)
                    + "' was used unchecked; recalculate in Excel (F9) and save, or paste values");
            return fromType(cell, cell.getCachedFormulaResultType());
        }
        Value calculated = evaluated(cell, v);
        if (outOfDate(cell, calculated)) {
            warnOnce(cell, "the saved result '" + formatted(cell) + "' of =" + formula(cell) + " is out of date (the workbook is set to"
                    + " manual calculation): read " + shown(calculated) + ", as the formula gives; recalculate in Excel (F9) and save"
                    + " to silence this");
        }
        return calculated;
    }

    /** Whether a saved result differs from the calculated one by more than rounding in the last digits. */
    private static boolean outOfDate(Cell cell, Value calculated) {
        CellType saved = cell.getCachedFormulaResultType();
        if (calculated instanceof Num n) {
            if (saved != CellType.NUMERIC) {
                return true;
            }
            double before = cell.getNumericCellValue();
            return Math.abs(before - n.value()) > 1e-9 * Math.max(1, Math.max(Math.abs(before), Math.abs(n.value())));
        }
        if (calculated instanceof Text t) {
            return saved != CellType.STRING || !cell.getStringCellValue().strip().equals(t.text());
        }
        return false;
    }

    private static String shown(Value value) {
        if (value instanceof Num n) {
            return Formats.plain(n.value());
        }
        return value instanceof Text t ? "'" + t.text() + "'" : "it";
    }

    private void warnOnce(Cell cell, String message) {
        if (warnedCells.add(ref(cell))) {
            note(InputNote.Kind.WARNING, ref(cell), message);
        }
    }

    private Value evaluated(Cell cell, CellValue v) {
        if (v == null) {
            return new Blank();
        }
        return switch (v.getCellType()) {
            case NUMERIC -> {
                if (!Double.isFinite(v.getNumberValue())) {
                    problem(cell.getSheet(), ref(cell), "=" + formula(cell) + " → '" + v.getNumberValue() + "'", "a finite number");
                    yield new Failed();
                }
                yield num(cell, v.getNumberValue());
            }
            case STRING -> isPlaceholder(v.getStringValue()) ? new Blank() : new Text(v.getStringValue().strip());
            case BOOLEAN -> new Bool(v.getBooleanValue());
            case ERROR -> {
                if (isCircular(v.getErrorValue())) {
                    problem(cell.getSheet(), ref(cell), "=" + formula(cell) + ", which refers back to its own cell",
                            "a formula that does not depend on itself, directly or through the cells it uses");
                } else {
                    problem(cell.getSheet(), ref(cell), "=" + formula(cell) + " → '" + errorText(v.getErrorValue()) + "'",
                            errorExpected(errorText(v.getErrorValue())));
                }
                yield new Failed();
            }
            default -> new Blank();
        };
    }

    /** Why POI could not calculate a formula, in the user's words, with what to do about it. */
    private record Unevaluable(String found, String expected) {
        private static final String PASTE_VALUES = "paste its value over the formula (in Excel: Copy, then Paste Special > Values)";
        private static final Pattern LINKED_BOOK = Pattern.compile("external workbook name '([^']+)'|Book not linked for filename (.+)");
        /** {@code [1]} or {@code [quotes.xlsx]}; not a table's {@code Table1[Column]}. */
        private static final Pattern LINK_IN_FORMULA = Pattern.compile("\\[(\\d+|[^\\]]+\\.xl\\w*)\\]");

        static Unevaluable of(RuntimeException e, String formula) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof NotImplementedFunctionException f) {
                    String name = f.getFunctionName().replaceFirst("(?i)^_xl(fn|ws)\\.", "");
                    return new Unevaluable("which uses " + name + ", a function this tool cannot calculate",
                            "a value: " + PASTE_VALUES + ", or calculate it with other functions");
                }
            }
            Optional<String> book = linkedBook(e, formula);
            if (book.isPresent()) {
                return new Unevaluable("which reads the other workbook " + book.get() + ", a link this tool cannot follow",
                        "a value in this workbook: " + PASTE_VALUES + ", or copy the linked cells into this workbook");
            }
            return new Unevaluable("which this tool cannot calculate", "a value: " + PASTE_VALUES);
        }

        /** The other workbook a formula reads, by POI's message ({@code [1]} resolved to its file) or else the formula's {@code [name]}. */
        private static Optional<String> linkedBook(RuntimeException e, String formula) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                Matcher m = LINKED_BOOK.matcher(String.valueOf(t.getMessage()));
                if (m.find()) {
                    return Optional.of((m.group(1) != null ? m.group(1) : m.group(2)).strip());
                }
            }
            Matcher m = LINK_IN_FORMULA.matcher(formula);
            return m.find() ? Optional.of("[" + m.group(1) + "]") : Optional.empty();
        }
    }

    /** The formula's text; "?" when POI cannot even give it back (a damaged shared formula). */
    private static String formula(Cell cell) {
        try {
            return cell.getCellFormula();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    /** What the user sees in the cell, quoted, for "found …". */
    String found(Cell cell) {
        if (cell == null) {
            return "an empty cell";
        }
        if (cell.getCellType() == CellType.FORMULA) {
            return "=" + formula(cell) + " → '" + (trustsSavedResult(cell) ? formatted(cell) : evaluatedForDisplay(cell)) + "'";
        }
        String shown = formatted(cell);
        return shown.isBlank() ? "an empty cell" : "'" + shown.strip() + "'";
    }

    /** The cell as Excel displays it; formulas show their saved result (never recalculated here). */
    private String formatted(Cell cell) {
        try {
            return formatter.formatCellValue(cell);
        } catch (RuntimeException e) {
            return "?";
        }
    }

    /** The result of a formula whose saved result is not trusted, computed without writing it into the cell. */
    private String evaluatedForDisplay(Cell cell) {
        try {
            CellValue v = evaluator.evaluate(cell);
            if (v == null) {
                return "";
            }
            return switch (v.getCellType()) {
                case NUMERIC -> Formats.plain(v.getNumberValue());
                case STRING -> v.getStringValue();
                case BOOLEAN -> String.valueOf(v.getBooleanValue()).toUpperCase(Locale.ROOT);
                case ERROR -> errorText(v.getErrorValue());
                default -> "";
            };
        } catch (RuntimeException e) {
            return "?";
        }
    }

    /** Text people put in a cell to say "nothing here": a dash or n/a. */
    static boolean isPlaceholder(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        return s.isEmpty() || s.equals("-") || s.equals("–") || s.equals("—") || s.equals("n/a") || s.equals("na");
    }

    boolean isBlank(Cell cell) {
        if (cell == null) {
            return true;
        }
        return switch (cell.getCellType()) {
            case BLANK, _NONE -> true;
            case STRING -> isPlaceholder(cell.getStringCellValue());
            default -> false;
        };
    }

    // ---- typed readers: each returns empty for a blank cell, and empty after recording a problem ----

    /** Result of a typed read: the value, or why there is none. */
    record Read<T>(Optional<T> value, boolean failed) {
        static <T> Read<T> blank() {
            return new Read<>(Optional.empty(), false);
        }

        static <T> Read<T> of(T value) {
            return new Read<>(Optional.of(value), false);
        }

        static <T> Read<T> fail() {
            return new Read<>(Optional.empty(), true);
        }

        boolean isBlank() {
            return value.isEmpty() && !failed;
        }
    }

    Read<String> text(Cell cell) {
        Value v = value(cell);
        if (v instanceof Text t) {
            return Read.of(t.text());
        }
        if (v instanceof Num n) {
            // Ids and model names typed as numbers ("100") are still names.
            return Read.of(Formats.plain(n.value()));
        }
        if (v instanceof Bool b) {
            return Read.of(String.valueOf(b.value()).toUpperCase(Locale.ROOT));
        }
        return v instanceof Failed ? Read.fail() : Read.blank();
    }

    /**
     * A number or money amount counted {@code per} something: 2.85, $2.85/hr, 50,000, 1.2k. A per-unit suffix typed with it
     * must be {@code per}'s ({@code $1,440/year} is refused where a cost per GPU-month is expected).
     */
    Read<Double> amount(Cell cell, Quantities.Per per, String expected) {
        Value v = value(cell);
        if (v instanceof Num n) {
            if (n.dateFormatted()) {
                // A date where an amount belongs (2024-01-15 is the number 45306 to Excel): read as its serial it would pass
                // for a plausible price per GPU.
                problem(cell, expected + ", not a date; if the cell's number is meant, format the cell as a number");
                return Read.fail();
            }
            return Read.of(n.value());
        }
        if (v instanceof Text t) {
            try {
                Quantities.Amount a = Quantities.amount(t.text(), convention, per);
                if (!a.mayBeIn(currency)) {
                    note(InputNote.Kind.WARNING, ref(cell), "'" + t.text() + "' is marked " + a.currencyNamed()
                            + " but the workbook's currency is " + currency + ": read as " + Formats.plain(a.value()) + " " + currency
                            + ", not converted; convert the amount, or set the Assumptions Currency");
                }
                return Read.of(a.value());
            } catch (Quantities.SeparatorException e) {
                problem(cell, separatorExpected(e));
                return Read.fail();
            } catch (Quantities.UnitException e) {
                return refused(cell, expected, e);
            } catch (NumberFormatException e) {
                problem(cell, expected);
                return Read.fail();
            }
        }
        if (v instanceof Bool) {
            problem(cell, expected);
            return Read.fail();
        }
        return v instanceof Failed ? Read.fail() : Read.blank();
    }

    /** What to type instead of a text whose separators are refused: both readings, and how to say which is meant. */
    String separatorExpected(Quantities.SeparatorException e) {
        if (e.isAmbiguous()) {
            return "a number that reads one way: " + e.getMessage() + " (as text or as a number cell), or declare the workbook's "
                    + "number format in an Assumptions row 'Number format' with the value 1.234,56 or 1,234.56";
        }
        if (convention.undeclared()) {
            return "a number: " + e.getMessage() + "; retype it, or declare that format in an Assumptions row 'Number format'";
        }
        return "a number in the workbook's Number format: " + e.getMessage()
                + "; retype it, or change the Assumptions row 'Number format'";
    }

    /**
     * A percentage as a fraction: 0.7, 70% (a number formatted as a percentage) and the text "70%"
     * all mean 70%. A plain number above 1 is read as a percentage with a warning note; above 100 it is refused.
     */
    Read<Double> percent(Cell cell, String what, String expected) {
        Value v = value(cell);
        Quantities.Percent p;
        if (v instanceof Num n) {
            if (n.percentFormatted()) {
                return Read.of(n.value());
            }
            try {
                p = Quantities.fromNumber(n.value());
            } catch (Quantities.BarePercentException e) {
                return refused(cell, expected, e);
            }
        } else if (v instanceof Text t) {
            try {
                p = Quantities.parsePercent(t.text(), convention);
            } catch (Quantities.SeparatorException e) {
                problem(cell, separatorExpected(e));
                return Read.fail();
            } catch (Quantities.BarePercentException e) {
                return refused(cell, expected, e);
            } catch (NumberFormatException e) {
                problem(cell, expected);
                return Read.fail();
            }
        } else if (v instanceof Bool) {
            problem(cell, expected);
            return Read.fail();
        } else {
            return v instanceof Failed ? Read.fail() : Read.blank();
        }
        p.warning().ifPresent(w -> note(InputNote.Kind.WARNING, ref(cell), what + ": " + w));
        return Read.of(p.fraction());
    }

    /** A whole number such as a GPU count or a term in months. */
    Read<Integer> wholeNumber(Cell cell, String expected) {
        Read<Double> r = amount(cell, Quantities.Per.NOTHING, expected);
        if (r.value().isEmpty()) {
            return r.failed() ? Read.fail() : Read.blank();
        }
        double d = r.value().get();
        if (Math.abs(d - Math.rint(d)) > 1e-9 || Math.abs(d) > Integer.MAX_VALUE) {
            problem(cell, expected);
            return Read.fail();
        }
        return Read.of((int) Math.rint(d));
    }

    private static final Pattern YEAR_MONTH = Pattern.compile("^(\\d{4})[-/.](\\d{1,2})$");
    private static final Pattern YMD = Pattern.compile("^(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})$");
    /** Excel serials from 1950 to 2100: anything outside is more likely a typo than a date. */
    private static final double FIRST_SERIAL = 18264;
    private static final double LAST_SERIAL = 73415;

    static final String DATE_EXPECTED = "a date: a date cell, ISO text such as 2023-06-01, or an Excel date serial such as 45078";

    /** A date from a date cell, ISO text ({@code 2023-06-01}, {@code 2023-06}) or an Excel serial number. */
    Read<LocalDate> date(Cell cell) {
        Value v = value(cell);
        if (v instanceof Num n) {
            if (n.value() >= FIRST_SERIAL && n.value() <= LAST_SERIAL) {
                return Read.of(fromSerial(n.value(), date1904));
            }
            if (n.dateFormatted() && n.value() < 1) {
                // Excel shows 0 in a date cell as 1900-01-00 and POI reads it as 1899-12-31: an empty result, not a date.
                problem(cell, "a date from 1950 to 2100; a date cell holding " + Formats.plain(n.value())
                        + " (often an empty cell or formula result shown as a date) is no date");
                return Read.fail();
            }
            if (n.dateFormatted()) {
                return Read.of(fromSerial(n.value(), date1904));
            }
            problem(cell, DATE_EXPECTED);
            return Read.fail();
        }
        if (v instanceof Text t) {
            Optional<LocalDate> d = parseDate(t.text(), date1904);
            if (d.isPresent()) {
                return Read.of(d.get());
            }
            problem(cell, dayThatDoesNotExist(t.text()).orElse(DATE_EXPECTED));
            return Read.fail();
        }
        if (v instanceof Bool) {
            problem(cell, DATE_EXPECTED);
            return Read.fail();
        }
        return v instanceof Failed ? Read.fail() : Read.blank();
    }

    /** For {@code 2025-02-31}: "a day that exists (February 2025 has 28 days)"; empty for any other text. */
    static Optional<String> dayThatDoesNotExist(String text) {
        Matcher ymd = YMD.matcher(text.strip());
        if (!ymd.matches()) {
            return Optional.empty();
        }
        int month = Integer.parseInt(ymd.group(2));
        if (month < 1 || month > 12) {
            return Optional.of("a date with a month from 1 to 12, as YYYY-MM-DD (such as 2023-06-01)");
        }
        YearMonth yearMonth = YearMonth.of(Integer.parseInt(ymd.group(1)), month);
        return Optional.of("a day that exists (" + yearMonth.getMonth().getDisplayName(TextStyle.FULL, Locale.US) + " "
                + yearMonth.getYear() + " has " + yearMonth.lengthOfMonth() + " days)");
    }

    static LocalDate fromSerial(double serial, boolean date1904) {
        LocalDateTime t = DateUtil.getLocalDateTime(serial, date1904);
        return t.toLocalDate();
    }

    static Optional<LocalDate> parseDate(String text, boolean date1904) {
        String s = text.strip();
        try {
            Matcher ymd = YMD.matcher(s);
            if (ymd.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(ymd.group(1)), Integer.parseInt(ymd.group(2)), Integer.parseInt(ymd.group(3))));
            }
            Matcher ym = YEAR_MONTH.matcher(s);
            if (ym.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(ym.group(1)), Integer.parseInt(ym.group(2)), 1));
            }
            if (s.matches("\\d{4}-\\d{2}-\\d{2}[T ]\\d{1,2}:\\d{2}.*")) {
                // A date with a time of day, as exported by other tools: the day is what counts.
                return Optional.of(LocalDate.parse(s.substring(0, 10)));
            }
            if (s.matches("\\d{5}(\\.\\d+)?")) {
                double serial = Double.parseDouble(s);
                if (serial >= FIRST_SERIAL && serial <= LAST_SERIAL) {
                    return Optional.of(fromSerial(serial, date1904));
                }
            }
        } catch (java.time.DateTimeException | NumberFormatException e) {
            // "2023-02-30" and the like: not a date.
            return Optional.empty();
        }
        return Optional.empty();
    }

    static final String YES_NO_EXPECTED = "yes or no";

    /** Yes/no: a TRUE/FALSE cell, yes/no/y/n/true/false text, or 1/0. */
    Read<Boolean> yesNo(Cell cell) {
        Value v = value(cell);
        if (v instanceof Bool b) {
            return Read.of(b.value());
        }
        if (v instanceof Num n && (n.value() == 0 || n.value() == 1)) {
            return Read.of(n.value() == 1);
        }
        if (v instanceof Text t) {
            switch (t.text().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "")) {
                case "yes", "y", "true", "1", "allowed", "ok" -> {
                    return Read.of(true);
                }
                case "no", "n", "false", "0", "notallowed", "none" -> {
                    return Read.of(false);
                }
                default -> {
                    problem(cell, YES_NO_EXPECTED);
                    return Read.fail();
                }
            }
        }
        if (v instanceof Num) {
            problem(cell, YES_NO_EXPECTED);
            return Read.fail();
        }
        return v instanceof Failed ? Read.fail() : Read.blank();
    }

    static OptionalDouble toOptional(Optional<Double> value) {
        return value.map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }

    static OptionalInt toOptionalInt(Optional<Integer> value) {
        return value.map(OptionalInt::of).orElse(OptionalInt.empty());
    }
}
