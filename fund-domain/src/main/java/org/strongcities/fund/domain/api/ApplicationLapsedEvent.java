package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ApplicationLapsedEvent(
        String applicationId,
        String reason,
        String actor) {
}
