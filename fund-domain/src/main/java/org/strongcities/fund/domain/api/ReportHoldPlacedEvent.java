package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ReportHoldPlacedEvent(
        String cityId,
        String awardId,
        String reportId,
        String actor) {
}
