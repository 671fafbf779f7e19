package org.strongcities.fund.web.platform;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an amount as people type it ("25000", "25,000.50"). Only plain figures of sensible length
 * are accepted: an exponent such as 1E-9999999 or a million digits would cost the server far more
 * to parse and to report than any real amount.
 */
public final class Amounts {

    /** Up to ten decimals, so that exchange rates read too; a currency's own scale is checked by Money. */
    private static final Pattern FIGURES = Pattern.compile("\\d{1,3}(,?\\d{3})*(\\.\\d{1,10})?|\\d{1,13}(\\.\\d{1,10})?");
    private static final int LONGEST = 24;

    private Amounts() {
    }

    /** The amount, or empty when the text is not a plain non-negative figure. */
    public static Optional<BigDecimal> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String plain = text.strip();
        if (plain.isEmpty() || plain.length() > LONGEST || !FIGURES.matcher(plain).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(plain.replace(",", "")));
    }

    /** A bounded echo of what was typed, for messages. */
    public static String shown(String text) {
        String trimmed = text == null ? "" : text.strip();
        return trimmed.length() > 40 ? trimmed.substring(0, 40) + "…" : trimmed;
    }
}
