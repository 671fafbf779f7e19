package org.strongcities.fund.domain.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ProposeAmendmentCommand(
        @TargetAggregateIdentifier String awardId,
        String amendmentId,
        AmendmentKind kind,
        AmendmentTerms terms,
        String reason,
        String actor) {
}
