package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cancellation;
import gpuroi.model.Lease;
import gpuroi.model.RiskInputs;
import gpuroi.model.Sampler;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Monte Carlo over the contracts we rent in: the market price of each contract's GPU model follows
 * {@link RiskInputs}' price process around its {@link MarketPrice} path (lognormal shock with the mean kept
 * on the path, downward jumps, and when a decline range is given a geometric decline drawn per path in
 * place of the path's shape), and each path prices KEEP, RESELL_CAPACITY and TERMINATE as
 * {@link LeaseAnalyzer} does. Utilization, capex and power do not enter a lessee contract's costs.
 *
 * <p>Streams: contract k (in the order of {@code contracts}) draws from the streams of index
 * {@code firstStreamIndex + k}; a portfolio passes its cluster count, so the contracts' streams come after
 * every cluster's and never overlap them. Per path: one uniform for the decline range, then one normal
 * per market month; jumps from their own stream. Paths run in parallel and land by index, so threads
 * never change a figure. With no uncertainty every path's costs equal the deterministic ones to the last bit.
 */
public final class ContractMonteCarlo {
    private ContractMonteCarlo() {
    }

    /** Every analysed contract's profile, in order; contract k uses stream index {@code firstStreamIndex + k}. */
    public static List<ContractRiskProfile> analyze(List<ContractAnalysis> contracts, Assumptions assumptions, RiskInputs inputs,
                                                    int firstStreamIndex) {
        Thread owner = Thread.currentThread();
        return IntStream.range(0, contracts.size()).parallel()
                .mapToObj(k -> analyze(contracts.get(k), assumptions, inputs, firstStreamIndex + k, owner))
                .toList();
    }

    public static ContractRiskProfile analyze(ContractAnalysis base, Assumptions assumptions, RiskInputs inputs, int streamIndex) {
        return analyze(base, assumptions, inputs, streamIndex, Thread.currentThread());
    }

    /** {@code owner}: the thread whose interrupt stops the run (the caller's, also when this runs on a pool thread). */
    private static ContractRiskProfile analyze(ContractAnalysis base, Assumptions assumptions, RiskInputs inputs, int streamIndex,
                                               Thread owner) {
        Setup setup = new Setup(base, assumptions, inputs, streamIndex);
        int n = inputs.paths();
        double[] keep = new double[n];
        double[] resell = new double[n];
        double[] terminate = new double[n];
        int blocks = (n + 255) / 256;
        IntStream.range(0, blocks).parallel().forEach(block -> {
            double[] shock = new double[setup.lastMarketMonth + 1];
            double[] shape = new double[setup.lastMarketMonth + 1];
            Cancellation.check(owner, "simulating contract " + base.contract().contractId());
            for (int i = block * 256; i < Math.min(n, (block + 1) * 256); i++) {
                setup.simulate(i, shape, shock);
                setup.cost(shape, shock, i, keep, resell, terminate);
            }
        });
        return summarize(setup, keep, resell, terminate);
    }

    private static ContractRiskProfile summarize(Setup setup, double[] keep, double[] resell, double[] terminate) {
        int n = keep.length;
        ContractDecision decided = setup.base.decision();
        double[] chosen = new double[n];
        double[] advantage = setup.otherOptionOpen() ? new double[n] : null;
        Map<ContractDecision, Integer> best = new EnumMap<>(ContractDecision.class);
        int flips = 0;
        int losses = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double[] costs = {keep[i], resell[i], terminate[i]};
            ContractDecision cheapest = cheapest(costs);
            best.merge(cheapest, 1, Integer::sum);
            flips += cheapest != decided ? 1 : 0;
            chosen[i] = costs[decided.ordinal()];
            total += chosen[i];
            losses += chosen[i] > keep[i] ? 1 : 0;
            if (advantage != null) {
                double other = Double.POSITIVE_INFINITY;
                for (ContractDecision d : ContractDecision.values()) {
                    if (d != decided && !Double.isNaN(costs[d.ordinal()])) {
                        other = Math.min(other, costs[d.ordinal()]);
                    }
                }
                advantage[i] = other - chosen[i];
            }
        }
        double[] sorted = chosen.clone();
        Arrays.sort(sorted);
        int tail = Math.max(1, (int) Math.ceil(RiskProfile.TAIL_SHARE * n));
        double tailSum = 0;
        for (int i = n - tail; i < n; i++) {
            tailSum += sorted[i];
        }
        Optional<RiskProfile.Percentiles> advantagePercentiles = Optional.empty();
        if (advantage != null) {
            Arrays.sort(advantage);
            advantagePercentiles = Optional.of(RiskProfile.Percentiles.ofSorted(advantage));
        }
        Map<ContractDecision, Double> shares = new EnumMap<>(ContractDecision.class);
        best.forEach((d, count) -> shares.put(d, (double) count / n));
        RiskInputs inputs = setup.inputs;
        return new ContractRiskProfile(setup.base.contract().contractId(), n, inputs.seed(), inputs.sampler(), decided,
                setup.base.chosenCost(), RiskProfile.Percentiles.ofSorted(sorted), total / n, tailSum / tail,
                advantagePercentiles, (double) flips / n, shares,
                decided == ContractDecision.KEEP ? OptionalDouble.empty() : OptionalDouble.of((double) losses / n));
    }

    /** The cheapest open option (NaN: closed); ties to KEEP, then RESELL_CAPACITY, as {@link LeaseAnalyzer} decides. */
    private static ContractDecision cheapest(double[] costs) {
        ContractDecision decision = ContractDecision.KEEP;
        double best = costs[0];
        if (!Double.isNaN(costs[1]) && costs[1] < best) {
            decision = ContractDecision.RESELL_CAPACITY;
            best = costs[1];
        }
        if (!Double.isNaN(costs[2]) && costs[2] < best) {
            decision = ContractDecision.TERMINATE;
        }
        return decision;
    }

    /** The contract's remaining payments and their market months, fixed before the parallel part. */
    private static final class Setup {
        final ContractAnalysis base;
        final RiskInputs inputs;
        final int streamIndex;
        final double keepCost;
        final double p0;
        final boolean resellOpen;
        final boolean terminateOpen;
        final double fee;
        final double idleHoursKept;
        final double neededHours;
        /** Per remaining payment: its market month and (1 + hurdle)^(−years). */
        final int[] marketMonth;
        final double[] discount;
        final int lastMarketMonth;
        final double[] baseShape;
        final RangeQuantile decline;
        final int[] strata;
        final double[] jumpCountCumulative;
        final double horizonYears;

        Setup(ContractAnalysis base, Assumptions assumptions, RiskInputs inputs, int streamIndex) {
            this.base = base;
            this.inputs = inputs;
            this.streamIndex = streamIndex;
            Lease contract = base.contract();
            MarketPrice market = base.marketPrice();
            keepCost = base.keepCost();
            p0 = market.startPricePerGpuHour();
            resellOpen = base.resellCapacityCost().isPresent();
            terminateOpen = base.terminateCost().isPresent();
            fee = contract.terminationFee().orElse(0);
            idleHoursKept = contract.idleGpus() * CashFlowModel.HOURS_PER_MONTH
                    * ((1 - assumptions.marketplaceFee()) * (1 - assumptions.resaleDiscount()));
            neededHours = contract.gpusNeeded() * CashFlowModel.HOURS_PER_MONTH;
            double offset = CashFlowModel.monthsBetween(assumptions.valuationDate(), contract.startDate());
            int[] months = new int[contract.termMonths()];
            double[] factors = new double[contract.termMonths()];
            int count = 0;
            int last = 0;
            for (int i = 1; i <= contract.termMonths(); i++) {
                if (Timing.isHistory(contract.startDate().plusMonths(i), assumptions.valuationDate())) {
                    continue;
                }
                double monthsFromValuation = offset + i;
                months[count] = Timing.marketMonth(monthsFromValuation);
                factors[count] = Returns.discountFactor(assumptions.hurdleRate(), monthsFromValuation / 12.0);
                last = Math.max(last, months[count]);
                count++;
            }
            marketMonth = Arrays.copyOf(months, count);
            discount = Arrays.copyOf(factors, count);
            lastMarketMonth = last;
            baseShape = new double[last + 1];
            for (int j = 1; j <= last; j++) {
                baseShape[j] = market.path().factorForMonth(j);
            }
            decline = inputs.annualDecline().map(RangeQuantile::cached).orElse(null);
            strata = inputs.sampler() == Sampler.LATIN_HYPERCUBE ? strata(inputs, streamIndex) : null;
            horizonYears = (last - 0.5) / 12;
            jumpCountCumulative = inputs.jumpsPerYear() > 0 && last > 0
                    ? MonteCarlo.poissonCumulative(inputs.jumpsPerYear() * horizonYears) : null;
        }

        boolean otherOptionOpen() {
            return switch (base.decision()) {
                case KEEP -> resellOpen || terminateOpen;
                case RESELL_CAPACITY, TERMINATE -> true;
            };
        }

        private static int[] strata(RiskInputs inputs, int streamIndex) {
            return RandomStreams.permutation(RandomStreams.forPath(inputs.seed(), streamIndex, -1L), inputs.paths());
        }

        /**
         * The path's price shape and shock multiplier by market month j (price = p0 · shape · shock), with
         * month j priced at its midpoint (j − 0.5)/12 years from the valuation date.
         */
        void simulate(int path, double[] shape, double[] shock) {
            SplittableRandom random = RandomStreams.forPath(inputs.seed(), streamIndex, path);
            double u = RandomStreams.uniform(random);
            if (strata != null) {
                u = (strata[path] + u) / inputs.paths();
            }
            double sigma = inputs.annualPriceVolatility();
            double declineStep = 1;
            double declineShape = 1;
            if (decline != null) {
                double logKept = StrictMath.log1p(-decline.at(u));
                declineStep = RandomStreams.exp(logKept / 12);
                declineShape = RandomStreams.exp(logKept * (0.5 / 12));
            }
            double[] jumpYears = jumpTimes(path);
            int jumpsPassed = 0;
            double jumpFactor = 1;
            double keep = 1 - inputs.jumpDrop();
            double brownian = 0;
            double previousYears = 0;
            for (int j = 1; j <= lastMarketMonth; j++) {
                double years = (j - 0.5) / 12;
                brownian += StrictMath.sqrt(years - previousYears) * RandomStreams.normal(random);
                previousYears = years;
                while (jumpsPassed < jumpYears.length && jumpYears[jumpsPassed] <= years) {
                    jumpFactor *= keep;
                    jumpsPassed++;
                }
                shape[j] = decline == null ? baseShape[j] : declineShape;
                declineShape *= declineStep;
                double lognormal = sigma == 0 ? 1 : RandomStreams.exp(sigma * brownian - 0.5 * sigma * sigma * years);
                shock[j] = lognormal * jumpFactor;
            }
        }

        private double[] jumpTimes(int path) {
            if (jumpCountCumulative == null) {
                return new double[0];
            }
            SplittableRandom random = RandomStreams.forJumps(inputs.seed(), streamIndex, path);
            double u = RandomStreams.uniform(random);
            int count = 0;
            while (count < jumpCountCumulative.length - 1 && u > jumpCountCumulative[count]) {
                count++;
            }
            double[] times = new double[count];
            for (int k = 0; k < count; k++) {
                times[k] = horizonYears * RandomStreams.uniform(random);
            }
            Arrays.sort(times);
            return times;
        }

        /** The three options' present costs on this path, in {@link LeaseAnalyzer}'s arithmetic (NaN: closed). */
        void cost(double[] shape, double[] shock, int path, double[] keep, double[] resell, double[] terminate) {
            double resaleIncomePerPriceUnit = 0;
            double replacementRentPerPriceUnit = 0;
            for (int k = 0; k < marketMonth.length; k++) {
                int j = marketMonth[k];
                double price = shape[j] * shock[j];
                resaleIncomePerPriceUnit += idleHoursKept * price * discount[k];
                replacementRentPerPriceUnit += neededHours * price * discount[k];
            }
            keep[path] = keepCost;
            resell[path] = resellOpen ? keepCost - p0 * resaleIncomePerPriceUnit : Double.NaN;
            terminate[path] = terminateOpen ? fee + p0 * replacementRentPerPriceUnit : Double.NaN;
        }
    }
}
