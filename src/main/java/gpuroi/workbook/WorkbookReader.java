package gpuroi.workbook;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
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
import java.util.Optional;
import java.util.OptionalDouble;
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
        String fileName = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try (XSSFWorkbook workbook = WorkbookFiles.open(file)) {
            return read(workbook, fileName, defaultValuationDate);
        } catch (IOException e) {
            // Closing a workbook opened from a stream touches no file; nothing the user can act on.
            throw WorkbookException.ofFile(fileName, "a file that cannot be closed", "a readable .xlsx workbook",
                    fileName + " could not be read: " + e.getMessage());
        }
    }

    private static WorkbookInput read(XSSFWorkbook workbook, String fileName, LocalDate defaultValuationDate) throws WorkbookException {
        List<CellProblem> problems = new ArrayList<>();
        List<InputNote> notes = new ArrayList<>();
        CellReader reader = CellReader.of(workbook, fileName, problems, notes);

        Sheet assumptionsSheet = sheet(workbook, ASSUMPTIONS_NAMES);
        if (assumptionsSheet == null) {
            notes.add(new InputNote(InputNote.Kind.DEFAULT, "Assumptions", "no Assumptions sheet; every assumption uses its default"));
        }
        AssumptionsSheet assumptionsReader = new AssumptionsSheet(reader, assumptionsSheet);
        Assumptions assumptions = assumptionsReader.read(defaultValuationDate);
        LocalDate valuationDate = assumptions == null ? defaultValuationDate : assumptions.valuationDate();
        String currency = assumptions == null ? "USD" : assumptions.currency();

        Sheet marketSheet = sheet(workbook, MARKET_NAMES);
        List<MarketQuote> market = marketSheet == null ? List.of() : new MarketSheet(reader, marketSheet).read();

        Sheet riskSheet = sheet(workbook, RISK_NAMES);
        RiskSettings riskSettings = assumptionsReader.riskSettings();
        if (riskSheet != null) {
            Map<UncertainInput, RiskRange> ranges = new RiskRangesSheet(reader, riskSheet).read();
            riskSettings = riskSettings.overriddenBy(new RiskSettings(OptionalDouble.empty(), OptionalDouble.empty(),
                    OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), ranges));
        }

        Sheet fleetSheet = sheet(workbook, FLEET_NAMES);
        List<Cluster> clusters = List.of();
        if (fleetSheet == null) {
            problems.add(new CellProblem(fileName, "", "", "the sheets " + sheetNames(workbook),
                    "a sheet named Fleet with one row per cluster"));
        } else {
            int before = problems.size();
            clusters = new FleetSheet(reader, fleetSheet, valuationDate, currency, market).read();
            boolean fleetComplete = problems.size() == before;
            Sheet leasesSheet = sheet(workbook, LEASES_NAMES);
            List<Lease> leases = leasesSheet == null ? List.of() : new LeasesSheet(reader, leasesSheet, clusters, fleetComplete).read();
            if (problems.isEmpty() && assumptions != null) {
                try {
                    return new WorkbookInput(new Portfolio(assumptions, clusters, leases, market), notes,
                            assumptionsReader.monteCarloRuns(), assumptionsReader.monteCarloSeed(), riskSettings);
                } catch (InvalidValueException e) {
                    // The sheet readers check ids with cell references first; this is the model's last word.
                    problems.add(new CellProblem(fileName, "", "", e.found(), e.field() + ": " + e.expected()));
                }
            }
        }
        throw new WorkbookException(problems);
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
