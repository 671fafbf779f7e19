package org.strongcities.fund.domain.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * approvedAmount null approves the requested amount; internalNote is never shown to the applicant.
 * secondApprovalRequired is the verdict of the routing decision table (DMN) for this amount: the
 * threshold is configuration owned by the process models, not code.
 */
public record DecideApplicationCommand(
        @TargetAggregateIdentifier String applicationId,
        DecisionType decisionType,
        Money approvedAmount,
        String conditions,
        String rationaleForApplicant,
        String internalNote,
        boolean secondApprovalRequired,
        String actor) {
}
