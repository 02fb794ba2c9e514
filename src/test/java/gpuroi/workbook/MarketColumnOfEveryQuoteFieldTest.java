package gpuroi.workbook;

import gpuroi.model.Field;
import gpuroi.model.MarketQuote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every field a market quote can refuse points at its own Market column, so no problem loses its cell. */
class MarketColumnOfEveryQuoteFieldTest {
    @TempDir
    Path dir;

    @Test
    void everyFieldAQuoteCanRefuseHasAMarketColumn() {
        assertThat(MarketSheet.COLUMN_OF_FIELD.keySet()).containsAll(MarketQuote.FIELDS);
    }

    @Test
    void eachFieldHasAColumnOfTheMarketSheetAndNoTwoShareOne() {
        assertThat(MarketSheet.COLUMNS).containsAll(MarketSheet.COLUMN_OF_FIELD.values());
        assertThat(new HashSet<>(MarketSheet.COLUMN_OF_FIELD.values())).hasSameSizeAs(MarketSheet.COLUMN_OF_FIELD.keySet());
    }

    @Test
    void aValueOnlyTheModelRefusesIsReportedAtItsOwnCellInEveryColumn() throws Exception {
        // One bad value a row, each in its own column; the sheet reads them as numbers and the quote refuses them.
        Path file = new TestWorkbook().sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price")
                .row("a", "H100", 8, 30_000, 2.5)
                .sheet("Market")
                .row("GPU model", "On-demand price", "Reserved price", "Annual price decline", "New price per GPU",
                        "Secondary price per GPU", "Power per GPU")
                .row("H100", -1, null, null, null, null, null)
                .row("H200", null, -1, null, null, null, null)
                .row("B200", null, null, "150%", null, null, null)
                .row("A100", null, null, null, -1, null, null)
                .row("L40S", null, null, null, null, -1, null)
                .row("MI300X", null, null, null, null, null, 700)
                .write(dir.resolve("bad-quotes.xlsx"));

        WorkbookException e = catchThrowableOfType(WorkbookException.class, () -> WorkbookReader.read(file, LocalDate.of(2026, 6, 1)));

        assertThat(e.problems()).extracting(CellProblem::cell)
                .containsExactly("Market!B2", "Market!C3", "Market!D4", "Market!E5", "Market!F6", "Market!G7");
        assertThat(e.problems()).extracting(CellProblem::expected).satisfiesExactly(
                x -> assertThat(x).startsWith(Field.ON_DEMAND_PRICE_PER_GPU_HOUR.label()),
                x -> assertThat(x).startsWith(Field.RESERVED_PRICE_PER_GPU_HOUR.label()),
                x -> assertThat(x).startsWith(Field.ANNUAL_PRICE_DECLINE.label()),
                x -> assertThat(x).startsWith(Field.NEW_PRICE_PER_GPU.label()),
                x -> assertThat(x).startsWith(Field.SECONDARY_PRICE_PER_GPU.label()),
                x -> assertThat(x).startsWith(Field.POWER_PER_GPU.label()));
    }
}
