package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

/** awaitingConfirmation: a second approver must confirm before the decision takes effect. */
@Revision("1")
public record ApplicationDecidedEvent(
        String applicationId,
        int version,
        DecisionType decisionType,
        Money approvedAmount,
        String conditions,
        String rationaleForApplicant,
        String internalNote,
        boolean awaitingConfirmation,
        String actor) {
}
