package gpuroi.cli;

import gpuroi.pipeline.Conversion;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** {@code --valuation-date}, as convert, validate, watch and quote take it: one parser, one message. */
final class ValuationDateOption {

    @Option(names = "--valuation-date", paramLabel = "YYYY-MM-DD",
            description = "Value everything at this date, overriding a workbook's Assumptions. Default: the workbook's, else the first day of this month.")
    String valuationDate;

    /** The date typed, if any; a date that is not YYYY-MM-DD is refused with an example. */
    Optional<LocalDate> forced() {
        if (valuationDate == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(valuationDate.strip()));
        } catch (DateTimeParseException e) {
            throw new UserInputException(List.of("--valuation-date '" + valuationDate + "': expected a date as YYYY-MM-DD, e.g. 2026-01-01"));
        }
    }

    /** The date typed, else the first day of the current month: a valuation date for inputs that give none. */
    LocalDate orThisMonth() {
        return forced().orElse(LocalDate.now().withDayOfMonth(1));
    }

    /** Conversion options valued at the typed date, else each workbook's own, else the first day of the month the job runs in. */
    Conversion.Options options(String toolVersion) {
        return Conversion.Options.at(orThisMonth(), forced(), toolVersion);
    }
}
