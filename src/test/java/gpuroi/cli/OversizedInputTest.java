package gpuroi.cli;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Workbooks at Excel's own size limits, converted by {@code gpuroi convert} in bounded time. */
class OversizedInputTest {
    @TempDir
    Path dir;

    @Test
    void aFleetSheetUsingAll16384ColumnsConvertsAndIgnoresTheUnknownOnes() throws Exception {
        int lastColumn = SpreadsheetVersion.EXCEL2007.getLastColumnIndex();
        Path input = HostileFleets.write(dir.resolve("wide.xlsx"), List.<Object[]>of(HostileFleets.cluster("a", "H100 SXM")), sheet -> {
            XSSFRow header = sheet.getRow(0);
            XSSFRow values = sheet.getRow(1);
            for (int c = HostileFleets.HEADERS.length; c <= lastColumn; c++) {
                header.createCell(c).setCellValue("Note " + c);
                values.createCell(c).setCellValue(c);
            }
            sheet.createRow(2).createCell(lastColumn).setCellValue("stray value at XFD3");
        });

        long started = System.nanoTime();
        CliRun run = CliRun.of("convert", "--valuation-date", "2026-01-01", input.toString(), "--json");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.clusters().findValuesAsText("id")).containsExactly("a");
        List<Cell> cells = HostileFleets.cells(dir.resolve("wide.roi.xlsx"));
        assertThat(cells).filteredOn(c -> c.getSheet().getSheetName().equals("Fleet") && c.getColumnIndex() == lastColumn)
                .hasSize(3);
    }

    @Test
    void anIdOfExcelsMaximum32767CharactersConvertsWholeInTheSummaryAndJsonAndCutOnlyWhereTextIsAddedToIt() throws Exception {
        String id = "x".repeat(32_767 - 5) + "-tail";
        Path input = HostileFleets.write(dir.resolve("long.xlsx"), List.<Object[]>of(HostileFleets.cluster(id, "H100 SXM")));

        long started = System.nanoTime();
        CliRun run = CliRun.of("convert", "--valuation-date", "2026-01-01", input.toString(), "--json");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
        assertThat(run.clusters().get(0).get("id").asText()).isEqualTo(id);
        assertThat(HostileFleets.cells(dir.resolve("long.roi.xlsx")))
                .filteredOn(c -> c.getSheet().getSheetName().equals("ROI Summary") && c.getCellType() == CellType.STRING)
                .extracting(Cell::getStringCellValue)
                .contains(id)
                .allMatch(text -> text.length() <= 32_767);
        try (Stream<Path> memos = Files.list(dir.resolve("long.roi.memos"))) {
            assertThat(memos.map(p -> p.getFileName().toString())).hasSize(2).allMatch(name -> name.length() <= 90);
        }
    }
}
