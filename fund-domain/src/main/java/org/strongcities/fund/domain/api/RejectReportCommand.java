package org.strongcities.fund.domain.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RejectReportCommand(
        @TargetAggregateIdentifier String awardId,
        String reportId,
        String reason,
        String actor) {
}
