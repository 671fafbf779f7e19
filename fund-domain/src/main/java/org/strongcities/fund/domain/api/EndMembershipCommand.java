package org.strongcities.fund.domain.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record EndMembershipCommand(
        @TargetAggregateIdentifier String cityId,
        String reason,
        String actor) {
}
