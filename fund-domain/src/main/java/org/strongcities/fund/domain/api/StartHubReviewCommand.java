package org.strongcities.fund.domain.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record StartHubReviewCommand(
        @TargetAggregateIdentifier String applicationId,
        String actor) {
}
