package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ApplicationDraftSavedEvent(
        String applicationId,
        ApplicationContent content,
        String actor) {
}
