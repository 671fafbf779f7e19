package org.strongcities.fund.domain.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RequestRevisionCommand(
        @TargetAggregateIdentifier String applicationId,
        String rationaleForApplicant,
        String actor) {
}
