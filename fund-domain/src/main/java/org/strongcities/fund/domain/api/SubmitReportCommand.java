package org.strongcities.fund.domain.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SubmitReportCommand(
        @TargetAggregateIdentifier String awardId,
        String reportId,
        String narrative,
        List<IndicatorResult> results,
        String actor) {
}
