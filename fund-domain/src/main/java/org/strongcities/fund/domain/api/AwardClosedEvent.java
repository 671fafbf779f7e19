package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

/** released: the commitment never paid out, returned to the contributions. */
@Revision("1")
public record AwardClosedEvent(
        String awardId,
        Money paid,
        Money refunded,
        Money released,
        String actor) {
}
