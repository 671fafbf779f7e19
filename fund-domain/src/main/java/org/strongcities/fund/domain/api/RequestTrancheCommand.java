package org.strongcities.fund.domain.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RequestTrancheCommand(
        @TargetAggregateIdentifier String awardId,
        String trancheId,
        String actor) {
}
