package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record DonorRegisteredEvent(
        String donorId,
        String name,
        DonorType donorType,
        String countryCode,
        String iatiOrgRef,
        String actor) {
}
