package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.ClusterStatus;
import gpuroi.model.PricePath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A cluster bought 18 months before the valuation date. Its flows are written out by hand from the
 * conventions; NPV, remaining value and the HOLD/RESELL flip are then closed forms of them.
 */
class OwnedClusterTest {
    static final LocalDate PURCHASE = LocalDate.of(2024, 3, 15);
    static final LocalDate VALUATION = LocalDate.of(2025, 9, 15);
    static final int OFFSET_MONTHS = 18;
    static final int GPUS = 8;
    static final int LIFE = 36;
    static final double CAPEX_PER_GPU = 30_000;
    static final double DISCOUNT = 0.09;
    static final double HURDLE = 0.11;
    static final double RESALE_FEE = 0.05;

    static Cluster.Builder owned() {
        return Cluster.builder("owned-h100")
                .status(ClusterStatus.OWNED)
                .startDate(PURCHASE)
                .gpuCount(GPUS)
                .capexPerGpu(CAPEX_PER_GPU)
                .lifeMonths(LIFE)
                .startPricePerGpuHour(2.50)
                .pricePath(new PricePath.Blended(0.5, 3))
                .utilization(0.8)
                .powerKwPerGpu(1.0)
                .pue(1.2)
                .electricityPerKwh(0.09)
                .otherOpexPerGpuMonth(50)
                .residualShare(0.15);
    }

    static Assumptions assumptions() {
        return new Assumptions(VALUATION, "USD", DISCOUNT, HURDLE, PricePath.ARTICLE_BLENDED, 0, RESALE_FEE);
    }

    /** net_m = 8·730·0.8·2.50·(1 − 0.5·t/3) − 8·1.0·1.2·730·0.09 − 8·50 (+ 15% of capex at m = 36). */
    static double[] handFlows() {
        double[] flows = new double[LIFE + 1];
        flows[0] = -GPUS * CAPEX_PER_GPU;
        for (int m = 1; m <= LIFE; m++) {
            double t = (m - 0.5) / 12;
            flows[m] = GPUS * 730 * 0.8 * 2.50 * (1 - 0.5 * t / 3) - GPUS * 1.0 * 1.2 * 730 * 0.09 - GPUS * 50
                    + (m == LIFE ? 0.15 * GPUS * CAPEX_PER_GPU : 0);
        }
        return flows;
    }

    /** Σ over months from the valuation date on of net_m·(1 + R)^(−(m − 18)/12). */
    static double handRemaining(double[] flows, double annualRate) {
        double sum = 0;
        for (int m = OFFSET_MONTHS; m <= LIFE; m++) {
            sum += flows[m] * Math.pow(1 + annualRate, -(m - OFFSET_MONTHS) / 12.0);
        }
        return sum;
    }

    static String dollars(double amount) {
        return (amount < 0 ? "−$" : "$") + String.format(Locale.US, "%,d", Math.round(Math.abs(amount)));
    }

    @Test
    void theScheduleIsTheHandWrittenFlows() {
        double[] engine = RoiEngine.analyze(owned().build(), assumptions()).schedule().netFlows();
        double[] hand = handFlows();
        for (int m = 0; m <= LIFE; m++) {
            assertThat(engine[m]).as("month %d", m).isCloseTo(hand[m], within(1e-9));
        }
    }

    @Test
    void monthsBeforeTheValuationDateAreFlaggedAsHistory() {
        List<MonthlyCashFlow> months = RoiEngine.analyze(owned().build(), assumptions()).schedule().months();
        for (MonthlyCashFlow month : months) {
            assertThat(month.date()).isEqualTo(PURCHASE.plusMonths(month.month()));
            assertThat(month.history()).as("month %d", month.month()).isEqualTo(month.month() < OFFSET_MONTHS);
        }
        assertThat(RoiEngine.analyze(owned().build(), assumptions()).schedule().offsetMonths()).isEqualTo(-OFFSET_MONTHS);
    }

    @Test
    void npvAtTheValuationDateIsNpvAtPurchaseCompoundedForwardEighteenMonths() {
        double[] flows = handFlows();
        double atPurchase = 0;
        for (int m = 0; m <= LIFE; m++) {
            atPurchase += flows[m] * Math.pow(1 + DISCOUNT, -m / 12.0);
        }
        double expected = atPurchase * Math.pow(1 + DISCOUNT, OFFSET_MONTHS / 12.0);
        ClusterMetrics m = RoiEngine.analyze(owned().build(), assumptions()).metrics();
        assertThat(m.npv()).isCloseTo(expected, within(1e-9 * GPUS * CAPEX_PER_GPU));
        // History months carry discount factors above 1: they compound forward to the valuation date.
        MonthlyCashFlow first = RoiEngine.analyze(owned().build(), assumptions()).schedule().months().get(1);
        assertThat(first.discountFactor()).isCloseTo(Math.pow(1 + DISCOUNT, 17 / 12.0), within(1e-12));
    }

    @Test
    void remainingValueCountsOnlyTheMonthsFromTheValuationDateOnAtTheHurdle() {
        ClusterMetrics m = RoiEngine.analyze(owned().build(), assumptions()).metrics();
        assertThat(m.remainingValueAtHurdle()).isCloseTo(handRemaining(handFlows(), HURDLE), within(1e-9));
    }

    @Test
    void changingHistoryChangesNpvButNotTheRemainingValue() {
        // Same prices from month 18 on; in the first 18 months one path pays 40% more.
        List<Double> base = new ArrayList<>();
        List<Double> richerPast = new ArrayList<>();
        for (int m = 1; m <= LIFE; m++) {
            double f = 1 - 0.5 * ((m - 0.5) / 12) / 3;
            base.add(f);
            richerPast.add(m < OFFSET_MONTHS ? 1.4 * f : f);
        }
        ClusterMetrics a = RoiEngine.analyze(owned().pricePath(new PricePath.Custom(PricePath.Custom.Step.MONTHLY, base)).build(), assumptions()).metrics();
        ClusterMetrics b = RoiEngine.analyze(owned().pricePath(new PricePath.Custom(PricePath.Custom.Step.MONTHLY, richerPast)).build(), assumptions()).metrics();
        assertThat(b.npv()).isGreaterThan(a.npv());
        assertThat(b.remainingValueAtHurdle()).isCloseTo(a.remainingValueAtHurdle(), within(1e-9));
        assertThat(a.remainingValueAtHurdle()).isCloseTo(handRemaining(handFlows(), HURDLE), within(1e-6));
    }

    @Test
    void breakEvenSecondaryPriceIsTheRemainingValuePerGpuNetOfTheResaleFee() {
        double expected = handRemaining(handFlows(), HURDLE) / (GPUS * (1 - RESALE_FEE));
        ClusterMetrics m = RoiEngine.analyze(owned().build(), assumptions()).metrics();
        assertThat(m.breakEvenSecondaryPrice().getAsDouble()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void holdTurnsIntoResellExactlyAtTheBreakEvenSecondaryPrice() {
        double breakEven = handRemaining(handFlows(), HURDLE) / (GPUS * (1 - RESALE_FEE));
        ClusterAnalysis below = RoiEngine.analyze(owned().secondaryPricePerGpu(breakEven * (1 - 1e-9)).build(), assumptions());
        ClusterAnalysis above = RoiEngine.analyze(owned().secondaryPricePerGpu(breakEven * (1 + 1e-9)).build(), assumptions());
        assertThat(below.recommendation().decision()).isEqualTo(Decision.HOLD);
        assertThat(above.recommendation().decision()).isEqualTo(Decision.RESELL);
        assertThat(above.metrics().saleValueNow().getAsDouble()).isCloseTo(breakEven * (1 + 1e-9) * GPUS * (1 - RESALE_FEE), within(1e-6));
    }

    @Test
    void theHoldReasonStatesTheValueTheSaleAndTheFlipPrice() {
        double remaining = handRemaining(handFlows(), HURDLE);
        double breakEven = remaining / (GPUS * (1 - RESALE_FEE));
        double secondary = 10_000;
        String reason = RoiEngine.analyze(owned().secondaryPricePerGpu(secondary).build(), assumptions()).recommendation().reason();
        assertThat(reason)
                .contains(dollars(remaining))
                .contains("11.0% hurdle")
                .contains(dollars(secondary * GPUS * (1 - RESALE_FEE)))
                .contains(dollars(secondary) + " per GPU less the 5.0% resale fee")
                .contains("Selling would win above " + dollars(breakEven) + " per GPU before fees");
    }

    @Test
    void theResellReasonStatesTheSaleTheValueAndTheFlipPrice() {
        double remaining = handRemaining(handFlows(), HURDLE);
        double breakEven = remaining / (GPUS * (1 - RESALE_FEE));
        double secondary = Math.ceil(breakEven) + 5_000;
        ClusterAnalysis analysis = RoiEngine.analyze(owned().secondaryPricePerGpu(secondary).build(), assumptions());
        assertThat(analysis.recommendation().decision()).isEqualTo(Decision.RESELL);
        assertThat(analysis.recommendation().reason())
                .contains(dollars(secondary * GPUS * (1 - RESALE_FEE)))
                .contains(dollars(remaining))
                .contains("Holding would win only below " + dollars(breakEven) + " per GPU before fees");
    }

    @Test
    void withoutASecondaryPriceTheClusterIsHeldAndTheReasonSaysNoSaleWasAssessed() {
        ClusterAnalysis analysis = RoiEngine.analyze(owned().build(), assumptions());
        assertThat(analysis.metrics().saleValueNow()).isEmpty();
        assertThat(analysis.recommendation().decision()).isEqualTo(Decision.HOLD);
        assertThat(analysis.recommendation().reason()).contains("no secondary-market price was given")
                .contains(dollars(handRemaining(handFlows(), HURDLE)));
    }
}
