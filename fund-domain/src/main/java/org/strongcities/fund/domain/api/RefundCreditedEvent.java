package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

/** Money refunded or clawed back from an award returns to the contribution it came from. */
@Revision("1")
public record RefundCreditedEvent(
        String contributionId,
        String awardId,
        String refundId,
        Money usd,
        String reason,
        String actor) {
}
