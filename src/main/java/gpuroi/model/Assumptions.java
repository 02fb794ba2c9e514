package gpuroi.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Portfolio-wide assumptions. Rates are annual fractions (0.10 = 10%/yr).
 *
 * @param valuationDate    the date NPVs discount to and that separates history from the future
 * @param currency         ISO code of all money amounts (USD by default)
 * @param discountRate     annual rate for NPV and discounted payback
 * @param hurdleRate       the return the investor requires; decisions compare against it
 * @param defaultPricePath the path used by clusters that name none
 * @param marketplaceFee   share of rental revenue kept by the marketplace or reseller
 * @param resaleFee        share of a hardware sale price lost to brokers, logistics and data wiping
 * @param resaleDiscount   how far below the market price a lessee must sublease capacity it does not need, as a
 *                         share of that price (default 0%: resold hours fetch the market price, less the
 *                         marketplace fee); it also stands for hours that find no buyer
 * @param taxRate          income tax rate for the after-tax view; empty: pre-tax only (the default)
 * @param depreciationYears straight-line tax depreciation period; empty: each cluster's useful life
 * @param financing        a loan against each cluster's capex for the equity view; empty: all equity (the default)
 */
public record Assumptions(
        LocalDate valuationDate,
        String currency,
        double discountRate,
        double hurdleRate,
        PricePath defaultPricePath,
        double marketplaceFee,
        double resaleFee,
        double resaleDiscount,
        OptionalDouble taxRate,
        OptionalDouble depreciationYears,
        Optional<Financing> financing) {

    public static final double DEFAULT_DISCOUNT_RATE = 0.10;
    public static final double DEFAULT_RESALE_DISCOUNT = 0.0;

    /**
     * Every field the assumptions' validation can refuse (the loan's are {@link Financing#FIELDS}), so that
     * their reader (the Assumptions sheet) can be checked to point every one of them at its own cell.
     */
    public static final Set<Field> FIELDS = Collections.unmodifiableSet(EnumSet.of(Field.VALUATION_DATE, Field.CURRENCY,
            Field.DISCOUNT_RATE, Field.HURDLE_RATE, Field.DEFAULT_PRICE_PATH, Field.MARKETPLACE_FEE, Field.RESALE_FEE,
            Field.RESALE_DISCOUNT, Field.TAX_RATE, Field.DEPRECIATION_YEARS));

    public Assumptions {
        Checks.present(Field.VALUATION_DATE, valuationDate);
        currency = Checks.text(Field.CURRENCY, currency == null ? "USD" : currency).toUpperCase(Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            throw new InvalidValueException(Field.CURRENCY, currency, "a three-letter ISO code such as USD or EUR");
        }
        Checks.rate(Field.DISCOUNT_RATE, discountRate);
        Checks.rate(Field.HURDLE_RATE, hurdleRate);
        Checks.present(Field.DEFAULT_PRICE_PATH, defaultPricePath);
        Checks.between(Field.MARKETPLACE_FEE, marketplaceFee, 0, 0.99, "a share of revenue from 0% to 99%");
        Checks.between(Field.RESALE_FEE, resaleFee, 0, 0.99, "a share of the sale price from 0% to 99%");
        Checks.between(Field.RESALE_DISCOUNT, resaleDiscount, 0, 1, "a share of the market price from 0% to 100%");
        taxRate = Objects.requireNonNullElse(taxRate, OptionalDouble.empty());
        depreciationYears = Objects.requireNonNullElse(depreciationYears, OptionalDouble.empty());
        taxRate.ifPresent(t -> Checks.between(Field.TAX_RATE, t, 0, 0.99, "a tax rate from 0% to 99%"));
        financing = Objects.requireNonNullElse(financing, Optional.empty());
        depreciationYears.ifPresent(y -> Checks.between(Field.DEPRECIATION_YEARS, y, 1.0 / 12, 50, "a period from 1 month to 50 years"));
    }

    /** Assumptions with the default resale discount (0%), pre-tax. */
    public Assumptions(LocalDate valuationDate, String currency, double discountRate, double hurdleRate,
                       PricePath defaultPricePath, double marketplaceFee, double resaleFee) {
        this(valuationDate, currency, discountRate, hurdleRate, defaultPricePath, marketplaceFee, resaleFee,
                DEFAULT_RESALE_DISCOUNT);
    }

    /** Pre-tax assumptions. */
    public Assumptions(LocalDate valuationDate, String currency, double discountRate, double hurdleRate,
                       PricePath defaultPricePath, double marketplaceFee, double resaleFee, double resaleDiscount) {
        this(valuationDate, currency, discountRate, hurdleRate, defaultPricePath, marketplaceFee, resaleFee,
                resaleDiscount, OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty());
    }

    /** The workbook contract's defaults: USD, 10% discount and hurdle, blended 50% over 5 years, no fees. */
    public static Assumptions defaults(LocalDate valuationDate) {
        return new Assumptions(valuationDate, "USD", DEFAULT_DISCOUNT_RATE, DEFAULT_DISCOUNT_RATE,
                PricePath.ARTICLE_BLENDED, 0, 0);
    }

    public Assumptions withValuationDate(LocalDate date) {
        return new Assumptions(date, currency, discountRate, hurdleRate, defaultPricePath, marketplaceFee, resaleFee,
                resaleDiscount, taxRate, depreciationYears, financing);
    }

    public Assumptions withRates(double newDiscountRate, double newHurdleRate) {
        return new Assumptions(valuationDate, currency, newDiscountRate, newHurdleRate, defaultPricePath, marketplaceFee,
                resaleFee, resaleDiscount, taxRate, depreciationYears, financing);
    }

    public Assumptions withResaleDiscount(double discount) {
        return new Assumptions(valuationDate, currency, discountRate, hurdleRate, defaultPricePath, marketplaceFee,
                resaleFee, discount, taxRate, depreciationYears, financing);
    }

    public Assumptions withMarketplaceFee(double fee) {
        return new Assumptions(valuationDate, currency, discountRate, hurdleRate, defaultPricePath, fee, resaleFee,
                resaleDiscount, taxRate, depreciationYears, financing);
    }

    /** The same assumptions with a loan against each cluster's capex. */
    public Assumptions withFinancing(Financing loan) {
        return new Assumptions(valuationDate, currency, discountRate, hurdleRate, defaultPricePath, marketplaceFee,
                resaleFee, resaleDiscount, taxRate, depreciationYears, Optional.of(loan));
    }

    /** The same assumptions with an after-tax view: a tax rate and, optionally, a depreciation period in years. */
    public Assumptions withTax(double rate, OptionalDouble years) {
        return new Assumptions(valuationDate, currency, discountRate, hurdleRate, defaultPricePath, marketplaceFee,
                resaleFee, resaleDiscount, OptionalDouble.of(rate), years, financing);
    }
}
