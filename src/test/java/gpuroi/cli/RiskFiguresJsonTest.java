package gpuroi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code --json} of {@code quote} and {@code convert} carries the sensitivity grid, the tornado and
 * the Monte Carlo histograms. Cells are checked against separate {@code quote} runs at the cell's
 * inputs: the command line's own path to the engine, not the grid code.
 */
class RiskFiguresJsonTest {
    @TempDir
    Path dir;

    private static String[] workedExample(String... replacing) {
        List<String> args = new ArrayList<>(Arrays.asList(QuoteCommandTest.WORKED_EXAMPLE));
        for (int i = 0; i < replacing.length; i += 2) {
            int at = args.indexOf(replacing[i]);
            if (at >= 0) {
                args.set(at + 1, replacing[i + 1]);
            } else {
                args.add(replacing[i]);
                args.add(replacing[i + 1]);
            }
        }
        return args.toArray(String[]::new);
    }

    private static JsonNode quote(String... args) throws Exception {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.json();
    }

    @Test
    void quoteJsonHasTheGridWhoseCentreIsTheQuoteAndWhoseCellsAreTheQuotesAtThoseInputs() throws Exception {
        JsonNode json = quote(workedExample());
        JsonNode s = json.get("sensitivity");

        assertThat(s.get("startPrices")).hasSize(7);
        assertThat(s.get("utilizations")).hasSize(7);
        assertThat(s.get("npvAtHurdle").get(3).get(3).asDouble()).isEqualTo(json.get("npvAtHurdle").asDouble());
        assertThat(s.get("irr").get(3).get(3).asDouble()).isEqualTo(json.get("irr").asDouble());
        for (int[] cell : new int[][] {{0, 6}, {5, 1}, {6, 6}}) {
            double price = s.get("startPrices").get(cell[1]).asDouble();
            double utilization = s.get("utilizations").get(cell[0]).asDouble();
            JsonNode at = quote(workedExample("--price", Double.toString(price), "--utilization", Double.toString(utilization)));
            double npv = at.get("npvAtHurdle").asDouble();
            assertThat(s.get("npvAtHurdle").get(cell[0]).get(cell[1]).asDouble()).isCloseTo(npv, within(1e-6 * Math.max(Math.abs(npv), 20_000)));
            assertThat(s.get("irr").get(cell[0]).get(cell[1]).asDouble()).isCloseTo(at.get("irr").asDouble(), within(1e-9));
        }
        // At a row's break-even price the quote's NPV at the hurdle is 0.
        double breakEven = s.get("breakEvenPrice").get(3).asDouble();
        assertThat(breakEven).isCloseTo(json.get("breakEvenPrice").asDouble(), within(1e-9));
        JsonNode atBreakEven = quote(workedExample("--price", Double.toString(breakEven)));
        assertThat(atBreakEven.get("npvAtHurdle").asDouble()).isCloseTo(0, within(1e-6));
        assertThat(s.get("declineByCapex").get("breakEvenCapexPerGpu")).hasSize(6);

        JsonNode tornado = json.get("tornado");
        assertThat(tornado).hasSize(7);
        for (int i = 0; i < tornado.size(); i++) {
            JsonNode bar = tornado.get(i);
            assertThat(bar.get("swing").asDouble()).isEqualTo(Math.abs(bar.get("npvAtHigh").asDouble() - bar.get("npvAtLow").asDouble()));
            if (i > 0) {
                assertThat(bar.get("swing").asDouble()).isLessThanOrEqualTo(tornado.get(i - 1).get("swing").asDouble());
            }
        }
        JsonNode utilization = Stream.of(tornado.get(0), tornado.get(1), tornado.get(2), tornado.get(3))
                .filter(b -> b.get("input").asText().equals("UTILIZATION")).findFirst().orElseThrow();
        JsonNode low = quote(workedExample("--utilization", Double.toString(utilization.get("low").asDouble())));
        assertThat(utilization.get("npvAtLow").asDouble()).isCloseTo(low.get("npvAtHurdle").asDouble(), within(1e-6));
    }

    @Test
    void quoteJsonRiskHasHistogramsWhoseCountsAddUpToThePaths() throws Exception {
        JsonNode risk = quote(workedExample("--runs", "500", "--seed", "3")).get("risk");
        JsonNode h = risk.get("npvHistogram");
        int total = h.get("below").asInt() + h.get("above").asInt();
        for (JsonNode count : h.get("counts")) {
            total += count.asInt();
        }
        assertThat(total).isEqualTo(500);
        assertThat(h.get("binWidth").asDouble()).isPositive();
        assertThat(risk.get("npvP50").asDouble()).isBetween(h.get("lowerEdge").asDouble(),
                h.get("lowerEdge").asDouble() + h.get("counts").size() * h.get("binWidth").asDouble());
        assertThat(risk.has("irrHistogram")).isTrue();
    }

    @Test
    void convertJsonGivesEveryClusterItsGridTornadoAndRiskHistogram() throws Exception {
        ConvertRiskTest fleets = new ConvertRiskTest();
        fleets.dir = dir;
        Path input = fleets.workbook("fleet.xlsx", null, null);
        CliRun run = CliRun.of("convert", input.toString(), "--no-memos", "--json", "--runs", "300", "--seed", "4",
                "-o", dir.resolve("out.xlsx").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode clusters = run.clusters();
        assertThat(clusters).hasSize(2);
        for (JsonNode cluster : clusters) {
            JsonNode s = cluster.get("sensitivity");
            assertThat(s.get("npvAtHurdle").get(s.get("baseRow").asInt()).get(s.get("baseColumn").asInt()).asDouble())
                    .isEqualTo(cluster.get("npvAtHurdle").asDouble());
            assertThat(s.get("npvAtHurdle")).hasSize(7).allSatisfy(row -> assertThat(row).hasSize(7));
            assertThat(s.get("breakEvenPrice")).hasSize(7);
            assertThat(cluster.get("tornado").size()).isGreaterThanOrEqualTo(7);
            JsonNode h = cluster.get("risk").get("npvHistogram");
            int total = h.get("below").asInt() + h.get("above").asInt();
            for (JsonNode count : h.get("counts")) {
                total += count.asInt();
            }
            assertThat(total).isEqualTo(300);
            // Keys that were there before are still there.
            assertThat(cluster.get("risk").has("npvP50")).isTrue();
            assertThat(cluster.has("breakEvenPrice")).isTrue();
        }
    }
}
