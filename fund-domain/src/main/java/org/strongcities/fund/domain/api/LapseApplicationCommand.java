package org.strongcities.fund.domain.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record LapseApplicationCommand(
        @TargetAggregateIdentifier String applicationId,
        String reason,
        String actor) {
}
