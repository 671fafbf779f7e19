package org.strongcities.fund.domain.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ConfirmDecisionCommand(
        @TargetAggregateIdentifier String applicationId,
        String actor) {
}
