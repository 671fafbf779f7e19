package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record HubReviewStartedEvent(
        String applicationId,
        int version,
        String actor) {
}
