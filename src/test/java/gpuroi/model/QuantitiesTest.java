package gpuroi.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Numbers as people type them into spreadsheets and command lines. */
class QuantitiesTest {

    @ParameterizedTest(name = "''{0}'' {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "$2.85/hr | GPU_HOUR | 2.85",
        "2.85 | GPU_HOUR | 2.85",
        "$2.85 per GPU-hour | GPU_HOUR | 2.85",
        "USD 4.50 | NOTHING | 4.50",
        "50,000 | NOTHING | 50000",
        "$50,000 | GPU | 50000",
        "1,234,567.5 | NOTHING | 1234567.5",
        "1.2k | NOTHING | 1200",
        "3M | NOTHING | 3000000",
        "2b | NOTHING | 2000000000",
        "(1,000) | NOTHING | -1000",
        "-$1,000 | NOTHING | -1000",
        "$-1,000 | NOTHING | -1000",
        "−250 | NOTHING | -250",
        ".5 | NOTHING | 0.5",
        "1e3 | NOTHING | 1000",
        "' 42 ' | NOTHING | 42",
        "0.10/kWh | KWH | 0.10",
        "184 per month | GPU_MONTH | 184",
    })
    void amountsAreReadTheWayTheyAreWritten(String text, Quantities.Per per, double expected) {
        assertThat(Quantities.parseAmount(text, per)).isCloseTo(expected, within(1e-9));
    }

    @ParameterizedTest(name = "''{0}'' {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "$120/GPU/month | GPU_MONTH | 120",
        "$120 per GPU-month | GPU_MONTH | 120",
        "120/mo | GPU_MONTH | 120",
        "$150/GPU | GPU_MONTH | 150",
        "$2.85/GPU | GPU_HOUR | 2.85",
        "$2.85/GPU-hr | GPU_HOUR | 2.85",
        "$2.85 /h | GPU_HOUR | 2.85",
        "$2.85/hr (1-yr reserved) | GPU_HOUR | 2.85",
        "$45,000/GPU | GPU | 45000",
        "1.1/GPU | GPU | 1.1",
        "$0.08 per kWh | KWH | 0.08",
        "2/yr | YEAR | 2",
        "2 per year | YEAR | 2",
    })
    void aPerUnitSuffixThatSaysTheFiguresOwnUnitIsDropped(String text, Quantities.Per per, double expected) {
        assertThat(Quantities.parseAmount(text, per)).isCloseTo(expected, within(1e-9));
    }

    @ParameterizedTest(name = "''{0}'' is not {1}")
    @CsvSource(delimiter = '|', value = {
        "$1,440/year | GPU_MONTH | per year",
        "$1,440/GPU/yr | GPU_MONTH | per year",
        "$2.85/hr | GPU_MONTH | per hour",
        "$2,080/month | GPU_HOUR | per month",
        "$2,080 per GPU-month | GPU_HOUR | per month",
        "$0.08/hr | KWH | per hour",
        "$0.08/GPU | KWH | per GPU",
        "$45,000/yr | GPU | per year",
        "$62k/month | GPU | per month",
        "$1.2M/GPU | NOTHING | per GPU",
        "5/yr | NOTHING | per year",
        "2/month | YEAR | per month",
    })
    void aPerUnitSuffixThatSaysAnotherUnitIsRefusedNotDropped(String text, Quantities.Per per, String typed) {
        assertThatThrownBy(() -> Quantities.parseAmount(text, per))
                .isInstanceOf(Quantities.UnitException.class)
                .hasMessageContaining("'" + text + "' is a figure " + typed)
                .hasMessageContaining(per == Quantities.Per.NOTHING ? "write the number alone" : "not " + per.words());
    }

    @Test
    void aSuffixNamingTwoUnitsIsRefused() {
        assertThatThrownBy(() -> Quantities.parseAmount("$2.85/hr/month", Quantities.Per.GPU_HOUR))
                .isInstanceOf(Quantities.UnitException.class)
                .hasMessageContaining("names two units, per hour and per month");
    }

    @Test
    void aPercentageTypedWithAPerUnitSuffixIsNoPercentage() {
        assertThatThrownBy(() -> Quantities.parsePercent("0.7/hr"))
                .isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("'0.7/hr' is not a percentage");
    }

    @Test
    void percentWithASignIsHundredths() {
        Quantities.Percent p = Quantities.parsePercent("70%");
        assertThat(p.fraction()).isCloseTo(0.7, within(1e-15));
        assertThat(p.warning()).isEmpty();
    }

    @Test
    void percentagesAreTheSameDoubleAsTheFractionWrittenOut() {
        assertThat(Quantities.parsePercent("100.09%").fraction()).isEqualTo(1.0009);
        assertThat(Quantities.parsePercent("7%").fraction()).isEqualTo(0.07);
        assertThat(Quantities.parsePercent("12.3%").fraction()).isEqualTo(0.123);
        assertThat(Quantities.parsePercent("-2.5%").fraction()).isEqualTo(-0.025);
    }

    @Test
    void aFractionIsTakenAsIs() {
        Quantities.Percent p = Quantities.parsePercent("0.7");
        assertThat(p.fraction()).isEqualTo(0.7);
        assertThat(p.warning()).isEmpty();
    }

    @Test
    void aPlainNumberAboveOneIsReadAsPercentWithAWarningThatSaysHowToSilenceIt() {
        Quantities.Percent p = Quantities.parsePercent("70");
        assertThat(p.fraction()).isCloseTo(0.7, within(1e-15));
        assertThat(p.warning()).hasValueSatisfying(w -> assertThat(w).contains("70%").contains("0.7"));
    }

    @Test
    void aBareNumberAboveAHundredIsNoPercentageButOneWithItsSignIs() {
        assertThatThrownBy(() -> Quantities.parsePercent("500"))
                .isInstanceOf(Quantities.BarePercentException.class)
                .hasMessage("a bare 500 would be 500%; type 500% if that is meant");
        assertThatThrownBy(() -> Quantities.fromNumber(-150)).isInstanceOf(Quantities.BarePercentException.class);
        assertThat(Quantities.parsePercent("500%").fraction()).isEqualTo(5.0);
        assertThat(Quantities.parsePercent("100").fraction()).isEqualTo(1.0);
    }

    @Test
    void oneIsAHundredPercentWithoutWarning() {
        assertThat(Quantities.parsePercent("1").fraction()).isEqualTo(1.0);
        assertThat(Quantities.parsePercent("1").warning()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "2.85.1", "$", "12 apples", "1-2"})
    void garbageIsANumberFormatExceptionThatShowsTheTextAndExamples(String text) {
        assertThatThrownBy(() -> Quantities.parseAmount(text, Quantities.Per.NOTHING))
                .isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("examples");
    }

    @Test
    void misplacedThousandsSeparatorsAreExplained() {
        assertThatThrownBy(() -> Quantities.parseAmount("1,000,00.5", Quantities.Per.NOTHING))
                .isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("'1,000,00.5'")
                .hasMessageContaining("thousands separators group digits in threes");
    }

    @Test
    void emptyTextIsNotANumber() {
        assertThatThrownBy(() -> Quantities.parseAmount("  ", Quantities.Per.NOTHING)).isInstanceOf(NumberFormatException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> Quantities.parseAmount(null, Quantities.Per.NOTHING)).isInstanceOf(NumberFormatException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> Quantities.parsePercent("")).isInstanceOf(NumberFormatException.class).hasMessageContaining("empty");
    }

    @Test
    void garbageInAPercentageColumnSaysWhatAPercentageLooksLike() {
        assertThatThrownBy(() -> Quantities.parsePercent("seventy"))
                .isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("'seventy'")
                .hasMessageContaining("70%");
        assertThatThrownBy(() -> Quantities.parsePercent("x%"))
                .isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("'x%'");
    }

    @Test
    void overflowingAmountsAreRejectedRatherThanInfinite() {
        assertThatThrownBy(() -> Quantities.parseAmount("1e308k", Quantities.Per.NOTHING))
                .isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("too large");
    }
}
