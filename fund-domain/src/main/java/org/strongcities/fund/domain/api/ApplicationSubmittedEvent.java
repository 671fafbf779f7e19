package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

/** Carries the full content, so every version stays readable. */
@Revision("1")
public record ApplicationSubmittedEvent(
        String applicationId,
        String cityId,
        int version,
        ApplicationContent content,
        String actor) {
}
