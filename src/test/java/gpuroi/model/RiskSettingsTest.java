package gpuroi.model;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Risk settings are built by name, and the command line's are laid over the workbook's setting by setting. */
class RiskSettingsTest {

    private static final RiskRange DECLINE = new RiskRange(UncertainInput.ANNUAL_PRICE_DECLINE, ValueRange.pert(0.05, 0.15, 0.40), false);
    private static final RiskRange CAPEX = new RiskRange(UncertainInput.CAPEX_PER_GPU, ValueRange.triangular(0.9, 1.0, 1.2), true);

    @Test
    void eachNamedSettingLandsInItsOwnComponentAndTheRestStayEmpty() {
        RiskSettings settings = RiskSettings.builder().priceVolatility(OptionalDouble.of(0.4)).jumpSize(OptionalDouble.of(0.25))
                .sampler(Optional.of(Sampler.LATIN_HYPERCUBE)).build();

        assertThat(settings.priceVolatility()).hasValue(0.4);
        assertThat(settings.jumpSize()).hasValue(0.25);
        assertThat(settings.sampler()).contains(Sampler.LATIN_HYPERCUBE);
        assertThat(settings.utilizationVolatility()).isEmpty();
        assertThat(settings.rankCorrelation()).isEmpty();
        assertThat(settings.jumpsPerYear()).isEmpty();
        assertThat(settings.ranges()).isEmpty();
    }

    @Test
    void nothingNamedIsNone() {
        assertThat(RiskSettings.builder().build()).isEqualTo(RiskSettings.NONE);
    }

    @Test
    void theOverrideReplacesOnlyTheSettingsItGivesAndRangesMergeByInput() {
        RiskSettings workbook = RiskSettings.builder().priceVolatility(OptionalDouble.of(0.3)).jumpsPerYear(OptionalDouble.of(0.5))
                .ranges(Map.of(UncertainInput.ANNUAL_PRICE_DECLINE, DECLINE)).build();
        RiskSettings flags = RiskSettings.builder().priceVolatility(OptionalDouble.of(0.6)).build();

        RiskSettings both = workbook.overriddenBy(flags).overriddenBy(RiskSettings.ofRanges(Map.of(UncertainInput.CAPEX_PER_GPU, CAPEX)));

        assertThat(both.priceVolatility()).hasValue(0.6);
        assertThat(both.jumpsPerYear()).hasValue(0.5);
        assertThat(both.ranges()).containsOnly(Map.entry(UncertainInput.ANNUAL_PRICE_DECLINE, DECLINE),
                Map.entry(UncertainInput.CAPEX_PER_GPU, CAPEX));
    }

    @Test
    void aRangeFiledUnderAnotherInputIsRefused() {
        assertThatThrownBy(() -> RiskSettings.ofRanges(Map.of(UncertainInput.CAPEX_PER_GPU, DECLINE)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(Field.RANGE));
    }
}
