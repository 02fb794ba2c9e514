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

    @ParameterizedTest(name = "''{0}'' = {1}")
    @CsvSource(delimiter = '|', value = {
        "$2.85/hr | 2.85",
        "2.85 | 2.85",
        "$2.85 per GPU-hour | 2.85",
        "USD 4.50 | 4.50",
        "50,000 | 50000",
        "$50,000 | 50000",
        "1,234,567.5 | 1234567.5",
        "1.2k | 1200",
        "3M | 3000000",
        "2b | 2000000000",
        "(1,000) | -1000",
        "-$1,000 | -1000",
        "$-1,000 | -1000",
        "−250 | -250",
        ".5 | 0.5",
        "1e3 | 1000",
        "' 42 ' | 42",
        "0.10/kWh | 0.10",
        "184 per month | 184",
    })
    void amountsAreReadTheWayTheyAreWritten(String text, double expected) {
        assertThat(Quantities.parseAmount(text)).isCloseTo(expected, within(1e-9));
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
    void oneIsAHundredPercentWithoutWarning() {
        assertThat(Quantities.parsePercent("1").fraction()).isEqualTo(1.0);
        assertThat(Quantities.parsePercent("1").warning()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "2.85.1", "$", "12 apples", "1-2"})
    void garbageIsANumberFormatExceptionThatShowsTheTextAndExamples(String text) {
        assertThatThrownBy(() -> Quantities.parseAmount(text))
                .isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("examples");
    }

    @Test
    void misplacedThousandsSeparatorsAreExplained() {
        assertThatThrownBy(() -> Quantities.parseAmount("1,000,00.5"))
                .isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("'1,000,00.5'")
                .hasMessageContaining("thousands separators group digits in threes");
    }

    @Test
    void emptyTextIsNotANumber() {
        assertThatThrownBy(() -> Quantities.parseAmount("  ")).isInstanceOf(NumberFormatException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> Quantities.parseAmount(null)).isInstanceOf(NumberFormatException.class).hasMessageContaining("empty");
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
        assertThatThrownBy(() -> Quantities.parseAmount("1e308k"))
                .isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("too large");
    }
}
