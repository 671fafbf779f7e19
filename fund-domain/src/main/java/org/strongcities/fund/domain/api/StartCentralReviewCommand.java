package org.strongcities.fund.domain.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record StartCentralReviewCommand(
        @TargetAggregateIdentifier String applicationId,
        String actor) {
}
