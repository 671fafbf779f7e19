package org.strongcities.fund.domain.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** conversion (nullable) records the USD amount converted into the currency the city received. */
public record RecordTranchePaymentCommand(
        @TargetAggregateIdentifier String awardId,
        String trancheId,
        String paymentReference,
        LocalDate valueDate,
        Conversion conversion,
        String actor) {
}
