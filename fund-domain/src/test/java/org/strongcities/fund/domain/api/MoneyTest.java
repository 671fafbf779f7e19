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
    void refusesAFigureNoGrantOrContributionCouldHave() {
        assertThat(Money.of("999999999999999.99", "USD").amount()).isEqualByComparingTo("999999999999999.99");
        assertThatThrownBy(() -> Money.of("99999999999999999999999", "USD")).isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("Amounts must be below 1,000,000,000,000,000 USD: check the figure, was 99999999999999999999999");
        assertThatThrownBy(() -> Money.of("-1000000000000000", "EUR")).hasMessageStartingWith("Amounts must be below");
    }

    @Test
    void aConversionRateTypedTheOtherWayRoundIsRefused() {
        assertThat(Conversion.of(Money.of("1", "KWD"), "USD", new BigDecimal("3.26"), "ECB", LocalDate.of(2026, 1, 2))
                .converted()).isEqualTo(Money.usd("3.26"));
        assertThatThrownBy(() -> Conversion.of(Money.of("100", "NOK"), "USD", new BigDecimal("99999"), "ECB",
                LocalDate.of(2026, 1, 2))).isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("A conversion rate is USD per NOK and at most 1000, was 99999: check that it is not the rate the other way round");
    }

    @Test
    void oneLineTextsAreShortEnoughToReadAsOneLine() {
        assertThat(Earmark.purpose("x".repeat(200)).value()).hasSize(200);
        assertThatThrownBy(() -> Earmark.purpose("x".repeat(450))).isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("An earmark by purpose needs a value: at most 200 characters, this one has 450");
        assertThatThrownBy(() -> Conversion.of(Money.of("100", "EUR"), "USD", new BigDecimal("1.1"), "r".repeat(201),
                LocalDate.of(2026, 1, 2))).hasMessageEndingWith(": at most 200 characters, this one has 201");
    }

    @Test
    void earmarkValuesMustNameARealRegionPriorityOrSupportType() {
        assertThat(Earmark.region(Region.WEST_AFRICA).describe()).isEqualTo("earmarked for West Africa");
        assertThatThrownBy(() -> new Earmark(EarmarkKind.REGION, "ATLANTIS")).hasMessage("Unknown region 'ATLANTIS' in earmark");
    }
}
