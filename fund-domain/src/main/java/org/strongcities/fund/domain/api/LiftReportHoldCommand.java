package org.strongcities.fund.domain.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record LiftReportHoldCommand(
        @TargetAggregateIdentifier String cityId,
        String awardId,
        String reportId,
        String actor) {
}
