package org.strongcities.fund.domain.api;

import java.util.List;

public record RegisterMemberCityCommand(
        String cityId,
        String name,
        String countryCode,
        Region region,
        String hubId,
        PopulationBand populationBand,
        List<FocalPoint> focalPoints,
        boolean committedToGuidingPrinciples,
        boolean onContestedTerritory,
        String actor) {
}
