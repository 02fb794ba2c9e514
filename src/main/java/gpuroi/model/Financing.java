package gpuroi.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A loan against a cluster's capex, from the Assumptions sheet. Loans quote a nominal annual rate:
 * the monthly rate is {@code annualRate / 12}.
 *
 * @param loanToValue  share of capex borrowed at the purchase, 0..1
 * @param annualRate   nominal annual interest rate
 * @param termYears    years over which the loan amortizes; empty: each cluster's useful life
 * @param balloonShare share of the loan still owed at the end of the term and repaid then, 0..1
 */
public record Financing(double loanToValue, double annualRate, OptionalDouble termYears, double balloonShare) {
    /** Every field a loan's validation can refuse, so that the Assumptions sheet can be checked to map each to its cell. */
    public static final Set<Field> FIELDS = Collections.unmodifiableSet(EnumSet.of(Field.LOAN_TO_VALUE, Field.LOAN_RATE,
            Field.LOAN_TERM, Field.BALLOON));

    public Financing {
        termYears = Objects.requireNonNullElse(termYears, OptionalDouble.empty());
        Checks.between(Field.LOAN_TO_VALUE, loanToValue, 0, 1, "a share of capex from 0% to 100%");
        Checks.between(Field.LOAN_RATE, annualRate, 0, 1, "an annual rate from 0% to 100%");
        termYears.ifPresent(y -> Checks.between(Field.LOAN_TERM, y, 1.0 / 12, 50, "a term from 1 month to 50 years"));
        Checks.between(Field.BALLOON, balloonShare, 0, 1, "a share of the loan from 0% to 100%");
    }
}
