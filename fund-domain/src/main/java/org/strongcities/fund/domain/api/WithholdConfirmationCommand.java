package org.strongcities.fund.domain.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The second approver does not confirm the decision awaiting confirmation and says why. */
public record WithholdConfirmationCommand(
        @TargetAggregateIdentifier String applicationId,
        String reason,
        String actor) {
}
