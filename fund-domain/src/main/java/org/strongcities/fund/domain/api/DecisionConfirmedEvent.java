package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record DecisionConfirmedEvent(
        String applicationId,
        int version,
        DecisionType decisionType,
        Money approvedAmount,
        String decidedBy,
        String actor) {
}
