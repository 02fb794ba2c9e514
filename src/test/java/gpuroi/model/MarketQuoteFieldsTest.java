package gpuroi.model;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.OptionalDouble;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** MarketQuote.FIELDS lists exactly the fields a quote's validation can refuse, so the Market sheet can be checked against it. */
class MarketQuoteFieldsTest {

    @Test
    void everyFieldListedIsOneAQuoteWithEveryValueWrongReportsAndNoOtherIs() {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class, () -> new MarketQuote("", OptionalDouble.of(-1),
                OptionalDouble.of(-1), OptionalDouble.of(2), OptionalDouble.of(-1), OptionalDouble.of(-1), OptionalDouble.of(700)));

        Set<Field> reported = EnumSet.noneOf(Field.class);
        e.all().forEach(each -> reported.add(each.field()));
        assertThat(reported).containsExactlyInAnyOrderElementsOf(MarketQuote.FIELDS);
    }
}
