package gpuroi.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes small real .xlsx files for reader tests: rows of strings, numbers, dates, percents and formulas. */
final class TestWorkbook {
    /** A number shown as a percentage (format 0%), as Excel stores "70%" typed into a cell. */
    record Pct(double fraction) {
    }

    /** A formula; {@code cached} is stored as its saved result, or null for a formula never calculated. */
    record Formula(String formula, Double cached) {
    }

    /** A number with no date format, as an Excel serial typed into a General cell. */
    record Serial(double value) {
    }

    final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle dateStyle;
    private final CellStyle percentStyle;
    private XSSFSheet sheet;

    TestWorkbook() {
        dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        percentStyle = workbook.createCellStyle();
        percentStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("0%"));
    }

    TestWorkbook sheet(String name) {
        sheet = workbook.createSheet(name);
        return this;
    }

    /** Appends a row after the last one; null leaves a cell empty. */
    TestWorkbook row(Object... values) {
        int index = sheet.getPhysicalNumberOfRows() == 0 ? 0 : sheet.getLastRowNum() + 1;
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            set(row, i, values[i]);
        }
        return this;
    }

    TestWorkbook blankRow() {
        int index = sheet.getPhysicalNumberOfRows() == 0 ? 0 : sheet.getLastRowNum() + 1;
        sheet.createRow(index);
        return this;
    }

    private void set(Row row, int column, Object value) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        if (value instanceof String s) {
            cell.setCellValue(s);
        } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value instanceof Boolean b) {
            cell.setCellValue(b);
        } else if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(dateStyle);
        } else if (value instanceof Pct p) {
            cell.setCellValue(p.fraction());
            cell.setCellStyle(percentStyle);
        } else if (value instanceof Serial s) {
            cell.setCellValue(s.value());
        } else if (value instanceof Formula f) {
            cell.setCellFormula(f.formula());
            XSSFCell x = (XSSFCell) cell;
            if (f.cached() == null) {
                if (x.getCTCell().isSetV()) {
                    x.getCTCell().unsetV();
                }
            } else {
                x.getCTCell().setV(String.valueOf(f.cached()));
            }
        } else {
            throw new IllegalArgumentException("unsupported test value " + value);
        }
    }

    Path write(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        workbook.close();
        return file;
    }
}
