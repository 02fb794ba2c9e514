package gpuroi.model;

import java.util.ArrayList;
import java.util.List;

/** Constructor-time validation shared by the model records; every failure names the field. */
final class Checks {
    private Checks() {
    }

    /**
     * Runs every check of a record and throws once with all failures, so that a user sees each
     * wrong field in one go instead of one per run.
     */
    static void all(Runnable... checks) {
        List<InvalidValueException> failures = new ArrayList<>();
        for (Runnable check : checks) {
            try {
                check.run();
            } catch (InvalidValueException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            InvalidValueException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addOther);
            throw first;
        }
    }

    static double finite(Field field, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidValueException(field, value, "a finite number");
        }
        return value;
    }

    static double nonNegative(Field field, double value) {
        finite(field, value);
        if (value < 0) {
            throw new InvalidValueException(field, value, "a number ≥ 0");
        }
        return value;
    }

    static double between(Field field, double value, double min, double max, String expected) {
        finite(field, value);
        if (value < min || value > max) {
            throw new InvalidValueException(field, value, expected);
        }
        return value;
    }

    static double rate(Field field, double value) {
        // An annual rate of −100% or less has no meaning as a discount rate.
        finite(field, value);
        if (value <= -1 || value > 100) {
            throw new InvalidValueException(field, value, "an annual rate above −100% and at most 10,000%");
        }
        return value;
    }

    static String text(Field field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, value, "a non-empty text");
        }
        return value.strip();
    }

    static <T> T present(Field field, T value) {
        if (value == null) {
            throw new InvalidValueException(field, null, "a value");
        }
        return value;
    }
}
