package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record FocalPointAddedEvent(
        String cityId,
        FocalPoint focalPoint,
        String actor) {
}
