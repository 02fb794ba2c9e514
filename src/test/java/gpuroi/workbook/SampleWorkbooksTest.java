package gpuroi.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.GpuCatalog;
import gpuroi.model.Lease;
import gpuroi.model.Presets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SampleWorkbooksTest {
    private static final LocalDate UNUSED_DEFAULT = LocalDate.of(2030, 1, 1);

    @Test
    void theCommittedSampleReadsWithoutErrors() throws Exception {
        assertThat(SampleWorkbooks.FLEET).as("run SampleWorkbooks.main to create it").exists();
        WorkbookInput input = WorkbookReader.read(SampleWorkbooks.FLEET, UNUSED_DEFAULT);

        assertThat(input.portfolio().assumptions().valuationDate()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(input.portfolio().assumptions().hurdleRate()).isEqualTo(0.12);
        assertThat(input.portfolio().clusters()).extracting(Cluster::id)
                .containsExactly("h100-2023", "a100-lot", "h200-plan", "b200-plan", "l40s-inference");
        assertThat(input.portfolio().leases()).extracting(Lease::contractId)
                .containsExactly("acme-reserved-2023", "bigcloud-reserved-2023", "neocloud-h200", "gpulist-a100-2024");
        assertThat(input.portfolio().marketQuotes()).hasSize(3);

        Cluster h100 = input.portfolio().cluster("h100-2023").orElseThrow();
        assertThat(h100.status()).isEqualTo(ClusterStatus.OWNED);
        assertThat(h100.startPricePerGpuHour()).isEqualTo(2.85);
        assertThat(h100.utilization()).isEqualTo(0.70);
        assertThat(h100.secondaryPricePerGpu()).hasValue(23_500);
        assertThat(input.portfolio().cluster("a100-lot").orElseThrow().secondaryPricePerGpu()).hasValue(9_000);
        assertThat(input.portfolio().cluster("h200-plan").orElseThrow().startPricePerGpuHour()).isEqualTo(4.50);
        assertThat(input.portfolio().cluster("b200-plan").orElseThrow().capexPerGpu()).isEqualTo(62_000);
        assertThat(input.portfolio().cluster("b200-plan").orElseThrow().startPricePerGpuHour())
                .isEqualTo(GpuCatalog.B200.onDemandPricePerGpuHour());
        assertThat(input.portfolio().leases().get(0).ratePerGpuHour()).isGreaterThan(4.0);
        assertThat(input.portfolio().leases().get(0).prepaidShare()).isEqualTo(0.25);
        assertThat(input.portfolio().leases().get(0).startDate()).isEqualTo(h100.startDate().orElseThrow());
        assertThat(input.portfolio().leases().get(1).ratePerGpuHour()).isGreaterThan(4.0);
        assertThat(input.portfolio().leases().get(1).startDate().getYear()).isEqualTo(2023);
        assertThat(input.portfolio().leases().get(1).idleGpus()).isEqualTo(80);
        assertThat(input.portfolio().leases().get(2).terminationFee()).hasValue(120_000);

        assertThat(input.notes(InputNote.Kind.CATALOG)).extracting(InputNote::location)
                .containsExactlyInAnyOrder("Fleet!O8", "Fleet!J9");
        assertThat(input.notes(InputNote.Kind.WARNING)).noneSatisfy(n -> assertThat(n.message()).contains("read but not applied"));
        assertThat(input.monteCarloRuns()).isPresent();
    }

    @Test
    void theArticleSampleHoldsTheArticlesH100AtItsThreePrices() throws Exception {
        assertThat(SampleWorkbooks.ARTICLE).as("run SampleWorkbooks.main to create it").exists();
        WorkbookInput input = WorkbookReader.read(SampleWorkbooks.ARTICLE, UNUSED_DEFAULT);

        assertThat(input.portfolio().assumptions().hurdleRate()).isEqualTo(0.10);
        assertThat(input.portfolio().clusters()).extracting(Cluster::startPricePerGpuHour).containsExactly(1.65, 2.85, 4.50);
        assertThat(input.portfolio().clusters()).allSatisfy(c -> {
            Cluster article = Presets.articleH100(c.startPricePerGpuHour());
            assertThat(c.status()).isEqualTo(ClusterStatus.PLANNED);
            assertThat(c.capexPerGpu()).isEqualTo(article.capexPerGpu());
            assertThat(c.lifeMonths()).isEqualTo(article.lifeMonths());
            assertThat(c.utilization()).isEqualTo(article.utilization());
            assertThat(c.powerKwPerGpu()).isEqualTo(article.powerKwPerGpu());
            assertThat(c.pue()).isEqualTo(article.pue());
            assertThat(c.electricityPerKwh()).isEqualTo(article.electricityPerKwh());
            assertThat(c.pricePath()).isEqualTo(article.pricePath());
        });
        assertThat(input.notes(InputNote.Kind.WARNING)).isEmpty();
        assertThat(input.notes(InputNote.Kind.CATALOG)).isEmpty();
    }

    @Test
    void theMessySampleReadsWithoutErrorsAndWarnsAboutWhatItGuessed() throws Exception {
        assertThat(SampleWorkbooks.MESSY).as("run SampleWorkbooks.main to create it").exists();
        WorkbookInput input = WorkbookReader.read(SampleWorkbooks.MESSY, UNUSED_DEFAULT);

        assertThat(input.portfolio().assumptions().valuationDate()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(input.portfolio().assumptions().hurdleRate()).isCloseTo(0.12, within(1e-12));
        assertThat(input.portfolio().clusters()).extracting(Cluster::id)
                .containsExactly("h100-lot-a", "a100-old", "h200-pipeline", "l40s-inference");
        Cluster h100 = input.portfolio().cluster("h100-lot-a").orElseThrow();
        assertThat(h100.capexPerGpu()).isEqualTo(45_000);
        assertThat(h100.startPricePerGpuHour()).isEqualTo(2.85);
        assertThat(h100.utilization()).isCloseTo(0.70, within(1e-12));
        assertThat(h100.secondaryPricePerGpu()).hasValue(23_500);
        assertThat(h100.startDate()).hasValue(LocalDate.of(2023, 3, 15));
        assertThat(input.portfolio().cluster("a100-old").orElseThrow().startDate()).hasValue(LocalDate.of(2022, 1, 10));
        assertThat(input.portfolio().cluster("h200-pipeline").orElseThrow().capexPerGpu()).isEqualTo(37_500);
        assertThat(input.portfolio().cluster("h200-pipeline").orElseThrow().startPricePerGpuHour()).isEqualTo(4.5);
        assertThat(input.portfolio().cluster("l40s-inference").orElseThrow().capexPerGpu()).isEqualTo(9_500);
        assertThat(input.portfolio().leases()).extracting(Lease::termMonths).containsExactly(48, 24);
        assertThat(input.portfolio().leases().get(0).startDate()).isEqualTo(LocalDate.of(2023, 4, 1));

        assertThat(input.notes(InputNote.Kind.WARNING)).extracting(InputNote::location)
                .contains("'FLEET '!H6", "'FLEET '!L7", "'FLEET '!H10", "'FLEET '!B11", "'FLEET '!A13", "Contracts!I5", "Market data!D4");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void eachCommittedSampleIsWhatTheGeneratorWritesToday(Path committed, Writer generator, @TempDir Path dir) throws Exception {
        Path fresh = dir.resolve(committed.getFileName());
        generator.write(fresh);

        assertThat(Files.size(fresh)).isPositive();
        String stale = committed + " is stale: run SampleWorkbooks.main";
        assertThat(WorkbookReader.read(committed, UNUSED_DEFAULT)).as(stale).isEqualTo(WorkbookReader.read(fresh, UNUSED_DEFAULT));
        // The reader skips what it does not use (notes, unknown sheets and columns); every cell is compared too.
        assertThat(cells(committed)).as(stale).isEqualTo(cells(fresh));
    }

    interface Writer {
        void write(Path file) throws IOException;
    }

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of(SampleWorkbooks.FLEET, (Writer) SampleWorkbooks::writeFleet),
                Arguments.of(SampleWorkbooks.ARTICLE, (Writer) SampleWorkbooks::writeArticle),
                Arguments.of(SampleWorkbooks.MESSY, (Writer) SampleWorkbooks::writeMessy));
    }

    /** Every cell of every sheet as "Sheet!A1 type value|formula format", in order. */
    private static List<String> cells(Path file) throws IOException {
        List<String> cells = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Sheet sheet : wb) {
                cells.add("sheet '" + sheet.getSheetName() + "'");
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        String content = switch (cell.getCellType()) {
                            case FORMULA -> "=" + cell.getCellFormula();
                            case NUMERIC -> String.valueOf(cell.getNumericCellValue());
                            case STRING -> cell.getStringCellValue();
                            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
                            default -> "";
                        };
                        cells.add(CellReader.ref(cell) + " " + cell.getCellType() + " " + content + " "
                                + cell.getCellStyle().getDataFormatString());
                    }
                }
            }
        }
        return cells;
    }
}
