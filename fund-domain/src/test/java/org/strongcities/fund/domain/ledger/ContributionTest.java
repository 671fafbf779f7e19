package org.strongcities.fund.domain.ledger;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.strongcities.fund.domain.api.ContributionAgreementSignedEvent;
import org.strongcities.fund.domain.api.Conversion;
import org.strongcities.fund.domain.api.Earmark;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.domain.api.ReceiptRecordedEvent;
import org.strongcities.fund.domain.api.RecordReceiptCommand;
import org.strongcities.fund.domain.api.Region;
import org.strongcities.fund.domain.api.SignContributionAgreementCommand;
import java.math.BigDecimal;
import java.time.LocalDate;

class ContributionTest {

    static final LocalDate START = LocalDate.of(2025, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31);

    private AggregateTestFixture<Contribution> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contribution.class);
    }

    static ContributionAgreementSignedEvent signed(Money pledged) {
        return new ContributionAgreementSignedEvent("c-1", "donor-no", pledged, START, END, Earmark.region(Region.WEST_AFRICA), "finance");
    }

    @Test
    void aDonorSignsAnEarmarkedAgreement() {
        fixture.givenNoPriorActivity()
                .when(new SignContributionAgreementCommand("c-1", "donor-no", Money.of("100000", "EUR"), START, END,
                        Earmark.region(Region.WEST_AFRICA), "finance"))
                .expectEvents(signed(Money.of("100000", "EUR")));
    }

    @Test
    void theAgreementPeriodEndsAfterItStarts() {
        fixture.givenNoPriorActivity()
                .when(new SignContributionAgreementCommand("c-1", "donor-no", Money.usd("1"), END, START, Earmark.unrestricted(), "finance"))
                .expectExceptionMessage("The contribution agreement with donor donor-no for USD 1.00 needs a period that ends after it starts, was 2026-12-31 to 2025-01-01");
    }

    @Test
    void aForeignReceiptRecordsItsConversion() {
        Conversion toUsd = Conversion.of(Money.of("50000", "EUR"), "USD", new BigDecimal("1.0825"), "ECB reference rate", START);
        fixture.given(signed(Money.of("100000", "EUR")))
                .when(new RecordReceiptCommand("c-1", "rc-1", Money.of("50000", "EUR"), toUsd, START, "finance"))
                .expectEvents(new ReceiptRecordedEvent("c-1", "rc-1", Money.of("50000", "EUR"), toUsd, START, "finance"))
                .expectState(contribution -> org.assertj.core.api.Assertions.assertThat(contribution.available()).isEqualTo(Money.usd("54125")));
    }

    @Test
    void aForeignReceiptWithoutConversionIsRejected() {
        fixture.given(signed(Money.of("100000", "EUR")))
                .when(new RecordReceiptCommand("c-1", "rc-1", Money.of("50000", "EUR"), null, START, "finance"))
                .expectNoEvents()
                .expectExceptionMessage("The receipt of EUR 50,000.00 with value date 2025-01-01 on contribution c-1 of donor donor-no needs its conversion to USD "
                        + "with rate, rate source and value date");
    }

    @Test
    void aDollarReceiptIsRecordedAtRateOne() {
        fixture.given(signed(Money.usd("100000")))
                .when(new RecordReceiptCommand("c-1", "rc-1", Money.usd("30000"), null, START, "finance"))
                .expectEvents(new ReceiptRecordedEvent("c-1", "rc-1", Money.usd("30000"), Conversion.none(Money.usd("30000"), START),
                        START, "finance"));
    }

    @Test
    void moneyIsRecordedOnceItHasArrivedNotBefore() {
        new AggregateTestFixture<>(Contribution.class).given(signed(Money.usd("100000")))
                .andGivenCurrentTime(START.plusMonths(2).atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
                .when(new RecordReceiptCommand("c-1", "rc-1", Money.usd("30000"), null, START.plusMonths(2).plusDays(1), "finance"))
                .expectNoEvents()
                .expectExceptionMessage("The receipt of USD 30,000.00 on contribution c-1 of donor donor-no has a value date of 2025-03-02, after today (2025-03-01); "
                        + "record money once it has arrived, with the day it arrived");
    }

    @Test
    void aReceiptFallsWithinTheAgreementPeriod() {
        fixture.given(signed(Money.usd("100000")))
                .when(new RecordReceiptCommand("c-1", "rc-1", Money.usd("30000"), null, START.minusDays(1), "finance"))
                .expectNoEvents()
                .expectExceptionMessage("The receipt of USD 30,000.00 on contribution c-1 of donor donor-no has a value date of 2024-12-31, outside the agreement's period "
                        + "2025-01-01 to 2026-12-31; record it on the agreement it belongs to, or amend this agreement's period first");
        new AggregateTestFixture<>(Contribution.class).given(signed(Money.usd("100000")))
                .andGivenCurrentTime(END.plusMonths(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
                .when(new RecordReceiptCommand("c-1", "rc-1", Money.usd("30000"), null, END.plusDays(1), "finance"))
                .expectNoEvents()
                .expectExceptionMessage("The receipt of USD 30,000.00 on contribution c-1 of donor donor-no has a value date of 2027-01-01, outside the agreement's period "
                        + "2025-01-01 to 2026-12-31; record it on the agreement it belongs to, or amend this agreement's period first");
        new AggregateTestFixture<>(Contribution.class).given(signed(Money.usd("100000")))
                .andGivenCurrentTime(END.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
                .when(new RecordReceiptCommand("c-1", "rc-1", Money.usd("30000"), null, END, "finance"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void receiptsNeverExceedThePledge() {
        fixture.given(signed(Money.usd("100000")),
                        new ReceiptRecordedEvent("c-1", "rc-1", Money.usd("80000"), Conversion.none(Money.usd("80000"), START), START, "finance"))
                .when(new RecordReceiptCommand("c-1", "rc-2", Money.usd("30000"), null, START, "finance"))
                .expectExceptionMessage("The receipt of USD 30,000.00 with value date 2025-01-01 on contribution c-1 of donor donor-no would bring the money received to "
                        + "USD 110,000.00, above the USD 100,000.00 pledged; amend the agreement first");
    }

    // ---- Limits (ContributionLimits): exactly at a limit is allowed, one step beyond is refused ------------

    private static SignContributionAgreementCommand sign(Money pledged, LocalDate start, LocalDate end) {
        return new SignContributionAgreementCommand("c-1", "donor-no", pledged, start, end, Earmark.unrestricted(), "finance");
    }

    private static ContributionAgreementSignedEvent signedUnrestricted(Money pledged, LocalDate start, LocalDate end) {
        return new ContributionAgreementSignedEvent("c-1", "donor-no", pledged, start, end, Earmark.unrestricted(), "finance");
    }

    @Test
    void aPledgeIsAtMostTenBillionMinorUnitsOfItsCurrency() {
        fixture.givenNoPriorActivity().when(sign(Money.usd("100000000.00"), START, END))
                .expectEvents(signedUnrestricted(Money.usd("100000000.00"), START, END));
        new AggregateTestFixture<>(Contribution.class).givenNoPriorActivity().when(sign(Money.usd("100000000.01"), START, END))
                .expectNoEvents()
                .expectExceptionMessage("The contribution agreement with donor donor-no for USD 100,000,000.01 has an amount of "
                        + "USD 100,000,000.01, above the USD 100,000,000.00 one agreement or receipt may hold; check the figure for extra digits");
        // A yen has no minor unit, so the limit in yen is a hundred times as many units: about the same value.
        new AggregateTestFixture<>(Contribution.class).givenNoPriorActivity().when(sign(Money.of("10000000000", "JPY"), START, END))
                .expectEvents(signedUnrestricted(Money.of("10000000000", "JPY"), START, END));
        new AggregateTestFixture<>(Contribution.class).givenNoPriorActivity().when(sign(Money.of("10000000001", "JPY"), START, END))
                .expectNoEvents()
                .expectException(org.strongcities.fund.domain.api.BusinessRuleViolation.class);
    }

    @Test
    void theAbsurdPledgeFoundInTheBrowserIsRefused() {
        fixture.givenNoPriorActivity().when(sign(Money.of("9999999999999", "NOK"), START, END))
                .expectNoEvents()
                .expectExceptionMessage("The contribution agreement with donor donor-no for NOK 9,999,999,999,999.00 has an amount of "
                        + "NOK 9,999,999,999,999.00, above the NOK 100,000,000.00 one agreement or receipt may hold; check the figure for extra digits");
    }

    @Test
    void aPeriodStartsNoEarlierThan2015() {
        LocalDate earliest = LocalDate.of(2015, 1, 1);
        fixture.givenNoPriorActivity().when(sign(Money.usd("1000"), earliest, earliest.plusYears(2)))
                .expectEvents(signedUnrestricted(Money.usd("1000"), earliest, earliest.plusYears(2)));
        new AggregateTestFixture<>(Contribution.class).givenNoPriorActivity()
                .when(sign(Money.usd("1000"), earliest.minusDays(1), earliest.plusYears(2)))
                .expectNoEvents()
                .expectExceptionMessage("The contribution agreement with donor donor-no for USD 1,000.00 starts on 2014-12-31, before "
                        + "2015-01-01: the Strong Cities Network was launched in 2015; check the year");
    }

    @Test
    void aPeriodLastsAtMostTenYears() {
        fixture.givenNoPriorActivity().when(sign(Money.usd("1000"), START, START.plusYears(10)))
                .expectEvents(signedUnrestricted(Money.usd("1000"), START, START.plusYears(10)));
        new AggregateTestFixture<>(Contribution.class).givenNoPriorActivity()
                .when(sign(Money.usd("1000"), START, START.plusYears(10).plusDays(1)))
                .expectNoEvents()
                .expectExceptionMessage("The contribution agreement with donor donor-no for USD 1,000.00 ends on 2035-01-02, more than "
                        + "10 years after it starts; end it on 2035-01-01 at the latest, and sign a new agreement for the years after");
        new AggregateTestFixture<>(Contribution.class).givenNoPriorActivity()
                .when(sign(Money.usd("1000"), START, LocalDate.of(9999, 12, 31)))
                .expectNoEvents()
                .expectException(org.strongcities.fund.domain.api.BusinessRuleViolation.class);
    }

    @Test
    void aPeriodStartsAtMostTwoYearsAfterItIsRecorded() {
        java.time.Instant today = START.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        LocalDate latest = START.plusYears(2);
        fixture.givenCurrentTime(today).when(sign(Money.usd("1000"), latest, latest.plusYears(1)))
                .expectEvents(signedUnrestricted(Money.usd("1000"), latest, latest.plusYears(1)));
        new AggregateTestFixture<>(Contribution.class).givenCurrentTime(today)
                .when(sign(Money.usd("1000"), latest.plusDays(1), latest.plusYears(1)))
                .expectNoEvents()
                .expectExceptionMessage("The contribution agreement with donor donor-no for USD 1,000.00 starts on 2027-01-02, "
                        + "more than 2 years from today (2025-01-01); check the year");
    }

    /** An agreement recorded before the limits existed may pledge more; each receipt on it is still held to them. */
    @Test
    void aReceiptIsAtMostTheLimit() {
        Money hugePledge = Money.usd("900000000");
        fixture.given(signedUnrestricted(hugePledge, START, END))
                .when(new RecordReceiptCommand("c-1", "rc-1", Money.usd("100000000.00"), null, START, "finance"))
                .expectSuccessfulHandlerExecution();
        new AggregateTestFixture<>(Contribution.class).given(signedUnrestricted(hugePledge, START, END))
                .when(new RecordReceiptCommand("c-1", "rc-1", Money.usd("100000000.01"), null, START, "finance"))
                .expectNoEvents()
                .expectExceptionMessage("The receipt with value date 2025-01-01 on contribution c-1 of donor donor-no has an amount of "
                        + "USD 100,000,000.01, above the USD 100,000,000.00 one agreement or receipt may hold; check the figure for extra digits");
    }

    @Test
    void aReceiptIsDatedNoEarlierThan2015EvenOnAnAgreementFromBeforeTheLimits() {
        LocalDate earliest = LocalDate.of(2015, 1, 1);
        ContributionAgreementSignedEvent old = signedUnrestricted(Money.usd("100000"), LocalDate.of(1900, 1, 1), END);
        fixture.given(old)
                .when(new RecordReceiptCommand("c-1", "rc-1", Money.usd("1000"), null, earliest, "finance"))
                .expectSuccessfulHandlerExecution();
        new AggregateTestFixture<>(Contribution.class).given(old)
                .when(new RecordReceiptCommand("c-1", "rc-1", Money.usd("1000"), null, earliest.minusDays(1), "finance"))
                .expectNoEvents()
                .expectExceptionMessage("The receipt of USD 1,000.00 on contribution c-1 of donor donor-no has a value date of 2014-12-31, "
                        + "before 2015-01-01, when the fund had no agreements yet; check the year");
    }

    @Test
    void aReceiptSentTwiceIsNamedByWhatWasTypedNotItsId() {
        fixture.given(signed(Money.usd("100000")),
                        new ReceiptRecordedEvent("c-1", "receipt-0a1b2c3d4e5f", Money.usd("1000"), Conversion.none(Money.usd("1000"), START),
                                START, "finance"))
                .when(new RecordReceiptCommand("c-1", "receipt-0a1b2c3d4e5f", Money.usd("1000"), null, START, "finance"))
                .expectNoEvents()
                .expectExceptionMessage("The receipt of USD 1,000.00 with value date 2025-01-01 on contribution c-1 of donor donor-no "
                        + "is already recorded (the form was sent twice); see the contribution's ledger");
    }
}
