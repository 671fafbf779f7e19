package org.strongcities.fund.domain.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Collection;
import java.util.Currency;
import java.util.Locale;

/**
 * An amount in an ISO 4217 currency. Never a double: the amount is a BigDecimal with exactly the
 * currency's minor-unit scale, so two equal sums are equal records and ledgers add up to the cent.
 */
public record Money(BigDecimal amount, String currency) implements Comparable<Money> {

    /** The fund reports, commits and pays in US dollars. */
    public static final String USD = "USD";

    private static final BigDecimal TOO_LARGE = BigDecimal.TEN.pow(15);

    public Money {
        BusinessRuleViolation.require(amount != null, "An amount is required");
        Currency iso = isoCurrency(currency);
        currency = iso.getCurrencyCode();
        // Far beyond any grant or contribution in any currency; a figure this large is a typing error, and
        // the ledgers keep at most 16 digits before the decimal point.
        BusinessRuleViolation.require(amount.abs().compareTo(TOO_LARGE) < 0,
                "Amounts must be below 1,000,000,000,000,000 " + currency + ": check the figure, was "
                + (amount.precision() > 40 ? amount.toString() : amount.toPlainString()));
        try {
            amount = amount.setScale(iso.getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException tooPrecise) {
            // Silent rounding would create or lose money; the person has to correct the figure.
            throw new BusinessRuleViolation(currency + " amounts have at most " + iso.getDefaultFractionDigits()
                    + " decimal places: " + (amount.precision() > 40 ? amount.toString() : amount.toPlainString()));
        }
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public static Money usd(String amount) {
        return of(amount, USD);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Adds up amounts of one currency; an empty list is zero. */
    public static Money sum(Collection<Money> amounts, String currency) {
        Money total = zero(currency);
        for (Money each : amounts) {
            total = total.plus(each);
        }
        return total;
    }

    public Money plus(Money other) {
        requireSameCurrency(other, "add");
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other, "subtract");
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money min(Money other) {
        return isGreaterThan(other) ? other : this;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    @JsonIgnore
    public boolean isPositive() {
        return amount.signum() > 0;
    }

    @JsonIgnore
    public boolean isZero() {
        return amount.signum() == 0;
    }

    @JsonIgnore
    public boolean isUsd() {
        return USD.equals(currency);
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other, "compare");
        return amount.compareTo(other.amount);
    }

    /** "USD 40,000.00": the form used in every message a person reads. */
    @Override
    public String toString() {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMinimumFractionDigits(amount.scale());
        format.setMaximumFractionDigits(amount.scale());
        return currency + " " + format.format(amount);
    }

    private void requireSameCurrency(Money other, String operation) {
        BusinessRuleViolation.require(currency.equals(other.currency),
                "Cannot " + operation + " " + other + " and " + this + ": the currencies differ, convert first");
    }

    private static Currency isoCurrency(String code) {
        BusinessRuleViolation.require(code != null && !code.isBlank(), "A currency is required: use an ISO 4217 code such as USD");
        try {
            Currency iso = Currency.getInstance(code.trim().toUpperCase(Locale.ROOT));
            BusinessRuleViolation.require(iso.getDefaultFractionDigits() >= 0,
                    "Currency '" + code + "' is not a money currency: use an ISO 4217 code such as USD");
            return iso;
        } catch (IllegalArgumentException unknown) {
            throw new BusinessRuleViolation("Unknown currency '" + code + "': use an ISO 4217 code such as USD");
        }
    }
}
