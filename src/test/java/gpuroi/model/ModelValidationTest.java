package gpuroi.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The model records refuse values they cannot mean, and say which field and what was expected. */
class ModelValidationTest {
    static final LocalDate VALUATION = LocalDate.of(2026, 1, 1);

    static Cluster.Builder valid() {
        return Cluster.builder("c1").capexPerGpu(30_000).startPricePerGpuHour(2.5);
    }

    static void rejects(Supplier<?> build, String field, String foundFragment) {
        assertThatThrownBy(build::get)
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.label()).isEqualTo(field);
                    assertThat(e.found()).contains(foundFragment);
                    assertThat(e.getMessage()).startsWith(field + ": found ").contains("expected " + e.expected());
                });
    }

    @Test
    void aValidClusterBuildsWithTheContractDefaults() {
        Cluster c = valid().build();
        assertThat(c.gpuCount()).isEqualTo(1);
        assertThat(c.lifeMonths()).isEqualTo(60);
        assertThat(c.utilization()).isEqualTo(1.0);
        assertThat(c.status()).isEqualTo(ClusterStatus.PLANNED);
        assertThat(c.startOn(VALUATION)).isEqualTo(VALUATION);
    }

    @Test
    void aNegativeGpuCountIsRejectedNamingTheGpuCount() {
        rejects(() -> valid().gpuCount(-4).build(), "GPU count", "-4");
        rejects(() -> valid().gpuCount(0).build(), "GPU count", "0");
    }

    @Test
    void aUtilizationAboveOneHundredPercentIsRejectedNamingUtilization() {
        rejects(() -> valid().utilization(2.5).build(), "utilization", "2.5");
        rejects(() -> valid().utilization(-0.1).build(), "utilization", "-0.1");
    }

    @Test
    void aPueBelowOneIsRejectedNamingPue() {
        rejects(() -> valid().pue(0.5).build(), "PUE", "0.5");
    }

    @Test
    void anOwnedClusterWithoutAPurchaseDateIsRejectedNamingThePurchaseDate() {
        rejects(() -> valid().status(ClusterStatus.OWNED).build(), "purchase date", "nothing");
    }

    @Test
    void otherNonsenseIsRejectedNamingItsField() {
        rejects(() -> valid().capexPerGpu(-1).build(), "capex per GPU", "-1");
        rejects(() -> valid().capexPerGpu(Double.NaN).build(), "capex per GPU", "NaN");
        rejects(() -> valid().lifeMonths(0).build(), "useful life", "0 months");
        rejects(() -> valid().lifeYears(4.3).build(), "useful life", "4.3 years");
        rejects(() -> valid().startPricePerGpuHour(-2).build(), "start price per GPU-hour", "-2");
        rejects(() -> valid().residualShare(11).build(), "residual value", "11");
        rejects(() -> valid().secondaryPricePerGpu(-5.0).build(), "secondary price per GPU", "-5");
        rejects(() -> Cluster.builder(" ").build(), "cluster id", "an empty value");
    }

    @Test
    void lifeInYearsMustComeToWholeMonths() {
        assertThat(valid().lifeYears(4.5).build().lifeMonths()).isEqualTo(54);
    }

    @Test
    void assumptionsRejectRatesAtOrBelowMinusOneHundredPercentAndBadCurrencies() {
        rejects(() -> Assumptions.defaults(VALUATION).withRates(-1.0, 0.1), "discount rate", "-1");
        rejects(() -> Assumptions.defaults(VALUATION).withRates(0.1, -1.5), "hurdle rate", "-1.5");
        rejects(() -> Assumptions.defaults(VALUATION).withMarketplaceFee(1.0), "marketplace fee", "1");
        rejects(() -> new Assumptions(VALUATION, "dollars", 0.1, 0.1, PricePath.ARTICLE_BLENDED, 0, 0), "currency", "DOLLARS");
        rejects(() -> new Assumptions(null, "USD", 0.1, 0.1, PricePath.ARTICLE_BLENDED, 0, 0), "valuation date", "nothing");
        assertThat(new Assumptions(VALUATION, " eur ", 0.1, 0.1, PricePath.ARTICLE_BLENDED, 0, 0).currency()).isEqualTo("EUR");
    }

    @Test
    void statusIsReadFromTheWordsPeopleUse() {
        assertThat(ClusterStatus.parse(" Owned ")).isEqualTo(ClusterStatus.OWNED);
        assertThat(ClusterStatus.parse("plan")).isEqualTo(ClusterStatus.PLANNED);
        rejects(() -> ClusterStatus.parse("rented"), "status", "rented");
    }
}
