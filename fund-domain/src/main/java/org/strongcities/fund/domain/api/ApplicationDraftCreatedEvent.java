package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ApplicationDraftCreatedEvent(
        String applicationId,
        String cityId,
        String actor) {
}
