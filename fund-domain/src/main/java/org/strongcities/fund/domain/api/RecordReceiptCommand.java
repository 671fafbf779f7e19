package org.strongcities.fund.domain.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** toUsd is required unless the money arrived in USD. */
public record RecordReceiptCommand(
        @TargetAggregateIdentifier String contributionId,
        String receiptId,
        Money received,
        Conversion toUsd,
        LocalDate valueDate,
        String actor) {
}
