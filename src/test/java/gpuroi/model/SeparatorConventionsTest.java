package gpuroi.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Thousands separators and decimal marks as typed in every locale analysts use: each text is read
 * the one way it can be read, read by the workbook's declared convention, or refused with both
 * readings. Never guessed.
 */
class SeparatorConventionsTest {
    /** The amounts here are prices per GPU-hour, some typed with /hr. */
    private static final Quantities.Per HOURLY = Quantities.Per.GPU_HOUR;

    @ParameterizedTest(name = "''{0}'' in {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        // Undeclared: 1,234.56, plus whatever can be read only one way.
        "50,000                | UNDECLARED    | 50000",
        "1,234.56              | UNDECLARED    | 1234.56",
        "EUR 62,000            | UNDECLARED    | 62000",
        "1.234.567,89          | UNDECLARED    | 1234567.89",
        "1.234,5               | UNDECLARED    | 1234.5",
        "62.000,00 €           | UNDECLARED    | 62000",
        "1.000.000             | UNDECLARED    | 1000000",
        "2,85                  | UNDECLARED    | 2.85",
        "2,85 €/h              | UNDECLARED    | 2.85",
        "€1.234,56/hr          | UNDECLARED    | 1234.56",
        "2,8500                | UNDECLARED    | 2.85",
        "1,00                  | UNDECLARED    | 1",
        "62 000 €              | UNDECLARED    | 62000",
        "62\u00a0000 €         | UNDECLARED    | 62000",
        "62\u202f000\u00a0€    | UNDECLARED    | 62000",
        "1 234 567,5           | UNDECLARED    | 1234567.5",
        "62’000                | UNDECLARED    | 62000",
        "62'000                | UNDECLARED    | 62000",
        "CHF 62’000.50         | UNDECLARED    | 62000.5",
        "0.500                 | UNDECLARED    | 0.5",
        "(1.234,56 €)          | UNDECLARED    | -1234.56",
        "(62 000 €)            | UNDECLARED    | -62000",
        "-62\u00a0000 €        | UNDECLARED    | -62000",
        "1,2k                  | UNDECLARED    | 1200",
        "2,5M                  | UNDECLARED    | 2500000",
        "1.2k                  | UNDECLARED    | 1200",
        ",5                    | UNDECLARED    | 0.5",
        // Declared 1.234,56: dots group thousands, the comma marks decimals.
        "62.000 €              | DECIMAL_COMMA | 62000",
        "€9.000                | DECIMAL_COMMA | 9000",
        "2,500                 | DECIMAL_COMMA | 2.5",
        "2,85 €/h              | DECIMAL_COMMA | 2.85",
        "1.234.567,89          | DECIMAL_COMMA | 1234567.89",
        "62 000                | DECIMAL_COMMA | 62000",
        "62’000                | DECIMAL_COMMA | 62000",
        "(1.234,56)            | DECIMAL_COMMA | -1234.56",
        "1,2k                  | DECIMAL_COMMA | 1200",
        "EUR 62.000            | DECIMAL_COMMA | 62000",
        "42                    | DECIMAL_COMMA | 42",
        // Declared 1,234.56: the dot is always the decimal point.
        "62.000                | DECIMAL_POINT | 62",
        "€9.000                | DECIMAL_POINT | 9",
        "50,000                | DECIMAL_POINT | 50000",
        "1,234,567.5           | DECIMAL_POINT | 1234567.5",
        "62 000.5              | DECIMAL_POINT | 62000.5",
        "$2.85/hr              | DECIMAL_POINT | 2.85",
        "1.2k                  | DECIMAL_POINT | 1200",
        "1e3                   | DECIMAL_POINT | 1000",
    })
    void aTextThatCanBeReadOneWayInItsConventionIsReadThatWay(String text, NumberConvention convention, double expected) {
        assertThat(Quantities.amount(text, convention, HOURLY).value()).isCloseTo(expected, within(1e-9));
    }

    @ParameterizedTest(name = "''{0}'' is {1} or {2}")
    @CsvSource(delimiter = '|', value = {
        "62.000      | 62000    | 62",
        "62.000 €    | 62000    | 62",
        "€9.000      | 9000     | 9",
        "-1.500      | -1500    | -1.5",
        "62.000k     | 62000000 | 62000",
        "$2.850/hr   | 2850     | 2.85",
    })
    void aSingleDotBeforeThreeDigitsIsRefusedWithoutADeclarationShowingBothReadings(String text, String thousands, String decimals) {
        assertThatThrownBy(() -> Quantities.amount(text, NumberConvention.UNDECLARED, HOURLY))
                .isInstanceOfSatisfying(Quantities.SeparatorException.class, e -> assertThat(e.isAmbiguous()).isTrue())
                .hasMessageContaining("'" + text + "' can be read two ways")
                .hasMessageContaining(thousands.replace("-", "") + " if the dot separates thousands")
                .hasMessageContaining(decimals.replace("-", "") + " if it is a decimal point")
                .hasMessageContaining("write " + thousands.replace("-", "") + " or " + decimals.replace("-", ""));
    }

    @ParameterizedTest(name = "''{0}'' is {1} or {2} in a workbook whose currency is also written 1.234,56")
    @CsvSource(delimiter = '|', value = {
        "2,500       | 2500     | 2.5",
        "2,500 €/h   | 2500     | 2.5",
        "EUR 62,000  | 62000    | 62",
        "-1,500      | -1500    | -1.5",
    })
    void aCommaBeforeThreeDigitsIsRefusedTooWhereTheCurrencyIsWrittenBothWays(String text, String thousands, String decimals) {
        assertThatThrownBy(() -> Quantities.amount(text, NumberConvention.UNDECLARED_EITHER_WAY, HOURLY))
                .isInstanceOfSatisfying(Quantities.SeparatorException.class, e -> assertThat(e.isAmbiguous()).isTrue())
                .hasMessageContaining("'" + text + "' can be read two ways")
                .hasMessageContaining(thousands.replace("-", "") + " if the comma separates thousands")
                .hasMessageContaining(decimals.replace("-", "") + " if it is a decimal comma");
    }

    @ParameterizedTest(name = "''{0}'' = {1} in a workbook whose currency is also written 1.234,56")
    @CsvSource(delimiter = '|', value = {
        "1,234.56      | 1234.56",
        "2,85          | 2.85",
        "1.234.567,89  | 1234567.89",
        "62 000 €      | 62000",
        "2.5           | 2.5",
        "1,234,567     | 1234567",
    })
    void textsThatReadOneWayAreReadTheSameWhereverTheCurrencyIsWrittenBothWays(String text, double expected) {
        assertThat(Quantities.amount(text, NumberConvention.UNDECLARED_EITHER_WAY, HOURLY).value()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void onlyCurrenciesWrittenWithADecimalPointEverywhereKeepTheCommaAsAThousandsSeparatorByDefault() {
        assertThat(NumberConvention.undeclaredFor("USD")).isEqualTo(NumberConvention.UNDECLARED);
        assertThat(NumberConvention.undeclaredFor("gbp")).isEqualTo(NumberConvention.UNDECLARED);
        assertThat(NumberConvention.undeclaredFor("EUR")).isEqualTo(NumberConvention.UNDECLARED_EITHER_WAY);
        assertThat(NumberConvention.undeclaredFor("CHF")).isEqualTo(NumberConvention.UNDECLARED_EITHER_WAY);
        assertThat(NumberConvention.undeclaredFor("CAD")).isEqualTo(NumberConvention.UNDECLARED_EITHER_WAY);
    }

    @ParameterizedTest(name = "''{0}'' is not {1}; in the other convention {2}")
    @CsvSource(delimiter = '|', value = {
        "2.85        | DECIMAL_COMMA | 2.85",
        "$2.85/hr    | DECIMAL_COMMA | 2.85",
        "1,234.56    | DECIMAL_COMMA | 1234.56",
        "1.2k        | DECIMAL_COMMA | 1200",
        "2,85        | DECIMAL_POINT | 2.85",
        "1.234,56    | DECIMAL_POINT | 1234.56",
        "1.234.567   | DECIMAL_POINT | 1234567",
        "1234,567    | UNDECLARED    | 1234.567",
        "0,500       | UNDECLARED    | 0.5",
    })
    void aTextThatIsANumberOnlyInTheOtherConventionIsRefusedSayingWhatItWouldReadAsThere(String text, NumberConvention convention,
                                                                                          String otherReading) {
        assertThatThrownBy(() -> Quantities.amount(text, convention, HOURLY))
                .isInstanceOfSatisfying(Quantities.SeparatorException.class, e -> assertThat(e.isAmbiguous()).isFalse())
                .hasMessageContaining("'" + text + "' is not a number in the "
                        + (convention == NumberConvention.UNDECLARED ? "default" : "declared") + " format " + convention.example())
                .hasMessageContaining("it would read " + otherReading);
    }

    @ParameterizedTest(name = "''{0}'' in {1} is refused")
    @CsvSource(delimiter = '|', value = {
        "1,234.567,89  | UNDECLARED",
        "1,234.567,89  | DECIMAL_COMMA",
        "1.234.56      | UNDECLARED",
        "12,34,567     | UNDECLARED",
        "12,34,567     | DECIMAL_POINT",
        "1.23.456      | DECIMAL_COMMA",
        "1 234.567,89  | UNDECLARED",
        "62  000       | UNDECLARED",
        "1 2           | UNDECLARED",
        "62'000 000    | UNDECLARED",
        "0,000,500     | UNDECLARED",
        "1 000e3       | UNDECLARED",
        "1.            | UNDECLARED",
    })
    void badlyGroupedOrMixedSeparatorsAreNotANumberInAnyConvention(String text, NumberConvention convention) {
        assertThatThrownBy(() -> Quantities.amount(text, convention, HOURLY))
                .isInstanceOf(NumberFormatException.class)
                .isNotInstanceOf(Quantities.SeparatorException.class)
                .hasMessageContaining("'" + text + "' is not a number")
                .hasMessageContaining("examples");
    }

    @Test
    void percentagesFollowTheSameRules() {
        assertThat(Quantities.parsePercent("70,5 %").fraction()).isEqualTo(0.705);
        assertThat(Quantities.parsePercent("70,5%", NumberConvention.DECIMAL_COMMA).fraction()).isEqualTo(0.705);
        assertThat(Quantities.parsePercent("1.234,5%").fraction()).isEqualTo(12.345);
        assertThatThrownBy(() -> Quantities.parsePercent("12.500%"))
                .isInstanceOf(Quantities.SeparatorException.class)
                .hasMessageContaining("'12.500%' can be read two ways: 12500% if the dot separates thousands (as in 1.234,56), "
                        + "12.5% if it is a decimal point (as in 1,234.56); write 12500% or 12.5%");
        assertThatThrownBy(() -> Quantities.parsePercent("70,5%", NumberConvention.DECIMAL_POINT))
                .isInstanceOf(Quantities.SeparatorException.class)
                .hasMessageContaining("'70,5%' is not a number in the declared format 1,234.56")
                .hasMessageContaining("it would read 70.5%");
    }

    @Test
    void aBarePercentageAboveOneInTheDeclaredConventionIsReadAsPercentWithItsWarning() {
        Quantities.Percent p = Quantities.parsePercent("70,5", NumberConvention.DECIMAL_COMMA);
        assertThat(p.fraction()).isCloseTo(0.705, within(1e-15));
        assertThat(p.warning()).isPresent();
    }

    @ParameterizedTest(name = "''{0}'' is marked {1}")
    @CsvSource(delimiter = '|', value = {
        "$2,85/hr      | $",
        "62.000 €      | €",
        "EUR 62.000    | EUR",
        "CHF 62’000    | CHF",
        "US$ 2,85      | US$",
        "(£1.234,56)   | £",
    })
    void theCurrencyTypedWithAnAmountIsReported(String text, String mark) {
        assertThat(Quantities.amount(text, NumberConvention.DECIMAL_COMMA, HOURLY).currencyMark()).hasValue(mark);
    }

    @Test
    void anAmountMayBeInTheCurrencyItsMarkNames() {
        assertThat(Quantities.amount("$2.85/hr", NumberConvention.UNDECLARED, HOURLY).mayBeIn("EUR")).isFalse();
        assertThat(Quantities.amount("$2.85/hr", NumberConvention.UNDECLARED, HOURLY).mayBeIn("USD")).isTrue();
        assertThat(Quantities.amount("$2.85/hr", NumberConvention.UNDECLARED, HOURLY).mayBeIn("AUD")).isTrue();
        assertThat(Quantities.amount("US$2.85", NumberConvention.UNDECLARED, HOURLY).mayBeIn("AUD")).isFalse();
        assertThat(Quantities.amount("62 000 €", NumberConvention.UNDECLARED, HOURLY).mayBeIn("usd")).isFalse();
        assertThat(Quantities.amount("62 000 eur", NumberConvention.UNDECLARED, HOURLY).mayBeIn("EUR")).isTrue();
        assertThat(Quantities.amount("¥100", NumberConvention.UNDECLARED, HOURLY).mayBeIn("CNY")).isTrue();
        assertThat(Quantities.amount("2.85", NumberConvention.UNDECLARED, HOURLY).currencyMark()).isEmpty();
        assertThat(Quantities.amount("2.85", NumberConvention.UNDECLARED, HOURLY).mayBeIn("JPY")).isTrue();
    }

    @ParameterizedTest(name = "''{0}'' declares {1}")
    @CsvSource(delimiter = '|', value = {
        "1,234.56        | DECIMAL_POINT",
        "1.234,56        | DECIMAL_COMMA",
        "' 1.000,00 '    | DECIMAL_COMMA",
        "#,##0.00        | DECIMAL_POINT",
        "#.##0,00        | DECIMAL_COMMA",
        "Decimal comma   | DECIMAL_COMMA",
        "decimal point   | DECIMAL_POINT",
        "US              | DECIMAL_POINT",
    })
    void aNumberFormatIsDeclaredByAnExampleNumberOrAnUnambiguousName(String text, NumberConvention expected) {
        assertThat(NumberConvention.fromFormat(text)).hasValue(expected);
    }

    @ParameterizedTest(name = "''{0}'' declares nothing")
    @CsvSource(delimiter = '|', value = {"European", "German", "1234.56", "1.234", "62.000", "comma", ".", "1,234,56", "1 234,56"})
    void anythingElseIsNoNumberFormat(String text) {
        assertThat(NumberConvention.fromFormat(text)).isEmpty();
    }

    @Test
    void aDecimalSeparatorIsDeclaredByTheMarkOrItsName() {
        assertThat(NumberConvention.fromDecimalSeparator(",")).hasValue(NumberConvention.DECIMAL_COMMA);
        assertThat(NumberConvention.fromDecimalSeparator(" comma ")).hasValue(NumberConvention.DECIMAL_COMMA);
        assertThat(NumberConvention.fromDecimalSeparator(".")).hasValue(NumberConvention.DECIMAL_POINT);
        assertThat(NumberConvention.fromDecimalSeparator("Point")).hasValue(NumberConvention.DECIMAL_POINT);
        assertThat(NumberConvention.fromDecimalSeparator("1.234,56")).isEmpty();
        assertThat(NumberConvention.fromDecimalSeparator("space")).isEmpty();
    }
}
