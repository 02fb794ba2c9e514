package gpuroi.model;

/**
 * A value of a model record that validation can refuse. Readers map a field to the cell or flag it
 * came from; the label is the name users see in the message, so rewording it moves no problem.
 */
public enum Field {
    // A cluster (Fleet row, or the quote command's flags)
    CLUSTER_ID("cluster id"),
    GPU_MODEL("GPU model"),
    GPU_COUNT("GPU count"),
    CAPEX_PER_GPU("capex per GPU"),
    STATUS("status"),
    USE("use"),
    PURCHASE_DATE("purchase date"),
    USEFUL_LIFE("useful life"),
    RESIDUAL_VALUE("residual value"),
    POWER_PER_GPU("power per GPU"),
    PUE("PUE"),
    ELECTRICITY_PRICE("electricity price"),
    OTHER_OPEX_PER_GPU_MONTH("other opex per GPU-month"),
    UTILIZATION("utilization"),
    START_PRICE_PER_GPU_HOUR("start price per GPU-hour"),
    SECONDARY_PRICE_PER_GPU("secondary price per GPU"),

    // A lease contract
    CONTRACT_ID("contract id"),
    ROLE("role"),
    RATE_PER_GPU_HOUR("rate per GPU-hour"),
    START_DATE("start date"),
    TERM("term"),
    PREPAID_SHARE("prepaid share"),
    GPUS_NEEDED("GPUs needed"),
    TERMINATION_FEE("termination fee"),
    CONTRACTED_GPUS("contracted GPUs"),

    // A market quote or catalog entry
    ON_DEMAND_PRICE_PER_GPU_HOUR("on-demand price per GPU-hour"),
    RESERVED_PRICE_PER_GPU_HOUR("reserved price per GPU-hour"),
    ANNUAL_PRICE_DECLINE("annual price decline"),
    NEW_PRICE_PER_GPU("new price per GPU"),
    SOURCE("source"),

    // Price paths
    PRICE_PATH("price path"),
    ANNUAL_DECLINE("annual decline"),
    BLENDED_END_SHARE("blended end share"),
    BLENDED_YEARS("blended years"),
    CUSTOM_CURVE("custom curve"),
    CUSTOM_CURVE_STEP("custom curve step"),
    CUSTOM_CURVE_MULTIPLIER("custom curve multiplier"),

    // Assumptions and financing
    VALUATION_DATE("valuation date"),
    CURRENCY("currency"),
    DISCOUNT_RATE("discount rate"),
    HURDLE_RATE("hurdle rate"),
    DEFAULT_PRICE_PATH("default price path"),
    MARKETPLACE_FEE("marketplace fee"),
    RESALE_FEE("resale fee"),
    RESALE_DISCOUNT("resale discount"),
    TAX_RATE("tax rate"),
    DEPRECIATION_YEARS("depreciation years"),
    LOAN_TO_VALUE("loan to value"),
    LOAN_RATE("loan rate"),
    LOAN_TERM("loan term"),
    BALLOON("balloon"),

    // Risk settings
    PATHS("paths"),
    SAMPLER("sampler"),
    PRICE_VOLATILITY("price volatility"),
    JUMPS_PER_YEAR("jumps per year"),
    JUMP_DROP("jump drop"),
    UTILIZATION_VOLATILITY("utilization volatility"),
    PRICE_UTILIZATION_RANK_CORRELATION("price-utilization rank correlation"),
    ANNUAL_DECLINE_RANGE("annual decline range"),
    CAPEX_FACTOR("capex factor"),
    POWER_PRICE_FACTOR("power price factor"),
    FACTOR_RANGE("factor range"),
    UNCERTAIN_INPUT("uncertain input"),
    /** A risk range (or its values); a range refused for its input is named after that input instead. */
    RANGE("range"),
    RANGE_LOW("range low"),
    RANGE_MOST_LIKELY("range most likely"),
    RANGE_HIGH("range high"),
    RANGE_SHAPE("range shape"),

    // A portfolio as a whole
    ASSUMPTIONS("assumptions"),
    CLUSTERS("clusters");

    private final String label;

    Field(String label) {
        this.label = label;
    }

    /** The name users read in a problem, e.g. "capex per GPU". */
    public String label() {
        return label;
    }
}
