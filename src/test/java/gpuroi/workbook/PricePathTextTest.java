package gpuroi.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gpuroi.model.InvalidValueException;
import gpuroi.model.PricePath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PricePathTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"blended 50% over 5 years", "Blended to 50% over 5 years", "linear to 50% in 5 yrs",
            "blended:0.5:5", "blended", "BLENDED:50%:5"})
    void theArticlesBlendedPathIsReadFromSpecOrPhrase(String text) {
        assertThat(PricePathText.parse(text)).isEqualTo(new PricePath.Blended(0.5, 5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"decline 40% per year", "decline:0.4", "40% annual decline", "falling 40% a year", "decline:40%"})
    void anAnnualDeclineIsReadFromSpecOrPhrase(String text) {
        assertThat(PricePathText.parse(text)).isEqualTo(new PricePath.AnnualDecline(0.4));
    }

    @Test
    void flatAndCustomCurvesAreRead() {
        assertThat(PricePathText.parse("Flat")).isEqualTo(new PricePath.Flat());
        assertThat(PricePathText.parse("custom:yearly:1,0.8,0.6")).isInstanceOf(PricePath.Custom.class);
    }

    @Test
    void anythingElseSaysWhatIsAccepted() {
        assertThatThrownBy(() -> PricePathText.parse("down a bit"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("'down a bit'")
                .hasMessageContaining("blended 50% over 5 years");
    }
}
