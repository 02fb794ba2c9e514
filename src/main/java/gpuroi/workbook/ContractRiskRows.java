package gpuroi.workbook;

import gpuroi.engine.ContractDecision;
import gpuroi.engine.ContractRiskProfile;
import gpuroi.engine.RiskProfile;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The lessee contracts' table of {@value WorkbookWriter#RISK_SHEET}, below the clusters' rows and NPV distributions: per
 * contract the present cost at the hurdle of carrying out its deterministic decision over the simulated
 * market prices (P5 / P50 / P95, mean, expected shortfall: the mean of the costliest 5% of paths), the
 * decision's advantage over the cheapest other open option (n/a when none is open; below 0 on paths
 * where another option is cheaper), the share of paths on which the decision flips and on which each
 * option is cheapest, and for RESELL CAPACITY and TERMINATE the share on which acting costs more than keeping.
 */
final class ContractRiskRows {
    static final String TITLE = "Lessee contracts: Monte Carlo of the market price (present costs at the hurdle rate)";

    static final String[] HEADERS = {
        "Contract id", "Runs (paths)", "Seed", "Sampler", "Decision", "Cost of decision",
        "Cost P5", "Cost P50", "Cost P95", "Mean cost", "Expected shortfall (mean cost of costliest 5%)",
        "Advantage P5", "Advantage P50", "Advantage P95", "Decision flip share",
        "Share KEEP best", "Share RESELL CAPACITY best", "Share TERMINATE best", "Probability acting costs more than keeping",
    };
    private static final int[] WIDTHS = {18, 10, 12, 14, 16, 14, 14, 14, 14, 14, 18, 14, 14, 14, 12, 12, 12, 12, 14};

    private ContractRiskRows() {
    }

    /** Writes the table from {@code firstRow} (title, header, one row per contract); nothing when there are no contracts. */
    static void write(Sheet sheet, int firstRow, List<ContractRiskProfile> risks, OutputStyles styles) {
        if (risks.isEmpty()) {
            return;
        }
        Row title = sheet.createRow(firstRow);
        OutputCells.text(title, 0, TITLE, styles.sectionTitle);
        OutputCells.headerRow(sheet, firstRow + 1, HEADERS, WIDTHS, styles);
        // The clusters' table above set the widths of its own columns; only the ones beyond it are set here.
        for (int column = RiskSheet.HEADERS.length; column < WIDTHS.length; column++) {
            sheet.setColumnWidth(column, WIDTHS[column] * 256);
        }
        for (int i = 0; i < risks.size(); i++) {
            ContractRiskProfile r = risks.get(i);
            Row row = sheet.createRow(firstRow + 2 + i);
            int c = 0;
            OutputCells.text(row, c++, r.contractId(), styles.text);
            OutputCells.number(row, c++, r.paths(), styles.integer);
            OutputCells.number(row, c++, r.seed(), styles.integer);
            OutputCells.text(row, c++, r.sampler().label(), styles.text);
            OutputCells.text(row, c++, r.baseDecision().label(), styles.text);
            OutputCells.number(row, c++, r.baseChosenCost(), styles.money);
            OutputCells.number(row, c++, r.chosenCost().p5(), styles.money);
            OutputCells.number(row, c++, r.chosenCost().p50(), styles.money);
            OutputCells.number(row, c++, r.chosenCost().p95(), styles.money);
            OutputCells.number(row, c++, r.meanChosenCost(), styles.money);
            OutputCells.number(row, c++, r.expectedShortfallCost(), styles.money);
            Optional<RiskProfile.Percentiles> advantage = r.advantage();
            OutputCells.optional(row, c++, of(advantage.map(RiskProfile.Percentiles::p5)), "n/a", styles.money, styles.text);
            OutputCells.optional(row, c++, of(advantage.map(RiskProfile.Percentiles::p50)), "n/a", styles.money, styles.text);
            OutputCells.optional(row, c++, of(advantage.map(RiskProfile.Percentiles::p95)), "n/a", styles.money, styles.text);
            OutputCells.number(row, c++, r.decisionFlipShare(), styles.percent);
            for (ContractDecision d : ContractDecision.values()) {
                OutputCells.number(row, c++, r.bestActionShare().getOrDefault(d, 0.0), styles.percent);
            }
            OutputCells.optional(row, c, r.probabilityOfLoss(), "n/a (KEEP)", styles.percent, styles.text);
        }
    }

    private static OptionalDouble of(Optional<Double> value) {
        return value.map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }
}
