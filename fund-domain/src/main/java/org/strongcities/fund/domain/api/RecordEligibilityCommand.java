package org.strongcities.fund.domain.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordEligibilityCommand(
        @TargetAggregateIdentifier String applicationId,
        boolean eligible,
        String reason,
        String actor) {
}
