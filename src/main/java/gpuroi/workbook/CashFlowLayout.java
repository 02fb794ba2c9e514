package gpuroi.workbook;

import gpuroi.engine.ClusterAnalysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each cluster sits on the added sheets: its row on {@value WorkbookWriter#INPUTS_SHEET} and
 * its block of monthly rows on {@value WorkbookWriter#CASH_FLOWS_SHEET}. Computed up front, in one
 * pass, so that formulas on either sheet can point at the other before either is written, and so
 * that rows can be written strictly in order (as a streaming writer must).
 */
final class CashFlowLayout {
    /** Row 0 of both sheets is the header. */
    static final int FIRST_DATA_ROW = 1;

    /**
     * @param inputsRow 0-based row of the cluster on the inputs sheet
     * @param firstRow  0-based row of month 0 on the cash-flow sheet
     * @param lastRow   0-based row of the last month
     */
    record Block(int inputsRow, int firstRow, int lastRow) {
    }

    private final List<Block> blocks;

    private CashFlowLayout(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    static CashFlowLayout of(List<ClusterAnalysis> clusters) {
        List<Block> blocks = new ArrayList<>(clusters.size());
        int next = FIRST_DATA_ROW;
        for (int i = 0; i < clusters.size(); i++) {
            int rows = clusters.get(i).schedule().months().size();
            blocks.add(new Block(FIRST_DATA_ROW + i, next, next + rows - 1));
            next += rows;
        }
        return new CashFlowLayout(blocks);
    }

    Block block(int clusterIndex) {
        return blocks.get(clusterIndex);
    }

    /** The last row the cash-flow sheet uses (the header row when there are no clusters). */
    int lastCashFlowRow() {
        return blocks.isEmpty() ? 0 : blocks.get(blocks.size() - 1).lastRow();
    }
}
