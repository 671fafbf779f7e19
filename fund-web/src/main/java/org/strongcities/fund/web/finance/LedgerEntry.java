package org.strongcities.fund.web.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One money movement of a contribution, in USD (rm_ledger_entry). */
public record LedgerEntry(String eventId, String contributionId, String awardId, String kind, BigDecimal amountUsd,
                          BigDecimal originalAmount, String originalCurrency, BigDecimal rate, String rateSource,
                          LocalDate valueDate, String reference, OffsetDateTime occurredAt) {
}
