package org.strongcities.fund.domain.api;

import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ReportSubmittedEvent(
        String awardId,
        String reportId,
        ReportKind kind,
        String narrative,
        List<IndicatorResult> results,
        String actor) {
}
