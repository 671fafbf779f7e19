package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record DecisionReopenedEvent(
        String applicationId,
        int version,
        ApplicationStatus reopenedStatus,
        String reason,
        String actor) {
}
