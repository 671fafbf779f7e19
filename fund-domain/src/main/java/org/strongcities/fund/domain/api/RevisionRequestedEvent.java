package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record RevisionRequestedEvent(
        String applicationId,
        int version,
        ReviewStage stage,
        String rationaleForApplicant,
        String actor) {
}
