package org.strongcities.fund.domain.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ResubmitApplicationCommand(
        @TargetAggregateIdentifier String applicationId,
        ApplicationContent content,
        String responseToReviewers,
        String actor) {
}
