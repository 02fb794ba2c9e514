package gpuroi.workbook;

import gpuroi.engine.RiskProfile;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.util.List;

/**
 * {@value WorkbookWriter#RISK_SHEET}: one row per cluster with what its Monte Carlo says, written only
 * when a run was asked for (--runs, or the Assumptions' Monte Carlo runs). NPVs are at the discount
 * rate; an IRR percentile that does not exist (no path has a single IRR) is written as "n/a".
 */
final class RiskSheet {
    static final int ID = 0;
    static final int RUNS = 1;
    static final int SEED = 2;
    static final int SAMPLER = 3;
    static final int NPV_P5 = 4;
    static final int NPV_P50 = 5;
    static final int NPV_P95 = 6;
    static final int IRR_P5 = 7;
    static final int IRR_P50 = 8;
    static final int IRR_P95 = 9;
    static final int PROBABILITY_OF_LOSS = 10;
    static final int PROBABILITY_BEATS_HURDLE = 11;
    static final int EXPECTED_SHORTFALL = 12;
    static final int DECISION_FLIP_SHARE = 13;

    static final String[] HEADERS = {
        "Cluster id", "Runs (paths)", "Seed", "Sampler", "NPV P5", "NPV P50", "NPV P95",
        "IRR P5", "IRR P50", "IRR P95", "Probability of loss", "Probability NPV at hurdle > 0",
        "Expected shortfall (mean NPV of worst 5%)", "Decision flip share",
    };
    private static final int[] WIDTHS = {18, 10, 12, 14, 14, 14, 14, 10, 10, 10, 12, 14, 18, 12};

    private RiskSheet() {
    }

    static void write(Sheet sheet, List<RiskProfile> risks, OutputStyles styles) {
        OutputCells.headerRow(sheet, 0, HEADERS, WIDTHS, styles);
        int[] widths = WIDTHS.clone();
        for (int i = 0; i < risks.size(); i++) {
            RiskProfile r = risks.get(i);
            Row row = sheet.createRow(1 + i);
            OutputCells.text(row, ID, r.clusterId(), styles.text);
            OutputCells.number(row, RUNS, r.paths(), styles.integer);
            OutputCells.number(row, SEED, r.seed(), styles.integer);
            OutputCells.text(row, SAMPLER, r.sampler().name(), styles.text);
            OutputCells.number(row, NPV_P5, r.npv().p5(), styles.money);
            OutputCells.number(row, NPV_P50, r.npv().p50(), styles.money);
            OutputCells.number(row, NPV_P95, r.npv().p95(), styles.money);
            OutputCells.optional(row, IRR_P5, r.irr().p5(), "n/a", styles.percent, styles.text);
            OutputCells.optional(row, IRR_P50, r.irr().p50(), "n/a", styles.percent, styles.text);
            OutputCells.optional(row, IRR_P95, r.irr().p95(), "n/a", styles.percent, styles.text);
            OutputCells.number(row, PROBABILITY_OF_LOSS, r.probabilityOfLoss(), styles.percent);
            OutputCells.number(row, PROBABILITY_BEATS_HURDLE, r.probabilityOfBeatingHurdle(), styles.percent);
            OutputCells.number(row, EXPECTED_SHORTFALL, r.expectedShortfallNpv(), styles.money);
            OutputCells.number(row, DECISION_FLIP_SHARE, r.decisionFlipShare(), styles.percent);
            widths[ID] = Math.max(widths[ID], Math.min(40, r.clusterId().length() + 2));
        }
        OutputCells.widths(sheet, widths);
        sheet.createFreezePane(1, 1);
    }
}
