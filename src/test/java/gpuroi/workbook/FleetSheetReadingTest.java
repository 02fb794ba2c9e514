package gpuroi.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.GpuCatalog;
import gpuroi.model.PricePath;
import gpuroi.workbook.TestWorkbook.Formula;
import gpuroi.workbook.TestWorkbook.Pct;
import gpuroi.workbook.TestWorkbook.Serial;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetSheetReadingTest {
    private static final LocalDate VALUATION = LocalDate.of(2026, 6, 1);

    @TempDir
    Path dir;

    /**
     * Adds an Assumptions sheet giving the valuation date: these tests are about the Fleet sheet, and
     * without one the reader warns that every assumption is a default (see DefaultAssumptionsWarningTest).
     */
    private WorkbookInput read(TestWorkbook wb) throws Exception {
        wb.sheet("Assumptions").row("Valuation date", VALUATION.toString());
        return WorkbookReader.read(wb.write(dir.resolve("fleet.xlsx")), VALUATION);
    }

    private static Cluster cluster(WorkbookInput input, String id) {
        return input.portfolio().cluster(id).orElseThrow();
    }

    @Test
    void aHeaderBelowATitleBlockWithShuffledAliasedColumnsIsFound() throws Exception {
        WorkbookInput input = read(new TestWorkbook().sheet(" FLEET ")
                .row("Acme Capital — GPU fleet")
                .row("Prepared by the investment team, June 2026")
                .blankRow()
                .row("Qty", "Notes", "Price per GPU (USD)", "Model", "Cluster", "Start price [$/GPU-hr]", "Status", "Purchase date")
                .row(8, "rack 4", 25_000, "H100 SXM", "h100-a", 2.85, "Owned", LocalDate.of(2023, 9, 1)));

        Cluster c = cluster(input, "h100-a");
        assertThat(c.gpuCount()).isEqualTo(8);
        assertThat(c.capexPerGpu()).isEqualTo(25_000);
        assertThat(c.gpuModel()).isEqualTo("H100 SXM");
        assertThat(c.startPricePerGpuHour()).isEqualTo(2.85);
        assertThat(c.status()).isEqualTo(ClusterStatus.OWNED);
        assertThat(c.startDate()).contains(LocalDate.of(2023, 9, 1));
    }

    @Test
    void moneyAndPercentagesWrittenAsTextAreRead() throws Exception {
        WorkbookInput input = read(new TestWorkbook().sheet("Fleet")
                .row("Cluster id", "GPU model", "GPUs", "Capex per GPU ($)", "Start rental price", "Utilization", "Residual value",
                        "Other opex per GPU-month", "Secondary price per GPU", "Status")
                .row("a", "H100", "1.2k", "$50,000", "$2.85/hr", "70%", "10 %", "$150", "22,500", "Planned"));

        Cluster c = cluster(input, "a");
        assertThat(c.gpuCount()).isEqualTo(1200);
        assertThat(c.capexPerGpu()).isEqualTo(50_000);
        assertThat(c.startPricePerGpuHour()).isEqualTo(2.85);
        assertThat(c.utilization()).isCloseTo(0.7, within(1e-12));
        assertThat(c.residualShare()).isCloseTo(0.1, within(1e-12));
        assertThat(c.otherOpexPerGpuMonth()).isEqualTo(150);
        assertThat(c.secondaryPricePerGpu()).hasValue(22_500);
    }

    @Test
    void aPercentFormattedNumberAFractionAndPercentTextAllMeanTheSame() throws Exception {
        WorkbookInput input = read(new TestWorkbook().sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price", "Utilization")
                .row("formatted", "H100", 1, 30_000, 2.5, new Pct(0.7))
                .row("fraction", "H100", 1, 30_000, 2.5, 0.7)
                .row("text", "H100", 1, 30_000, 2.5, "70%"));

        for (String id : List.of("formatted", "fraction", "text")) {
            assertThat(cluster(input, id).utilization()).as(id).isCloseTo(0.7, within(1e-12));
        }
        assertThat(input.notes(InputNote.Kind.WARNING)).isEmpty();
    }

    @Test
    void aDateWhereAnAmountBelongsIsRefusedNotReadAsItsSerialNumber() throws Exception {
        // 2024-01-15 is the number 45306 to Excel: read as that, it would pass for a price per GPU.
        TestWorkbook wb = new TestWorkbook().sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price")
                .row("a", "H100", 1, LocalDate.of(2024, 1, 15), 2.5)
                .row("b", "H100", 1, 30_000, 2.5);

        WorkbookException e = catchThrowableOfType(WorkbookException.class, () -> read(wb));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.cell()).isEqualTo("Fleet!D2");
            assertThat(p.expected()).contains("a price per GPU").contains("not a date");
        });
    }

    @Test
    void aBareNumberAboveAHundredInAPercentColumnIsRefusedNotReadAsOverAHundredPercent() throws Exception {
        TestWorkbook wb = new TestWorkbook().sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price", "Residual value")
                .row("a", "H100", 1, 30_000, 2.5, 500)
                .row("b", "H100", 1, 30_000, 2.5, "150")
                .row("c", "H100", 1, 30_000, 2.5, "150%");

        WorkbookException e = catchThrowableOfType(WorkbookException.class, () -> read(wb));

        assertThat(e.problems()).extracting(CellProblem::cell).containsExactly("Fleet!F2", "Fleet!F3");
        assertThat(e.problems().get(0).expected()).contains("a bare 500 would be 500%; type 500% if that is meant");
        assertThat(e.problems().get(1).expected()).contains("a bare 150 would be 150%");
    }

    @Test
    void aPlainSeventyInAPercentColumnIsSeventyPercentWithAWarningOnItsCell() throws Exception {
        WorkbookInput input = read(new TestWorkbook().sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price", "Utilization")
                .row("a", "H100", 1, 30_000, 2.5, 70));

        assertThat(cluster(input, "a").utilization()).isCloseTo(0.7, within(1e-12));
        assertThat(input.notes(InputNote.Kind.WARNING)).singleElement().satisfies(n -> {
            assertThat(n.location()).isEqualTo("Fleet!F2");
            assertThat(n.message()).contains("70").contains("70%");
        });
    }

    @Test
    void formulasUseTheirSavedResultAndAreEvaluatedWhenThereIsNone() throws Exception {
        WorkbookInput input = read(new TestWorkbook().sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price")
                // The saved result (7) deliberately differs from what the formula computes, to prove it is used.
                .row("cached", "H100", new Formula("2*4", 7.0), 30_000, 2.5)
                .row("uncached", "H100", new Formula("2*4", null), new Formula("D2+1000", null), 2.5));

        assertThat(cluster(input, "cached").gpuCount()).isEqualTo(7);
        assertThat(cluster(input, "uncached").gpuCount()).isEqualTo(8);
        assertThat(cluster(input, "uncached").capexPerGpu()).isEqualTo(31_000);
    }

    @Test
    void datesAreReadFromDateCellsIsoTextAndExcelSerials() throws Exception {
        WorkbookInput input = read(new TestWorkbook().sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price", "Status", "Purchase date")
                .row("cell", "H100", 1, 30_000, 2.5, "Owned", LocalDate.of(2023, 6, 1))
                .row("iso", "H100", 1, 30_000, 2.5, "Owned", "2023-06-01")
                .row("serial", "H100", 1, 30_000, 2.5, "Owned", new Serial(45078))
                .row("serial-text", "H100", 1, 30_000, 2.5, "Owned", "45078")
                .row("iso-time", "H100", 1, 30_000, 2.5, "Owned", "2023-06-01 00:00:00"));

        for (String id : List.of("cell", "iso", "serial", "serial-text", "iso-time")) {
            assertThat(cluster(input, id).startDate()).as(id).contains(LocalDate.of(2023, 6, 1));
        }
    }

    @Test
    void blankRowsInTheMiddleEndNothingAndUnknownSheetsAndColumnsAreIgnored() throws Exception {
        WorkbookInput input = read(new TestWorkbook()
                .sheet("Cover").row("Read me first", 42)
                .sheet("Fleet")
                .row("Cluster id", "GPU model", "Comment", "GPU count", "Capex per GPU", "Start price", "Owner's mood")
                .row("a", "H100", "first", 1, 30_000, 2.5, "happy")
                .blankRow()
                .row(null, "", null)
                .blankRow()
                .row("b", "H200", "after the gap", 2, 35_000, 4.0, "calm")
                .sheet("Scratch").row("x", "y"));

        assertThat(input.portfolio().clusters()).extracting(Cluster::id).containsExactly("a", "b");
    }

    @Test
    void totalCapexIsSharedOverTheGpus() throws Exception {
        WorkbookInput input = read(new TestWorkbook().sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Total capex", "Start price")
                .row("a", "H100", 8, "$400k", 2.5));

        assertThat(cluster(input, "a").capexPerGpu()).isEqualTo(50_000);
    }

    @Test
    void missingStartPowerAndResalePricesComeFromTheMarketSheetFirstThenTheCatalogAndAreNoted() throws Exception {
        WorkbookInput input = read(new TestWorkbook()
                .sheet("Market")
                .row("GPU model", "On-demand price ($/GPU-hr)", "Secondary price per GPU")
                .row("H200", 4.10, null)
                .sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price", "Power per GPU (kW)", "Status", "Purchase date")
                .row("old-h100", "NVIDIA H100 SXM5 80GB", 8, 40_000, null, null, "Owned", "2023-05-01")
                .row("new-h200", "h200", 8, 40_000, null, 1.0, "Planned", null));

        Cluster h100 = cluster(input, "old-h100");
        assertThat(h100.startPricePerGpuHour()).isEqualTo(GpuCatalog.H100_SXM.onDemandPricePerGpuHour());
        assertThat(h100.powerKwPerGpu()).isEqualTo(GpuCatalog.H100_SXM.powerKwPerGpu());
        assertThat(h100.secondaryPricePerGpu()).isEqualTo(GpuCatalog.H100_SXM.secondaryPricePerGpu());
        Cluster h200 = cluster(input, "new-h200");
        assertThat(h200.startPricePerGpuHour()).isEqualTo(4.10);
        assertThat(h200.powerKwPerGpu()).isEqualTo(1.0);

        List<InputNote> catalog = input.notes(InputNote.Kind.CATALOG);
        assertThat(catalog).extracting(InputNote::location).containsExactlyInAnyOrder("Fleet!E2", "Fleet!F2", "old-h100");
        assertThat(catalog).allSatisfy(n -> assertThat(n.message()).contains("old-h100").contains("catalog"));
        assertThat(catalog).anySatisfy(n -> assertThat(n.message()).contains("Start rental price").contains("$2.95"));
        assertThat(catalog).anySatisfy(n -> assertThat(n.message()).contains("Secondary price per GPU").contains("$23,500"));
        assertThat(input.notes(InputNote.Kind.DEFAULT)).anySatisfy(n -> {
            assertThat(n.location()).isEqualTo("Fleet!E3");
            assertThat(n.message()).contains("new-h200").contains("Market row for H200");
        });
    }

    @Test
    void defaultsForEmptyCellsAndMissingColumnsAreNoted() throws Exception {
        WorkbookInput input = read(new TestWorkbook().sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price", "Utilization")
                .row("a", "H100", 1, 30_000, 2.5, null));

        Cluster c = cluster(input, "a");
        assertThat(c.utilization()).isEqualTo(1.0);
        assertThat(c.lifeMonths()).isEqualTo(60);
        assertThat(c.pricePath()).isEmpty();
        assertThat(input.portfolio().assumptions().defaultPricePath()).isEqualTo(PricePath.ARTICLE_BLENDED);
        assertThat(input.notes(InputNote.Kind.DEFAULT)).extracting(InputNote::location)
                .contains("Fleet!F2", "Fleet", "Assumptions");
        assertThat(input.notes(InputNote.Kind.DEFAULT)).anySatisfy(n -> assertThat(n.message()).contains("Useful life").contains("5 years"));
    }

    @Test
    void aPricePathIsReadFromSpecSyntaxOrAPhrase() throws Exception {
        WorkbookInput input = read(new TestWorkbook().sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price", "Price path", "Life (months)")
                .row("spec", "H100", 1, 30_000, 2.5, "blended:0.4:3", 48)
                .row("phrase", "H100", 1, 30_000, 2.5, "decline 40% per year", 36));

        assertThat(cluster(input, "spec").pricePath()).contains(new PricePath.Blended(0.4, 3));
        assertThat(cluster(input, "spec").lifeMonths()).isEqualTo(48);
        assertThat(cluster(input, "phrase").pricePath()).contains(new PricePath.AnnualDecline(0.4));
    }

    @Test
    void aTotalsRowUnderTheTableIsSkippedWithANoteAndDashesMeanEmpty() throws Exception {
        WorkbookInput input = read(new TestWorkbook().sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price", "Utilization", "PUE")
                .row("a", "H100", 8, 30_000, 2.5, "-", "n/a")
                .row("b", "H100", 8, 30_000, 2.5, 0.7, 1.2)
                .blankRow()
                .row("Total", null, new Formula("SUM(C2:C3)", 16.0), null, null, null, null));

        assertThat(input.portfolio().clusters()).extracting(Cluster::id).containsExactly("a", "b");
        assertThat(cluster(input, "a").utilization()).isEqualTo(1.0);
        assertThat(cluster(input, "a").pue()).isEqualTo(1.0);
        assertThat(input.notes(InputNote.Kind.WARNING)).singleElement().satisfies(n -> {
            assertThat(n.location()).isEqualTo("Fleet!A5");
            assertThat(n.message()).contains("totals row");
        });
    }

    @Test
    void datesInAWorkbookUsingThe1904DateSystemAreNotShiftedFourYears() throws Exception {
        TestWorkbook wb = new TestWorkbook();
        var ct = wb.workbook.getCTWorkbook();
        (ct.isSetWorkbookPr() ? ct.getWorkbookPr() : ct.addNewWorkbookPr()).setDate1904(true);
        assertThat(wb.workbook.isDate1904()).isTrue();
        WorkbookInput input = read(wb.sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price", "Status", "Purchase date")
                .row("mac", "H100", 1, 30_000, 2.5, "Owned", LocalDate.of(2023, 6, 1)));

        assertThat(cluster(input, "mac").startDate()).contains(LocalDate.of(2023, 6, 1));
    }

    @Test
    void footnotesUnderTheTableAreSkippedWithANote() throws Exception {
        WorkbookInput input = read(new TestWorkbook().sheet("Fleet")
                .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price")
                .row("a", "H100", 8, 30_000, 2.5)
                .blankRow()
                .row("Prices from our broker, May 2026")
                .row(null, "* capex includes networking"));

        assertThat(input.portfolio().clusters()).extracting(Cluster::id).containsExactly("a");
        assertThat(input.notes(InputNote.Kind.WARNING)).extracting(InputNote::location).containsExactly("Fleet!B5", "Fleet!A4");
    }
}
