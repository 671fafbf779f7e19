package org.strongcities.fund.domain.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SuspendMembershipCommand(
        @TargetAggregateIdentifier String cityId,
        String reason,
        String actor) {
}
