package org.strongcities.fund.domain.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Unspent or misused money paid back by the city. */
public record RecordRefundCommand(
        @TargetAggregateIdentifier String awardId,
        String refundId,
        Money usd,
        String reason,
        String actor) {
}
