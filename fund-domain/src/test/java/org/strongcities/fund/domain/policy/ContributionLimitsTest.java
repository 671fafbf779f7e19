package org.strongcities.fund.domain.policy;

import org.junit.jupiter.api.Test;
import org.strongcities.fund.domain.api.Money;
import static org.assertj.core.api.Assertions.assertThat;
import java.time.LocalDate;

class ContributionLimitsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @Test
    void theLargestAmountIsScaledByTheCurrencysMinorUnit() {
        assertThat(ContributionLimits.largest("USD")).isEqualTo(Money.usd("100000000.00"));
        assertThat(ContributionLimits.largest("NOK")).isEqualTo(Money.of("100000000.00", "NOK"));
        assertThat(ContributionLimits.largest("JPY")).isEqualTo(Money.of("10000000000", "JPY"));
        assertThat(ContributionLimits.largest("KWD")).isEqualTo(Money.of("10000000.000", "KWD"));
    }

    @Test
    void anAmountAtTheLimitFitsAndOneMinorUnitMoreDoesNot() {
        assertThat(ContributionLimits.amountProblem(Money.usd("100000000.00"))).isNull();
        assertThat(ContributionLimits.amountProblem(Money.usd("100000000.01"))).contains("above the USD 100,000,000.00");
        assertThat(ContributionLimits.amountProblem(Money.of("10000000000", "JPY"))).isNull();
        assertThat(ContributionLimits.amountProblem(Money.of("10000000001", "JPY"))).contains("above the JPY 10,000,000,000");
        assertThat(ContributionLimits.amountProblem(Money.usd("0.01"))).isNull();
        assertThat(ContributionLimits.amountProblem(Money.usd("0"))).isEqualTo("needs an amount above zero, was USD 0.00");
        assertThat(ContributionLimits.amountProblem(null)).isEqualTo("needs an amount above zero, was null");
    }

    @Test
    void aPeriodFitsFromTheEarliestStartForAtMostTenYears() {
        LocalDate earliest = LocalDate.of(2015, 1, 1);
        assertThat(ContributionLimits.periodProblem(earliest, earliest.plusYears(10), TODAY)).isNull();
        assertThat(ContributionLimits.periodProblem(earliest.minusDays(1), earliest.plusYears(1), TODAY)).startsWith("starts on 2014-12-31");
        assertThat(ContributionLimits.periodProblem(earliest, earliest.plusYears(10).plusDays(1), TODAY)).startsWith("ends on 2025-01-02");
        assertThat(ContributionLimits.periodProblem(earliest, earliest, TODAY)).startsWith("needs a period that ends after it starts");
        assertThat(ContributionLimits.periodProblem(TODAY.plusYears(2), TODAY.plusYears(3), TODAY)).isNull();
        assertThat(ContributionLimits.periodProblem(TODAY.plusYears(2).plusDays(1), TODAY.plusYears(3), TODAY))
                .startsWith("starts on 2028-11-27, more than 2 years from today");
    }

    /** The form names each breach beside its field; a mistyped start is named before the length it implies. */
    @Test
    void aPeriodNamesTheFirstLimitItBreaks() {
        LocalDate earliest = LocalDate.of(2015, 1, 1);
        assertThat(ContributionLimits.periodBreach(LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31), TODAY))
                .isEqualTo(ContributionLimits.PeriodBreach.STARTS_BEFORE_EARLIEST);
        assertThat(ContributionLimits.periodBreach(TODAY, LocalDate.of(9999, 12, 31), TODAY))
                .isEqualTo(ContributionLimits.PeriodBreach.LASTS_TOO_LONG);
        assertThat(ContributionLimits.periodBreach(TODAY.plusYears(3), TODAY.plusYears(4), TODAY))
                .isEqualTo(ContributionLimits.PeriodBreach.STARTS_TOO_FAR_AHEAD);
        assertThat(ContributionLimits.periodBreach(earliest.minusDays(1), earliest.minusYears(1), TODAY))
                .isEqualTo(ContributionLimits.PeriodBreach.ENDS_BEFORE_START);
        assertThat(ContributionLimits.periodBreach(earliest, earliest.plusYears(10), TODAY)).isNull();
    }

    @Test
    void aReceiptIsDatedNoEarlierThanTheEarliestStart() {
        LocalDate earliest = LocalDate.of(2015, 1, 1);
        LocalDate oldStart = LocalDate.of(1900, 1, 1);
        assertThat(ReceiptDating.problem(earliest, TODAY, oldStart, TODAY)).isNull();
        assertThat(ReceiptDating.problem(earliest.minusDays(1), TODAY, oldStart, TODAY)).startsWith("has a value date of 2014-12-31, before 2015-01-01");
    }
}
