package gpuroi.workbook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Finds a table's header row below any title block and maps its headers to known columns, the way
 * a person would read them: case, punctuation, units in brackets and extra spaces do not matter.
 */
final class HeaderMatcher {
    private HeaderMatcher() {
    }

    /** How far down a title block may push the header row. */
    static final int ROWS_SCANNED = 30;

    /** Unit words people put after a header without brackets ("Power kW", "Rate $/GPU-hr"); dropped one by one. */
    private static final Set<String> UNIT_WORDS = Set.of("usd", "eur", "gbp", "kw", "kwh", "hr", "hrs", "h", "hour", "hours",
            "year", "years", "yr", "yrs", "month", "months", "mo", "pct", "percent", "gpu", "each");

    /**
     * The header row found.
     *
     * @param rowIndex zero-based index of the header row
     * @param columns  for each known column found, its zero-based column index
     * @param headers  every non-empty header text of the row, as written
     * @param rawHeaders for each known column found, its header text as written (to read units from it)
     * @param merges   the values merged down a column below the header, which every row they cover reads
     * @param duplicates for each known column found twice, the second header meaning it: which one is meant cannot be told
     */
    record HeaderRow(int rowIndex, Map<Column, Integer> columns, List<String> headers, Map<Column, String> rawHeaders,
                     ColumnMerges merges, Map<Column, Duplicate> duplicates) {
        boolean has(Column column) {
            return columns.containsKey(column);
        }
    }

    /** A second header meaning a column already found: its index and its text as written. */
    record Duplicate(int columnIndex, String header) {
    }

    /** Lower case, bracketed units and punctuation removed, no spaces: {@code "Capex per GPU ($)" → "capexpergpu"}. */
    static String normalize(String header) {
        return String.join("", words(header));
    }

    private static final Pattern BRACKETED = Pattern.compile("\\([^)]*\\)|\\[[^]]*]|\\{[^}]*}");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    private static List<String> words(String header) {
        String s = header == null ? "" : header.toLowerCase(Locale.ROOT);
        s = BRACKETED.matcher(s).replaceAll(" ");
        s = NOT_ALPHANUMERIC.matcher(s.replace("#", " number ")).replaceAll(" ").strip();
        return s.isEmpty() ? List.of() : Arrays.asList(s.split(" "));
    }

    /** The normalized label and aliases of each known column, worked out once: every header is compared with them. */
    private static final Map<Column, Set<String>> KEYS = new ConcurrentHashMap<>();

    private static Set<String> keys(Column column) {
        return KEYS.computeIfAbsent(column, c -> {
            Set<String> keys = new HashSet<>();
            keys.add(normalize(c.label()));
            c.aliases().forEach(a -> keys.add(normalize(a)));
            return Set.copyOf(keys);
        });
    }

    /** The known column a header means, or null. Tries the whole header, then drops trailing unit words. */
    static Column match(String header, List<Column> known) {
        List<String> w = new ArrayList<>(words(header));
        while (!w.isEmpty()) {
            String key = String.join("", w);
            for (Column c : known) {
                if (keys(c).contains(key)) {
                    return c;
                }
            }
            if (!UNIT_WORDS.contains(w.get(w.size() - 1))) {
                return null;
            }
            w.remove(w.size() - 1);
        }
        return null;
    }

    /**
     * The row among the first {@link #ROWS_SCANNED} that matches the most known columns, or null when
     * no row matches at least {@code minimumMatches}. The first column matched keeps a header; a
     * second header meaning the same column is recorded as a duplicate, for the caller to refuse.
     */
    static HeaderRow find(Sheet sheet, List<Column> known, int minimumMatches) {
        HeaderRow best = null;
        int last = Math.min(sheet.getLastRowNum(), sheet.getFirstRowNum() + ROWS_SCANNED - 1);
        for (int r = Math.max(0, sheet.getFirstRowNum()); r <= last; r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            Map<Column, Integer> columns = new LinkedHashMap<>();
            Map<Column, String> raw = new LinkedHashMap<>();
            Map<Column, Duplicate> duplicates = new LinkedHashMap<>();
            List<String> headers = new ArrayList<>();
            for (Cell cell : row) {
                Optional<String> label = LabelText.of(cell);
                if (label.isEmpty()) {
                    continue;
                }
                String text = label.get();
                headers.add(text);
                Column c = match(text, known);
                if (c != null && !columns.containsKey(c)) {
                    columns.put(c, cell.getColumnIndex());
                    raw.put(c, text);
                } else if (c != null) {
                    duplicates.putIfAbsent(c, new Duplicate(cell.getColumnIndex(), text));
                }
            }
            if (columns.size() >= minimumMatches && (best == null || columns.size() > best.columns().size())) {
                best = new HeaderRow(r, columns, headers, raw, null, duplicates);
            }
        }
        return best == null ? null : new HeaderRow(best.rowIndex(), best.columns(), best.headers(), best.rawHeaders(),
                ColumnMerges.below(sheet, best.rowIndex()), best.duplicates());
    }
}
