package org.strongcities.fund.domain.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AcceptReportCommand(
        @TargetAggregateIdentifier String awardId,
        String reportId,
        String actor) {
}
