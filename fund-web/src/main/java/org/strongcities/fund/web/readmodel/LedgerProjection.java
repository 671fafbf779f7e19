package org.strongcities.fund.web.readmodel;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.strongcities.fund.domain.api.ContributionAgreementSignedEvent;
import org.strongcities.fund.domain.api.Conversion;
import org.strongcities.fund.domain.api.FundsCommittedEvent;
import org.strongcities.fund.domain.api.FundsDisbursedEvent;
import org.strongcities.fund.domain.api.FundsReleasedEvent;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.domain.api.ReceiptRecordedEvent;
import org.strongcities.fund.domain.api.RefundCreditedEvent;

import java.time.Instant;

/**
 * The fund ledger: one row per money movement of each contribution, in USD. Balances are sums, so
 * a balance as of any past date is the same sum limited by date.
 */
@Component
@ProcessingGroup(LedgerProjection.GROUP)
public class LedgerProjection {

    public static final String GROUP = "ledger";

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;

    LedgerProjection(JdbcTemplate jdbc, BatchedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(ContributionAgreementSignedEvent event, @Timestamp Instant at) {
        writes.write(RowChange.insert(ReadModelTable.CONTRIBUTION.row(event.contributionId())).set("donor_id", event.donorId())
                .set("pledged_amount", event.pledged().amount()).set("pledged_currency", event.pledged().currency())
                .set("period_start", event.periodStart()).set("period_end", event.periodEnd())
                .set("earmark_kind", event.earmark().kind().name()).set("earmark_value", event.earmark().value())
                .set("signed_at", Instants.utc(at)));
    }

    @EventHandler
    void on(ReceiptRecordedEvent event, @MessageIdentifier String eventId,
            @Timestamp Instant at) {
        Conversion conversion = event.toUsd();
        Money usd = conversion == null ? event.received() : conversion.converted();
        entry(eventId, event.contributionId(), null, "RECEIVED", usd, event.received(),
                conversion == null ? null : conversion, event.receiptId(), event.valueDate(), at);
    }

    @EventHandler
    void on(FundsCommittedEvent event, @MessageIdentifier String eventId,
            @Timestamp Instant at) {
        entry(eventId, event.contributionId(), event.awardId(), "COMMITTED", event.usd(), null, null, null, null, at);
    }

    @EventHandler
    void on(FundsReleasedEvent event, @MessageIdentifier String eventId,
            @Timestamp Instant at) {
        entry(eventId, event.contributionId(), event.awardId(), "RELEASED", event.usd(), null, null, event.reason(), null, at);
    }

    @EventHandler
    void on(FundsDisbursedEvent event, @MessageIdentifier String eventId,
            @Timestamp Instant at) {
        entry(eventId, event.contributionId(), event.awardId(), "DISBURSED", event.usd(), null, null,
                event.paymentReference(), null, at);
    }

    @EventHandler
    void on(RefundCreditedEvent event, @MessageIdentifier String eventId,
            @Timestamp Instant at) {
        entry(eventId, event.contributionId(), event.awardId(), "REFUNDED", event.usd(), null, null, event.refundId(), null, at);
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE rm_contribution, rm_ledger_entry");
    }

    private void entry(String eventId, String contributionId, String awardId, String kind, Money usd, Money original,
                       Conversion conversion, String reference, java.time.LocalDate valueDate, Instant at) {
        writes.write(RowChange.insert(ReadModelTable.LEDGER_ENTRY.row(eventId)).set("contribution_id", contributionId)
                .set("award_id", awardId).set("entry_kind", kind).set("amount_usd", usd.amount())
                .set("original_amount", original == null ? null : original.amount())
                .set("original_currency", original == null ? null : original.currency())
                .set("rate", conversion == null ? null : conversion.rate())
                .set("rate_source", conversion == null ? null : conversion.source())
                .set("value_date", conversion != null ? conversion.valueDate() : valueDate).set("reference", reference)
                .set("occurred_at", Instants.utc(at)));
    }
}
