package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

/**
 * The second approver withheld confirmation of the decision by {@code decidedBy}: that decision is dropped
 * and the application is back under central review. Carries the withheld decision, so that no reader needs
 * the earlier event to say what was sent back. The reason is internal to the Central Team.
 */
@Revision("1")
public record ConfirmationWithheldEvent(
        String applicationId,
        int version,
        DecisionType decisionType,
        Money approvedAmount,
        String decidedBy,
        String reason,
        String actor) {
}
