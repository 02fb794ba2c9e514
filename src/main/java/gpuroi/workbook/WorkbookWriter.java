package gpuroi.workbook;

import gpuroi.engine.PortfolioAnalysis;
import gpuroi.engine.ContractRiskProfile;
import gpuroi.engine.FleetResult;
import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.RiskProfile;
import gpuroi.model.Cancellation;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Writes the results beside the investor's own sheets: the input workbook is read into memory
 * (its file is never opened for writing), the added sheets are (re)built, and the result goes to a
 * temporary file in the output's directory that is then moved into place atomically. A failure
 * leaves neither an output nor a temporary file behind.
 *
 * <p>Input sheets are not touched: they are written back exactly as POI read them (values,
 * formulas and their cached results, styles, merged cells, widths, charts, defined names), except
 * that rows below a sheet's last value holding only formatting are dropped ({@link TrailingEmptyRows}),
 * and that a workbook asking to be recalculated on opening loses its placeholder formula results
 * ({@link StaleFormulaResults}). The
 * added sheets are streamed (SXSSF), their formulas carrying the engine's figures as cached values.
 */
public final class WorkbookWriter {
    public static final String SUMMARY_SHEET = "ROI Summary";
    public static final String CHART_SHEET = "ROI Chart";
    public static final String INPUTS_SHEET = "ROI Inputs";
    public static final String CASH_FLOWS_SHEET = "ROI Cash Flows";
    public static final String NOTES_SHEET = "ROI Notes";
    public static final String CONTRACTS_SHEET = "ROI Contracts";
    public static final String PORTFOLIO_SHEET = "ROI Portfolio";
    /** Written only when a Monte Carlo ran; replaced (or removed) on every conversion all the same. */
    public static final String RISK_SHEET = "ROI Risk";
    /** Grids of NPV and IRR over the inputs, and the tornado, per cluster (the largest ones in a very large fleet). */
    public static final String SENSITIVITY_SHEET = "ROI Sensitivity";
    /**
     * The sheets added, in order. A sheet of the input with one of these names is replaced.
     * {@link #RISK_SHEET} is added only when there are risk profiles.
     */
    public static final List<String> OUTPUT_SHEETS = List.of(SUMMARY_SHEET, CONTRACTS_SHEET, PORTFOLIO_SHEET, RISK_SHEET,
            SENSITIVITY_SHEET, CHART_SHEET, INPUTS_SHEET, CASH_FLOWS_SHEET, NOTES_SHEET);

    /** Sheets of one table under one header row, which prints on every page; the others hold several tables. */
    private static final Set<String> SINGLE_TABLE_SHEETS = Set.of(SUMMARY_SHEET, INPUTS_SHEET, CASH_FLOWS_SHEET, NOTES_SHEET);

    private WorkbookWriter() {
    }

    /**
     * Writes {@code output}: the input workbook's sheets unchanged, plus the result sheets. {@value #INPUTS_SHEET} refers to
     * each cell in {@code cells} that holds exactly the model's number, so editing the investor's own sheet moves the model.
     *
     * @param input   the investor's .xlsx; read only
     * @param output  where to write; replaced atomically if it exists; must not be the input
     * @param result  the engine's results (clusters in input order), the Monte Carlo profiles for {@value #RISK_SHEET} (no
     *                such sheet when there are none) and the sensitivity figures of the clusters {@link #sensitivityClusters}
     *                picks
     * @param notes   defaults, catalog values and warnings from reading the input
     * @param cells   where each input value was read
     * @param runInfo provenance for the notes sheet
     * @throws IOException when the input cannot be read as an .xlsx or the output cannot be written
     * @throws IllegalArgumentException when the output is the input, or the fleet needs more
     *                                  monthly rows than one sheet holds
     */
    public static void write(Path input, Path output, FleetResult result, List<InputNote> notes, InputCells cells, RunInfo runInfo)
            throws IOException {
        write(input, ParsedInput.NONE, output, result, notes, cells, runInfo);
    }

    /**
     * As {@link #write(Path, Path, FleetResult, List, InputCells, RunInfo)}, copying the input's sheets from {@code parsed},
     * the workbook the reader parsed, when it still holds it (it is taken: written once), instead of parsing the input again.
     */
    public static void write(Path input, ParsedInput parsed, Path output, FleetResult result, List<InputNote> notes, InputCells cells,
                             RunInfo runInfo) throws IOException {
        Objects.requireNonNull(parsed, "parsed");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(cells, "cells");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        PortfolioAnalysis analysis = result.analysis();
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(runInfo, "runInfo");
        Path source = input.toAbsolutePath().normalize();
        Path target = output.toAbsolutePath().normalize();
        if (source.equals(target) || Files.exists(target) && Files.isSameFile(source, target)) {
            throw new IllegalArgumentException("The output " + output + " is the input workbook itself; the input is never"
                    + " overwritten. Choose another output file.");
        }
        CashFlowLayout layout = CashFlowLayout.of(analysis.clusters());
        int maxRow = SpreadsheetVersion.EXCEL2007.getLastRowIndex();
        if (layout.lastCashFlowRow() > maxRow) {
            throw new IllegalArgumentException("The fleet needs " + (layout.lastCashFlowRow() + 1) + " monthly rows but one"
                    + " Excel sheet holds at most " + (maxRow + 1) + ". Split the fleet into several workbooks.");
        }

        XSSFWorkbook kept = parsed.take();
        // Parsed again only when the reader's workbook is not at hand; the same bytes, trimmed alike, give the same workbook.
        byte[] inputBytes = kept == null ? Files.readAllBytes(source) : null;
        AtomicOutput.write(target, true, out -> {
            try (XSSFWorkbook workbook = kept != null ? kept : open(input, TrailingEmptyRows.trim(source, inputBytes, AddedSheetParts.of(source)))) {
                removeResultSheets(workbook);
                StaleFormulaResults.dropWhenRecalculatedOnLoad(workbook);
                // The input's sheets stay in the XSSF model untouched; the added sheets are streamed,
                // so a fleet of thousands of clusters needs neither an XML object per cell nor the heap.
                // Closing it deletes its temporary row files (and closes the workbook it wraps, harmlessly twice).
                try (SXSSFWorkbook streaming = new StreamingWorkbook(workbook)) {
                    addResultSheets(streaming, layout, result, notes, new InputLinks(workbook, cells), runInfo);
                    streaming.write(out);
                }
            }
        });
    }

    private static XSSFWorkbook open(Path input, byte[] bytes) throws IOException {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (POIXMLException | UnsupportedFileFormatException e) {
            throw new IOException(input.getFileName() + " cannot be read as an Excel .xlsx workbook: " + e.getMessage(), e);
        }
    }

    /** The positions of the clusters whose figures {@value #SENSITIVITY_SHEET} shows: the pipeline computes exactly those. */
    public static IntPredicate sensitivityClusters(List<ClusterAnalysis> clusters) {
        Set<Integer> shown = Set.copyOf(SensitivitySheet.scope(clusters).shown());
        return shown::contains;
    }

    private static void addResultSheets(SXSSFWorkbook workbook, CashFlowLayout layout, FleetResult result,
                                        List<InputNote> notes, InputLinks links, RunInfo runInfo) {
        PortfolioAnalysis analysis = result.analysis();
        List<RiskProfile> risks = result.risks();
        List<ContractRiskProfile> contractRisks = result.contractRisks();
        XSSFWorkbook model = workbook.getXSSFWorkbook();
        OutputStyles styles = new OutputStyles(model, analysis.assumptions().currency(), model.isDate1904());
        for (String name : OUTPUT_SHEETS) {
            if (!name.equals(RISK_SHEET) || !risks.isEmpty()) {
                workbook.createSheet(name);
            }
        }
        Cancellation.check("writing the result sheets");
        java.time.LocalDate convertedOn = java.time.LocalDate.now();
        // First: its rows are generated and deflated on other threads from now on, while this one writes the rest.
        CashFlowSheet.write(workbook.getSheet(CASH_FLOWS_SHEET), analysis.clusters(), layout, links, styles);
        SummarySheet.write(workbook.getSheet(SUMMARY_SHEET), analysis.clusters(), layout, convertedOn, styles);
        ContractsSheet.write(workbook.getSheet(CONTRACTS_SHEET), analysis.contracts(), analysis.assumptions(), links, convertedOn,
                styles);
        PortfolioSheet.write(workbook.getSheet(PORTFOLIO_SHEET), analysis, styles);
        if (!risks.isEmpty()) {
            int belowRisks = RiskSheet.write(workbook.getSheet(RISK_SHEET), model.getSheet(RISK_SHEET), risks, styles);
            ContractRiskRows.write(workbook.getSheet(RISK_SHEET), belowRisks + 1, contractRisks, styles);
        }
        Cancellation.check("writing the result sheets");
        SensitivitySheet.Scope sensitivityScope = SensitivitySheet.scope(analysis.clusters());
        SensitivitySheet.write(workbook.getSheet(SENSITIVITY_SHEET), analysis.clusters(), sensitivityScope, result.figures(),
                analysis.assumptions(), styles);
        Cancellation.check("writing the result sheets");
        ModelInputsSheet.write(workbook.getSheet(INPUTS_SHEET), analysis.clusters(), layout, links, styles);
        Cancellation.check("writing the result sheets");
        // A chart lives in the sheet's drawing part, outside the streamed rows: it is built on the XSSF sheet.
        CumulativeCashFlowChart.write(workbook.getSheet(CHART_SHEET), model.getSheet(CHART_SHEET), analysis.clusters(),
                layout, styles);
        Cancellation.check("writing the result sheets");
        NotesSheet.write(workbook.getSheet(NOTES_SHEET), notes, analysis.assumptions(), runInfo, sensitivityScope, styles);
        for (String name : OUTPUT_SHEETS) {
            if (workbook.getSheet(name) != null) {
                PrintSetup.apply(workbook.getSheet(name), SINGLE_TABLE_SHEETS.contains(name) ? 1 : 0);
            }
        }
        // Open on the results. setActiveSheet also unselects every other tab, so no input sheet is left
        // grouped with the summary (where one edit would change both).
        model.setActiveSheet(model.getSheetIndex(SUMMARY_SHEET));
    }

    /** Sheet names are case-insensitive in Excel, and so is POI's lookup. */
    private static void removeResultSheets(XSSFWorkbook workbook) throws IOException {
        try {
            for (String name : OUTPUT_SHEETS) {
                int index = workbook.getSheetIndex(name);
                if (index >= 0) {
                    removeSheetWithItsParts(workbook, index);
                }
            }
        } catch (InvalidFormatException e) {
            throw new IOException("The previous result sheets could not be removed from the workbook: " + e.getMessage(), e);
        }
    }

    /**
     * POI removes a sheet's own part but leaves the parts it pointed to (drawing, charts, comments)
     * in the package, so every re-run would add an orphaned chart. Those parts are removed too, once
     * nothing else in the package refers to them.
     */
    private static void removeSheetWithItsParts(XSSFWorkbook workbook, int index) throws InvalidFormatException {
        OPCPackage pkg = workbook.getPackage();
        Set<PackagePartName> reachable = new LinkedHashSet<>();
        collectReachable(pkg, workbook.getSheetAt(index).getPackagePart(), reachable);
        workbook.removeSheetAt(index);
        boolean removed = true;
        while (removed) {
            removed = false;
            for (PackagePartName name : reachable) {
                if (pkg.containPart(name) && !isReferenced(pkg, name)) {
                    pkg.removePart(name);
                    removed = true;
                }
            }
        }
    }

    private static void collectReachable(OPCPackage pkg, PackagePart part, Set<PackagePartName> reachable)
            throws InvalidFormatException {
        for (PackageRelationship relationship : part.getRelationships()) {
            PackagePartName target = internalTarget(part, relationship);
            if (target != null && pkg.containPart(target) && reachable.add(target)) {
                collectReachable(pkg, pkg.getPart(target), reachable);
            }
        }
    }

    private static boolean isReferenced(OPCPackage pkg, PackagePartName name) throws InvalidFormatException {
        for (PackagePart part : pkg.getParts()) {
            if (part.isRelationshipPart() || part.getPartName().equals(name)) {
                continue;
            }
            for (PackageRelationship relationship : part.getRelationships()) {
                if (name.equals(internalTarget(part, relationship))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static PackagePartName internalTarget(PackagePart source, PackageRelationship relationship)
            throws InvalidFormatException {
        if (relationship.getTargetMode() == TargetMode.EXTERNAL) {
            return null;
        }
        URI target = PackagingURIHelper.resolvePartUri(source.getPartName().getURI(), relationship.getTargetURI());
        return PackagingURIHelper.createPartName(target);
    }
}
