package org.strongcities.fund.domain.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddFocalPointCommand(
        @TargetAggregateIdentifier String cityId,
        FocalPoint focalPoint,
        String actor) {
}
