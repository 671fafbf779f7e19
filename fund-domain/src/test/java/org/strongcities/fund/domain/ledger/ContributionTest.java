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
                .expectExceptionMessage("Contribution agreement c-1 needs a period that ends after it starts, was 2026-12-31 to 2025-01-01");
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
                .expectExceptionMessage("Receipt rc-1 on contribution c-1 of EUR 50,000.00 needs its conversion to USD with rate, rate source and value date");
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
                .expectExceptionMessage("Receipt rc-1 on contribution c-1 has a value date of 2025-03-02, after today (2025-03-01); "
                        + "record money once it has arrived, with the day it arrived");
    }

    @Test
    void aReceiptFallsWithinTheAgreementPeriod() {
        fixture.given(signed(Money.usd("100000")))
                .when(new RecordReceiptCommand("c-1", "rc-1", Money.usd("30000"), null, START.minusDays(1), "finance"))
                .expectNoEvents()
                .expectExceptionMessage("Receipt rc-1 on contribution c-1 has a value date of 2024-12-31, outside the agreement's period "
                        + "2025-01-01 to 2026-12-31; record it on the agreement it belongs to, or amend this agreement's period first");
        new AggregateTestFixture<>(Contribution.class).given(signed(Money.usd("100000")))
                .andGivenCurrentTime(END.plusMonths(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
                .when(new RecordReceiptCommand("c-1", "rc-1", Money.usd("30000"), null, END.plusDays(1), "finance"))
                .expectNoEvents()
                .expectExceptionMessage("Receipt rc-1 on contribution c-1 has a value date of 2027-01-01, outside the agreement's period "
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
                .expectExceptionMessage("Receipt rc-2 on contribution c-1 of USD 30,000.00 would bring the money received to "
                        + "USD 110,000.00, above the USD 100,000.00 pledged; amend the agreement first");
    }
}
