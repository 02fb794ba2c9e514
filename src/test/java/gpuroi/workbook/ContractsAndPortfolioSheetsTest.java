package gpuroi.workbook;

import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.ContractAnalysis;
import gpuroi.engine.Decision;
import gpuroi.engine.PortfolioAnalysis;
import gpuroi.engine.RoiEngine;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** ROI Contracts and ROI Portfolio, read back with POI and checked against figures worked out by hand. */
class ContractsAndPortfolioSheetsTest {
    @TempDir
    Path dir;

    private PortfolioAnalysis analysis;

    private Path convert(Path input, Path output) throws Exception {
        WorkbookInput read = WorkbookReader.read(input, LocalDate.of(2026, 1, 1));
        analysis = RoiEngine.analyze(read.portfolio(), read.portfolio().assumptions());
        WriterFixtures.write(input, output, analysis);
        return output;
    }

    private static Row rowOf(Sheet sheet, String id) {
        for (Row row : sheet) {
            Cell cell = row.getCell(0);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(id)) {
                return row;
            }
        }
        throw new AssertionError("no row " + id + " on " + sheet.getSheetName());
    }

    private static double number(Row row, int column) {
        return row.getCell(column).getNumericCellValue();
    }

    private static String text(Row row, int column) {
        return row.getCell(column).getStringCellValue();
    }

    @Test
    void aContractRowCarriesTheHandComputedObligationAndPresentCostsAndTheDecision() throws Exception {
        Path output = convert(LeaseWorkbooks.write(dir.resolve("leases.xlsx")), dir.resolve("out.xlsx"));

        try (XSSFWorkbook workbook = WriterFixtures.open(output)) {
            Sheet sheet = workbook.getSheet(WorkbookWriter.CONTRACTS_SHEET);
            Row row = rowOf(sheet, "idle-h100");
            assertThat(text(row, ContractsSheet.COUNTERPARTY)).isEqualTo("NeoCloud");
            assertThat(number(row, ContractsSheet.GPUS)).isEqualTo(10);
            assertThat(number(row, ContractsSheet.NEEDED)).isEqualTo(6);
            assertThat(number(row, ContractsSheet.IDLE)).isEqualTo(4);
            assertThat(row.getCell(ContractsSheet.IDLE).getCellFormula()).isEqualTo("D2-E2");
            assertThat(number(row, ContractsSheet.RATE)).isEqualTo(4.00);
            assertThat(number(row, ContractsSheet.REMAINING_MONTHS)).isEqualTo(25);
            assertThat(number(row, ContractsSheet.MONTHLY_OBLIGATION)).isCloseTo(29_200, within(1e-9));
            assertThat(row.getCell(ContractsSheet.MONTHLY_OBLIGATION).getCellFormula()).isEqualTo("G2*D2*730*(1-J2)");
            assertThat(number(row, ContractsSheet.KEEP_COST)).isCloseTo(LeaseWorkbooks.keepCost(), within(0.01));
            assertThat(number(row, ContractsSheet.RESELL_COST)).isCloseTo(LeaseWorkbooks.resellCapacityCost(), within(0.01));
            assertThat(number(row, ContractsSheet.TERMINATE_COST)).isCloseTo(LeaseWorkbooks.terminateCost(), within(0.01));
            assertThat(text(row, ContractsSheet.DECISION)).isEqualTo("TERMINATE");
            assertThat(number(row, ContractsSheet.GAIN))
                    .isCloseTo(LeaseWorkbooks.keepCost() - LeaseWorkbooks.terminateCost(), within(0.01));
            assertThat(text(row, ContractsSheet.MARKET_SOURCE)).isEqualTo("market sheet");
            assertThat(text(row, ContractsSheet.REASON)).startsWith("Terminate");

            Row kept = rowOf(sheet, "kept-a100");
            assertThat(text(kept, ContractsSheet.DECISION)).isEqualTo("KEEP");
            assertThat(text(kept, ContractsSheet.RESELL_COST)).isEqualTo("n/a (no idle GPUs)");
            assertThat(text(kept, ContractsSheet.TERMINATE_COST)).isEqualTo("n/a (no termination fee)");
            assertThat(sheet.getSheetConditionalFormatting().getNumConditionalFormattings()).isPositive();
        }
    }

    @Test
    void theMonthlyBlockHoldsEachRemainingObligationAndTheResaleIncomeAtTheMarketPrice() throws Exception {
        Path output = convert(LeaseWorkbooks.write(dir.resolve("leases.xlsx")), dir.resolve("out.xlsx"));

        try (XSSFWorkbook workbook = WriterFixtures.open(output)) {
            Sheet sheet = workbook.getSheet(WorkbookWriter.CONTRACTS_SHEET);
            int header = ContractsSheet.monthHeaderRow(2);
            assertThat(text(sheet.getRow(header), ContractsSheet.M_OBLIGATION)).isEqualTo("Obligation paid (KEEP)");
            List<Row> idle = new ArrayList<>();
            for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
                if (text(sheet.getRow(r), ContractsSheet.M_CONTRACT).equals("idle-h100")) {
                    idle.add(sheet.getRow(r));
                }
            }
            assertThat(idle).hasSize(25);
            Row first = idle.get(0);
            assertThat(DateUtil.getLocalDateTime(number(first, ContractsSheet.M_DATE)).toLocalDate()).isEqualTo(LocalDate.of(2026, 1, 1));
            double presentObligations = 0;
            double presentResale = 0;
            for (int m = 0; m <= 24; m++) {
                Row row = idle.get(m);
                assertThat(number(row, ContractsSheet.M_OBLIGATION)).isCloseTo(29_200, within(1e-9));
                // 4 idle GPUs × 730 h × $2.00 × (1 − 10% fee) = $5,256 a month.
                assertThat(number(row, ContractsSheet.M_RESALE_INCOME)).isCloseTo(5_256, within(1e-6));
                assertThat(number(row, ContractsSheet.M_NET_RESELLING)).isCloseTo(29_200 - 5_256, within(1e-6));
                double factor = Math.pow(1.10, -m / 12.0);
                presentObligations += number(row, ContractsSheet.M_OBLIGATION) * factor;
                presentResale += number(row, ContractsSheet.M_RESALE_INCOME) * factor;
            }
            assertThat(first.getCell(ContractsSheet.M_RESALE_INCOME).getCellFormula()).contains("*730*");
            assertThat(presentObligations).isCloseTo(LeaseWorkbooks.keepCost(), within(0.01));
            assertThat(presentObligations - presentResale).isCloseTo(LeaseWorkbooks.resellCapacityCost(), within(0.01));
        }
    }

    @Test
    void thePortfolioSheetAddsClustersAndContractsRanksTheActionsAndListsTheMonths() throws Exception {
        Path output = convert(LeaseWorkbooks.write(dir.resolve("leases.xlsx")), dir.resolve("out.xlsx"));

        try (XSSFWorkbook workbook = WriterFixtures.open(output)) {
            Sheet sheet = workbook.getSheet(WorkbookWriter.PORTFOLIO_SHEET);
            double keepCosts = analysis.contracts().stream().mapToDouble(ContractAnalysis::keepCost).sum();
            double chosenCosts = analysis.contracts().stream().mapToDouble(ContractAnalysis::chosenCost).sum();
            ClusterAnalysis planned = analysis.clusters().get(0);
            double clusters = planned.metrics().npvAtHurdle();
            double asDecided = planned.recommendation().decision() == Decision.BUY ? clusters : 0;
            assertThat(number(sheet.getRow(PortfolioSheet.TOTAL_CAPEX_ROW), 1)).isCloseTo(200_000, within(1e-6));
            assertThat(number(sheet.getRow(PortfolioSheet.PLANNED_CAPEX_ROW), 1)).isCloseTo(200_000, within(1e-6));
            assertThat(number(sheet.getRow(PortfolioSheet.VALUE_AS_ENTERED_ROW), 1)).isCloseTo(clusters - keepCosts, within(0.01));
            assertThat(number(sheet.getRow(PortfolioSheet.VALUE_FOLLOWING_DECISIONS_ROW), 1))
                    .isCloseTo(asDecided - chosenCosts, within(0.01));
            assertThat(number(sheet.getRow(PortfolioSheet.CONTRACTS_KEEP_COST_ROW), 1)).isCloseTo(keepCosts, within(0.01));
            assertThat(text(sheet.getRow(PortfolioSheet.SINCE_PURCHASE_AT_HURDLE_ROW), 0)).startsWith("Clusters since purchase");

            List<String> subjects = new ArrayList<>();
            List<Double> gains = new ArrayList<>();
            for (int r = PortfolioSheet.ACTIONS_HEADER_ROW + 1; r <= PortfolioSheet.ACTIONS_HEADER_ROW + analysis.rollup().actions().size(); r++) {
                subjects.add(text(sheet.getRow(r), 1));
                gains.add(number(sheet.getRow(r), 3));
            }
            assertThat(subjects).contains("idle-h100").doesNotContain("kept-a100");
            assertThat(gains).isSortedAccordingTo((a, b) -> Double.compare(b, a));

            int header = PortfolioSheet.monthHeaderRow(analysis.rollup().actions().size());
            Row january = sheet.getRow(header + 1);
            assertThat(DateUtil.getLocalDateTime(number(january, PortfolioSheet.M_MONTH)).toLocalDate()).isEqualTo(LocalDate.of(2026, 1, 1));
            Row february = sheet.getRow(header + 2);
            // February 2026: idle-h100's $29,200 is paid; 10 + 8 GPUs rented in, 6 + 8 needed.
            assertThat(number(february, PortfolioSheet.M_RENTED_IN)).isEqualTo(18);
            assertThat(number(february, PortfolioSheet.M_NEEDED)).isEqualTo(14);
            assertThat(number(february, PortfolioSheet.M_CASH_NEEDED)).isGreaterThanOrEqualTo(29_200);
            assertThat(february.getCell(PortfolioSheet.M_CUMULATIVE).getCellFormula())
                    .isEqualTo(org.apache.poi.ss.util.CellReference.convertNumToColString(PortfolioSheet.M_CUMULATIVE) + (header + 2)
                            + "+B" + (header + 3));
            assertThat(number(february, PortfolioSheet.M_CUMULATIVE))
                    .isCloseTo(number(january, PortfolioSheet.M_NET) + number(february, PortfolioSheet.M_NET), within(1e-6));
        }
    }

    @Test
    void reconvertingAnOutputReplacesTheContractsAndPortfolioSheetsInsteadOfAddingCopies() throws Exception {
        Path input = LeaseWorkbooks.write(dir.resolve("leases.xlsx"));
        Path first = convert(input, dir.resolve("first.xlsx"));
        Path second = convert(first, dir.resolve("second.xlsx"));

        try (XSSFWorkbook workbook = WriterFixtures.open(second)) {
            List<String> names = new ArrayList<>();
            workbook.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).containsOnlyOnce(WorkbookWriter.CONTRACTS_SHEET, WorkbookWriter.PORTFOLIO_SHEET);
            assertThat(names.stream().filter(n -> n.startsWith("ROI Contracts") || n.startsWith("ROI Portfolio"))).hasSize(2);
            assertThat(number(rowOf(workbook.getSheet(WorkbookWriter.CONTRACTS_SHEET), "idle-h100"), ContractsSheet.KEEP_COST))
                    .isCloseTo(LeaseWorkbooks.keepCost(), within(0.01));
        }
        assertThat(Files.size(second)).isLessThan(Files.size(first) * 2);
    }
}
