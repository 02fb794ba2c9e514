package gpuroi.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Assumptions.FIELDS and Financing.FIELDS list exactly the fields their validation can refuse, so the
 * Assumptions sheet can be checked against them. Both stop at the first bad value, so each is wrong alone.
 */
class AssumptionsFieldsTest {
    private static final LocalDate VALUATION = LocalDate.of(2026, 1, 1);
    private static final PricePath PATH = PricePath.ARTICLE_BLENDED;

    private static Field refused(Runnable construction) {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class, construction::run);
        assertThat(e).as("the value should be refused").isNotNull();
        return e.field();
    }

    private static Assumptions with(LocalDate valuation, String currency, double discount, double hurdle, PricePath path,
                                    double marketplaceFee, double resaleFee, double resaleDiscount, OptionalDouble tax,
                                    OptionalDouble depreciationYears) {
        return new Assumptions(valuation, currency, discount, hurdle, path, marketplaceFee, resaleFee, resaleDiscount, tax,
                depreciationYears, Optional.empty());
    }

    @Test
    void everyFieldListedIsOneTheAssumptionsRefuseWhenItAloneIsWrongAndNoOtherIs() {
        OptionalDouble none = OptionalDouble.empty();
        List<Runnable> eachWrong = List.of(
                () -> with(null, "USD", 0.1, 0.1, PATH, 0, 0, 0, none, none),
                () -> with(VALUATION, "US", 0.1, 0.1, PATH, 0, 0, 0, none, none),
                () -> with(VALUATION, "USD", -1, 0.1, PATH, 0, 0, 0, none, none),
                () -> with(VALUATION, "USD", 0.1, -1, PATH, 0, 0, 0, none, none),
                () -> with(VALUATION, "USD", 0.1, 0.1, null, 0, 0, 0, none, none),
                () -> with(VALUATION, "USD", 0.1, 0.1, PATH, 1, 0, 0, none, none),
                () -> with(VALUATION, "USD", 0.1, 0.1, PATH, 0, 1, 0, none, none),
                () -> with(VALUATION, "USD", 0.1, 0.1, PATH, 0, 0, 2, none, none),
                () -> with(VALUATION, "USD", 0.1, 0.1, PATH, 0, 0, 0, OptionalDouble.of(1), none),
                () -> with(VALUATION, "USD", 0.1, 0.1, PATH, 0, 0, 0, none, OptionalDouble.of(0)));

        Set<Field> reported = EnumSet.noneOf(Field.class);
        eachWrong.forEach(construction -> reported.add(refused(construction)));

        assertThat(reported).containsExactlyInAnyOrderElementsOf(Assumptions.FIELDS);
    }

    @Test
    void everyFieldListedIsOneALoanRefusesWhenItAloneIsWrongAndNoOtherIs() {
        OptionalDouble lifeOfCluster = OptionalDouble.empty();
        List<Runnable> eachWrong = List.of(
                () -> new Financing(2, 0.08, lifeOfCluster, 0),
                () -> new Financing(0.5, 2, lifeOfCluster, 0),
                () -> new Financing(0.5, 0.08, OptionalDouble.of(0), 0),
                () -> new Financing(0.5, 0.08, lifeOfCluster, 2));

        Set<Field> reported = EnumSet.noneOf(Field.class);
        eachWrong.forEach(construction -> reported.add(refused(construction)));

        assertThat(reported).containsExactlyInAnyOrderElementsOf(Financing.FIELDS);
    }
}
