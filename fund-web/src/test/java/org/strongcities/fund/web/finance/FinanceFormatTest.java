package org.strongcities.fund.web.finance;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-built amount format writes what java.text.DecimalFormat "#,##0.00" (Locale.ROOT) writes. */
class FinanceFormatTest {

    private final FinanceFormat format = new FinanceFormat();

    @Test
    void groupsThousandsAndRoundsHalfEven() {
        assertThat(format.amount(new BigDecimal("1234567.891"))).isEqualTo("1,234,567.89");
        assertThat(format.amount(new BigDecimal("999.995"))).isEqualTo("1,000.00");
        assertThat(format.amount(new BigDecimal("0.125"))).isEqualTo("0.12");
        assertThat(format.amount(new BigDecimal("-100000"))).isEqualTo("-100,000.00");
        assertThat(format.amount(new BigDecimal("1E+7"))).isEqualTo("10,000,000.00");
        assertThat(format.money(new BigDecimal("10000000"), "NOK")).isEqualTo("NOK 10,000,000.00");
        assertThat(format.money(new BigDecimal("1500.5"), "JPY")).isEqualTo("JPY 1,500");
        assertThat(format.money(new BigDecimal("12.3456"), "KWD")).isEqualTo("KWD 12.346");
        assertThat(format.amount(null)).isEmpty();
    }

    @Test
    void agreesWithDecimalFormatOnManyValues() {
        Random random = new Random(20261126L);
        for (int i = 0; i < 20_000; i++) {
            int digits = random.nextInt(4);
            BigDecimal value = BigDecimal.valueOf(random.nextLong() % 10_000_000_000_000L, random.nextInt(7));
            if (value.setScale(digits, RoundingMode.HALF_EVEN).signum() == 0) {
                continue; // DecimalFormat writes "-0.00" for a tiny negative; we write "0.00"
            }
            assertThat(FinanceFormat.amount(value, digits)).as("%s with %d digits", value, digits)
                    .isEqualTo(decimalFormat(value, digits));
        }
    }

    private static String decimalFormat(BigDecimal value, int digits) {
        DecimalFormat reference = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        reference.setMinimumFractionDigits(digits);
        reference.setMaximumFractionDigits(digits);
        reference.setRoundingMode(RoundingMode.HALF_EVEN);
        return reference.format(value);
    }
}
