package org.strongcities.fund.domain.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SaveApplicationDraftCommand(
        @TargetAggregateIdentifier String applicationId,
        ApplicationContent content,
        String actor) {
}
