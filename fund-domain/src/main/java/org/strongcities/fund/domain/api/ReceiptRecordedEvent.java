package org.strongcities.fund.domain.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** toUsd.converted() is what the ledger counts as received. */
@Revision("1")
public record ReceiptRecordedEvent(
        String contributionId,
        String receiptId,
        Money received,
        Conversion toUsd,
        LocalDate valueDate,
        String actor) {
}
