package gpuroi.model;

/**
 * An uncertain input given as low / most likely / high, the way analysts state a range, and the
 * distribution read into it. A range with low = most likely = high is a fixed value.
 *
 * <p>PERT is a Beta on [low, high] with shape α = 1 + 4·(mode − low)/(high − low),
 * β = 1 + 4·(high − mode)/(high − low): its mean is (low + 4·mode + high)/6 and it puts less weight
 * on the extremes than the triangular distribution, whose mean is (low + mode + high)/3.
 *
 * @param low        lowest plausible value
 * @param mostLikely the mode
 * @param high       highest plausible value
 * @param shape      how the range is filled
 */
public record ValueRange(double low, double mostLikely, double high, Shape shape) {

    /** The distribution over the range. */
    public enum Shape {
        PERT, TRIANGULAR
    }

    public ValueRange {
        Checks.finite(Field.RANGE_LOW, low);
        Checks.finite(Field.RANGE_MOST_LIKELY, mostLikely);
        Checks.finite(Field.RANGE_HIGH, high);
        Checks.present(Field.RANGE_SHAPE, shape);
        if (!(low <= mostLikely && mostLikely <= high)) {
            throw new InvalidValueException(Field.RANGE, low + " / " + mostLikely + " / " + high,
                    "low ≤ most likely ≤ high");
        }
    }

    public static ValueRange fixed(double value) {
        return new ValueRange(value, value, value, Shape.PERT);
    }

    public static ValueRange pert(double low, double mostLikely, double high) {
        return new ValueRange(low, mostLikely, high, Shape.PERT);
    }

    public static ValueRange triangular(double low, double mostLikely, double high) {
        return new ValueRange(low, mostLikely, high, Shape.TRIANGULAR);
    }

    public boolean isFixed() {
        return low == high;
    }

    /** The distribution's mean: (low + 4·mode + high)/6 for PERT, (low + mode + high)/3 triangular. */
    public double mean() {
        return shape == Shape.PERT ? (low + 4 * mostLikely + high) / 6 : (low + mostLikely + high) / 3;
    }
}
