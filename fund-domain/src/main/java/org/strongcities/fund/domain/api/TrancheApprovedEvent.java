package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record TrancheApprovedEvent(
        String awardId,
        String trancheId,
        Money amount,
        String requestedBy,
        String actor) {
}
