package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

/** A commitment no longer needed (award closed below its amount) becomes available again. */
@Revision("1")
public record FundsReleasedEvent(
        String contributionId,
        String awardId,
        Money usd,
        String reason,
        String actor) {
}
