package gpuroi.pipeline;

import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.MonteCarlo;
import gpuroi.engine.RiskProfile;
import gpuroi.engine.RoiEngine;
import gpuroi.engine.SensitivityFigures;
import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.RiskInputs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The job behind {@code gpuroi quote}: one cluster typed on the command line, analysed as a workbook's would be, with
 * the figures its report shows computed here once; the report only lays them out.
 */
public final class QuoteJob {
    private QuoteJob() {
    }

    /**
     * What a quote shows.
     *
     * @param analysis    the cluster's analysis
     * @param pricePoints the same cluster at each of the other start prices asked for, in order
     * @param risk        its Monte Carlo risk profile, when runs were asked for
     * @param figures     its sensitivity figures, when the report shows them
     */
    public record Result(ClusterAnalysis analysis, List<ClusterAnalysis> pricePoints, Optional<RiskProfile> risk,
                         Optional<SensitivityFigures> figures) {
        public Result {
            pricePoints = List.copyOf(pricePoints);
        }
    }

    /**
     * Analyses {@code cluster}, and the same cluster at each of {@code startPrices}; runs the Monte Carlo when {@code risk}
     * is given, and computes the sensitivity figures when {@code withFigures}.
     */
    public static Result run(Cluster cluster, Assumptions assumptions, List<Double> startPrices, Optional<RiskInputs> risk,
                             boolean withFigures) {
        ClusterAnalysis analysis = RoiEngine.analyze(cluster, assumptions);
        List<ClusterAnalysis> pricePoints = new ArrayList<>();
        for (double price : startPrices) {
            pricePoints.add(RoiEngine.analyze(cluster.toBuilder().startPricePerGpuHour(price).build(), assumptions));
        }
        return new Result(analysis, pricePoints, risk.map(inputs -> MonteCarlo.analyze(cluster, assumptions, inputs)),
                withFigures ? Optional.of(SensitivityFigures.of(analysis)) : Optional.empty());
    }
}
