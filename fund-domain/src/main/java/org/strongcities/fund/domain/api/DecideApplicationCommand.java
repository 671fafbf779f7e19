package org.strongcities.fund.domain.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** approvedAmount null approves the requested amount; internalNote is never shown to the applicant. */
public record DecideApplicationCommand(
        @TargetAggregateIdentifier String applicationId,
        DecisionType decisionType,
        Money approvedAmount,
        String conditions,
        String rationaleForApplicant,
        String internalNote,
        String actor) {
}
