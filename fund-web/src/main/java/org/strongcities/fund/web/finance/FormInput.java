package org.strongcities.fund.web.finance;

import org.springframework.validation.Errors;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.strongcities.fund.web.platform.Amounts;
import org.strongcities.fund.web.platform.TypedDates;

/**
 * Reads what a person typed into a finance form. Each reader puts a message next to the field when
 * the input is wrong and returns null; the form keeps the text as typed.
 */
final class FormInput {

    private static final Pattern GENERATED_ID = Pattern.compile("[a-z]+-[0-9a-f]{12}");

    private FormInput() {
    }

    static String text(Errors errors, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            errors.rejectValue(field, "finance.error.required");
            return null;
        }
        return raw.trim();
    }

    /** An amount above zero; the decimals are checked against the currency when it is known. */
    static BigDecimal amount(Errors errors, String field, String raw, String currency) {
        BigDecimal amount = number(errors, field, raw, "finance.error.amount.notANumber", "finance.error.amount.notPositive");
        if (amount != null && currency != null) {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            if (amount.stripTrailingZeros().scale() > digits) {
                errors.rejectValue(field, "finance.error.amount.tooManyDecimals", new Object[]{currency, digits}, null);
                return null;
            }
        }
        return amount;
    }

    static BigDecimal rate(Errors errors, String field, String raw) {
        return number(errors, field, raw, "finance.error.rate.notANumber", "finance.error.rate.notPositive");
    }

    /** A three-letter ISO 4217 code, in upper case. */
    static String currency(Errors errors, String field, String raw) {
        String code = text(errors, field, raw);
        if (code == null) {
            return null;
        }
        code = code.toUpperCase(Locale.ROOT);
        try {
            if (code.length() == 3 && Currency.getInstance(code).getDefaultFractionDigits() >= 0) {
                return code;
            }
        } catch (IllegalArgumentException unknown) {
            // falls through to the message
        }
        errors.rejectValue(field, "finance.error.currency.unknown", new Object[]{raw.trim()}, null);
        return null;
    }

    static LocalDate date(Errors errors, String field, String raw) {
        String text = text(errors, field, raw);
        if (text == null) {
            return null;
        }
        try {
            return TypedDates.parse(text);
        } catch (DateTimeParseException wrong) {
            // falls through to the message: 2026-02-30 has the shape of a date but is none
        }
        errors.rejectValue(field, "finance.error.date.invalid");
        return null;
    }

    /** The id a form was rendered with (so a form sent twice records once), or a new one. */
    static String idOrNew(String posted, String prefix) {
        if (posted != null && GENERATED_ID.matcher(posted).matches() && posted.startsWith(prefix + "-")) {
            return posted;
        }
        return newId(prefix);
    }

    static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static BigDecimal number(Errors errors, String field, String raw, String notANumber, String notPositive) {
        String text = text(errors, field, raw);
        if (text == null) {
            return null;
        }
        String plain = text.replace(" ", "");
        if (plain.startsWith("-") && Amounts.parse(plain.substring(1)).isPresent()) {
            errors.rejectValue(field, notPositive);
            return null;
        }
        BigDecimal value = Amounts.parse(plain).orElse(null);
        if (value == null) {
            errors.rejectValue(field, notANumber);
            return null;
        }
        if (value.signum() <= 0) {
            errors.rejectValue(field, notPositive);
            return null;
        }
        return value;
    }
}
