package org.strongcities.fund.domain.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CloseOutAwardCommand(
        @TargetAggregateIdentifier String awardId,
        String actor) {
}
