package gpuroi.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import gpuroi.engine.PortfolioAnalysis;
import gpuroi.engine.RoiEngine;
import gpuroi.engine.SensitivityFigures;
import java.io.OutputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;

/**
 * Property: whatever a user types into the contract's columns, the reader either returns a
 * portfolio on which the engine gives only finite numbers (a metric may be absent, an IRR ambiguous),
 * or throws a {@link WorkbookException} whose every problem names a sheet and a cell. Never any
 * other exception. Thousands of small workbooks from a seeded generator: headers by label or alias
 * in random order below optional title rows, and in each cell a random type and value, from the
 * plausible to the absurd. A failure prints the seed and every cell, so it can be replayed.
 */
class ReaderFuzzTest {
    private static final long SEED = 20_261_125L;
    private static final int WORKBOOKS = 1_000;
    private static final LocalDate VALUATION = LocalDate.of(2026, 1, 1);

    @TempDir
    Path dir;

    @Test
    void everyRandomWorkbookIsReadIntoFiniteResultsOrRefusedCellByCell() throws Exception {
        long started = System.nanoTime();
        int accepted = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < WORKBOOKS; i++) {
            long seed = SEED + i;
            try {
                if (check(seed)) {
                    accepted++;
                }
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(failures).as("%d of %d workbooks broke the property; the first ones:%n%s", failures.size(), WORKBOOKS,
                String.join("\n----\n", failures.subList(0, Math.min(5, failures.size())))).isEmpty();
        System.out.printf("ReaderFuzzTest: %d workbooks (seeds %d..%d), %d accepted, %d refused, in %.1f s%n",
                WORKBOOKS, SEED, SEED + WORKBOOKS - 1, accepted, WORKBOOKS - accepted, took.toMillis() / 1000.0);
        // Both sides of the property must be exercised, or the generator has drifted.
        assertThat(accepted).isBetween(WORKBOOKS / 10, WORKBOOKS - WORKBOOKS / 10);
    }

    /** Replays one seed (paste a failing seed here while fixing). */
    @Test
    void oneSeedReplays() throws Exception {
        check(SEED);
    }

    /** Builds, reads and analyses the workbook of one seed; true when it was accepted. */
    private boolean check(long seed) throws Exception {
        FuzzWorkbook fuzz = new FuzzWorkbook(new SplittableRandom(seed));
        Path file = dir.resolve("fuzz.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            fuzz.workbook.write(out);
        }
        fuzz.workbook.close();
        String replay = "seed " + seed + ", cells:\n" + fuzz.describe();
        try {
            WorkbookInput input = WorkbookReader.read(file, VALUATION);
            PortfolioAnalysis analysis = RoiEngine.analyze(input.portfolio(), input.portfolio().assumptions());
            List<String> notFinite = new ArrayList<>();
            finite(analysis, "analysis", notFinite, new IdentityHashMap<>());
            for (var cluster : analysis.clusters()) {
                // The sensitivity grids and the tornado, over the Risk sheet's ranges where it gives them.
                finite(SensitivityFigures.of(cluster.withTornadoRanges(input.tornadoRanges(cluster.cluster()))),
                        cluster.cluster().id() + " sensitivity", notFinite, new IdentityHashMap<>());
                double[] flows = cluster.schedule().netFlows();
                for (int m = 0; m < flows.length; m++) {
                    if (!Double.isFinite(flows[m])) {
                        notFinite.add(cluster.cluster().id() + " net flow of month " + m + " = " + flows[m]);
                    }
                }
            }
            assertThat(notFinite).as(replay).isEmpty();
            return true;
        } catch (WorkbookException e) {
            assertThat(e.problems()).as(replay).isNotEmpty().allSatisfy(p -> {
                assertThat(p.sheet()).as("sheet of %s\n%s", p.describe(), replay).isNotBlank();
                assertThat(p.cell()).as("cell of %s\n%s", p.describe(), replay).contains("!");
                assertThat(p.describe()).as(replay).doesNotContain("Exception");
            });
            return false;
        } catch (Exception | Error e) {
            throw new AssertionError("unexpected " + e + "\n" + replay, e);
        }
    }

    /** Collects every number reachable through records, optionals and collections that is not finite. */
    private static void finite(Object value, String path, List<String> notFinite, Map<Object, Boolean> seen) throws Exception {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Double d && !Double.isFinite(d)) {
            notFinite.add(path + " = " + d);
        } else if (value instanceof OptionalDouble o && o.isPresent() && !Double.isFinite(o.getAsDouble())) {
            notFinite.add(path + " = " + o.getAsDouble());
        } else if (value instanceof String s && (s.contains("NaN") || s.contains("Infinity") || s.contains("∞"))) {
            notFinite.add(path + " = '" + s + "'");
        } else if (value instanceof Optional<?> o && o.isPresent()) {
            finite(o.get(), path, notFinite, seen);
        } else if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object each : c) {
                finite(each, path + "[" + i++ + "]", notFinite, seen);
            }
        } else if (value instanceof double[] array) {
            for (int i = 0; i < array.length; i++) {
                finite(array[i], path + "[" + i + "]", notFinite, seen);
            }
        } else if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                finite(component.getAccessor().invoke(record), path + "." + component.getName(), notFinite, seen);
            }
        }
    }

    /** One random workbook: an optional Assumptions sheet and a Fleet sheet, with what was put in each cell. */
    private static final class FuzzWorkbook {
        final XSSFWorkbook workbook = new XSSFWorkbook();
        private final SplittableRandom random;
        private final StringBuilder cells = new StringBuilder();
        private final CellStyle dateStyle;
        private final CellStyle percentStyle;
        /** Share of cells given anything rather than a plausible value: 0 for half the workbooks, so both outcomes are common. */
        private final double junk;
        private int dataRow;

        FuzzWorkbook(SplittableRandom random) {
            this.random = random;
            junk = random.nextBoolean() ? 0 : pick(0.02, 0.1, 0.3, 0.6);
            dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            percentStyle = workbook.createCellStyle();
            percentStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("0%"));
            if (random.nextInt(3) == 0) {
                assumptions(workbook.createSheet(pick("Assumptions", "assumptions ", "Settings")));
            }
            fleet(workbook.createSheet(pick("Fleet", "FLEET", " fleet", "Clusters")));
            if (random.nextInt(3) == 0) {
                table(workbook.createSheet(pick("Leases", "leases", "Contracts")), LeasesSheet.COLUMNS, 1 + random.nextInt(3));
            }
            if (random.nextInt(3) == 0) {
                table(workbook.createSheet(pick("Market", "market ", "Prices")), MarketSheet.COLUMNS, 1 + random.nextInt(3));
            }
            if (random.nextInt(4) == 0) {
                table(workbook.createSheet(pick("Risk", "Risk ranges", "Ranges")), RiskRangesSheet.COLUMNS, 1 + random.nextInt(4));
            }
        }

        /** A sheet of the contract's columns (required ones nearly always, optional ones half the time) in random order. */
        private void table(XSSFSheet sheet, List<Column> all, int rows) {
            List<Column> columns = new ArrayList<>();
            for (Column c : all) {
                boolean keep = c.required() ? junk <= 0.2 || random.nextInt(20) != 0 : random.nextInt(2) == 0;
                if (keep) {
                    columns.add(random.nextInt(columns.size() + 1), c);
                }
            }
            int r = 0;
            Row header = sheet.createRow(r++);
            for (int i = 0; i < columns.size(); i++) {
                text(header, i, name(columns.get(i)));
            }
            for (int k = 0; k < rows; k++) {
                dataRow = k;
                Row row = sheet.createRow(r++);
                for (int i = 0; i < columns.size(); i++) {
                    value(row, i, columns.get(i).label());
                }
            }
        }

        String describe() {
            return cells.toString();
        }

        private void assumptions(XSSFSheet sheet) {
            int r = 0;
            for (Column parameter : AssumptionsSheet.PARAMETERS) {
                boolean safe = List.of("Valuation date", "Discount rate", "Hurdle rate", "Currency", "Default price path", "Seed")
                        .contains(parameter.label());
                if (random.nextInt(3) == 0 && (safe || junk > 0)) {
                    Row row = sheet.createRow(r++);
                    text(row, 0, name(parameter));
                    value(row, 1, parameter.label());
                }
            }
        }

        private void fleet(XSSFSheet sheet) {
            int r = 0;
            if (random.nextInt(4) == 0) {
                text(sheet.createRow(r++), 0, "Our fleet");
                r += random.nextInt(2);
            }
            List<Column> columns = new ArrayList<>();
            for (Column c : FleetSheet.COLUMNS) {
                boolean keep = c.required() || c == FleetSheet.CAPEX_PER_GPU ? junk > 0.2 ? random.nextInt(20) != 0 : true
                        : random.nextInt(2) == 0;
                if (junk == 0 && (c == FleetSheet.TOTAL_CAPEX || c == FleetSheet.STATUS)) {
                    keep = false;
                }
                if (keep) {
                    columns.add(random.nextInt(columns.size() + 1), c);
                }
            }
            Row header = sheet.createRow(r++);
            for (int i = 0; i < columns.size(); i++) {
                text(header, i, name(columns.get(i)));
            }
            int rows = 1 + random.nextInt(4);
            for (int k = 0; k < rows; k++) {
                dataRow = k;
                Row row = sheet.createRow(r++);
                for (int i = 0; i < columns.size(); i++) {
                    value(row, i, columns.get(i).label());
                }
                if (random.nextInt(8) == 0) {
                    r++;
                }
            }
        }

        /** The column's label or one of its aliases, sometimes with a unit in brackets or odd case. */
        private String name(Column c) {
            String name = random.nextInt(2) == 0 || c.aliases().isEmpty() ? c.label() : c.aliases().get(random.nextInt(c.aliases().size()));
            return switch (random.nextInt(4)) {
                case 0 -> name.toUpperCase(java.util.Locale.ROOT);
                case 1 -> name + " ($)";
                default -> name;
            };
        }

        /** A plausible value for the column most of the time, else anything a cell can hold. */
        private void value(Row row, int column, String label) {
            if (random.nextDouble() >= junk) {
                plausible(row, column, label);
            } else if (random.nextInt(10) != 0) {
                anything(row, column);
            }
        }

        private void plausible(Row row, int column, String label) {
            switch (label) {
                case "Cluster id" -> text(row, column, pick("pod-", "=HYPERLINK(\"x\")", "مجموعة ", "-") + dataRow);
                case "GPU model" -> text(row, column, junk == 0 ? pick("H100 SXM", "A100", "B200", "MI300X", "L40S")
                        : pick("H100 SXM", "H100", "A100", "B200", "MI300X", "L40S", "Foo 9000"));
                case "GPU count" -> number(row, column, 1 + random.nextInt(1000));
                case "Capex per GPU", "Secondary price per GPU" -> number(row, column, 1000 + random.nextInt(60_000));
                case "Total capex" -> number(row, column, 10_000 + random.nextInt(10_000_000));
                case "Status" -> text(row, column, pick("Owned", "Planned", "owned ", "PLANNED"));
                case "Purchase date" -> date(row, column, LocalDate.of((junk == 0 ? 2026 : 2015) + random.nextInt(junk == 0 ? 3 : 14),
                        1 + random.nextInt(12), 1));
                case "Valuation date" -> date(row, column, LocalDate.of(2024 + random.nextInt(3), 1 + random.nextInt(12), 1));
                case "Useful life", "Depreciation years", "Loan term" -> number(row, column, 1 + random.nextInt(10));
                case "Residual value", "Utilization", "Marketplace fee", "Resale fee", "Resale discount", "Tax rate", "Loan to value",
                     "Balloon", "Discount rate", "Hurdle rate", "Loan rate" -> {
                    if (random.nextBoolean()) {
                        percent(row, column, random.nextDouble());
                    } else {
                        text(row, column, random.nextInt(101) + "%");
                    }
                }
                case "Power per GPU" -> number(row, column, 0.3 + random.nextDouble());
                case "PUE" -> number(row, column, 1 + random.nextDouble());
                case "Electricity $/kWh" -> text(row, column, "$0." + (10 + random.nextInt(89)) + "/kWh");
                case "Other opex per GPU-month" -> number(row, column, random.nextInt(500));
                case "Start rental price" -> text(row, column, "$" + (1 + random.nextInt(5)) + "." + random.nextInt(100) + "/hr");
                case "Price path", "Default price path" -> text(row, column, pick("flat", "blended:0.5:5", "decline:40%", "decline:0.2",
                        "custom:yearly:1,0.8,0.6", "custom:monthly:1,0.99"));
                case "Currency" -> text(row, column, pick("USD", "EUR", "usd", "€"));
                case "Monte Carlo runs" -> number(row, column, random.nextInt(10_000));
                case "Contract id" -> text(row, column, pick("lease-", "=1+1", "עסקה ") + dataRow);
                case "Role" -> text(row, column, pick("Lessee", "Lessor", "lessee", "we rent out", "rented in"));
                case "Counterparty" -> text(row, column, pick("NeoCloud", "Big Cloud", "@SUM(1)"));
                case "Rate", "On-demand price", "Reserved price" -> text(row, column, "$" + random.nextInt(6) + "." + random.nextInt(100) + "/hr");
                case "Start date" -> date(row, column, LocalDate.of(2023 + random.nextInt(4), 1 + random.nextInt(12), 1));
                case "Term" -> number(row, column, 1 + random.nextInt(60));
                case "Prepaid share", "Annual price decline" -> percent(row, column, random.nextDouble());
                case "GPUs actually needed" -> number(row, column, random.nextInt(1000));
                case "Resale allowed" -> text(row, column, pick("yes", "no", "Y", "N", "true"));
                case "Termination fee", "New price per GPU" -> number(row, column, random.nextInt(1_000_000));
                case "Input" -> text(row, column, pick("Annual price decline", "Start price", "Utilization", "Capex per GPU",
                        "Electricity price", "Other opex", "Residual value", "Hurdle rate", "Colour"));
                case "Low", "Most likely", "High" -> {
                    if (random.nextBoolean()) {
                        percent(row, column, random.nextDouble() * 1.5);
                    } else {
                        text(row, column, "$" + random.nextInt(50_000));
                    }
                }
                case "Distribution" -> text(row, column, pick("PERT", "Triangular", "pert", "normal", ""));
                case "Seed" -> number(row, column, random.nextInt());
                default -> anything(row, column);
            }
        }

        private void anything(Row row, int column) {
            switch (random.nextInt(12)) {
                case 0 -> number(row, column, pick(0.0, -1.0, -0.5, 1e308, -1e308, 1e-308, 4.9e-324, 1e15, 2_147_483_648.0, 0.1 + 0.2));
                case 1 -> number(row, column, (random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(12)));
                case 2 -> text(row, column, pick("$2.85/hr", "70%", "1.2k", "50,000", "(1,000)", "-5", "1e999", "NaN", "Infinity", "-0",
                        "12,34", "1.2.3", "$", "%", "k", "0x10", "1_000", "٣", "½", "2.85 EUR", "USD 5", "100.09%", "1e-400"));
                case 3 -> text(row, column, pick("", " ", "-", "n/a", "—", "lots", "=SUM(1)", "@SUM(1)", "yes", "TRUE",
                        "2025-02-31", "2013-06-01", "2024-13-01", "2023-06", "45078", "2024-03-01T10:00", "\u202Eevil", "x".repeat(300)));
                case 4 -> row.createCell(column).setCellValue(random.nextBoolean());
                case 5 -> date(row, column, LocalDate.of(1900 + random.nextInt(300), 1 + random.nextInt(12), 1 + random.nextInt(28)));
                case 6 -> error(row, column, pick(FormulaError.DIV0, FormulaError.REF, FormulaError.NA, FormulaError.VALUE, FormulaError.NUM));
                case 7 -> formula(row, column, pick("1+1", "1/0", "A1", "NOW()", "SUM(A:A)", "XYZ(1)", "INDIRECT(\"A1\")", "\"70%\"",
                        "10^400", "ROW()", "B2*2", "TRUE"), null);
                case 8 -> formula(row, column, pick("1+1", "Q99", "A1*2"), pick(2.0, 1e308, -3.0, 0.7));
                case 9 -> {
                    XSSFCell cell = (XSSFCell) row.createCell(column);
                    cell.setCellFormula("D2/0");
                    cell.getCTCell().setT(STCellType.E);
                    cell.getCTCell().setV("#DIV/0!");
                    note(cell, "=D2/0 saved as #DIV/0!");
                }
                case 10 -> {
                    XSSFCell cell = (XSSFCell) row.createCell(column);
                    cell.setCellValue(1);
                    String saved = pick("NaN", "INF", "-INF", "1e999", "abc", "");
                    cell.getCTCell().setV(saved);
                    note(cell, "number saved as <v>" + saved + "</v>");
                }
                default -> percent(row, column, pick(-0.5, 0.0, 0.7, 1.0, 1.5, 70.0, 1e308));
            }
        }

        private void text(Row row, int column, String value) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            note(cell, "'" + value + "'");
        }

        private void number(Row row, int column, double value) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            note(cell, String.valueOf(value));
        }

        private void percent(Row row, int column, double value) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(percentStyle);
            note(cell, value + " as %");
        }

        private void date(Row row, int column, LocalDate value) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(dateStyle);
            note(cell, "date " + value);
        }

        private void error(Row row, int column, FormulaError error) {
            Cell cell = row.createCell(column);
            cell.setCellErrorValue(error.getCode());
            note(cell, error.getString());
        }

        private void formula(Row row, int column, String formula, Double cached) {
            XSSFCell cell = (XSSFCell) row.createCell(column);
            cell.setCellFormula(formula);
            if (cached == null) {
                if (cell.getCTCell().isSetV()) {
                    cell.getCTCell().unsetV();
                }
            } else {
                cell.getCTCell().setV(String.valueOf(cached));
            }
            note(cell, "=" + formula + (cached == null ? " (no saved result)" : " saved as " + cached));
        }

        private void note(Cell cell, String what) {
            cells.append("  ").append(cell.getSheet().getSheetName()).append('!')
                    .append(new CellReference(cell.getRowIndex(), cell.getColumnIndex()).formatAsString(false))
                    .append(": ").append(what).append('\n');
        }

        @SafeVarargs
        private <T> T pick(T... choices) {
            return choices[random.nextInt(choices.length)];
        }
    }
}
