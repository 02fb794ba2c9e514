package gpuroi.workbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gpuroi.cli.Main;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference docs cannot fall behind the code: every header of every ROI sheet the samples convert to is a row
 * of its sheet's section in docs/outputs.md, every {@code --json} field is named in its JSON section, and every
 * header form the reader accepts is listed in its sheet's table in docs/workbook.md.
 */
class DocsCoverageTest {
    private static final Path OUTPUTS_DOC = Path.of("docs", "outputs.md");
    private static final Path WORKBOOK_DOC = Path.of("docs", "workbook.md");

    @TempDir
    static Path dir;

    /** Each converted workbook's ROI headers, by sheet. */
    private static final List<Map<String, Set<String>>> converted = new ArrayList<>();
    private static JsonNode json;

    @BeforeAll
    static void convertTheSamples() throws Exception {
        // The mixed fleet with a loan added, so the equity columns are written too; with a Monte Carlo for ROI Risk.
        Path mixed = dir.resolve("mixed-fleet.xlsx");
        Files.copy(Path.of("samples", "mixed-fleet.xlsx"), mixed);
        addLoan(mixed);
        Path article = Files.copy(Path.of("samples", "article-h100.xlsx"), dir.resolve("article-h100.xlsx"));
        String out = convert(mixed.toString(), article.toString(), "-o", dir.resolve("out") + "/", "--no-memos", "--runs", "200",
                "--json");
        json = new ObjectMapper().readTree(out);
        converted.add(roiHeaders(dir.resolve("out").resolve("mixed-fleet.roi.xlsx")));
        converted.add(roiHeaders(dir.resolve("out").resolve("article-h100.roi.xlsx")));
    }

    private static String convert(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] command = new String[args.length + 1];
        command[0] = "convert";
        System.arraycopy(args, 0, command, 1, args.length);
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), command);
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }

    private static void addLoan(Path workbook) throws Exception {
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet assumptions = wb.getSheet("Assumptions");
            int next = assumptions.getLastRowNum() + 1;
            Row ltv = assumptions.createRow(next);
            ltv.createCell(0).setCellValue("Loan to value");
            ltv.createCell(1).setCellValue(0.5);
            Row rate = assumptions.createRow(next + 1);
            rate.createCell(0).setCellValue("Loan rate");
            rate.createCell(1).setCellValue(0.08);
            try (OutputStream os = Files.newOutputStream(workbook)) {
                wb.write(os);
            }
        }
    }

    /**
     * The header texts of each ROI sheet: the cells written in the header style (bold on a grey fill), and on ROI
     * Portfolio the totals' labels in column A above the first empty row, which are that table's lines.
     */
    static Map<String, Set<String>> roiHeaders(Path workbook) throws Exception {
        Map<String, Set<String>> headers = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(workbook); Workbook wb = new XSSFWorkbook(in)) {
            for (Sheet sheet : wb) {
                if (!sheet.getSheetName().startsWith("ROI ")) {
                    continue;
                }
                Set<String> texts = new LinkedHashSet<>();
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING && isHeader(wb, cell.getCellStyle())) {
                            texts.add(cell.getStringCellValue());
                        }
                    }
                }
                if (sheet.getSheetName().equals(WorkbookWriter.PORTFOLIO_SHEET)) {
                    for (int r = 1; sheet.getRow(r) != null && sheet.getRow(r).getCell(0) != null; r++) {
                        texts.add(sheet.getRow(r).getCell(0).getStringCellValue());
                    }
                }
                headers.put(sheet.getSheetName(), texts);
            }
        }
        return headers;
    }

    private static boolean isHeader(Workbook wb, CellStyle style) {
        return style.getFillPattern() == FillPatternType.SOLID_FOREGROUND && wb.getFontAt(style.getFontIndex()).getBold();
    }

    /** The text under each "## " heading of a markdown file, by heading. */
    static Map<String, String> sections(Path doc) throws Exception {
        Map<String, String> sections = new LinkedHashMap<>();
        String heading = "";
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(doc)) {
            if (line.startsWith("## ")) {
                sections.put(heading, text.toString());
                heading = line.substring(3).strip();
                text.setLength(0);
            } else {
                text.append(line).append('\n');
            }
        }
        sections.put(heading, text.toString());
        return sections;
    }

    /** The cells of the body rows of a section's markdown tables (not their header rows), split on "|" and trimmed. */
    static List<List<String>> tableRows(String section) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : section.split("\n")) {
            String s = line.strip();
            if (s.matches("\\|[\\s|:-]+\\|")) {
                // The separator under a header row: what came just before it names the columns, it documents nothing.
                rows.remove(rows.size() - 1);
            } else if (s.startsWith("|")) {
                rows.add(Arrays.stream(s.substring(1, s.length() - (s.endsWith("|") ? 1 : 0)).split("\\|"))
                        .map(String::strip).toList());
            }
        }
        return rows;
    }

    /** Whitespace collapsed, and the dates and rates of a conversion written as the docs' placeholders. */
    static String normalize(String text) {
        return text.replaceAll("\\d{4}-\\d{2}-\\d{2}", "DATE").replaceAll("-?\\d+(?:\\.\\d+)?%", "RATE")
                .replaceAll("\\s+", " ").strip();
    }

    /** The headers that are no table cell of the section, compared after {@link #normalize}. */
    static Set<String> undocumented(Collection<String> headers, String section) {
        Set<String> cells = tableRows(section).stream().flatMap(List::stream).map(DocsCoverageTest::normalize)
                .collect(Collectors.toSet());
        return headers.stream().filter(h -> !cells.contains(normalize(h))).collect(Collectors.toCollection(TreeSet::new));
    }

    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");

    /**
     * The columns whose label is not the first cell of a table row of the section, or whose aliases are not all
     * code spans of that row, as "label: what is missing"; names compared as the reader compares headers.
     */
    static Set<String> undocumentedColumns(Collection<Column> columns, String section) {
        Map<String, Set<String>> spansByLabel = new LinkedHashMap<>();
        for (List<String> row : tableRows(section)) {
            Set<String> spans = new LinkedHashSet<>();
            Matcher m = CODE_SPAN.matcher(String.join(" | ", row.subList(1, Math.min(2, row.size()))));
            while (m.find()) {
                spans.add(HeaderMatcher.normalize(m.group(1)));
            }
            spansByLabel.put(HeaderMatcher.normalize(row.get(0)), spans);
        }
        Set<String> missing = new TreeSet<>();
        for (Column c : columns) {
            Set<String> spans = spansByLabel.get(HeaderMatcher.normalize(c.label()));
            if (spans == null) {
                missing.add(c.label() + ": no row");
                continue;
            }
            List<String> aliases = c.aliases().stream().filter(a -> !spans.contains(HeaderMatcher.normalize(a))).toList();
            if (!aliases.isEmpty()) {
                missing.add(c.label() + ": " + aliases);
            }
        }
        return missing;
    }

    @Test
    void everyHeaderOfEveryRoiSheetIsARowOfItsSheetsSectionInOutputsMd() throws Exception {
        Map<String, String> sections = sections(OUTPUTS_DOC);
        Set<String> sheetsSeen = new TreeSet<>();
        for (Map<String, Set<String>> workbook : converted) {
            workbook.forEach((sheet, headers) -> {
                sheetsSeen.add(sheet);
                assertThat(sections).as("a section '## " + sheet + "' in " + OUTPUTS_DOC).containsKey(sheet);
                assertThat(undocumented(headers, sections.get(sheet))).as(sheet + " headers missing from " + OUTPUTS_DOC).isEmpty();
            });
        }
        assertThat(sheetsSeen).as("every sheet gpu-roi adds was converted and checked").containsAll(WorkbookWriter.OUTPUT_SHEETS);
    }

    @Test
    void theCheckReportsAHeaderTheDocsDoNotName() throws Exception {
        String summary = sections(OUTPUTS_DOC).get(WorkbookWriter.SUMMARY_SHEET);

        assertThat(undocumented(List.of("Total capex", "Reason (text as converted on 2031-01-31)", "Made-up column (not in the docs)"),
                summary)).containsExactly("Made-up column (not in the docs)");
        // Only a whole cell counts, and not one of a table's header row.
        assertThat(undocumented(List.of("Decision", "Column"), "| Column | Meaning |\n| --- | --- |\n| Decision made | Decisions |\n"))
                .containsExactly("Column", "Decision");
    }

    @Test
    void everyJsonFieldOfConvertIsNamedInItsSectionOfOutputsMd() throws Exception {
        String section = sections(OUTPUTS_DOC).get("`convert --json`");
        assertThat(section).as("a section '## `convert --json`'").isNotNull();
        Set<String> named = new LinkedHashSet<>();
        Matcher m = CODE_SPAN.matcher(section);
        while (m.find()) {
            named.add(m.group(1));
        }
        Set<String> fields = new TreeSet<>();
        collectFields(json, fields);

        assertThat(fields).as("the conversion wrote clusters, contracts and a Monte Carlo").contains("npvHistogram", "keepCost",
                "equityIrr", "actions");
        assertThat(fields.stream().filter(f -> !named.contains(f)).toList()).as("--json fields missing from " + OUTPUTS_DOC).isEmpty();
    }

    private static void collectFields(JsonNode node, Set<String> fields) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                fields.add(field.getKey());
                collectFields(field.getValue(), fields);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collectFields(element, fields));
        }
    }

    @Test
    void everyHeaderTheReaderAcceptsIsListedInItsSheetsTableInWorkbookMd() throws Exception {
        Map<String, String> sections = sections(WORKBOOK_DOC);
        Map<String, List<Column>> tables = Map.of(
                "Fleet columns", FleetSheet.COLUMNS,
                "Leases columns", LeasesSheet.COLUMNS,
                "Market columns", MarketSheet.COLUMNS,
                "Assumptions parameters", AssumptionsSheet.PARAMETERS,
                "Risk columns", concat(RiskRangesSheet.COLUMNS, RiskRangesSheet.INPUT_NAMES.values()));
        tables.forEach((heading, columns) -> {
            assertThat(sections).as("a section '## " + heading + "' in " + WORKBOOK_DOC).containsKey(heading);
            assertThat(undocumentedColumns(columns, sections.get(heading))).as(heading + " in " + WORKBOOK_DOC).isEmpty();
        });
    }

    private static List<Column> concat(List<Column> a, Collection<Column> b) {
        List<Column> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void theAliasCheckReportsAnAliasTheDocsLeaveOut() {
        String section = "| Column | Also accepted |\n| --- | --- |\n| GPU count | `gpus`, `Qty` |\n";

        assertThat(undocumentedColumns(List.of(Column.required("GPU count", "gpus", "qty", "units"),
                Column.optional("Made-up column", "made up")), section))
                .containsExactly("GPU count: [units]", "Made-up column: no row");
    }

    @Test
    void everySheetNameTheReaderAcceptsIsListedInWorkbookMd() throws Exception {
        List<List<String>> rows = tableRows(sections(WORKBOOK_DOC).get("Sheets and tables"));
        Map<String, Set<String>> names = Map.of("Assumptions", WorkbookReader.ASSUMPTIONS_NAMES, "Fleet", WorkbookReader.FLEET_NAMES,
                "Leases", WorkbookReader.LEASES_NAMES, "Market", WorkbookReader.MARKET_NAMES, "Risk", WorkbookReader.RISK_NAMES);
        names.forEach((part, accepted) -> {
            Set<String> listed = rows.stream().filter(r -> r.get(0).equals(part)).flatMap(r -> Arrays.stream(r.get(1).split(",")))
                    .map(HeaderMatcher::normalize).collect(Collectors.toSet());
            assertThat(listed).as(part + " sheet names in " + WORKBOOK_DOC).containsAll(accepted);
        });
    }
}
