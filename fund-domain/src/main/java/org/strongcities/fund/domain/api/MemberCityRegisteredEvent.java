package org.strongcities.fund.domain.api;

import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record MemberCityRegisteredEvent(
        String cityId,
        String name,
        String countryCode,
        Region region,
        String hubId,
        PopulationBand populationBand,
        List<FocalPoint> focalPoints,
        String actor) {
}
