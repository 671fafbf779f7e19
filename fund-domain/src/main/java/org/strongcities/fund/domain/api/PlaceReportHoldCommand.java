package org.strongcities.fund.domain.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stops tranche payments to the city while the report is overdue. */
public record PlaceReportHoldCommand(
        @TargetAggregateIdentifier String cityId,
        String awardId,
        String reportId,
        String actor) {
}
