package gpuroi.engine;

import gpuroi.model.Sampler;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a Monte Carlo run says about one cluster. NPVs are at the discount rate, at the valuation
 * date, like {@link ClusterMetrics#npv()}; IRRs are annual.
 *
 * @param clusterId                 the cluster
 * @param paths                     paths simulated
 * @param seed                      the run's seed: the same seed and inputs give the same figures on any machine and thread count
 * @param sampler                   how the per-path ranges were drawn
 * @param baseDecision              the deterministic decision ({@link Decisions})
 * @param baseNpv                   the deterministic NPV at the discount rate
 * @param npv                       P5 / P50 / P95 of NPV over the paths
 * @param meanNpv                   the average NPV over the paths
 * @param irr                       P5 / P50 / P95 of IRR over the paths that have a single IRR; empty when none has
 * @param pathsWithoutSingleIrr     paths whose flows have no IRR or several (left out of {@code irr})
 * @param probabilityOfLoss         share of paths losing money: IRR &lt; 0 where the path has a single IRR, else the
 *                                  undiscounted sum of its flows (NPV at 0%) &lt; 0
 * @param probabilityOfBeatingHurdle share of paths with NPV at the hurdle rate &gt; 0 (for the usual flows, invest then
 *                                  earn, this is IRR &gt; hurdle)
 * @param expectedShortfallNpv      average NPV of the worst 5% of paths (at least one path)
 * @param decisionFlipShare         share of paths on which the decision differs from {@code baseDecision}
 * @param npvHistogram              how NPV spreads over the paths
 * @param irrHistogram              how IRR spreads over the paths that have a single IRR; empty when none has
 * @param holdValue                 owned cluster: P5 / P50 / P95 of the hold value (PV at the hurdle rate of the flows
 *                                  still to come, {@link HoldFigures#holdValue()}) over the paths; empty for a planned one
 *
 * <p>For an owned cluster the NPV and IRR figures are whole-life (since purchase, realized + expected): months before
 * the valuation date are realized and the same on every path, so only the months to come spread them.
 */
public record RiskProfile(
        String clusterId,
        int paths,
        long seed,
        Sampler sampler,
        Decision baseDecision,
        double baseNpv,
        Percentiles npv,
        double meanNpv,
        OptionalPercentiles irr,
        int pathsWithoutSingleIrr,
        double probabilityOfLoss,
        double probabilityOfBeatingHurdle,
        double expectedShortfallNpv,
        double decisionFlipShare,
        Histogram npvHistogram,
        Optional<Histogram> irrHistogram,
        Optional<Percentiles> holdValue) {

    /** Share of the worst paths averaged by {@link #expectedShortfallNpv}. */
    public static final double TAIL_SHARE = 0.05;

    /**
     * Three percentiles, each the order statistic interpolated linearly between neighbours (a
     * spreadsheet's PERCENTILE.INC).
     */
    public record Percentiles(double p5, double p50, double p95) {
        /** The percentiles of sorted values. */
        static Percentiles ofSorted(double[] sorted) {
            return new Percentiles(at(sorted, 0.05), at(sorted, 0.50), at(sorted, 0.95));
        }

        static double at(double[] sorted, double share) {
            double position = share * (sorted.length - 1);
            int below = (int) Math.floor(position);
            int above = Math.min(below + 1, sorted.length - 1);
            double lower = sorted[below];
            double upper = sorted[above];
            return lower == upper ? lower : lower + (position - below) * (upper - lower);
        }
    }

    /** Percentiles that may not exist (no path has the figure). */
    public record OptionalPercentiles(OptionalDouble p5, OptionalDouble p50, OptionalDouble p95) {
        static OptionalPercentiles ofSorted(double[] sorted) {
            if (sorted.length == 0) {
                return new OptionalPercentiles(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
            }
            Percentiles p = Percentiles.ofSorted(sorted);
            return new OptionalPercentiles(OptionalDouble.of(p.p5()), OptionalDouble.of(p.p50()), OptionalDouble.of(p.p95()));
        }
    }
}
