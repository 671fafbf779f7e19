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

    public LedgerProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ContributionAgreementSignedEvent event, @Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO rm_contribution (contribution_id, donor_id, pledged_amount, pledged_currency, period_start,
                    period_end, earmark_kind, earmark_value, signed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (contribution_id) DO NOTHING""",
                event.contributionId(), event.donorId(), event.pledged().amount(), event.pledged().currency(),
                event.periodStart(), event.periodEnd(), event.earmark().kind().name(), event.earmark().value(),
                Instants.utc(at));
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
        jdbc.update("""
                INSERT INTO rm_ledger_entry (event_id, contribution_id, award_id, entry_kind, amount_usd, original_amount,
                    original_currency, rate, rate_source, value_date, reference, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""",
                eventId, contributionId, awardId, kind, usd.amount(),
                original == null ? null : original.amount(), original == null ? null : original.currency(),
                conversion == null ? null : conversion.rate(), conversion == null ? null : conversion.source(),
                conversion != null ? conversion.valueDate() : valueDate, reference, Instants.utc(at));
    }
}
