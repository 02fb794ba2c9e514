package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.PricePath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The month-by-month case of {@code shared/spec/worked-example.md}, every figure of which was
 * computed independently of this code. Expected values are copied from that document.
 */
public class WorkedExampleTest {
    static final LocalDate VALUATION = LocalDate.of(2026, 1, 1);

    /** The inputs of the worked example, for any test that needs that cluster (under any id). */
    public static Cluster.Builder workedExample(String id) {
        return Cluster.builder(id)
                .gpuModel("H100 SXM")
                .gpuCount(1)
                .capexPerGpu(20_000)
                .lifeYears(2)
                .status(ClusterStatus.PLANNED)
                .startPricePerGpuHour(2.00)
                .pricePath(new PricePath.Blended(0.5, 2))
                .utilization(0.80)
                .powerKwPerGpu(1.0)
                .pue(1.25)
                .electricityPerKwh(0.10)
                .otherOpexPerGpuMonth(20)
                .residualShare(0.10);
    }

    static Cluster workedExample() {
        return workedExample("worked-example").build();
    }

    static ClusterAnalysis analysis() {
        return RoiEngine.analyze(workedExample(), Assumptions.defaults(VALUATION));
    }

    /** Rows of the document's table: m, price, revenue, net, cumulative. */
    static final double[][] TABLE = {
        {1, 1.979167, 1155.8333, 1044.5833, -18955.4167},
        {2, 1.937500, 1131.5000, 1020.2500, -17935.1667},
        {3, 1.895833, 1107.1667, 995.9167, -16939.2500},
        {4, 1.854167, 1082.8333, 971.5833, -15967.6667},
        {5, 1.812500, 1058.5000, 947.2500, -15020.4167},
        {6, 1.770833, 1034.1667, 922.9167, -14097.5000},
        {7, 1.729167, 1009.8333, 898.5833, -13198.9167},
        {8, 1.687500, 985.5000, 874.2500, -12324.6667},
        {9, 1.645833, 961.1667, 849.9167, -11474.7500},
        {10, 1.604167, 936.8333, 825.5833, -10649.1667},
        {11, 1.562500, 912.5000, 801.2500, -9847.9167},
        {12, 1.520833, 888.1667, 776.9167, -9071.0000},
        {13, 1.479167, 863.8333, 752.5833, -8318.4167},
        {14, 1.437500, 839.5000, 728.2500, -7590.1667},
        {15, 1.395833, 815.1667, 703.9167, -6886.2500},
        {16, 1.354167, 790.8333, 679.5833, -6206.6667},
        {17, 1.312500, 766.5000, 655.2500, -5551.4167},
        {18, 1.270833, 742.1667, 630.9167, -4920.5000},
        {19, 1.229167, 717.8333, 606.5833, -4313.9167},
        {20, 1.187500, 693.5000, 582.2500, -3731.6667},
        {21, 1.145833, 669.1667, 557.9167, -3173.7500},
        {22, 1.104167, 644.8333, 533.5833, -2640.1667},
        {23, 1.062500, 620.5000, 509.2500, -2130.9167},
        {24, 1.020833, 596.1667, 2484.9167, 354.0000},
    };

    @Test
    void everyMonthOfTheScheduleMatchesTheDocumentToTheCent() {
        List<MonthlyCashFlow> months = analysis().schedule().months();
        assertThat(months).hasSize(25);
        assertThat(months.get(0).net()).isEqualTo(-20_000.0);
        assertThat(months.get(0).cumulative()).isEqualTo(-20_000.0);
        for (double[] row : TABLE) {
            MonthlyCashFlow month = months.get((int) row[0]);
            assertThat(month.pricePerGpuHour()).as("price m=%s", row[0]).isCloseTo(row[1], within(5e-7));
            assertThat(month.revenue()).as("revenue m=%s", row[0]).isCloseTo(row[2], within(5e-5));
            assertThat(month.power()).as("power m=%s", row[0]).isCloseTo(91.25, within(1e-9));
            assertThat(month.otherOpex()).as("other opex m=%s", row[0]).isCloseTo(20.00, within(1e-9));
            assertThat(month.residual()).as("residual m=%s", row[0]).isCloseTo(row[0] == 24 ? 2000 : 0, within(1e-9));
            assertThat(month.net()).as("net m=%s", row[0]).isCloseTo(row[3], within(5e-5));
            assertThat(month.cumulative()).as("cumulative m=%s", row[0]).isCloseTo(row[4], within(5e-4));
        }
    }

    @Test
    void headlineMetricsMatchTheDocument() {
        ClusterMetrics m = analysis().metrics();
        assertThat(m.irr().annualRate().getAsDouble()).isCloseTo(0.0173859500, within(1e-9));
        assertThat(m.npv()).isCloseTo(-1501.220218, within(1501.220218 * 1e-7));
        assertThat(m.npvAtHurdle()).isCloseTo(-1501.220218, within(1501.220218 * 1e-7));
        assertThat(m.paybackMonths().getAsDouble()).isCloseTo(23.857540, within(1e-6));
        assertThat(m.discountedPaybackMonths()).isEmpty();
        assertThat(m.moic().getAsDouble()).isCloseTo(1.017700, within(1e-6));
        assertThat(m.annualizedTotalReturn().getAsDouble()).isCloseTo(0.008811, within(1e-6));
    }

    @Test
    void levelizedCostAndBreakEvensMatchTheDocument() {
        ClusterMetrics m = analysis().metrics();
        assertThat(m.levelizedCostPerGpuHour().getAsDouble()).isCloseTo(1.633956, within(1e-6));
        assertThat(m.levelizedPricePerGpuHour().getAsDouble()).isCloseTo(1.515848, within(1e-6));
        assertThat(m.breakEvenStartPrice().getAsDouble()).isCloseTo(2.155832, within(1e-6));
        assertThat(m.breakEvenStartPriceZeroIrr().getAsDouble()).isCloseTo(1.966324, within(1e-6));
        assertThat(m.breakEvenUtilization().getAsDouble()).isCloseTo(0.862333, within(1e-6));
    }

    @Test
    void theDecisionIsRentWithTheNumbersInItsReason() {
        Recommendation r = analysis().recommendation();
        assertThat(r.decision()).isEqualTo(Decision.RENT);
        assertThat(r.reason())
                .contains("IRR 1.7%")
                .contains("10.0% hurdle")
                .contains("−$1,501")
                .contains("$1.63")
                .contains("$1.52")
                .contains("$2.16")
                .contains("86.2%");
    }
}
