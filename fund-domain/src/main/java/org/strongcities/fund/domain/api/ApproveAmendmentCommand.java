package org.strongcities.fund.domain.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ApproveAmendmentCommand(
        @TargetAggregateIdentifier String awardId,
        String amendmentId,
        String actor) {
}
