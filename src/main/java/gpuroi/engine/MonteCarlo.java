package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cancellation;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.Lease;
import gpuroi.model.LeaseRole;
import gpuroi.model.Portfolio;
import gpuroi.model.RiskInputs;
import gpuroi.model.Sampler;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Monte Carlo over a cluster's monthly model: the price and utilization move as {@link RiskInputs}
 * describes, everything else is the deterministic {@link CashFlowModel} month by month, so with no
 * uncertainty every path is exactly the deterministic schedule.
 *
 * <p>Each path draws from its own stream seeded by (seed, cluster index, path index), jumps from a
 * second stream of the same triple; a portfolio's clusters run in parallel and so do each cluster's
 * paths, in fixed blocks on reused scratch arrays, on the calling fork-join pool. Results are gathered
 * by index, so the figures do not depend on the number of threads. Latin hypercube strata are permuted
 * per (seed, cluster, input) before the parallel part.
 *
 * <p>Per path the cost is one pass over the months (two normals and two portable exponentials a month)
 * plus an IRR from {@link FastIrr} (Newton inside IrrSolver's bracket, no allocation), which only ranks
 * the paths: the paths read by the IRR percentiles are re-simulated from their index and solved by
 * {@link IrrSolver}, so the reported IRRs are the engine's own. {@code MonteCarloBenchmark}: 100 clusters
 * × 10,000 paths × 60 months take about 6.5 s of CPU (3–3.5 s on two free cores; much more wall time
 * when the shared machine is loaded), against 8–9.5 s of CPU before clusters ran in parallel.
 */
public final class MonteCarlo {
    /** Per-path inputs stratified by the Latin hypercube: the annual decline, the capex and the power price. */
    private static final int RANGE_DIMENSIONS = 3;
    /** Paths simulated one after another on one thread's scratch arrays. */
    private static final int PATHS_PER_BLOCK = 256;
    private static final double[] NO_JUMPS = {};

    private MonteCarlo() {
    }

    /** One cluster on the market path alone, as cluster number 0 of a run. */
    public static RiskProfile analyze(Cluster cluster, Assumptions assumptions, RiskInputs inputs) {
        return analyzeWithContracts(cluster, assumptions, List.of(), inputs, 0);
    }

    /**
     * One cluster with the lessor contracts renting it out, as {@link #analyze(Portfolio, Assumptions, Function)}
     * runs the cluster at {@code clusterIndex}.
     *
     * @param clusterIndex the cluster's position in its portfolio: it picks the cluster's random streams
     */
    static RiskProfile analyzeWithContracts(Cluster cluster, Assumptions assumptions, List<Lease> lessorContracts,
                                            RiskInputs inputs, int clusterIndex) {
        return run(cluster, assumptions, lessorContracts, inputs, clusterIndex, Thread.currentThread());
    }

    /** {@code owner}: the thread whose interrupt stops the run (the caller's, also when this runs on a pool thread). */
    private static RiskProfile run(Cluster cluster, Assumptions assumptions, List<Lease> lessorContracts,
                                   RiskInputs inputs, int clusterIndex, Thread owner) {
        Setup setup = new Setup(cluster, assumptions, lessorContracts, inputs, clusterIndex);
        int n = inputs.paths();
        double[] npv = new double[n];
        double[] irr = new double[n];
        byte[] outcome = new byte[n];
        double[] holdValue = setup.planned ? null : new double[n];
        // Fixed blocks of paths, each with its own scratch arrays: no allocation per path, and which
        // thread runs a block never changes what a path draws or where its result lands.
        int blocks = (n + PATHS_PER_BLOCK - 1) / PATHS_PER_BLOCK;
        IntStream.range(0, blocks).parallel().forEach(block -> {
            int size = setup.life + 1;
            double[] price = new double[size];
            double[] utilization = new double[size];
            double[] factors = new double[RANGE_DIMENSIONS];
            double[] net = new double[size];
            int end = Math.min(n, (block + 1) * PATHS_PER_BLOCK);
            Cancellation.check(owner, "simulating cluster " + cluster.id());
            for (int i = block * PATHS_PER_BLOCK; i < end; i++) {
                setup.simulate(i, price, utilization, factors);
                setup.netFlows(price, utilization, factors, net);
                npv[i] = setup.npvAtValuationDate(setup.discountRate, net);
                irr[i] = FastIrr.annual(net);
                outcome[i] = setup.outcome(net, irr[i], price, utilization);
                if (holdValue != null) {
                    holdValue[i] = setup.holdValue(net);
                }
            }
        });
        return summarize(setup, npv, irr, outcome, holdValue);
    }

    /**
     * Every cluster of a portfolio with its lessor contracts, the cluster's index in the list picking its streams,
     * with inputs that may differ by cluster (a range given in the cluster's own units becomes a factor of its own
     * value; {@code cluster -> inputs} for the same inputs everywhere). Every cluster's inputs must share the seed,
     * so that the streams stay (seed, cluster, path). Clusters run in parallel, and each cluster's paths too, so
     * both cores stay busy through every cluster's serial set-up and summary; the profiles come back in cluster
     * order and do not depend on the threads.
     */
    public static List<RiskProfile> analyze(Portfolio portfolio, Assumptions assumptions,
                                            Function<Cluster, RiskInputs> inputsOfCluster) {
        List<Cluster> clusters = portfolio.clusters();
        Thread owner = Thread.currentThread();
        return IntStream.range(0, clusters.size()).parallel().mapToObj(c -> {
            Cluster cluster = clusters.get(c);
            List<Lease> lessor = portfolio.leases().stream()
                    .filter(l -> l.role() == LeaseRole.LESSOR && l.clusterId().orElse("").equals(cluster.id()))
                    .toList();
            return run(cluster, assumptions, lessor, inputsOfCluster.apply(cluster), c, owner);
        }).toList();
    }

    /**
     * The simulated market of each path, for the tests of the draws: price per GPU-hour and
     * utilization by month (index 0 unused), and the per-path draws of the ranges.
     */
    record SimulatedMarket(double[][] pricePerGpuHour, double[][] utilization, double[] annualDecline,
                           double[] capexFactor, double[] powerPriceFactor) {
    }

    static SimulatedMarket simulateMarket(Cluster cluster, Assumptions assumptions, RiskInputs inputs, int clusterIndex) {
        Setup setup = new Setup(cluster, assumptions, List.of(), inputs, clusterIndex);
        int n = inputs.paths();
        double[][] price = new double[n][setup.life + 1];
        double[][] utilization = new double[n][setup.life + 1];
        double[][] factors = new double[n][RANGE_DIMENSIONS];
        IntStream.range(0, n).parallel().forEach(i -> setup.simulate(i, price[i], utilization[i], factors[i]));
        double[] decline = new double[n];
        double[] capex = new double[n];
        double[] power = new double[n];
        for (int i = 0; i < n; i++) {
            decline[i] = factors[i][0];
            capex[i] = factors[i][1];
            power[i] = factors[i][2];
        }
        return new SimulatedMarket(price, utilization, decline, capex, power);
    }

    private static final byte LOSS = 1;
    private static final byte BEATS_HURDLE = 2;
    private static final byte FLIPS = 4;

    private static RiskProfile summarize(Setup setup, double[] npv, double[] irr, byte[] outcome, double[] holdValue) {
        int n = npv.length;
        double[] sortedNpv = npv.clone();
        Arrays.sort(sortedNpv);
        double[] singleIrr = exactIrrAtPercentileRanks(setup, irr);
        int losses = 0;
        int beats = 0;
        int flips = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            losses += (outcome[i] & LOSS) != 0 ? 1 : 0;
            beats += (outcome[i] & BEATS_HURDLE) != 0 ? 1 : 0;
            flips += (outcome[i] & FLIPS) != 0 ? 1 : 0;
            total += npv[i];
        }
        int tail = Math.max(1, (int) Math.ceil(RiskProfile.TAIL_SHARE * n));
        double tailSum = 0;
        for (int i = 0; i < tail; i++) {
            tailSum += sortedNpv[i];
        }
        RiskInputs inputs = setup.inputs;
        Optional<RiskProfile.Percentiles> holdPercentiles = Optional.empty();
        if (holdValue != null) {
            double[] sortedHold = holdValue.clone();
            Arrays.sort(sortedHold);
            holdPercentiles = Optional.of(RiskProfile.Percentiles.ofSorted(sortedHold));
        }
        return new RiskProfile(setup.cluster.id(), n, inputs.seed(), inputs.sampler(), setup.baseDecision, setup.baseNpv,
                RiskProfile.Percentiles.ofSorted(sortedNpv), total / n,
                RiskProfile.OptionalPercentiles.ofSorted(singleIrr), n - singleIrr.length,
                (double) losses / n, (double) beats / n, tailSum / tail, (double) flips / n,
                Histogram.ofSorted(sortedNpv, Histogram.DEFAULT_BINS).orElseThrow(),
                Histogram.ofSorted(singleIrr, Histogram.DEFAULT_BINS), holdPercentiles);
    }

    /**
     * The paths' IRRs in order, where the ranks that the 5th, 50th and 95th percentiles read hold the
     * {@link IrrSolver} value of that path (re-simulated from its index) and the other ranks the fast
     * solver's. The fast root ranks the paths; the percentiles are then the engine's own IRR, so with no
     * uncertainty they equal the deterministic IRR to the last bit.
     */
    private static double[] exactIrrAtPercentileRanks(Setup setup, double[] irr) {
        double[] sorted = Arrays.stream(irr).filter(r -> !Double.isNaN(r)).toArray();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return sorted;
        }
        for (double share : new double[] {0.05, 0.50, 0.95}) {
            double position = share * (sorted.length - 1);
            int below = (int) Math.floor(position);
            for (int k : new int[] {below, Math.min(below + 1, sorted.length - 1)}) {
                int path = indexOf(irr, sorted[k]);
                IrrResult exact = IrrSolver.periodic(setup.netFlowsOfPath(path), 12);
                if (exact instanceof IrrResult.Unique unique) {
                    sorted[k] = unique.annual();
                }
            }
        }
        return sorted;
    }

    private static int indexOf(double[] values, double value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        throw new IllegalStateException("a sorted value that is not in the array");
    }

/**
     * P(N ≤ k) for k = 0, 1, … of a Poisson count with the given mean, up to mean + 12·√mean + 30, past
     * which the probability left is far below a double's resolution. Terms are built in logs so that a
     * large mean does not underflow e^(−mean).
     */
    static double[] poissonCumulative(double mean) {
        int last = (int) Math.ceil(mean + 12 * Math.sqrt(mean) + 30);
        double[] cumulative = new double[last + 1];
        double logProbability = -mean;
        double logMean = StrictMath.log(mean);
        double total = 0;
        for (int k = 0; k <= last; k++) {
            if (k > 0) {
                logProbability += logMean - StrictMath.log(k);
            }
            total += StrictMath.exp(logProbability);
            cumulative[k] = total;
        }
        return cumulative;
    }

    /** Everything a path needs, fixed before the parallel part. */
    private static final class Setup {
        final Cluster cluster;
        final RiskInputs inputs;
        final int clusterIndex;
        final int life;
        final double offsetMonths;
        final boolean[] history;
        final double[] basePrice;
        final double[] uncommittedHours;
        final double[] contractRevenue;
        final double[] power;
        final double[] otherOpex;
        final double capex;
        final double residual;
        final double marketplaceFee;
        final double[] yearsFromValuation;
        final double startPrice;
        final double baseUtilization;
        final double logitBaseUtilization;
        final double pearson;
        final double pearsonComplement;
        final RangeQuantile decline;
        final RangeQuantile capexFactor;
        final RangeQuantile powerPriceFactor;
        final int[][] strata;
        final double discountRate;
        final double hurdleRate;
        final boolean planned;
        /** A planned cluster for own use: BUY or RENT on the saving from owning, not on NPV. */
        final boolean ownUse;
        final OptionalDouble saleValue;
        final Decision baseDecision;
        final double baseNpv;
        /** Years from the valuation date to the last month's midpoint: the span jumps can fall in. */
        final double horizonYears;
        /** P(N ≤ k) of the path's jump count N; null without jumps. */
        final double[] jumpCountCumulative;
        /** (1 + hurdle)^(−years) of each month from the valuation date, for the HOLD/RESELL rule. */
        final double[] hurdleDiscount;

        Setup(Cluster cluster, Assumptions assumptions, List<Lease> lessorContracts, RiskInputs inputs, int clusterIndex) {
            this.cluster = cluster;
            this.inputs = inputs;
            this.clusterIndex = clusterIndex;
            CashFlowSchedule schedule = CashFlowModel.schedule(cluster, assumptions, lessorContracts);
            List<MonthlyCashFlow> months = schedule.months();
            life = cluster.lifeMonths();
            offsetMonths = schedule.offsetMonths();
            history = new boolean[life + 1];
            basePrice = new double[life + 1];
            uncommittedHours = new double[life + 1];
            contractRevenue = new double[life + 1];
            power = new double[life + 1];
            otherOpex = new double[life + 1];
            yearsFromValuation = new double[life + 1];
            double gpus = cluster.gpuCount();
            for (int m = 0; m <= life; m++) {
                MonthlyCashFlow month = months.get(m);
                history[m] = month.history();
                basePrice[m] = month.pricePerGpuHour();
                uncommittedHours[m] = (gpus - month.contractedGpus()) * CashFlowModel.HOURS_PER_MONTH;
                contractRevenue[m] = month.contractRevenue();
                power[m] = month.power();
                otherOpex[m] = month.otherOpex();
                yearsFromValuation[m] = m == 0 ? 0 : Math.max(0, (offsetMonths + m - 0.5) / 12.0);
            }
            capex = cluster.totalCapex();
            residual = schedule.last().residual();
            marketplaceFee = assumptions.marketplaceFee();
            startPrice = cluster.startPricePerGpuHour();
            baseUtilization = cluster.utilization();
            logitBaseUtilization = StrictMath.log(baseUtilization / (1 - baseUtilization));
            pearson = 2 * StrictMath.sin(Math.PI * inputs.priceUtilizationRankCorrelation() / 6);
            pearsonComplement = StrictMath.sqrt(Math.max(0, 1 - pearson * pearson));
            decline = inputs.annualDecline().map(RangeQuantile::cached).orElse(null);
            capexFactor = RangeQuantile.cached(inputs.capexFactor());
            powerPriceFactor = RangeQuantile.cached(inputs.powerPriceFactor());
            strata = inputs.sampler() == Sampler.LATIN_HYPERCUBE ? strata(inputs, clusterIndex) : null;
            discountRate = assumptions.discountRate();
            hurdleRate = assumptions.hurdleRate();
            planned = cluster.status() == ClusterStatus.PLANNED;
            ownUse = cluster.judgedForOwnUse();
            ClusterMetrics baseMetrics = Metrics.of(schedule);
            saleValue = baseMetrics.saleValueNow();
            horizonYears = yearsFromValuation[life];
            jumpCountCumulative = inputs.jumpsPerYear() > 0 && horizonYears > 0
                    ? poissonCumulative(inputs.jumpsPerYear() * horizonYears) : null;
            hurdleDiscount = new double[life + 1];
            for (int m = 0; m <= life; m++) {
                hurdleDiscount[m] = Returns.discountFactor(hurdleRate, (offsetMonths + m) / 12.0);
            }
            baseDecision = decide(schedule.netFlows(), schedule.npvAtValuationDate(hurdleRate),
                    ownUse ? baseMetrics.ownUse().marketplaceFeeAtHurdle() : 0);
            baseNpv = schedule.npvAtValuationDate(discountRate);
        }

        /** One random permutation of the strata per input, each from its own stream. */
        private static int[][] strata(RiskInputs inputs, int clusterIndex) {
            int[][] permutations = new int[RANGE_DIMENSIONS][];
            for (int d = 0; d < RANGE_DIMENSIONS; d++) {
                permutations[d] = RandomStreams.permutation(RandomStreams.forPath(inputs.seed(), clusterIndex, -1L - d), inputs.paths());
            }
            return permutations;
        }

        /**
         * Fills the path's price and utilization by month and its range draws (annual decline, capex
         * factor, power price factor). The draws per month are the same whatever the inputs, so a
         * path's stream lines up across runs that differ only in a parameter.
         */
        void simulate(int path, double[] price, double[] utilization, double[] factors) {
            SplittableRandom random = RandomStreams.forPath(inputs.seed(), clusterIndex, path);
            double annualDecline = decline == null ? Double.NaN : decline.at(rangeDraw(random, 0, path));
            factors[0] = annualDecline;
            factors[1] = capexFactor.at(rangeDraw(random, 1, path));
            factors[2] = powerPriceFactor.at(rangeDraw(random, 2, path));

            double sigma = inputs.annualPriceVolatility();
            double sigmaU = inputs.annualUtilizationVolatility();
            double jumpKeep = 1 - inputs.jumpDrop();
            // (1 − d)^t at the month's midpoint, stepped a month at a time: one logarithm a path, not a power a month.
            double logKeptPerYear = decline == null ? 0 : StrictMath.log1p(-annualDecline);
            double declineStep = decline == null ? 1 : RandomStreams.exp(logKeptPerYear / 12);
            double declineShape = decline == null ? 1 : RandomStreams.exp(logKeptPerYear * (0.5 / 12));
            double[] jumpYears = jumpTimes(path);
            int jumpsPassed = 0;
            double priceBrownian = 0;
            double utilizationBrownian = 0;
            double jumpFactor = 1;
            double previousYears = 0;
            double previousDt = Double.NaN;
            double root = 0;
            double sigmaHalfSquared = 0.5 * sigma * sigma;
            for (int m = 1; m <= life; m++) {
                double years = yearsFromValuation[m];
                double dt = years - previousYears;
                previousYears = years;
                if (dt > 0) {
                    if (dt != previousDt) {
                        // Months are equally long after the first, so √dt is worked out once or twice a path.
                        previousDt = dt;
                        root = StrictMath.sqrt(dt);
                    }
                    double z1 = RandomStreams.normal(random);
                    double z2 = RandomStreams.normal(random);
                    priceBrownian += root * z1;
                    utilizationBrownian += root * (pearson * z1 + pearsonComplement * z2);
                    while (jumpsPassed < jumpYears.length && jumpYears[jumpsPassed] <= years) {
                        jumpFactor *= jumpKeep;
                        jumpsPassed++;
                    }
                }
                double shaped = decline == null ? basePrice[m] : startPrice * declineShape;
                declineShape *= declineStep;
                double shock = sigma == 0 ? 1
                        : RandomStreams.exp(sigma * priceBrownian - sigmaHalfSquared * years);
                if (history[m]) {
                    // Realized before the valuation date: the same on every path, whatever the decline drawn.
                    price[m] = basePrice[m];
                    utilization[m] = baseUtilization;
                    continue;
                }
                price[m] = shaped * shock * jumpFactor;
                double logitShift = sigmaU * utilizationBrownian;
                utilization[m] = logitShift == 0 ? baseUtilization
                        : 1 / (1 + RandomStreams.exp(-(logitBaseUtilization + logitShift)));
            }
        }

        /** The path's uniform draw for one range: plain, or within the path's Latin hypercube stratum. */
        private double rangeDraw(SplittableRandom random, int dimension, int path) {
            double v = RandomStreams.uniform(random);
            return strata == null ? v : (strata[dimension][path] + v) / inputs.paths();
        }

        /**
         * The path's jump times in years from the valuation date, in order: a Poisson process over the
         * simulated horizon drawn as its count (by inverting the Poisson distribution) and that many
         * uniform times. It has a stream of its own, so turning jumps on moves no other draw, and it
         * needs no logarithm a jump.
         */
        private double[] jumpTimes(int path) {
            if (jumpCountCumulative == null) {
                return NO_JUMPS;
            }
            SplittableRandom random = RandomStreams.forJumps(inputs.seed(), clusterIndex, path);
            double u = RandomStreams.uniform(random);
            int count = 0;
            while (count < jumpCountCumulative.length - 1 && u > jumpCountCumulative[count]) {
                count++;
            }
            if (count == 0) {
                return NO_JUMPS;
            }
            double[] times = new double[count];
            for (int k = 0; k < count; k++) {
                times[k] = horizonYears * RandomStreams.uniform(random);
            }
            Arrays.sort(times);
            return times;
        }

        double[] netFlowsOfPath(int path) {
            double[] price = new double[life + 1];
            double[] utilization = new double[life + 1];
            double[] factors = new double[RANGE_DIMENSIONS];
            double[] net = new double[life + 1];
            simulate(path, price, utilization, factors);
            netFlows(price, utilization, factors, net);
            return net;
        }

        /** The month's net flows as {@link CashFlowModel} forms them, with this path's price, utilization and factors, into {@code net}. */
        void netFlows(double[] price, double[] utilization, double[] factors, double[] net) {
            net[0] = history[0] ? -capex : -(capex * factors[1]);
            double keptShare = 1 - marketplaceFee;
            for (int m = 1; m <= life; m++) {
                double revenue = uncommittedHours[m] * utilization[m] * keptShare * price[m] + contractRevenue[m];
                double powerCost = history[m] ? power[m] : power[m] * factors[2];
                net[m] = revenue - powerCost - otherOpex[m];
            }
            net[life] += residual;
        }

        /** The path's flags: loss, beating the hurdle, decision flipped. */
        byte outcome(double[] net, double irrValue, double[] price, double[] utilization) {
            boolean loss;
            if (Double.isNaN(irrValue)) {
                double sum = 0;
                for (double flow : net) {
                    sum += flow;
                }
                loss = sum < 0;
            } else {
                loss = irrValue < 0;
            }
            double npvAtHurdle = npvAtValuationDate(hurdleRate, net);
            boolean beats = npvAtHurdle > 0;
            boolean flips = decide(net, npvAtHurdle, ownUse ? marketplaceFeeAtHurdle(price, utilization) : 0) != baseDecision;
            return (byte) ((loss ? LOSS : 0) | (beats ? BEATS_HURDLE : 0) | (flips ? FLIPS : 0));
        }

        double npvAtValuationDate(double annualRate, double[] net) {
            return Returns.npvMonthly(annualRate, net) * Returns.discountFactor(annualRate, offsetMonths / 12.0);
        }

        /**
         * PV at the hurdle of the marketplace fee on the path's market revenue: added back to NPV, it gives the
         * own-use saving (renting the same hours at the path's prices, gross, less the cost of owning them).
         */
        double marketplaceFeeAtHurdle(double[] price, double[] utilization) {
            double fee = 0;
            for (int m = 1; m <= life; m++) {
                fee += uncommittedHours[m] * utilization[m] * marketplaceFee * price[m] * hurdleDiscount[m];
            }
            return fee;
        }

        /**
         * The rule of {@link Decisions}. A planned cluster: BUY when NPV at the hurdle ≥ 0, or for own use when NPV
         * plus the fee's present value (the saving from owning) is. An owned one, judged forward: HOLD unless a sale
         * now is worth more than the flows still to come (capex still due included); RESELL once the life has ended,
         * on every path.
         */
        Decision decide(double[] net, double npvAtHurdle, double feeAtHurdle) {
            if (planned) {
                return npvAtHurdle + feeAtHurdle >= 0 ? Decision.BUY : Decision.RENT;
            }
            if (history[life]) {
                return Decision.RESELL;
            }
            if (saleValue.isEmpty()) {
                return Decision.HOLD;
            }
            return holdValue(net) >= saleValue.getAsDouble() ? Decision.HOLD : Decision.RESELL;
        }

        /** PV at the hurdle rate, at the valuation date, of the path's flows not yet realized (see {@link HoldFigures}). */
        double holdValue(double[] net) {
            double value = 0;
            for (int m = 0; m <= life; m++) {
                if (!history[m]) {
                    value += net[m] * hurdleDiscount[m];
                }
            }
            return value;
        }
    }
}
