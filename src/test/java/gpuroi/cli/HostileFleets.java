package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Fleet workbooks with hostile values in chosen cells, and checks on everything a conversion writes. */
final class HostileFleets {
    private HostileFleets() {
    }

    static final String[] HEADERS = {"Cluster ID", "GPU model", "GPUs", "Capex per GPU ($)", "Status", "Useful life (years)",
        "Residual value", "Power per GPU (kW)", "PUE", "Electricity ($/kWh)", "Other opex per GPU-month", "Utilization",
        "Start price ($/GPU-hr)", "Price path"};

    /** A planned cluster of the worked example (8 × H100 at $30,000, 2 years, $2.00/hr), with its id and model given. */
    static Object[] cluster(String id, String model) {
        return new Object[] {id, model, 8, 30_000, "Planned", 2, "10%", 1.0, 1.25, 0.10, 20, "80%", "$2.00/hr", "blended:0.5:2"};
    }

    /** A workbook with a Fleet sheet of these rows (numbers as numbers, text as text); {@code edit} may change cells after. */
    static Path write(Path file, List<Object[]> rows, Consumer<XSSFSheet> edit) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet fleet = wb.createSheet("Fleet");
            FleetWorkbooks.row(fleet, 0, (Object[]) HEADERS);
            for (int i = 0; i < rows.size(); i++) {
                FleetWorkbooks.row(fleet, i + 1, rows.get(i));
            }
            edit.accept(fleet);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }

    static Path write(Path file, List<Object[]> rows) throws IOException {
        return write(file, rows, sheet -> { });
    }

    /** Every cell of every sheet of a written workbook. */
    static List<Cell> cells(Path workbook) throws IOException {
        List<Cell> cells = new ArrayList<>();
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        cells.add(cell);
                    }
                }
            }
        }
        return cells;
    }

    /** The text of a PDF, as a reader's copy and paste would give it. */
    static String pdfText(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** Every number in a JSON document is finite (Jackson would print NaN and Infinity as bare words). */
    static void assertFiniteNumbers(JsonNode node, String path) {
        if (node.isNumber()) {
            assertThat(Double.isFinite(node.asDouble())).as("%s = %s", path, node).isTrue();
        } else if (node.isTextual()) {
            assertThat(node.asText()).as(path).isNotIn("NaN", "Infinity", "-Infinity");
        }
        node.properties().forEach(e -> assertFiniteNumbers(e.getValue(), path + "." + e.getKey()));
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                assertFiniteNumbers(node.get(i), path + "[" + i + "]");
            }
        }
    }

    /** No output cell holds NaN, infinity or an Excel error, as a value or as a formula's saved result. */
    static void assertFiniteCells(Path workbook) throws IOException {
        for (Cell cell : cells(workbook)) {
            CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
            String where = cell.getSheet().getSheetName() + "!" + cell.getAddress();
            assertThat(type).as(where).isNotEqualTo(CellType.ERROR);
            if (type == CellType.NUMERIC) {
                assertThat(Double.isFinite(cell.getNumericCellValue())).as(where).isTrue();
            }
        }
    }
}
