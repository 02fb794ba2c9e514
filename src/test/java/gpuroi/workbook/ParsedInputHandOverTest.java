package gpuroi.workbook;

import gpuroi.engine.FleetResult;
import gpuroi.engine.RoiEngine;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer copies the input's sheets from the workbook the reader parsed instead of parsing the input again: the output
 * is the same, part for part, as when the writer parses the input itself, for our own sample and for files other tools
 * wrote; and the parsed workbook is handed over once.
 */
class ParsedInputHandOverTest {
    private static final LocalDate VALUATION_DATE = LocalDate.of(2026, 1, 1);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"samples/mixed-fleet.xlsx", "src/test/resources/foreign/formulas-libreoffice.xlsx",
            "src/test/resources/foreign/formulas-openpyxl.xlsx", "src/test/resources/foreign/sheets-pandas.xlsx",
            "src/test/resources/foreign/rows-hidden.xlsx", "src/test/resources/foreign/locale-eur-declared-libreoffice.xlsx"})
    void aWorkbookWrittenFromTheReadersParsedInputIsTheOneWrittenByParsingItAgain(String file) throws Exception {
        Path input = Path.of(file);
        WorkbookInput read = WorkbookReader.readKeepingParsed(input, VALUATION_DATE, HiddenRows.COUNT, false);
        FleetResult result = FleetResult.of(RoiEngine.analyze(read.portfolio(), read.portfolio().assumptions()));
        RunInfo runInfo = new RunInfo(input.getFileName().toString(), "0".repeat(64), "test", VALUATION_DATE);

        Path handedOver = dir.resolve("handed-over.xlsx");
        WorkbookWriter.write(input, read.parsed(), handedOver, result, read.notes(), read.cells(), runInfo);
        assertThat(read.parsed().take()).as("the parsed workbook is the writer's once it has written it").isNull();

        Path parsedAgain = dir.resolve("parsed-again.xlsx");
        WorkbookWriter.write(input, ParsedInput.NONE, parsedAgain, result, read.notes(), read.cells(), runInfo);

        Map<String, byte[]> expected = parts(parsedAgain);
        Map<String, byte[]> actual = parts(handedOver);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (String part : expected.keySet()) {
            assertThat(actual.get(part)).as(part).isEqualTo(expected.get(part));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aReleasedOrAlreadyTakenWorkbookLeavesTheWriterToParseTheInputItself(boolean released) throws Exception {
        Path input = Path.of("samples/mixed-fleet.xlsx");
        WorkbookInput read = WorkbookReader.readKeepingParsed(input, VALUATION_DATE, HiddenRows.COUNT, false);
        if (released) {
            read.parsed().release();
        } else {
            assertThat(read.parsed().take()).isNotNull();
        }
        assertThat(read.parsed().take()).isNull();
        FleetResult result = FleetResult.of(RoiEngine.analyze(read.portfolio(), read.portfolio().assumptions()));
        Path output = dir.resolve("out.xlsx");
        WorkbookWriter.write(input, read.parsed(), output, result, read.notes(), read.cells(),
                new RunInfo("mixed-fleet.xlsx", "0".repeat(64), "test", VALUATION_DATE));
        assertThat(WorkbookReader.read(output, VALUATION_DATE).portfolio().clusters()).hasSameSizeAs(read.portfolio().clusters());
    }

    /** Every part's inflated bytes, by name. */
    private static Map<String, byte[]> parts(Path file) throws IOException {
        Map<String, byte[]> parts = new TreeMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                parts.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
            }
        }
        return parts;
    }
}
