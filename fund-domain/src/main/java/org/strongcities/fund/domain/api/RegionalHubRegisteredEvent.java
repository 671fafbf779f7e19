package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record RegionalHubRegisteredEvent(
        String hubId,
        String name,
        Region region,
        String hostOrganisation,
        String actor) {
}
