package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record MembershipEndedEvent(
        String cityId,
        String reason,
        String actor) {
}
