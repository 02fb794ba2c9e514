package gpuroi.model;

/**
 * A workbook's range for one uncertain input.
 *
 * @param input    what is uncertain
 * @param values   low / most likely / high and the distribution; for a relative range, multiples of each
 *                 cluster's own value (0.9 / 1.0 / 1.2)
 * @param relative whether {@code values} are multiples of each cluster's own value rather than the input's
 *                 value for every cluster (only for amount inputs)
 */
public record RiskRange(UncertainInput input, ValueRange values, boolean relative) {
    public RiskRange {
        Checks.present(Field.UNCERTAIN_INPUT, input);
        Checks.present(Field.RANGE, values);
        if (relative && input.unit() != UncertainInput.Unit.AMOUNT) {
            throw new InvalidValueException(Field.RANGE, input.label(), "a share of the cluster's own value",
                    "an absolute percentage such as 40%");
        }
        if (relative ? values.low() < 0 : values.low() < input.min() || values.high() > input.max()) {
            throw new InvalidValueException(Field.RANGE, input.label(), values.low() + " to " + values.high(),
                    relative ? "multiples of the cluster's own value ≥ 0%" : "values from " + input.min() + " to " + input.max());
        }
    }

    /**
     * The range in the input's own unit for a cluster whose value of the input is {@code base}: the
     * values themselves, or base × them when relative.
     */
    public ValueRange absolute(double base) {
        return relative ? scaled(values, base) : values;
    }

    /**
     * The range as a multiplier of the cluster's own value {@code base}: the values themselves when
     * relative, else values / base; a fixed 1 when base is 0 (nothing to scale).
     */
    public ValueRange factor(double base) {
        if (relative) {
            return values;
        }
        return base > 0 ? scaled(values, 1 / base) : ValueRange.fixed(1);
    }

    private static ValueRange scaled(ValueRange r, double by) {
        return new ValueRange(r.low() * by, r.mostLikely() * by, r.high() * by, r.shape());
    }
}
