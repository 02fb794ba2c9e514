package gpuroi.workbook;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.Formats;
import gpuroi.model.InvalidValueException;
import gpuroi.model.Lease;
import gpuroi.model.MarketQuote;
import gpuroi.model.Portfolio;
import gpuroi.model.RiskRange;
import gpuroi.model.RiskSettings;
import gpuroi.model.UncertainInput;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an investor's workbook (Assumptions, Fleet, Leases, Market sheets) into a {@link Portfolio},
 * following the workbook contract: sheets and headers found leniently, cells read as people type
 * them, defaults and catalog values noted, and every problem reported together.
 */
public final class WorkbookReader {
    private WorkbookReader() {
    }

    static final Set<String> FLEET_NAMES = Set.of("fleet", "clusters", "cluster");
    static final Set<String> ASSUMPTIONS_NAMES = Set.of("assumptions", "assumption", "settings", "parameters", "inputs");
    static final Set<String> LEASES_NAMES = Set.of("leases", "lease", "contracts", "leasecontracts");
    static final Set<String> MARKET_NAMES = Set.of("market", "marketprices", "marketdata", "prices");
    static final Set<String> RISK_NAMES = Set.of("risk", "riskranges", "ranges", "riskinputs", "uncertainty");

    /**
     * Reads a workbook. The file is only ever read.
     *
     * @param file                  an .xlsx workbook
     * @param defaultValuationDate  the valuation date when the Assumptions sheet gives none
     * @return the portfolio and the notes on every default, catalog value and warning used
     * @throws WorkbookException carrying every problem found, or one line when the file is not a readable .xlsx
     */
    public static WorkbookInput read(Path file, LocalDate defaultValuationDate) throws WorkbookException {
        return read(file, defaultValuationDate, HiddenRows.COUNT);
    }

    /**
     * Reads a workbook, counting or leaving out hidden Fleet and Leases rows (each noted either way).
     *
     * @see #read(Path, LocalDate)
     */
    public static WorkbookInput read(Path file, LocalDate defaultValuationDate, HiddenRows hiddenRows) throws WorkbookException {
        return read(file, defaultValuationDate, hiddenRows, false);
    }

    /**
     * Reads a workbook whose valuation date may have been given on the command line.
     *
     * @param valuationDateGiven whether {@code defaultValuationDate} was given by the user (--valuation-date)
     *                           rather than chosen by the tool, so that warnings do not call it a default
     * @see #read(Path, LocalDate, HiddenRows)
     */
    public static WorkbookInput read(Path file, LocalDate defaultValuationDate, HiddenRows hiddenRows, boolean valuationDateGiven)
            throws WorkbookException {
        String fileName = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try (XSSFWorkbook workbook = WorkbookFiles.open(file)) {
            return read(workbook, fileName, defaultValuationDate, hiddenRows, valuationDateGiven);
        } catch (IOException e) {
            // Closing a workbook opened from a stream touches no file; nothing the user can act on.
            throw WorkbookException.ofFile(fileName, "a file that cannot be closed", "a readable .xlsx workbook",
                    fileName + " could not be read: " + e.getMessage());
        }
    }

    /**
     * As {@link #read(Path, LocalDate, HiddenRows, boolean)}, keeping the parsed workbook for the writer
     * ({@link WorkbookInput#parsed()}), which then need not parse the input again. Call {@link ParsedInput#release} when
     * nothing will be written.
     */
    public static WorkbookInput readKeepingParsed(Path file, LocalDate defaultValuationDate, HiddenRows hiddenRows,
                                                  boolean valuationDateGiven) throws WorkbookException {
        String fileName = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        XSSFWorkbook workbook = WorkbookFiles.open(file);
        boolean kept = false;
        try {
            WorkbookInput read = read(workbook, fileName, defaultValuationDate, hiddenRows, valuationDateGiven);
            kept = true;
            return new WorkbookInput(read.portfolio(), read.notes(), read.monteCarloRuns(), read.monteCarloSeed(),
                    read.riskSettings(), read.cells(), new ParsedInput(workbook));
        } finally {
            if (!kept) {
                closeQuietly(workbook);
            }
        }
    }

    private static void closeQuietly(XSSFWorkbook workbook) {
        try {
            workbook.close();
        } catch (IOException e) {
            // Opened from bytes in memory: closing touches no file, and the reading's own failure is what matters.
        }
    }

    private static WorkbookInput read(XSSFWorkbook workbook, String fileName, LocalDate defaultValuationDate, HiddenRows hiddenRows,
                                      boolean valuationDateGiven) throws WorkbookException {
        List<CellProblem> problems = new ArrayList<>();
        List<InputNote> notes = new ArrayList<>();
        CellReader reader = CellReader.of(workbook, fileName, problems, notes);

        SheetRoles roles = SheetRoles.find(workbook, notes);
        Sheet assumptionsSheet = roles.sheet(SheetRoles.Role.ASSUMPTIONS);
        AssumptionsSheet assumptionsReader = new AssumptionsSheet(reader, assumptionsSheet);
        Assumptions assumptions = assumptionsReader.read(defaultValuationDate);
        InputCells cells = new InputCells();
        assumptionsReader.recordCellsIn(cells);
        if (assumptions != null && (assumptionsSheet == null || !assumptionsReader.foundParameters())) {
            notes.add(defaultsWarning(assumptionsSheet, assumptions, valuationDateGiven));
        }
        LocalDate valuationDate = assumptions == null ? defaultValuationDate : assumptions.valuationDate();
        String currency = assumptions == null ? "USD" : assumptions.currency();

        Sheet marketSheet = roles.sheet(SheetRoles.Role.MARKET);
        List<MarketQuote> market = marketSheet == null ? List.of() : new MarketSheet(reader, marketSheet, currency).recordingCellsIn(cells).read();

        Sheet riskSheet = roles.sheet(SheetRoles.Role.RISK);
        RiskSettings riskSettings = assumptionsReader.riskSettings();
        if (riskSheet != null) {
            Map<UncertainInput, RiskRange> ranges = new RiskRangesSheet(reader, riskSheet).read();
            riskSettings = riskSettings.overriddenBy(RiskSettings.ofRanges(ranges));
        }

        Sheet fleetSheet = roles.sheet(SheetRoles.Role.FLEET);
        List<Cluster> clusters = List.of();
        if (fleetSheet == null) {
            String nearMiss = roles.fleetNearMiss();
            problems.add(new CellProblem(fileName, "", "", "the sheets " + sheetNames(workbook),
                    "a sheet named Fleet with one row per cluster" + (nearMiss.isEmpty() ? "" : " (" + nearMiss + ")")));
        } else {
            int before = problems.size();
            FleetSheet fleet = new FleetSheet(reader, fleetSheet, valuationDate, currency, market, hiddenRows).recordingCellsIn(cells);
            clusters = fleet.read();
            boolean fleetComplete = problems.size() == before;
            Sheet leasesSheet = roles.sheet(SheetRoles.Role.LEASES);
            List<Lease> leases = leasesSheet == null ? List.of()
                    : new LeasesSheet(reader, leasesSheet, clusters, fleetComplete, hiddenRows, fleet.skippedClusters(),
                            currency).recordingCellsIn(cells).read();
            if (problems.isEmpty() && assumptions != null) {
                try {
                    return new WorkbookInput(new Portfolio(assumptions, clusters, leases, market), notes,
                            assumptionsReader.monteCarloRuns(), assumptionsReader.monteCarloSeed(), riskSettings, cells);
                } catch (InvalidValueException e) {
                    // The sheet readers check ids with cell references first; this is the model's last word.
                    problems.add(new CellProblem(fileName, "", "", e.found(), e.label() + ": " + e.expected()));
                }
            }
        }
        throw new WorkbookException(problems, notes.stream().filter(n -> n.kind() == InputNote.Kind.WARNING).toList());
    }

    /**
     * The warning that the figures every decision rests on are defaults: without it a workbook whose
     * Assumptions went unread would convert quietly at a 10% hurdle.
     */
    private static InputNote defaultsWarning(Sheet assumptionsSheet, Assumptions a, boolean valuationDateGiven) {
        String why = assumptionsSheet == null ? "no Assumptions sheet was read"
                : "no known parameter was found on the Assumptions sheet '" + assumptionsSheet.getSheetName() + "'";
        String defaults = valuationDateGiven
                ? "hurdle rate " + percent(a.hurdleRate()) + " and discount rate " + percent(a.discountRate())
                        + " are defaults (the valuation date " + a.valuationDate() + " is --valuation-date's)"
                : "hurdle rate " + percent(a.hurdleRate()) + ", discount rate " + percent(a.discountRate())
                        + " and valuation date " + a.valuationDate() + " are defaults";
        return new InputNote(InputNote.Kind.WARNING, assumptionsSheet == null ? "Assumptions" : assumptionsSheet.getSheetName(),
                why + ": " + defaults + ", and so are the fees (marketplace "
                        + percent(a.marketplaceFee()) + ", resale " + percent(a.resaleFee()) + ") and every other assumption;"
                        + " add a sheet named Assumptions with Parameter | Value rows to set them");
    }

    /** {@code 10%}, {@code 12.5%}: a rate as people type it. */
    private static String percent(double fraction) {
        return Formats.percent(fraction, 2).replaceAll("\\.?0+%$", "%");
    }

    /** The sheet whose name, ignoring case and spaces, is one of the given names. */
    static Sheet sheet(XSSFWorkbook workbook, Set<String> names) {
        for (Sheet s : workbook) {
            if (names.contains(s.getSheetName().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", ""))) {
                return s;
            }
        }
        return null;
    }

    private static String sheetNames(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(s -> names.add("'" + s.getSheetName() + "'"));
        return names.stream().collect(Collectors.joining(", "));
    }
}
