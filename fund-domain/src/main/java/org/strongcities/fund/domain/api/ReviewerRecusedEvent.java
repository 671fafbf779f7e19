package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ReviewerRecusedEvent(
        String reviewId,
        String applicationId,
        int applicationVersion,
        String reviewer,
        ReviewStage stage,
        String statement) {
}
