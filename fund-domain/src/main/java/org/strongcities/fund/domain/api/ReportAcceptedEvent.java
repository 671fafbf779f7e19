package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ReportAcceptedEvent(
        String awardId,
        String cityId,
        String reportId,
        ReportKind kind,
        String actor) {
}
