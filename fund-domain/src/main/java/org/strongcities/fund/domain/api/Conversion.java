package org.strongcities.fund.domain.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * One conversion between currencies, recorded with everything an auditor needs to redo it: the
 * original and converted amounts, the rate, where the rate came from and its value date.
 */
public record Conversion(Money original, Money converted, BigDecimal rate, String source, LocalDate valueDate) {

    public Conversion {
        BusinessRuleViolation.require(original != null && converted != null, "A conversion needs the original and the converted amount");
        BusinessRuleViolation.require(rate != null && rate.signum() > 0, "A conversion rate must be positive, was " + rate);
        // Rates are target units per original unit (US dollars per unit): no currency is worth a thousand
        // dollars a unit, so a larger rate is one typed the other way round (units per dollar) or mistyped.
        BusinessRuleViolation.require(rate.compareTo(MOST_PER_UNIT) <= 0, "A conversion rate is " + converted.currency()
                + " per " + original.currency() + " and at most " + MOST_PER_UNIT.toPlainString() + ", was "
                + rate.toPlainString() + ": check that it is not the rate the other way round");
        BusinessRuleViolation.requireLine(source, "A conversion must name the source of its rate, for example 'ECB reference rate'");
        BusinessRuleViolation.require(valueDate != null, "A conversion needs the value date of its rate");
        Money expected = convert(original, converted.currency(), rate);
        BusinessRuleViolation.require(expected.equals(converted),
                "Converting " + original + " at " + rate.toPlainString() + " gives " + expected + ", not " + converted);
    }

    private static final BigDecimal MOST_PER_UNIT = new BigDecimal(1_000);

    /** Converts at the rate, rounding half-even to the target currency's minor unit. */
    public static Conversion of(Money original, String targetCurrency, BigDecimal rate, String source, LocalDate valueDate) {
        return new Conversion(original, convert(original, targetCurrency, rate), rate, source, valueDate);
    }

    /** A dollar amount needs no conversion; recording it at rate 1 keeps every receipt alike. */
    public static Conversion none(Money amount, LocalDate valueDate) {
        return new Conversion(amount, amount, BigDecimal.ONE, "same currency, no conversion", valueDate);
    }

    private static Money convert(Money original, String targetCurrency, BigDecimal rate) {
        int minorUnits = Money.zero(targetCurrency).amount().scale();
        return new Money(original.amount().multiply(rate).setScale(minorUnits, RoundingMode.HALF_EVEN), targetCurrency);
    }
}
