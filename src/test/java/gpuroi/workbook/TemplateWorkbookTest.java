package gpuroi.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gpuroi.model.RiskInputs;
import gpuroi.model.UncertainInput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing the init template: all or nothing, never over a file unless asked. */
class TemplateWorkbookTest {
    private static final LocalDate VALUATION_DATE = LocalDate.of(2026, 6, 1);

    @TempDir
    Path dir;

    private List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void theTemplateIsWrittenWithNoTemporaryFileLeftBehind() throws Exception {
        TemplateWorkbook.write(dir.resolve("fleet.xlsx"), VALUATION_DATE, false);

        assertThat(filesIn(dir)).containsExactly("fleet.xlsx");
        WorkbookInput read = WorkbookReader.read(dir.resolve("fleet.xlsx"), LocalDate.of(2000, 1, 1));
        assertThat(read.portfolio().assumptions().valuationDate()).isEqualTo(VALUATION_DATE);
        assertThat(read.portfolio().cluster("h100-owned").orElseThrow().startDate()).hasValue(VALUATION_DATE.minusMonths(18));
    }

    @Test
    void theTemplatesNumberFormatRowIsATextCellThatOnceFilledInDeclaresHowTextAmountsAreRead() throws Exception {
        Path file = dir.resolve("fleet.xlsx");
        TemplateWorkbook.write(file, VALUATION_DATE, false);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            Row numberFormat = StreamSupport.stream(wb.getSheet("Assumptions").spliterator(), false)
                    .filter(r -> r.getCell(0).getStringCellValue().equals("Number format")).findFirst().orElseThrow();
            Cell value = numberFormat.getCell(1);
            assertThat(value.getCellType()).isEqualTo(CellType.BLANK);
            assertThat(value.getCellStyle().getDataFormatString()).isEqualTo("@");
            value.setCellValue("1.234,56");
            wb.getSheet("Fleet").getRow(1).getCell(4).setCellValue("62.000 €");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }

        WorkbookInput read = WorkbookReader.read(file, VALUATION_DATE);

        assertThat(read.portfolio().cluster("h100-owned").orElseThrow().capexPerGpu()).isEqualTo(62_000);
    }

    @Test
    void theTemplatesRiskSheetGivesTheSourcesDeclineRangeAndItsAssumptionsLeaveTheMonteCarloOff() throws Exception {
        TemplateWorkbook.write(dir.resolve("fleet.xlsx"), VALUATION_DATE, false);

        WorkbookInput read = WorkbookReader.read(dir.resolve("fleet.xlsx"), LocalDate.of(2000, 1, 1));

        assertThat(read.monteCarloRuns()).isEmpty();
        assertThat(read.riskSettings().ranges()).containsOnlyKeys(UncertainInput.ANNUAL_PRICE_DECLINE,
                UncertainInput.CAPEX_PER_GPU, UncertainInput.ELECTRICITY_PRICE);
        assertThat(read.riskSettings().ranges().get(UncertainInput.ANNUAL_PRICE_DECLINE).values())
                .isEqualTo(RiskInputs.SOURCE_DECLINE_RANGE);
        assertThat(read.riskSettings().ranges().get(UncertainInput.CAPEX_PER_GPU).relative()).isTrue();
        assertThat(read.riskSettings().priceVolatility()).isEmpty();
    }

    @Test
    void anExistingFileIsKeptWhenReplacingWasNotAskedFor() throws Exception {
        Path existing = Files.writeString(dir.resolve("fleet.xlsx"), "mine");

        assertThatThrownBy(() -> TemplateWorkbook.write(existing, VALUATION_DATE, false)).isInstanceOf(FileAlreadyExistsException.class);

        assertThat(Files.readString(existing)).isEqualTo("mine");
        assertThat(filesIn(dir)).containsExactly("fleet.xlsx");
    }

    @Test
    void aFailedMoveLeavesNoTemporaryFileAndKeepsWhatWasThere() throws Exception {
        // A non-empty folder where the file should go: the template is written, then cannot be moved into place.
        Path occupied = Files.createDirectory(dir.resolve("fleet.xlsx"));
        Files.writeString(occupied.resolve("keep.txt"), "not ours");

        assertThatThrownBy(() -> TemplateWorkbook.write(occupied, VALUATION_DATE, true)).isInstanceOf(IOException.class);

        assertThat(filesIn(dir)).containsExactly("fleet.xlsx");
        assertThat(Files.readString(occupied.resolve("keep.txt"))).isEqualTo("not ours");
    }
}
