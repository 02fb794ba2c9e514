package gpuroi.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What is uncertain in a Monte Carlo run and how it moves. Rates and volatilities are annual
 * fractions; factors multiply the cluster's own value (1 = as given).
 *
 * <p>Price: p(m) = p0 · shape(t_m) · exp(σ·W(τ_m) − σ²·τ_m/2) · (1 − jumpDrop)^N(τ_m), where shape
 * is the cluster's price path (or a geometric decline drawn from {@code annualDecline}), W a
 * Brownian motion and τ_m the years from the valuation date to the month's midpoint (0 for months
 * already past). The correction −σ²τ/2 keeps the mean price on the path, so volatility widens the
 * outcomes without moving their centre. N is a Poisson count of downward jumps (supply shocks such as
 * the reserved capacity the source describes being resold); jumps are not compensated: they lower
 * the mean.
 *
 * <p>Utilization: u(m) = logistic(logit(u0) + σ_u·B(τ_m)), bounded in (0, 1) with median u0, where B is
 * a Brownian motion whose increments have rank correlation {@code priceUtilizationRankCorrelation} with
 * those of W (Gaussian copula, Pearson r = 2·sin(π·ρ_s/6)). Both are sums of the same kind of
 * increments, so at every month the rank correlation of price and utilization across paths is ρ_s.
 *
 * @param paths                           number of simulated paths per cluster
 * @param seed                            the run's seed; with the cluster's index and the path's index it fixes every draw
 * @param sampler                         plain Monte Carlo or Latin hypercube for the per-path ranges
 * @param annualPriceVolatility           σ of the log price, per √year
 * @param jumpsPerYear                    expected number of downward price jumps a year (0: none)
 * @param jumpDrop                        share of the price lost at each jump
 * @param annualUtilizationVolatility     σ_u of logit(utilization), per √year
 * @param priceUtilizationRankCorrelation Spearman correlation of price and utilization shocks, −1..1
 * @param annualDecline                   when present, each path's shape is a geometric decline at a rate drawn from this range,
 *                                        replacing the cluster's own path
 * @param capexFactor                     multiplier of a planned cluster's capex (sunk capex of an owned cluster is not drawn)
 * @param powerPriceFactor                multiplier of the electricity price in months still to come
 */
public record RiskInputs(
        int paths,
        long seed,
        Sampler sampler,
        double annualPriceVolatility,
        double jumpsPerYear,
        double jumpDrop,
        double annualUtilizationVolatility,
        double priceUtilizationRankCorrelation,
        Optional<ValueRange> annualDecline,
        ValueRange capexFactor,
        ValueRange powerPriceFactor) {

    public static final int DEFAULT_PATHS = 10_000;

    /** The source's base case: the blended path, linear to 50% of the start price over 5 years. */
    public static final double BASE_SHARE_AT_MID_LIFE = 0.75;
    /** The source's bear case: the market price falling 40% a year. */
    public static final double BEAR_ANNUAL_DECLINE = 0.40;
    /** Mid-life of the source's 5-year H100, where base and bear are compared. */
    public static final double MID_LIFE_YEARS = 2.5;
    /** The one-sided 95% normal quantile: the bear case is put at the 5th percentile. */
    private static final double Z_95 = 1.6448536269514722;

    /**
     * The default price volatility, derived from the source: the σ at which the bear case (40%/yr
     * decline, 0.6^2.5 ≈ 27.9% of the start price after 2.5 years) is the 5th percentile of the price
     * at mid-life when the mean follows the base case (blended, 75% after 2.5 years). It solves
     * σ²·t/2 + z₀.₉₅·σ·√t = ln(0.75 / 0.6^2.5) at t = 2.5: σ ≈ 32.8% a year.
     */
    public static final double SOURCE_PRICE_VOLATILITY = sourcePriceVolatility();

    /**
     * The source's range for the annual price decline as a PERT: 0% (the vendors' flat ~$4/hr),
     * most likely 12.9% (the blended 50%-over-5-years base as a geometric rate, 1 − 0.5^(1/5)),
     * 40% (the bear case the source observed).
     */
    public static final ValueRange SOURCE_DECLINE_RANGE = ValueRange.pert(0.0, 1 - Math.pow(0.5, 1 / 5.0), BEAR_ANNUAL_DECLINE);

    /** Default σ of logit(utilization): 50% a year, a judgement, not from the source. */
    public static final double DEFAULT_UTILIZATION_VOLATILITY = 0.5;
    /**
     * Default rank correlation of price and utilization shocks: +0.5, since in the source both fall
     * together when freed-up reserved capacity floods the market. A judgement; set it to 0 to drop it.
     */
    public static final double DEFAULT_RANK_CORRELATION = 0.5;

    public RiskInputs {
        if (paths < 1) {
            throw new InvalidValueException(Field.PATHS, paths, "a whole number of paths ≥ 1");
        }
        Checks.present(Field.SAMPLER, sampler);
        Checks.between(Field.PRICE_VOLATILITY, annualPriceVolatility, 0, 5, "an annual volatility from 0% to 500%");
        Checks.between(Field.JUMPS_PER_YEAR, jumpsPerYear, 0, 100, "an expected number of jumps a year from 0 to 100");
        Checks.between(Field.JUMP_DROP, jumpDrop, 0, 0.99, "a share of the price lost per jump from 0% to 99%");
        Checks.between(Field.UTILIZATION_VOLATILITY, annualUtilizationVolatility, 0, 10, "an annual volatility of logit(utilization) from 0 to 10");
        Checks.between(Field.PRICE_UTILIZATION_RANK_CORRELATION, priceUtilizationRankCorrelation, -1, 1, "a correlation from −1 to 1");
        annualDecline = Objects.requireNonNullElse(annualDecline, Optional.empty());
        annualDecline.ifPresent(r -> {
            if (r.low() < 0 || r.high() > 0.999) {
                throw new InvalidValueException(Field.ANNUAL_DECLINE_RANGE, r.low() + " to " + r.high(), "declines from 0% to 99.9% a year");
            }
        });
        Checks.present(Field.CAPEX_FACTOR, capexFactor);
        Checks.present(Field.POWER_PRICE_FACTOR, powerPriceFactor);
        if (capexFactor.low() < 0 || powerPriceFactor.low() < 0) {
            throw new InvalidValueException(Field.FACTOR_RANGE, capexFactor.low() < 0 ? capexFactor : powerPriceFactor, "multipliers ≥ 0");
        }
    }

    /**
     * The documented defaults: 10,000 plain Monte Carlo paths, the source-derived price volatility,
     * no jumps, the default utilization volatility and correlation, the cluster's own path as the mean,
     * capex and power price as given.
     */
    public static RiskInputs defaults(long seed) {
        return new RiskInputs(DEFAULT_PATHS, seed, Sampler.MONTE_CARLO, SOURCE_PRICE_VOLATILITY, 0, 0.25,
                DEFAULT_UTILIZATION_VOLATILITY, DEFAULT_RANK_CORRELATION, Optional.empty(),
                ValueRange.fixed(1), ValueRange.fixed(1));
    }

    /** No uncertainty at all: every path is the deterministic case. */
    public static RiskInputs deterministic(int paths, long seed) {
        return new RiskInputs(paths, seed, Sampler.MONTE_CARLO, 0, 0, 0, 0, 0, Optional.empty(),
                ValueRange.fixed(1), ValueRange.fixed(1));
    }

    public RiskInputs withPaths(int n) {
        return new RiskInputs(n, seed, sampler, annualPriceVolatility, jumpsPerYear, jumpDrop, annualUtilizationVolatility,
                priceUtilizationRankCorrelation, annualDecline, capexFactor, powerPriceFactor);
    }

    public RiskInputs withSeed(long s) {
        return new RiskInputs(paths, s, sampler, annualPriceVolatility, jumpsPerYear, jumpDrop, annualUtilizationVolatility,
                priceUtilizationRankCorrelation, annualDecline, capexFactor, powerPriceFactor);
    }

    public RiskInputs withSampler(Sampler s) {
        return new RiskInputs(paths, seed, s, annualPriceVolatility, jumpsPerYear, jumpDrop, annualUtilizationVolatility,
                priceUtilizationRankCorrelation, annualDecline, capexFactor, powerPriceFactor);
    }

    public RiskInputs withPriceVolatility(double annual) {
        return new RiskInputs(paths, seed, sampler, annual, jumpsPerYear, jumpDrop, annualUtilizationVolatility,
                priceUtilizationRankCorrelation, annualDecline, capexFactor, powerPriceFactor);
    }

    public RiskInputs withJumps(double perYear, double drop) {
        return new RiskInputs(paths, seed, sampler, annualPriceVolatility, perYear, drop, annualUtilizationVolatility,
                priceUtilizationRankCorrelation, annualDecline, capexFactor, powerPriceFactor);
    }

    public RiskInputs withUtilization(double annualVolatility, double rankCorrelation) {
        return new RiskInputs(paths, seed, sampler, annualPriceVolatility, jumpsPerYear, jumpDrop, annualVolatility,
                rankCorrelation, annualDecline, capexFactor, powerPriceFactor);
    }

    public RiskInputs withAnnualDecline(ValueRange range) {
        return new RiskInputs(paths, seed, sampler, annualPriceVolatility, jumpsPerYear, jumpDrop, annualUtilizationVolatility,
                priceUtilizationRankCorrelation, Optional.ofNullable(range), capexFactor, powerPriceFactor);
    }

    public RiskInputs withCapexFactor(ValueRange range) {
        return new RiskInputs(paths, seed, sampler, annualPriceVolatility, jumpsPerYear, jumpDrop, annualUtilizationVolatility,
                priceUtilizationRankCorrelation, annualDecline, range, powerPriceFactor);
    }

    public RiskInputs withPowerPriceFactor(ValueRange range) {
        return new RiskInputs(paths, seed, sampler, annualPriceVolatility, jumpsPerYear, jumpDrop, annualUtilizationVolatility,
                priceUtilizationRankCorrelation, annualDecline, capexFactor, range);
    }

    private static double sourcePriceVolatility() {
        double t = MID_LIFE_YEARS;
        double target = Math.log(BASE_SHARE_AT_MID_LIFE / Math.pow(1 - BEAR_ANNUAL_DECLINE, t));
        // t/2·σ² + z·√t·σ − target = 0, positive root
        double a = t / 2;
        double b = Z_95 * Math.sqrt(t);
        return (-b + Math.sqrt(b * b + 4 * a * target)) / (2 * a);
    }
}
