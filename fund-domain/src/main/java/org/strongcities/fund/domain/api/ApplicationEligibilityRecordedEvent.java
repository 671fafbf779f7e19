package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ApplicationEligibilityRecordedEvent(
        String applicationId,
        int version,
        boolean eligible,
        String reason,
        String actor) {
}
