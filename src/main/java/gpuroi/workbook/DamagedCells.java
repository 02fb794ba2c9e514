package gpuroi.workbook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import java.io.IOException;
import org.apache.poi.ooxml.POIXMLTypeLoader;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.internal.PackagePropertiesPart;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.usermodel.XSSFChartSheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTRow;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTSheet;

/**
 * Cells and sheets that POI would read wrongly or not at all, found before anything is read: a
 * shared-text cell pointing past the shared-strings table (POI reads it as empty), an error cell
 * holding no Excel error, a cell of an unknown type, a row or cell beyond Excel's grid (POI wraps
 * row 2,147,483,648 round to a negative number, and a loop over rows never ends), a cell marked
 * with another row's reference or twice in its row (POI keeps one of them, silently), and a sheet
 * the workbook lists but whose part is missing (POI leaves it out). Each is a problem at its sheet
 * or cell; the output copies the input's sheets, so none of them may reach it either.
 */
final class DamagedCells {
    private DamagedCells() {
    }

    /** Problems listed at most; past this the rest are counted in one more line. */
    private static final int MAX_LISTED = 20;
    private static final int LAST_ROW = SpreadsheetVersion.EXCEL2007.getMaxRows();
    private static final int LAST_COLUMN = SpreadsheetVersion.EXCEL2007.getMaxColumns();
    private static final Pattern REF = Pattern.compile("\\$?([A-Za-z]{1,7})\\$?(\\d{1,10})");
    private static final Set<String> TYPES = Set.of("b", "d", "e", "inlineStr", "n", "s", "str");
    /** Every error Excel writes, the newer ones too (POI knows only the first seven). */
    private static final Set<String> ERRORS = Set.of("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
            "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#EXTERNAL!",
            "#PYTHON!", "#TIMEOUT!");
    private static final String RESAVE = "re-save the workbook from Excel, or retype the cell";

    /** Throws every damaged sheet and cell of the workbook as problems; returns when there are none. */
    static void refuse(XSSFWorkbook workbook, String fileName) throws WorkbookException {
        List<CellProblem> problems = new ArrayList<>();
        missingSheets(workbook, fileName, problems);
        documentProperties(workbook, fileName, problems);
        SharedStringsTable strings = workbook.getSharedStringSource();
        // The entries actually stored, not the table's declared count: an index must reach one of them.
        int sharedCount = strings == null ? 0 : strings.getSharedStringItems().size();
        int styles = workbook.getStylesSource() == null ? 0 : workbook.getStylesSource().getNumCellStyles();
        int[] more = {0};
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            XSSFSheet sheet = workbook.getSheetAt(i);
            if (sheet instanceof XSSFChartSheet || sheet.getCTWorksheet().getSheetData() == null) {
                continue;
            }
            new SheetScan(fileName, sheet.getSheetName(), sharedCount, styles, problems, more).scan(sheet.getCTWorksheet().getSheetData().getRowArray());
        }
        if (more[0] > 0) {
            problems.add(new CellProblem(fileName, "", "", more[0] + " more damaged cells", "cells Excel can read; " + RESAVE));
        }
        if (!problems.isEmpty()) {
            throw new WorkbookException(problems);
        }
    }

    /** Sheets listed in xl/workbook.xml that POI left out because their part is missing or is no sheet. */
    private static void missingSheets(XSSFWorkbook workbook, String fileName, List<CellProblem> problems) {
        Set<String> read = new HashSet<>();
        workbook.forEach(s -> read.add(s.getSheetName()));
        for (CTSheet listed : workbook.getCTWorkbook().getSheets().getSheetArray()) {
            if (read.contains(listed.getName())) {
                continue;
            }
            PackageRelationship relationship = listed.getId() == null ? null : workbook.getPackagePart().getRelationship(listed.getId());
            String where = relationship == null
                    ? "its relationship " + listed.getId() + " is missing from xl/_rels/workbook.xml.rels"
                    : "its part " + PackageParts.partName(String.valueOf(relationship.getTargetURI())).replaceFirst("^xl//", "")
                            + " is missing or is not a sheet";
            problems.add(new CellProblem(fileName, listed.getName(), "", "a damaged workbook: the sheet '" + listed.getName()
                    + "' is listed in xl/workbook.xml but " + where, "a workbook whose sheets are all present; re-save it from Excel"
                    + " or restore a copy"));
        }
    }

    /**
     * The document properties (author, title, application), which POI parses only when it writes the
     * output: a damaged one must be found now, not as a crash once the results are computed.
     */
    private static void documentProperties(XSSFWorkbook workbook, String fileName, List<CellProblem> problems) {
        // A core properties part that openxml4j could not parse is kept as a plain part, and saving the package then fails.
        for (PackagePart core : workbook.getPackage().getPartsByRelationshipType(PackageRelationshipTypes.CORE_PROPERTIES)) {
            if (!(core instanceof PackagePropertiesPart)) {
                problems.add(propertiesProblem(fileName, core.getPartName().getName().substring(1)));
                return;
            }
        }
        try {
            workbook.getProperties();
        } catch (RuntimeException e) {
            String part = "docProps/app.xml";
            try {
                for (PackagePart p : workbook.getPackage().getPartsByName(Pattern.compile("/docProps/.*"))) {
                    try (var in = p.getInputStream()) {
                        XmlObject.Factory.parse(in, POIXMLTypeLoader.DEFAULT_XML_OPTIONS);
                    } catch (IOException | XmlException | RuntimeException broken) {
                        part = p.getPartName().getName().substring(1);
                        break;
                    }
                }
            } catch (RuntimeException unlisted) {
                // Named as the usual suspect, docProps/app.xml.
                part = "docProps/app.xml";
            }
            problems.add(propertiesProblem(fileName, part));
        }
    }

    private static CellProblem propertiesProblem(String fileName, String part) {
        return new CellProblem(fileName, "", "", "a damaged part " + part + " (the document properties: author, title, application)",
                "well-formed document properties; re-save the workbook from Excel or restore a copy");
    }

    /** One sheet's rows and cells, as stored. */
    private record SheetScan(String fileName, String sheet, int sharedCount, int styles, List<CellProblem> problems, int[] more) {
        void scan(CTRow[] rows) {
            long previousRow = 0;
            for (CTRow row : rows) {
                long rowNumber;
                if (row.isSetR()) {
                    rowNumber = rowNumber(row);
                    if (rowNumber < 1 || rowNumber > LAST_ROW) {
                        add("", "a row numbered " + raw(row, "r"), "row numbers from 1 to " + String.format(Locale.US, "%,d", LAST_ROW)
                                + " (the last row of an Excel sheet); the file is damaged or was not written by a spreadsheet"
                                + " program: re-save it from Excel");
                        continue;
                    }
                } else {
                    // POI numbers a row without r="…" one past the row before it, as Excel does.
                    rowNumber = previousRow + 1;
                }
                previousRow = rowNumber;
                cells(row, (int) rowNumber);
            }
        }

        private void cells(CTRow row, int rowNumber) {
            Set<Integer> columns = new HashSet<>();
            int previousColumn = -1;
            for (CTCell cell : row.getCArray()) {
                int column;
                String ref;
                if (cell.isSetR()) {
                    Matcher m = REF.matcher(cell.getR());
                    column = m.matches() ? columnIndex(m.group(1)) : -1;
                    if (column < 0 || column >= LAST_COLUMN) {
                        add("", "a cell marked '" + cell.getR() + "' in row " + rowNumber, "cell references from A to "
                                + CellReference.convertNumToColString(LAST_COLUMN - 1) + " (the last column of an Excel sheet); "
                                + RESAVE);
                        continue;
                    }
                    ref = new CellReference(rowNumber - 1, column).formatAsString(false);
                    if (Long.parseLong(m.group(2)) != rowNumber) {
                        add(sheet + "!" + ref, "a cell marked '" + cell.getR() + "' stored in row " + rowNumber,
                                "each cell in the row its reference names; the file is damaged: " + RESAVE);
                        continue;
                    }
                } else {
                    column = previousColumn + 1;
                    ref = column < LAST_COLUMN ? new CellReference(rowNumber - 1, column).formatAsString(false) : "";
                }
                previousColumn = column;
                if (!columns.add(column)) {
                    add(sheet + "!" + ref, "two cells marked " + ref, "one cell per reference; the file is damaged: " + RESAVE);
                    continue;
                }
                value(cell, sheet + "!" + ref);
            }
        }

        private void value(CTCell cell, String at) {
            String style = raw(cell, "s");
            if (style != null && styles > 0 && !isIndex(style, styles)) {
                // POI fails on a style that is no number, and reads one past the table without its format (a date as a number).
                add(at, "a cell formatted with style number '" + style + "', but the workbook has " + styles + " cell styles",
                        "a cell style the workbook holds; the file is damaged: " + RESAVE);
                return;
            }
            String type = raw(cell, "t");
            if (type == null) {
                return;
            }
            String v = cell.isSetV() ? cell.getV() : null;
            if (!TYPES.contains(type)) {
                add(at, "a cell of the unknown type '" + type + "'", "a cell of a type Excel writes (number, text, date, TRUE/FALSE,"
                        + " error); the file is damaged: " + RESAVE);
            } else if (type.equals("s")) {
                sharedText(at, v);
            } else if (type.equals("e") && (v == null || !ERRORS.contains(v.strip()))) {
                add(at, v == null || v.isBlank() ? "an error cell with no error in it" : "an error cell holding '" + v + "', which is no"
                        + " Excel error", "a value or an Excel error such as #DIV/0!; the file is damaged: " + RESAVE);
            } else if (type.equals("b") && cell.getF() == null && (v == null || !(v.strip().equals("0") || v.strip().equals("1")))) {
                // POI reads anything but "1" as FALSE.
                add(at, "a TRUE/FALSE cell holding '" + (v == null ? "" : v) + "'", "TRUE or FALSE (stored as 1 or 0); the file is"
                        + " damaged: " + RESAVE);
            }
        }

        private void sharedText(String at, String v) {
            int index = -1;
            try {
                index = v == null ? -1 : Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
                // Reported below as no index.
                index = -1;
            }
            if (index < 0 || index >= sharedCount) {
                String table = sharedCount == 0 ? "the workbook has no shared-text table"
                        : "the shared-text table holds " + sharedCount + (sharedCount == 1 ? " entry" : " entries");
                add(at, "a text cell pointing at shared text " + (v == null ? "(none)" : "number '" + v + "'") + ", but " + table,
                        "text the workbook holds; the file is damaged (the cell would read as empty): " + RESAVE);
            }
        }

        private void add(String cell, String found, String expected) {
            if (problems.size() < MAX_LISTED) {
                problems.add(new CellProblem(fileName, sheet, cell, found, expected));
            } else {
                more[0]++;
            }
        }
    }

    private static boolean isIndex(String text, int size) {
        try {
            int index = Integer.parseInt(text.strip());
            return index >= 0 && index < size;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The row's number as stored; -1 when it is no number (XMLBeans refuses to read it). */
    private static long rowNumber(CTRow row) {
        try {
            return Long.parseLong(raw(row, "r").strip());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** A column's 0-based index from its letters; -1 past 7 letters' worth. */
    private static int columnIndex(String letters) {
        long index = 0;
        for (char c : letters.toUpperCase(Locale.ROOT).toCharArray()) {
            index = index * 26 + (c - 'A' + 1);
        }
        return index - 1 > Integer.MAX_VALUE ? -1 : (int) (index - 1);
    }

    /** An attribute's text as written, whether or not XMLBeans accepts it as its schema type. */
    private static String raw(org.apache.xmlbeans.XmlObject element, String attribute) {
        try (XmlCursor cursor = element.newCursor()) {
            return cursor.getAttributeText(new QName("", attribute));
        }
    }
}
