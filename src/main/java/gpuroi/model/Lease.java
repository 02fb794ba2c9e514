package gpuroi.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One rental contract. Money is in the portfolio currency.
 *
 * @param contractId          unique name of the contract
 * @param role                lessor (we rent our cluster out) or lessee (we rent from a provider)
 * @param clusterId           the cluster a lessor contract rents out; empty for a lessee contract
 * @param counterparty        who is on the other side, when known
 * @param gpuModel            e.g. "H100 SXM"
 * @param gpuCount            GPUs under contract (≥ 1)
 * @param ratePerGpuHour      contract price per GPU-hour
 * @param startDate           first day of the contract
 * @param termMonths          length of the contract in months
 * @param prepaidShare        share of the total contract value paid up front, 0..1
 * @param gpusNeeded          GPUs the lessee actually uses; the rest may be resold or left idle
 * @param resaleAllowed       whether the lessee may resell (sublease) unused capacity
 * @param terminationFee      total fee to end the contract early; empty when it cannot be ended
 */
public record Lease(
        String contractId,
        LeaseRole role,
        Optional<String> clusterId,
        Optional<String> counterparty,
        String gpuModel,
        int gpuCount,
        double ratePerGpuHour,
        LocalDate startDate,
        int termMonths,
        double prepaidShare,
        int gpusNeeded,
        boolean resaleAllowed,
        OptionalDouble terminationFee) {

    public static final int MAX_TERM_MONTHS = 600;
    /**
     * Every field a contract's validation can refuse, so that its reader (the Leases sheet) can be checked
     * to point every one of them at its own cell.
     */
    public static final Set<Field> FIELDS = Collections.unmodifiableSet(EnumSet.of(Field.CONTRACT_ID, Field.ROLE,
            Field.CLUSTER_ID, Field.GPU_MODEL, Field.GPU_COUNT, Field.RATE_PER_GPU_HOUR, Field.START_DATE, Field.TERM,
            Field.PREPAID_SHARE, Field.GPUS_NEEDED, Field.TERMINATION_FEE));

    public Lease {
        clusterId = Objects.requireNonNullElse(clusterId, Optional.<String>empty()).map(String::strip).filter(s -> !s.isEmpty());
        counterparty = Objects.requireNonNullElse(counterparty, Optional.<String>empty()).map(String::strip).filter(s -> !s.isEmpty());
        terminationFee = Objects.requireNonNullElse(terminationFee, OptionalDouble.empty());
        String rawId = contractId;
        String rawModel = gpuModel;
        Optional<String> cluster = clusterId;
        OptionalDouble fee = terminationFee;
        Checks.all(
                () -> Checks.text(Field.CONTRACT_ID, rawId),
                () -> Checks.present(Field.ROLE, role),
                () -> {
                    if (role == LeaseRole.LESSOR && cluster.isEmpty()) {
                        throw new InvalidValueException(Field.CLUSTER_ID, null, "the id of the Fleet cluster a lessor contract rents out");
                    }
                },
                () -> Checks.text(Field.GPU_MODEL, rawModel),
                () -> {
                    if (gpuCount < 1) {
                        throw new InvalidValueException(Field.GPU_COUNT, gpuCount, "a whole number of GPUs ≥ 1");
                    }
                },
                () -> Checks.nonNegative(Field.RATE_PER_GPU_HOUR, ratePerGpuHour),
                () -> Checks.present(Field.START_DATE, startDate),
                () -> {
                    if (termMonths < 1 || termMonths > MAX_TERM_MONTHS) {
                        throw new InvalidValueException(Field.TERM, termMonths + " months", "1 to " + MAX_TERM_MONTHS + " months");
                    }
                },
                () -> Checks.between(Field.PREPAID_SHARE, prepaidShare, 0, 1, "a share of the contract value from 0% to 100%"),
                () -> {
                    if (gpusNeeded < 0 || gpusNeeded > gpuCount) {
                        throw new InvalidValueException(Field.GPUS_NEEDED, gpusNeeded, "0 to the " + gpuCount + " GPUs under contract");
                    }
                },
                () -> {
                    if (fee.isPresent()) {
                        Checks.nonNegative(Field.TERMINATION_FEE, fee.getAsDouble());
                    }
                });
        contractId = contractId.strip();
        gpuModel = gpuModel.strip();
    }

    /** The last day covered by the contract. */
    public LocalDate endDate() {
        return startDate.plusMonths(termMonths).minusDays(1);
    }

    /** GPUs paid for but not needed: what a lessee could resell. Always 0 for a lessor. */
    public int idleGpus() {
        return role == LeaseRole.LESSEE ? gpuCount - gpusNeeded : 0;
    }

    /** Rate × GPUs × 730 h × term: what the contract is worth at full billing. */
    public double totalContractValue() {
        return ratePerGpuHour * gpuCount * 730.0 * termMonths;
    }
}
