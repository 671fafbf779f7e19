package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ReportRejectedEvent(
        String awardId,
        String reportId,
        String reason,
        String actor) {
}
