package gpuroi.report;

import gpuroi.engine.ContractAnalysis;
import gpuroi.engine.PortfolioAnalysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Which cluster and contract memos a run renders. A fleet of thousands would spend most of its run on PDFs nobody reads
 * one by one, so by default only the {@value #DEFAULT_CAP} with the most money at stake get one: a cluster's capex
 * (GPUs × capex per GPU), a contract's total value (GPUs × rate × hours × term), largest first, ties in input order.
 * The rest are named in the portfolio memo and the ROI Notes sheet; {@code --memos all} renders every one.
 *
 * @param cap            at most this many cluster and contract memos; empty for all
 * @param clusters       per cluster in input order, whether it gets a memo
 * @param contracts      per lessee contract in input order, whether it gets a memo
 * @param leftOut        the ids of the clusters and contracts without a memo, clusters first, each in input order
 */
public record MemoSelection(OptionalInt cap, List<Boolean> clusters, List<Boolean> contracts, List<String> leftOut) {
    /** Cluster and contract memos rendered by default; the portfolio memo is always rendered. */
    public static final int DEFAULT_CAP = 50;

    public MemoSelection {
        clusters = List.copyOf(clusters);
        contracts = List.copyOf(contracts);
        leftOut = List.copyOf(leftOut);
    }

    /** Every memo. */
    public static MemoSelection all(PortfolioAnalysis portfolio) {
        return choose(portfolio, OptionalInt.empty());
    }

    /** The memos of the {@code cap} clusters and contracts with the most money at stake (every one when {@code cap} is empty). */
    public static MemoSelection choose(PortfolioAnalysis portfolio, OptionalInt cap) {
        int clusterCount = portfolio.clusters().size();
        List<ContractAnalysis> contractList = portfolio.contracts();
        int total = clusterCount + contractList.size();
        List<Boolean> chosen = new ArrayList<>(java.util.Collections.nCopies(total, Boolean.TRUE));
        if (cap.isPresent() && cap.getAsInt() < total) {
            List<Integer> ranked = new ArrayList<>(total);
            double[] atStake = new double[total];
            for (int i = 0; i < total; i++) {
                ranked.add(i);
                atStake[i] = i < clusterCount ? portfolio.clusters().get(i).cluster().totalCapex()
                        : contractList.get(i - clusterCount).contract().totalContractValue();
            }
            // Stable sort: equal amounts keep input order, clusters before contracts.
            ranked.sort(Comparator.comparingDouble((Integer i) -> atStake[i]).reversed());
            for (int r = cap.getAsInt(); r < total; r++) {
                chosen.set(ranked.get(r), Boolean.FALSE);
            }
        }
        List<String> leftOut = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            if (!chosen.get(i)) {
                leftOut.add(i < clusterCount ? portfolio.clusters().get(i).cluster().id()
                        : contractList.get(i - clusterCount).contract().contractId());
            }
        }
        return new MemoSelection(cap, chosen.subList(0, clusterCount), chosen.subList(clusterCount, total), leftOut);
    }

    /**
     * {@code all} or a whole number of memos of at least 0, as {@code --memos} takes it; empty for all.
     *
     * @throws IllegalArgumentException naming what was found and what is expected
     */
    public static OptionalInt parseCap(String text) {
        String t = text.strip();
        if (t.equalsIgnoreCase("all")) {
            return OptionalInt.empty();
        }
        try {
            int n = Integer.parseInt(t);
            if (n >= 0) {
                return OptionalInt.of(n);
            }
        } catch (NumberFormatException e) {
            // Falls through to the message below.
        }
        throw new IllegalArgumentException("memos '" + text + "': expected 'all' or a whole number of cluster and contract memos"
                + " from 0 up, e.g. --memos 50 or --memos all");
    }

    public boolean complete() {
        return leftOut.isEmpty();
    }

    /** Why these have no memo and how to get them, for the portfolio memo, the ROI Notes and the console. */
    public String reason() {
        return String.format(Locale.US, "this run renders memos only for the %,d clusters and contracts with the most money at stake"
                + " (capex, contract value; %,d unless --memos says otherwise); run with --memos all for every memo",
                cap.orElse(0), DEFAULT_CAP);
    }
}
