package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record FundsDisbursedEvent(
        String contributionId,
        String awardId,
        String trancheId,
        Money usd,
        String paymentReference,
        String actor) {
}
