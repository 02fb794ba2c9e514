package gpuroi.engine;

import gpuroi.model.Assumptions;

import java.util.List;

/** The engine's results for a whole workbook: the assumptions used and each cluster's analysis, in input order. */
public record PortfolioAnalysis(Assumptions assumptions, List<ClusterAnalysis> clusters) {
    public PortfolioAnalysis {
        clusters = List.copyOf(clusters);
    }
}
