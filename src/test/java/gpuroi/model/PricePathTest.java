package gpuroi.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Price paths: their monthly factors from the conventions, their text form, and their phrases. */
class PricePathTest {

    static Stream<PricePath> paths() {
        return Stream.of(
                new PricePath.Flat(),
                PricePath.ARTICLE_BLENDED,
                new PricePath.Blended(0.3, 2.5),
                new PricePath.Blended(0.07, 1),
                new PricePath.Blended(1, 3),
                new PricePath.Blended(1.5, 4),
                new PricePath.Blended(2, 5),
                new PricePath.Blended(10, 1),
                new PricePath.AnnualDecline(0.4),
                new PricePath.AnnualDecline(0.125),
                new PricePath.AnnualDecline(0.999),
                new PricePath.Custom(PricePath.Custom.Step.YEARLY, List.of(1.0, 0.8, 0.6)),
                new PricePath.Custom(PricePath.Custom.Step.MONTHLY, List.of(1.0, 0.98, 0.961, 1.25, 0.0)));
    }

    @Test
    void everyPathReadsBackFromItsSpecAsTheSamePath() {
        paths().forEach(path -> assertThat(PricePath.parse(path.spec())).as(path.spec()).isEqualTo(path));
    }

    @Test
    void blendedPathsRisingAboveTheirStartPriceReadBackExactlyFromTheirSpec() {
        // End shares above 100% must not be mistaken for "a number above 1 means percent".
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            double endShare = (10_001 + random.nextInt(90_000)) / 10_000.0;
            double years = (1 + random.nextInt(400)) / 4.0;
            PricePath path = new PricePath.Blended(endShare, years);
            assertThat(PricePath.parse(path.spec())).as(path.spec()).isEqualTo(path);
        }
        assertThat(new PricePath.Blended(1.5, 4).spec()).isEqualTo("blended:150%:4");
        assertThat(new PricePath.Blended(0.5, 5).spec()).isEqualTo("blended:0.5:5");
    }

    @Test
    void specsAreReadInTheirDocumentedForms() {
        assertThat(PricePath.parse("flat")).isEqualTo(new PricePath.Flat());
        assertThat(PricePath.parse("blended")).isEqualTo(new PricePath.Blended(0.5, 5));
        assertThat(PricePath.parse("Blended:50%:5")).isEqualTo(new PricePath.Blended(0.5, 5));
        assertThat(PricePath.parse(" linear : 0.5 : 5 ")).isEqualTo(new PricePath.Blended(0.5, 5));
        assertThat(PricePath.parse("decline:40%")).isEqualTo(new PricePath.AnnualDecline(0.4));
        assertThat(PricePath.parse("decline:0.4")).isEqualTo(new PricePath.AnnualDecline(0.4));
        assertThat(PricePath.parse("custom:yearly:1,0.8,0.6"))
                .isEqualTo(new PricePath.Custom(PricePath.Custom.Step.YEARLY, List.of(1.0, 0.8, 0.6)));
        assertThat(PricePath.parse("custom:monthly:100%,98%"))
                .isEqualTo(new PricePath.Custom(PricePath.Custom.Step.MONTHLY, List.of(1.0, 0.98)));
    }

    @Test
    void blendedFallsLinearlyAtMonthMidpointsAndHoldsFlatAtItsEndShareAfterNYears() {
        PricePath.Blended path = new PricePath.Blended(0.5, 2);
        // t = (m − 0.5)/12; factor 1 − 0.5·t/2 while t ≤ 2.
        assertThat(path.factorForMonth(1)).isCloseTo(1 - 0.5 * (0.5 / 12) / 2, within(1e-15));
        assertThat(path.factorForMonth(12)).isCloseTo(1 - 0.5 * (11.5 / 12) / 2, within(1e-15));
        assertThat(path.factorForMonth(24)).isCloseTo(1 - 0.5 * (23.5 / 12) / 2, within(1e-15));
        for (int m = 25; m <= 600; m += 25) {
            assertThat(path.factorForMonth(m)).as("month %d", m).isEqualTo(0.5);
        }
    }

    @Test
    void annualDeclineIsGeometricInMidpointYears() {
        PricePath.AnnualDecline path = new PricePath.AnnualDecline(0.4);
        assertThat(path.factorForMonth(1)).isCloseTo(Math.pow(0.6, 0.5 / 12), within(1e-15));
        // Month 18's midpoint is 17.5/12 years.
        assertThat(path.factorForMonth(18)).isCloseTo(Math.pow(0.6, 17.5 / 12), within(1e-15));
        // Twelve months apart is exactly one year of decline.
        for (int m = 1; m <= 48; m++) {
            assertThat(path.factorForMonth(m + 12) / path.factorForMonth(m)).isCloseTo(0.6, within(1e-12));
        }
    }

    @Test
    void customMonthlyCurvesHoldTheirLastValue() {
        PricePath.Custom path = new PricePath.Custom(PricePath.Custom.Step.MONTHLY, List.of(1.0, 0.9, 0.8));
        assertThat(path.factorForMonth(1)).isEqualTo(1.0);
        assertThat(path.factorForMonth(2)).isEqualTo(0.9);
        assertThat(path.factorForMonth(3)).isEqualTo(0.8);
        assertThat(path.factorForMonth(4)).isEqualTo(0.8);
        assertThat(path.factorForMonth(600)).isEqualTo(0.8);
    }

    @Test
    void customYearlyCurvesApplyEachValueToTwelveMonthsThenHoldTheLast() {
        PricePath.Custom path = new PricePath.Custom(PricePath.Custom.Step.YEARLY, List.of(1.0, 0.8, 0.6));
        assertThat(path.factorForMonth(1)).isEqualTo(1.0);
        assertThat(path.factorForMonth(12)).isEqualTo(1.0);
        assertThat(path.factorForMonth(13)).isEqualTo(0.8);
        assertThat(path.factorForMonth(24)).isEqualTo(0.8);
        assertThat(path.factorForMonth(25)).isEqualTo(0.6);
        assertThat(path.factorForMonth(100)).isEqualTo(0.6);
    }

    @Test
    void describePhrasesNameTheShapeThePriceAndTheCurrency() {
        assertThat(new PricePath.Flat().describe(2.85, "USD")).isEqualTo("flat at $2.85/GPU-hr");
        assertThat(PricePath.ARTICLE_BLENDED.describe(2.85, "USD")).isEqualTo("linear to 50% of $2.85/GPU-hr over 5 years, then flat");
        assertThat(new PricePath.Blended(0.3, 2.5).describe(4.5, "EUR")).isEqualTo("linear to 30% of €4.50/GPU-hr over 2.5 years, then flat");
        assertThat(new PricePath.AnnualDecline(0.4).describe(2.85, "USD")).isEqualTo("falling 40% a year from $2.85/GPU-hr");
        assertThat(new PricePath.Custom(PricePath.Custom.Step.YEARLY, List.of(1.0, 0.8, 0.6)).describe(2, "CHF"))
                .isEqualTo("custom yearly curve from CHF 2.00/GPU-hr: 100%, 80%, 60%, then flat");
    }

    @Test
    void longCustomCurvesAreDescribedByTheirFirstEightPointsAndTheirLength() {
        List<Double> factors = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            factors.add(1.0 - 0.05 * i);
        }
        assertThat(new PricePath.Custom(PricePath.Custom.Step.MONTHLY, factors).describe(3, "USD"))
                .isEqualTo("custom monthly curve from $3.00/GPU-hr: 100%, 95%, 90%, 85%, 80%, 75%, 70%, 65%, … (10 points), then flat");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "zigzag", "flat:1", "blended:0.5", "blended:a:5", "decline", "decline:abc",
        "custom:weekly:1,2", "custom:yearly:", "custom:yearly:1,x"})
    void invalidSpecsAreRejectedNamingThePricePathAndTheAcceptedForms(String spec) {
        assertThatThrownBy(() -> PricePath.parse(spec))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> {
                    InvalidValueException invalid = (InvalidValueException) e;
                    assertThat(invalid.field()).isIn(Field.PRICE_PATH, Field.CUSTOM_CURVE);
                    assertThat(invalid.getMessage()).contains("expected");
                });
    }

    @Test
    void outOfRangeParametersAreRejectedNamingTheParameter() {
        assertThatThrownBy(() -> PricePath.parse("decline:150%"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(Field.ANNUAL_DECLINE));
        assertThatThrownBy(() -> new PricePath.Blended(0.5, 0))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(Field.BLENDED_YEARS));
        assertThatThrownBy(() -> new PricePath.Blended(-0.1, 5))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(Field.BLENDED_END_SHARE));
        assertThatThrownBy(() -> new PricePath.Custom(PricePath.Custom.Step.YEARLY, List.of()))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(Field.CUSTOM_CURVE));
        assertThatThrownBy(() -> new PricePath.Custom(PricePath.Custom.Step.YEARLY, List.of(1.0, -0.5)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(Field.CUSTOM_CURVE_MULTIPLIER));
    }
}
