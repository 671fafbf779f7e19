package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record MembershipSuspendedEvent(
        String cityId,
        String reason,
        String actor) {
}
