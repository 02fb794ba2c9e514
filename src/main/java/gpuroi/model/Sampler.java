package gpuroi.model;

/** How the per-path uncertain inputs (ranges, the price and utilization levels) are drawn. */
public enum Sampler {
    /** Independent uniform draws for every path. */
    MONTE_CARLO,
    /**
     * Latin hypercube: each range's [0, 1) is cut into as many strata as paths and every stratum is
     * used exactly once, so the input distributions are matched closely with fewer paths.
     */
    LATIN_HYPERCUBE;

    /** "Monte Carlo", "Latin hypercube": the sampler as the sheets name it. */
    public String label() {
        return this == MONTE_CARLO ? "Monte Carlo" : "Latin hypercube";
    }
}
