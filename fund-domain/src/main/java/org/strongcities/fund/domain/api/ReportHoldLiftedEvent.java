package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ReportHoldLiftedEvent(
        String cityId,
        String awardId,
        String reportId,
        String actor) {
}
