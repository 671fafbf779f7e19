package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

/** A new version; earlier versions stay in their own events. */
@Revision("1")
public record ApplicationResubmittedEvent(
        String applicationId,
        String cityId,
        int version,
        ApplicationContent content,
        String responseToReviewers,
        String actor) {
}
