package org.strongcities.fund.web.asof;

import org.junit.jupiter.api.Test;
import org.strongcities.fund.domain.api.ApplicationDecidedEvent;
import org.strongcities.fund.domain.api.ApplicationDraftCreatedEvent;
import org.strongcities.fund.domain.api.ApplicationStatus;
import org.strongcities.fund.domain.api.CentralReviewStartedEvent;
import org.strongcities.fund.domain.api.ConfirmationWithheldEvent;
import org.strongcities.fund.domain.api.DecisionConfirmedEvent;
import org.strongcities.fund.domain.api.DecisionType;
import org.strongcities.fund.domain.api.Money;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A case as of a date, folded from its events without the store: a withheld confirmation leaves no decision. */
class CaseStateTest {

    private static final String APP = "app-as-of";
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void aWithheldConfirmationLeavesTheCaseUnderCentralReviewWithNoDecisionAwaitingConfirmation() {
        Money amount = Money.usd("80000");
        CaseState awaiting = CaseState.none(APP)
                .apply(new ApplicationDraftCreatedEvent(APP, "city-nairobi", "focal.nairobi"), AT)
                .apply(new CentralReviewStartedEvent(APP, 1, "system"), AT)
                .apply(new ApplicationDecidedEvent(APP, 1, DecisionType.APPROVE_IN_FULL, amount, null, "Sound", null, true,
                        "central.reviewer"), AT);
        assertThat(awaiting.decisionAwaitingConfirmation()).isTrue();

        CaseState withheld = awaiting.apply(new ConfirmationWithheldEvent(APP, 1, DecisionType.APPROVE_IN_FULL, amount,
                "central.reviewer", "The venue is costed twice", "central.approver"), AT.plusSeconds(60));

        assertThat(withheld.status()).isEqualTo(ApplicationStatus.UNDER_CENTRAL_REVIEW);
        assertThat(withheld.decisionAwaitingConfirmation()).isFalse();
        assertThat(withheld.approved()).isNull();
        assertThat(withheld.eventsApplied()).isEqualTo(4);

        CaseState decidedAgain = withheld
                .apply(new ApplicationDecidedEvent(APP, 1, DecisionType.APPROVE_PARTIALLY, Money.usd("60000"), null, "Sound", null,
                        true, "central.reviewer"), AT.plusSeconds(120))
                .apply(new DecisionConfirmedEvent(APP, 1, DecisionType.APPROVE_PARTIALLY, Money.usd("60000"), "central.reviewer",
                        "central.approver"), AT.plusSeconds(180));
        assertThat(decidedAgain.status()).isEqualTo(ApplicationStatus.PARTIALLY_AWARDED);
        assertThat(decidedAgain.approved()).isEqualTo(Money.usd("60000"));
    }
}
