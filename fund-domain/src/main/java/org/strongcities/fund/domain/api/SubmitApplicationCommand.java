package org.strongcities.fund.domain.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** content null submits the last saved draft. */
public record SubmitApplicationCommand(
        @TargetAggregateIdentifier String applicationId,
        ApplicationContent content,
        String actor) {
}
