package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AmendmentRejectedEvent(
        String awardId,
        String amendmentId,
        String reason,
        String actor) {
}
