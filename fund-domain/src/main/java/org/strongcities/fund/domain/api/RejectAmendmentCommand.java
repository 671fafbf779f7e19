package org.strongcities.fund.domain.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RejectAmendmentCommand(
        @TargetAggregateIdentifier String awardId,
        String amendmentId,
        String reason,
        String actor) {
}
