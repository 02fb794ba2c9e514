package gpuroi.model;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one workbook describes: assumptions, clusters, contracts and market quotes.
 * Cluster and contract ids are unique; every lessor contract rents out a cluster of the fleet.
 */
public record Portfolio(Assumptions assumptions, List<Cluster> clusters, List<Lease> leases, List<MarketQuote> marketQuotes) {

    public Portfolio {
        Checks.present(Field.ASSUMPTIONS, assumptions);
        clusters = List.copyOf(Checks.present(Field.CLUSTERS, clusters));
        leases = List.copyOf(leases == null ? List.of() : leases);
        marketQuotes = List.copyOf(marketQuotes == null ? List.of() : marketQuotes);
        Set<String> clusterIds = new HashSet<>();
        for (Cluster c : clusters) {
            if (!clusterIds.add(c.id())) {
                throw new InvalidValueException(Field.CLUSTER_ID, c.id(), "a cluster id used only once");
            }
        }
        Set<String> contractIds = new HashSet<>();
        for (Lease l : leases) {
            if (!contractIds.add(l.contractId())) {
                throw new InvalidValueException(Field.CONTRACT_ID, l.contractId(), "a contract id used only once");
            }
            if (l.role() == LeaseRole.LESSOR && !clusterIds.contains(l.clusterId().orElseThrow())) {
                throw new InvalidValueException(Field.CLUSTER_ID, l.clusterId().orElseThrow(), "the id of a cluster in the fleet");
            }
        }
        for (Cluster c : clusters) {
            checkContractedCapacity(c, leases);
        }
        for (int i = 0; i < marketQuotes.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (marketQuotes.get(i).isFor(marketQuotes.get(j).gpuModel())) {
                    throw new InvalidValueException(Field.GPU_MODEL, marketQuotes.get(i).gpuModel(), "one Market row per GPU model");
                }
            }
        }
    }

    /** Lessor contracts running on the same day may together rent out at most the cluster's GPUs. */
    private static void checkContractedCapacity(Cluster cluster, List<Lease> leases) {
        Optional<Overbooking> overbooking = overbooking(cluster, leases);
        if (overbooking.isPresent()) {
            throw overbooking.get().problem();
        }
    }

    /**
     * Lessor contracts of one cluster that, on the first day of {@code starting}, together rent out
     * {@code gpus}, more GPUs than the cluster has.
     *
     * @param running every contract running that day, {@code starting} among them, in contract order
     */
    public record Overbooking(Cluster cluster, Lease starting, List<Lease> running, int gpus) {
        public InvalidValueException problem() {
            return new InvalidValueException(Field.CONTRACTED_GPUS,
                    gpus + " GPUs of cluster " + cluster.id() + " on " + starting.startDate() + " (contracts "
                            + String.join(", ", running.stream().map(Lease::contractId).toList()) + ")",
                    "at most the " + cluster.gpuCount() + " GPUs of the cluster under contract at any time");
        }
    }

    /**
     * The first overbooking of the cluster by its lessor contracts, in contract order, so that a reader can
     * name it at the contract's own cells before the portfolio refuses it; empty when the contracts fit.
     */
    public static Optional<Overbooking> overbooking(Cluster cluster, List<Lease> leases) {
        List<Lease> out = leases.stream()
                .filter(l -> l.role() == LeaseRole.LESSOR && l.clusterId().orElseThrow().equals(cluster.id()))
                .toList();
        for (Lease first : out) {
            // The most GPUs are committed on some contract's first day.
            LocalDate day = first.startDate();
            List<Lease> running = out.stream()
                    .filter(l -> !l.startDate().isAfter(day) && !l.endDate().isBefore(day))
                    .toList();
            int gpus = running.stream().mapToInt(Lease::gpuCount).sum();
            if (gpus > cluster.gpuCount()) {
                return Optional.of(new Overbooking(cluster, first, running, gpus));
            }
        }
        return Optional.empty();
    }

    public Optional<Cluster> cluster(String id) {
        return clusters.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The Market row for a GPU model, matched leniently ("h100" finds "H100 SXM"). */
    public Optional<MarketQuote> quoteFor(String gpuModel) {
        return marketQuotes.stream().filter(q -> q.isFor(gpuModel)).findFirst();
    }
}
