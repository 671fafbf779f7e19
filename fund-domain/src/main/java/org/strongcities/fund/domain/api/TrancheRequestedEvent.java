package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record TrancheRequestedEvent(
        String awardId,
        String trancheId,
        Money amount,
        String actor) {
}
