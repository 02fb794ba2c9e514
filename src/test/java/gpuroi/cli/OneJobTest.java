package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gpuroi.pipeline.Conversion;
import gpuroi.pipeline.ConversionJob;
import gpuroi.pipeline.JobOutcome;
import gpuroi.watch.JobConverter;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shell runs the same job: the figures it computes are exactly those some output shows, and a workbook it refuses
 * gets the same error document from {@code convert --json} as from the hot folder.
 */
class OneJobTest {
    @TempDir
    Path dir;

    private static final Conversion.Options OPTIONS = Conversion.Options.at(LocalDate.of(2026, 1, 1), Optional.empty(), "test");

    /*
     * MemoCapTest.fleet gives cluster i a capex per GPU of 20,000 + 100 × (7i mod 205); 7 and 205 are coprime, so the
     * capexes are distinct and the five smallest are 7i mod 205 = 0…4, i.e. i = 0, 88, 176, 59, 147 (7 × 88 = 616 = 3 × 205 + 1).
     * ROI Sensitivity shows the 200 largest: those five get no figures unless JSON reports every cluster.
     */
    private static final List<String> SMALLEST = List.of("lot-00", "lot-88", "lot-176", "lot-59", "lot-147");

    @Test
    void aFleetLargerThanTheSensitivitySheetGetsFiguresOnlyForTheClustersSomeOutputShows() throws Exception {
        Path input = MemoCapTest.fleet(dir.resolve("fleet.xlsx"), 205);

        JobOutcome written = ConversionJob.run(input, OPTIONS, ConversionJob.Plan.write(dir.resolve("fleet.roi.xlsx")));
        JobOutcome reported = ConversionJob.run(input, OPTIONS, ConversionJob.Plan.check().withJson(true));
        JobOutcome checked = ConversionJob.run(input, OPTIONS, ConversionJob.Plan.check());

        var figures = written.analyzed().orElseThrow().result().figures();
        assertThat(figures.size()).isEqualTo(200);
        for (String id : SMALLEST) {
            assertThat(figures.find(id)).as(id).isEmpty();
        }
        assertThat(figures.find("lot-01")).isPresent();
        assertThat(reported.analyzed().orElseThrow().result().figures().size()).isEqualTo(205);
        assertThat(checked.analyzed().orElseThrow().result().figures().size()).isZero();
    }

    @Test
    void aRefusedWorkbookGetsTheSameErrorDocumentFromConvertAndFromTheHotFolder() throws Exception {
        Path input = badFleet(dir.resolve("bad.xlsx"));
        CliRun convert = CliRun.of("convert", "--valuation-date", "2026-01-01", "--json", input.toString());
        LocalDate valuation = LocalDate.of(2026, 1, 1);
        JobConverter hotFolder = WatchCommand.pipeline(() -> Conversion.Options.at(valuation, Optional.of(valuation), "test"),
                Optional.empty(), OptionalInt.empty());

        JobConverter.Result result = hotFolder.convert(input, Files.createDirectories(dir.resolve("out")));

        assertThat(convert.exitCode()).isEqualTo(2);
        assertThat(result.converted()).isFalse();
        ObjectNode fromConvert = (ObjectNode) convert.json().at("/workbooks/0");
        ObjectNode fromHotFolder = (ObjectNode) new ObjectMapper().readTree(result.errorJson());
        assertThat(fromHotFolder.remove("input").asText()).isEqualTo(fromConvert.remove("input").asText());
        assertThat(fromHotFolder).isEqualTo(fromConvert);
        JsonNode error = fromConvert.at("/errors/0");
        assertThat(error.get("sheet").asText()).isEqualTo("Fleet");
        assertThat(error.get("cell").asText()).isEqualTo("C3");
        assertThat(error.get("value").asText()).isEqualTo("'lots'");
        assertThat(fromConvert.get("output").isNull()).isTrue();
        assertThat(fromConvert.get("clusters")).isEmpty();
    }

    /** Two clusters, the second with "lots" as its GPU count (Fleet!C3). */
    private static Path badFleet(Path file) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet fleet = wb.createSheet("Fleet");
            FleetWorkbooks.row(fleet, 0, "Cluster ID", "GPU model", "GPUs", "Capex per GPU ($)", "Status", "Utilization",
                    "Start price ($/GPU-hr)");
            FleetWorkbooks.row(fleet, 1, "good", "H100 SXM", 8, 25_000, "Planned", "70%", "$2.50/hr");
            FleetWorkbooks.row(fleet, 2, "bad", "H100 SXM", "lots", 25_000, "Planned", "70%", "$2.50/hr");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }
}
