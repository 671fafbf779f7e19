package org.strongcities.fund.domain.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record MarkReportOverdueCommand(
        @TargetAggregateIdentifier String awardId,
        String reportId,
        String actor) {
}
