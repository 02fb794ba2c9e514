package gpuroi.workbook;

import gpuroi.engine.FleetResult;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The notes sheet lists every reader note, then the provenance, assumptions and conventions behind the figures. */
class NotesSheetTest {
    @TempDir
    Path dir;

    @Test
    void everyInputNoteIsListedWithItsKindLocationAndMessageInOrder() throws Exception {
        List<InputNote> notes = List.of(
                new InputNote(InputNote.Kind.DEFAULT, "Fleet!H4", "Useful life not given: 5 years used"),
                new InputNote(InputNote.Kind.CATALOG, "gpu-a", "Power per GPU from the catalog: 1.0 kW (H100)"),
                new InputNote(InputNote.Kind.WARNING, "=Fleet!F5", "Utilization 70 read as 70%"));
        try (XSSFWorkbook workbook = write(notes)) {
            XSSFSheet sheet = workbook.getSheet(WorkbookWriter.NOTES_SHEET);
            for (int i = 0; i < notes.size(); i++) {
                Row row = sheet.getRow(1 + i);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(List.of("Default", "Catalog value", "Warning").get(i));
                assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.STRING);
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(notes.get(i).location());
                assertThat(row.getCell(2).getStringCellValue()).isEqualTo(notes.get(i).message());
            }
        }
    }

    @Test
    void provenanceAssumptionsAndConventionsAreStated() throws Exception {
        try (XSSFWorkbook workbook = write(List.of())) {
            XSSFSheet sheet = workbook.getSheet(WorkbookWriter.NOTES_SHEET);
            assertThat(value(sheet, "Input file").getStringCellValue()).isEqualTo("fleet.xlsx");
            assertThat(value(sheet, "Input SHA-256").getStringCellValue()).isEqualTo("ab".repeat(32));
            assertThat(value(sheet, "Tool").getStringCellValue()).isEqualTo("gpu-roi 0.1.0-test");
            Cell valuation = value(sheet, "Valuation date");
            assertThat(DateUtil.getLocalDateTime(valuation.getNumericCellValue()).toLocalDate()).isEqualTo(LocalDate.of(2026, 1, 1));
            assertThat(valuation.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(value(sheet, "Currency").getStringCellValue()).isEqualTo("USD");
            assertThat(value(sheet, "Discount rate (annual)").getNumericCellValue()).isEqualTo(0.10);
            assertThat(value(sheet, "Hurdle rate (annual)").getNumericCellValue()).isEqualTo(0.10);
            assertThat(value(sheet, "Default price path").getStringCellValue()).startsWith("blended:0.5:5").contains("over 5 years");
            assertThat(value(sheet, "Marketplace fee (share of rental revenue)").getNumericCellValue()).isZero();
            assertThat(value(sheet, "Hours per month").getStringCellValue()).startsWith("730");
            assertThat(value(sheet, "Price of month m").getStringCellValue()).contains("midpoint");
            assertThat(value(sheet, "Timing of flows").getStringCellValue()).contains("month's end");
            assertThat(value(sheet, "Annualized total return").getStringCellValue()).contains("not an IRR");
            assertThat(value(sheet, "Sheets added").getStringCellValue()).contains("ROI Summary").contains("replaced");
        }
    }

    private XSSFWorkbook write(List<InputNote> notes) throws Exception {
        Path input = WriterFixtures.fleetWorkbook(dir, "fleet.xlsx", "gpu-a");
        Path output = dir.resolve("out.xlsx");
        WorkbookWriter.write(input, output, FleetResult.of(WriterFixtures.analyze(WriterFixtures.workedExample("gpu-a").build())), notes,
                InputCells.NONE, WriterFixtures.runInfo(input));
        return WriterFixtures.open(output);
    }

    /** The cell beside a label in column A. */
    private static Cell value(XSSFSheet sheet, String label) {
        Optional<Row> row = java.util.stream.StreamSupport.stream(sheet.spliterator(), false)
                .filter(r -> r.getCell(0) != null && r.getCell(0).getCellType() == CellType.STRING
                        && r.getCell(0).getStringCellValue().equals(label))
                .findFirst();
        assertThat(row).as(label).isPresent();
        return row.get().getCell(1);
    }
}
