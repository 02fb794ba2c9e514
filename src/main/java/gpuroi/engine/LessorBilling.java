package gpuroi.engine;

import gpuroi.model.Lease;

import java.util.ArrayList;
import java.util.List;

/**
 * What one lessor contract bills its cluster, on the cluster's schedule: the contract covers the cluster months
 * whose midpoint lies in its term ({@link CashFlowModel}), and each covered month bills rate × GPUs × 730,
 * prepaid or not. Months outside the cluster's life bill nothing here.
 *
 * @param contract       the contract
 * @param coveredMonths  cluster months the contract covers
 * @param revenue        rate × GPUs × 730 × covered months: everything the contract bills over the cluster's life,
 *                       its prepayment included (no marketplace fee: billed directly)
 */
public record LessorBilling(Lease contract, int coveredMonths, double revenue) {

    /** One entry per lessor contract of the schedule, in the schedule's order. */
    public static List<LessorBilling> of(CashFlowSchedule schedule) {
        List<LessorBilling> out = new ArrayList<>();
        int life = schedule.cluster().lifeMonths();
        for (Lease contract : schedule.lessorContracts()) {
            int covered = 0;
            for (int m = 1; m <= life; m++) {
                covered += CashFlowModel.covers(contract, schedule.startDate(), m) ? 1 : 0;
            }
            double monthlyValue = contract.ratePerGpuHour() * contract.gpuCount() * CashFlowModel.HOURS_PER_MONTH;
            out.add(new LessorBilling(contract, covered, monthlyValue * covered));
        }
        return out;
    }
}
