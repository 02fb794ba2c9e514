package gpuroi.model;

/**
 * An input whose low / most likely / high range a workbook may give (the Risk sheet), with the unit
 * its values are read in. Share inputs are always absolute percentages; amount inputs are either an
 * amount in the Fleet column's unit, the same for every cluster, or a percentage of each cluster's own
 * value ({@code 90%}), which suits a fleet that mixes GPU models.
 */
public enum UncertainInput {
    /** Geometric annual decline of the rental price; the Monte Carlo draws each path's rate from it. */
    ANNUAL_PRICE_DECLINE("Annual price decline", Unit.SHARE, 0, 0.999),
    /** Start rental price, $/GPU-hr. */
    START_PRICE("Start price", Unit.AMOUNT, 0, Double.MAX_VALUE),
    UTILIZATION("Utilization", Unit.SHARE, 0, 1),
    /** Capex per GPU, $; the Monte Carlo draws a planned cluster's capex factor from it. */
    CAPEX_PER_GPU("Capex per GPU", Unit.AMOUNT, 0, Double.MAX_VALUE),
    /** Electricity price, $/kWh; the Monte Carlo draws the power price factor from it. */
    ELECTRICITY_PRICE("Electricity price", Unit.AMOUNT, 0, Double.MAX_VALUE),
    /** Other opex, $/GPU-month. */
    OTHER_OPEX("Other opex", Unit.AMOUNT, 0, Double.MAX_VALUE),
    /** Residual value as a share of capex. */
    RESIDUAL_VALUE("Residual value", Unit.SHARE, 0, 1),
    HURDLE_RATE("Hurdle rate", Unit.SHARE, -0.99, 100);

    /** How the range's values are read. */
    public enum Unit {
        /** A percentage: 40%, 0.4. */
        SHARE,
        /** A money amount in the Fleet column's unit, or a percentage of each cluster's own value. */
        AMOUNT
    }

    private final String label;
    private final Unit unit;
    private final double min;
    private final double max;

    UncertainInput(String label, Unit unit, double min, double max) {
        this.label = label;
        this.unit = unit;
        this.min = min;
        this.max = max;
    }

    public String label() {
        return label;
    }

    public Unit unit() {
        return unit;
    }

    /** What an amount of the input is counted per, as its Fleet column is; nothing for a share. */
    public Quantities.Per per() {
        return switch (this) {
            case START_PRICE -> Quantities.Per.GPU_HOUR;
            case CAPEX_PER_GPU -> Quantities.Per.GPU;
            case ELECTRICITY_PRICE -> Quantities.Per.KWH;
            case OTHER_OPEX -> Quantities.Per.GPU_MONTH;
            case ANNUAL_PRICE_DECLINE, UTILIZATION, RESIDUAL_VALUE, HURDLE_RATE -> Quantities.Per.NOTHING;
        };
    }

    /** The smallest absolute value the input may take. */
    public double min() {
        return min;
    }

    /** The largest absolute value the input may take. */
    public double max() {
        return max;
    }
}
