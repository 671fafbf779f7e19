package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record MembershipReinstatedEvent(
        String cityId,
        String reason,
        String actor) {
}
