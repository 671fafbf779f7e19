package org.strongcities.fund.web.finance;

import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;

/** Amounts and times as the finance, donor and public pages show them: {@code ${@financeFormat.usd(x)}}. */
@Component("financeFormat")
public class FinanceFormat {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    /** "1,234,567.89" */
    public String amount(BigDecimal value) {
        return amount(value, 2);
    }

    /** "USD 1,234,567.89" */
    public String usd(BigDecimal value) {
        return money(value, "USD");
    }

    /** "NOK 10,000,000.00", with the currency's own minor units. */
    public String money(BigDecimal value, String currency) {
        if (value == null) {
            return "";
        }
        int digits = 2;
        try {
            digits = Math.max(0, Currency.getInstance(currency.trim()).getDefaultFractionDigits());
        } catch (RuntimeException unknown) {
            // keep two decimals for a code the JDK does not know
        }
        return currency.trim() + " " + amount(value, digits);
    }

    public String when(Object at) {
        if (at == null) {
            return "";
        }
        if (at instanceof Instant instant) {
            return WHEN.format(instant.atOffset(ZoneOffset.UTC));
        }
        if (at instanceof OffsetDateTime time) {
            return WHEN.format(time.withOffsetSameInstant(ZoneOffset.UTC));
        }
        if (at instanceof java.sql.Timestamp timestamp) {
            return WHEN.format(timestamp.toInstant().atOffset(ZoneOffset.UTC));
        }
        return at.toString();
    }

    /**
     * Grouped by thousands with a point for decimals, whatever the server's locale. Built by hand: pages
     * format hundreds of amounts per request, and a DecimalFormat (not thread-safe, so one per call) cost
     * about 5 % of a finance page's CPU.
     */
    static String amount(BigDecimal value, int digits) {
        if (value == null) {
            return "";
        }
        BigDecimal rounded = value.setScale(digits, RoundingMode.HALF_EVEN);
        String plain = rounded.abs().toPlainString();
        int point = plain.indexOf('.');
        int whole = point < 0 ? plain.length() : point;
        StringBuilder grouped = new StringBuilder(plain.length() + whole / 3 + 1);
        if (rounded.signum() < 0) {
            grouped.append('-');
        }
        for (int i = 0; i < whole; i++) {
            if (i > 0 && (whole - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(plain.charAt(i));
        }
        return grouped.append(plain, whole, plain.length()).toString();
    }
}
