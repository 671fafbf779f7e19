package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AmendmentProposedEvent(
        String awardId,
        String amendmentId,
        AmendmentKind kind,
        AmendmentTerms terms,
        String reason,
        String actor) {
}
