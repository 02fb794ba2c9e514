package gpuroi.model;

/**
 * The tax, loan and resale terms of the assumptions in words, the same on the ROI Notes sheet and in every memo,
 * so an input that changes only a secondary figure (after-tax, equity) is seen beside that figure.
 */
public final class AssumptionTerms {
    /** What a tax rate changes. */
    public static final String TAX_EFFECT = "taxable income = revenue − power − other opex − depreciation, taxed in the month it"
            + " arises (a loss is a shield); in the last month the residual's gain over book value is taxed. After-tax IRR and"
            + " NPV are shown beside the pre-tax ones, which decide";
    /** What a loan changes. */
    public static final String LOAN_EFFECT = "drawn at the purchase, monthly rate = nominal annual / 12, level payments leaving"
            + " the balloon, repaid with the last payment (a term longer than the life is repaid in its last month). Equity IRR"
            + " and NPV are shown beside the unlevered ones, which decide";

    private AssumptionTerms() {
    }

    /** "21.0%", or that there is no after-tax view. */
    public static String tax(Assumptions a) {
        return a.taxRate().isPresent() ? Formats.percent(a.taxRate().getAsDouble(), 1) : "none (every figure is pre-tax)";
    }

    /** The depreciation period; only used with a tax rate. */
    public static String depreciation(Assumptions a) {
        if (a.taxRate().isEmpty()) {
            return "not used (no tax rate)";
        }
        return a.depreciationYears().isPresent()
                ? Formats.plain(a.depreciationYears().getAsDouble()) + " years, straight-line"
                : "each cluster's useful life, straight-line";
    }

    /** The loan terms, or that every cluster is all equity. */
    public static String loan(Assumptions a) {
        if (a.financing().isEmpty()) {
            return "none (all equity)";
        }
        Financing f = a.financing().get();
        return Formats.percent(f.loanToValue(), 1) + " of capex at " + Formats.percent(f.annualRate(), 2) + " nominal over "
                + (f.termYears().isPresent() ? Formats.plain(f.termYears().getAsDouble()) + " years" : "the useful life")
                + ", balloon " + Formats.percent(f.balloonShare(), 1) + " of the loan";
    }

    /** The resale fee. */
    public static String resaleFee(Assumptions a) {
        return Formats.percent(a.resaleFee(), 1) + " of a hardware sale price";
    }

    /** The resale discount. */
    public static String resaleDiscount(Assumptions a) {
        return Formats.percent(a.resaleDiscount(), 1) + " below the market price for subleased capacity";
    }
}
