package org.strongcities.fund.domain.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ApproveTrancheCommand(
        @TargetAggregateIdentifier String awardId,
        String trancheId,
        String actor) {
}
