package org.strongcities.fund.domain.api;

public record RegisterRegionalHubCommand(
        String hubId,
        String name,
        Region region,
        String hostOrganisation,
        String actor) {
}
