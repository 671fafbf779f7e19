package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record FundsCommittedEvent(
        String contributionId,
        String awardId,
        Money usd,
        String actor) {
}
