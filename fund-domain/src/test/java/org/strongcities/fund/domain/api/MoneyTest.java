package org.strongcities.fund.domain.api;

import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.math.BigDecimal;
import java.time.LocalDate;

class MoneyTest {

    @Test
    void normalisesToTheCurrencyMinorUnit() {
        assertThat(Money.of("10", "usd")).isEqualTo(Money.of("10.00", "USD"));
        assertThat(Money.of("500", "JPY").amount().scale()).isZero();
        assertThat(Money.of("1.250", "KWD").amount().scale()).isEqualTo(3);
    }

    @Test
    void rejectsAnUnknownCurrencyWithAClearMessage() {
        assertThatThrownBy(() -> Money.of("10", "XYZ")).isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("Unknown currency 'XYZ': use an ISO 4217 code such as USD");
    }

    @Test
    void neverRoundsSilently() {
        assertThatThrownBy(() -> Money.usd("10.005")).hasMessage("USD amounts have at most 2 decimal places: 10.005");
    }

    @Test
    void addsSubtractsAndComparesWithinOneCurrency() {
        Money total = Money.usd("25000").plus(Money.usd("15000.50")).minus(Money.usd("0.50"));
        assertThat(total).isEqualTo(Money.usd("40000"));
        assertThat(total.isGreaterThan(Money.usd("39999.99"))).isTrue();
        assertThat(Money.zero("EUR").isZero()).isTrue();
        assertThat(total).hasToString("USD 40,000.00");
        assertThatThrownBy(() -> total.plus(Money.of("1", "EUR"))).hasMessageContaining("the currencies differ");
    }

    @Test
    void conversionRecordsRateSourceAndDateAndChecksTheArithmetic() {
        Conversion conversion = Conversion.of(Money.of("100000", "EUR"), "USD", new BigDecimal("1.0825"), "ECB reference rate",
                LocalDate.of(2025, 3, 31));
        assertThat(conversion.converted()).isEqualTo(Money.usd("108250"));
        assertThatThrownBy(() -> new Conversion(Money.of("100", "EUR"), Money.usd("200"), new BigDecimal("1.1"), "ECB",
                LocalDate.of(2025, 1, 2))).hasMessage("Converting EUR 100.00 at 1.1 gives USD 110.00, not USD 200.00");
    }

    @Test
    void earmarkValuesMustNameARealRegionPriorityOrSupportType() {
        assertThat(Earmark.region(Region.WEST_AFRICA).describe()).isEqualTo("earmarked for West Africa");
        assertThatThrownBy(() -> new Earmark(EarmarkKind.REGION, "ATLANTIS")).hasMessage("Unknown region 'ATLANTIS' in earmark");
    }
}
