package org.strongcities.fund.domain.api;

/** countryCode and iatiOrgRef may be null (a multilateral donor has no country). */
public record RegisterDonorCommand(
        String donorId,
        String name,
        DonorType donorType,
        String countryCode,
        String iatiOrgRef,
        String actor) {
}
