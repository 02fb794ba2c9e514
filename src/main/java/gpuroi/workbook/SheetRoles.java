package gpuroi.workbook;

import gpuroi.workbook.HeaderMatcher.HeaderRow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Which sheet of a workbook is read as its Assumptions, Market, Risk, Fleet and Leases sheet. A sheet
 * with a known name plays that part. Otherwise a sheet that only looks like one — its name contains
 * "assumption", "fleet", "lease", "market" or "risk", or its first rows hold that table's headers — is
 * read when it is the only one that does, with a warning saying so; when it is not the only one, or
 * looks like two parts at once, it is named in a warning (in the error, for the required Fleet) and
 * not read. Sheets gpu-roi writes itself ("ROI …") play no part.
 */
final class SheetRoles {
    enum Role {
        ASSUMPTIONS("Assumptions", WorkbookReader.ASSUMPTIONS_NAMES, "assumption", List.of()),
        MARKET("Market", WorkbookReader.MARKET_NAMES, "market", MarketSheet.COLUMNS),
        RISK("Risk", WorkbookReader.RISK_NAMES, "risk", RiskRangesSheet.COLUMNS),
        FLEET("Fleet", WorkbookReader.FLEET_NAMES, "fleet", FleetSheet.COLUMNS),
        LEASES("Leases", WorkbookReader.LEASES_NAMES, "lease", LeasesSheet.COLUMNS);

        final String label;
        final Set<String> names;
        final String nameWord;
        final List<Column> columns;

        Role(String label, Set<String> names, String nameWord, List<Column> columns) {
            this.label = label;
            this.names = names;
            this.nameWord = nameWord;
            this.columns = columns;
        }
    }

    private final Map<Role, Sheet> sheets = new EnumMap<>(Role.class);
    private String fleetNearMiss = "";

    private SheetRoles() {
    }

    /** The sheet read as {@code role}, or null when none is. */
    Sheet sheet(Role role) {
        return sheets.get(role);
    }

    /** Why no look-alike was read as the Fleet sheet ("'Fleet A' and 'Fleet B' both look like…"), or "" when none was near. */
    String fleetNearMiss() {
        return fleetNearMiss;
    }

    /** Finds each part's sheet; the look-alikes read or left unread are noted as warnings. */
    static SheetRoles find(XSSFWorkbook workbook, List<InputNote> notes) {
        SheetRoles found = new SheetRoles();
        for (Role role : Role.values()) {
            Sheet s = WorkbookReader.sheet(workbook, role.names);
            if (s != null) {
                found.sheets.put(role, s);
            }
        }
        Map<Sheet, Set<Role>> lookAlikes = new LinkedHashMap<>();
        for (Sheet s : workbook) {
            if (!found.sheets.containsValue(s) && !writtenByGpuRoi(s)) {
                // A part already played by a sheet of its own name is not looked for again ("Fleet (old)" beside "Fleet").
                Set<Role> roles = looksLike(s);
                roles.removeAll(found.sheets.keySet());
                if (!roles.isEmpty()) {
                    lookAlikes.put(s, roles);
                }
            }
        }
        Set<Sheet> named = new HashSet<>();
        for (Role role : Role.values()) {
            if (found.sheets.containsKey(role)) {
                continue;
            }
            List<Sheet> candidates = lookAlikes.entrySet().stream().filter(e -> e.getValue().contains(role))
                    .map(Map.Entry::getKey).toList();
            if (candidates.isEmpty()) {
                continue;
            }
            Sheet candidate = candidates.get(0);
            String notRead = null;
            if (candidates.size() > 1) {
                notRead = quotedList(candidates) + " all look like the " + role.label + " sheet, so none was read as it; rename the one to read "
                        + role.label;
                notRead = candidates.size() == 2 ? notRead.replace(" all look", " both look") : notRead;
            } else if (lookAlikes.get(candidate).size() > 1) {
                String parts = lookAlikes.get(candidate).stream().map(r -> r.label).collect(Collectors.joining(" and the "));
                notRead = "sheet '" + candidate.getSheetName() + "' was not read: it looks like the " + parts
                        + " sheet; rename it to the one it is";
            } else if (role != Role.FLEET && !fits(candidate, role)) {
                // An optional table only by name ("Risk notes"): reading it would turn a note into errors.
                notRead = "sheet '" + candidate.getSheetName() + "' was not read: its name suggests the " + role.label
                        + " sheet but its first rows hold no " + role.label + " table; rename it " + role.label
                        + " and give it " + expectedHeaders(role) + " to have it read";
            }
            if (notRead == null) {
                found.sheets.put(role, candidate);
                notes.add(new InputNote(InputNote.Kind.WARNING, candidate.getSheetName(), "sheet '" + candidate.getSheetName()
                        + "' was read as the " + role.label + " sheet (gpu-roi looks for a sheet named " + role.label
                        + "); rename it " + role.label + " to make that explicit"));
            } else if (role == Role.FLEET) {
                found.fleetNearMiss = notRead;
            } else if (named.add(candidate) || candidates.size() > 1) {
                notes.add(new InputNote(InputNote.Kind.WARNING, candidate.getSheetName(), notRead));
            }
        }
        if (!found.sheets.containsKey(Role.FLEET) && found.fleetNearMiss.isEmpty()) {
            found.fleetNearMiss = misspelledFleet(workbook, found);
        }
        return found;
    }

    /** "ROI Summary", "ROI Notes"…: the sheets every conversion adds, which describe results, not inputs. */
    static boolean writtenByGpuRoi(Sheet sheet) {
        return sheet.getSheetName().toLowerCase(Locale.ROOT).startsWith("roi ");
    }

    /**
     * The parts a sheet looks like: those its name suggests (narrowed to the ones its first rows fit,
     * when any do), else those its first rows fit.
     */
    private static Set<Role> looksLike(Sheet sheet) {
        String name = sheet.getSheetName().toLowerCase(Locale.ROOT);
        Set<Role> byName = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (name.contains(role.nameWord)) {
                byName.add(role);
            }
        }
        Set<Role> byContent = contentRoles(sheet);
        if (byName.isEmpty()) {
            return byContent;
        }
        Set<Role> both = EnumSet.copyOf(byName);
        both.retainAll(byContent);
        return both.isEmpty() ? byName : both;
    }

    /**
     * The parts whose table a sheet's first rows hold: a Parameter | Value header over known
     * parameters, or a header row with every required column of a table (and at least three of its
     * columns). A header that fits several tables belongs to the one with the most required columns
     * matched (a Leases header also holds the Fleet's Cluster id, GPU model and GPU count).
     */
    private static Set<Role> contentRoles(Sheet sheet) {
        Map<Role, Integer> matched = new EnumMap<>(Role.class);
        if (AssumptionsSheet.hasParameterTable(sheet)) {
            matched.put(Role.ASSUMPTIONS, 2);
        }
        for (Role role : Role.values()) {
            int required = requiredMatched(sheet, role);
            if (required > 0) {
                matched.put(role, required);
            }
        }
        int best = matched.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        matched.forEach((role, n) -> {
            if (n == best) {
                roles.add(role);
            }
        });
        return roles;
    }

    /** How many required columns the sheet's header row matches when it matches them all, else 0. */
    private static int requiredMatched(Sheet sheet, Role role) {
        if (role.columns.isEmpty()) {
            return 0;
        }
        HeaderRow header = HeaderMatcher.find(sheet, role.columns, Math.min(3, role.columns.size()));
        if (header == null) {
            return 0;
        }
        List<Column> required = role.columns.stream().filter(Column::required).toList();
        return required.stream().allMatch(header::has) ? required.size() : 0;
    }

    /** Whether a sheet read as {@code role} holds that part's table. */
    private static boolean fits(Sheet sheet, Role role) {
        return role == Role.ASSUMPTIONS ? AssumptionsSheet.parameterRows(sheet) > 0 : requiredMatched(sheet, role) > 0;
    }

    private static String expectedHeaders(Role role) {
        if (role == Role.ASSUMPTIONS) {
            return "rows naming known parameters (Hurdle rate, Discount rate…) with their values beside them";
        }
        return "a header row with " + role.columns.stream().filter(Column::required).map(c -> "'" + c.label() + "'")
                .collect(Collectors.joining(", "));
    }

    /** A sheet whose name is one or two letters from a Fleet name ("Flet", "Fleeet", "Clusterss"), for the missing-Fleet error. */
    private static String misspelledFleet(XSSFWorkbook workbook, SheetRoles found) {
        for (Sheet s : workbook) {
            if (found.sheets.containsValue(s) || writtenByGpuRoi(s)) {
                continue;
            }
            String name = s.getSheetName().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "");
            for (String fleetName : Role.FLEET.names) {
                if (editDistance(name, fleetName) <= 2) {
                    return "sheet '" + s.getSheetName() + "' may be it: rename it Fleet";
                }
            }
        }
        return "";
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    private static String quotedList(List<Sheet> sheets) {
        List<String> names = new ArrayList<>();
        sheets.forEach(s -> names.add("'" + s.getSheetName() + "'"));
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
