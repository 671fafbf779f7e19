package org.strongcities.fund.web.readmodel;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.strongcities.fund.domain.api.AmendmentApprovedEvent;
import org.strongcities.fund.domain.api.AmendmentProposedEvent;
import org.strongcities.fund.domain.api.AmendmentRejectedEvent;
import org.strongcities.fund.domain.api.AwardClosedEvent;
import org.strongcities.fund.domain.api.AwardMadeEvent;
import org.strongcities.fund.domain.api.FundingAllocation;
import org.strongcities.fund.domain.api.RefundRecordedEvent;
import org.strongcities.fund.domain.api.ReportAcceptedEvent;
import org.strongcities.fund.domain.api.ReportMarkedOverdueEvent;
import org.strongcities.fund.domain.api.ReportRejectedEvent;
import org.strongcities.fund.domain.api.ReportSubmittedEvent;
import org.strongcities.fund.domain.api.ReportingObligation;
import org.strongcities.fund.domain.api.StrategicPriority;
import org.strongcities.fund.domain.api.TrancheApprovedEvent;
import org.strongcities.fund.domain.api.TranchePaidEvent;
import org.strongcities.fund.domain.api.TrancheRequestedEvent;
import org.strongcities.fund.domain.api.TrancheSchedule;

import java.time.Instant;
import java.util.stream.Collectors;

/**
 * Awards with their funding, tranches, reports and amendments, plus their steps on the case
 * timeline. Same processing group as the applications, so an award never arrives before its case.
 * Handlers that add to a running total first claim the event id, so a re-delivered event adds nothing.
 */
@Component
@ProcessingGroup(CaseProjection.GROUP)
public class AwardProjection {

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final CaseTimeline timeline;
    private final HandledEvents handled;
    /** The application of each recent award (it never changes): the case timeline its events go on. */
    private final RecentFacts<String, String> applicationOfAward = new RecentFacts<>(20_000);

    public AwardProjection(JdbcTemplate jdbc, BatchedWrites writes, CaseTimeline timeline, HandledEvents handled) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.timeline = timeline;
        this.handled = handled;
    }

    @EventHandler
    void on(AwardMadeEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        if (!handled.firstTime(eventId, CaseProjection.GROUP)) {
            return;
        }
        applicationOfAward.remember(event.awardId(), event.applicationId());
        writes.write(awardRow(event.awardId()), """
                INSERT INTO rm_award (award_id, application_id, city_id, region, priorities, support_type, purpose,
                    amount_usd, status, conditions, end_date, made_by, made_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?) ON CONFLICT (award_id) DO NOTHING""",
                event.awardId(), event.applicationId(), event.cityId(), event.region().name(),
                event.priorities().stream().map(StrategicPriority::name).sorted().collect(Collectors.joining(",")),
                event.supportType() == null ? null : event.supportType().name(), event.purpose(),
                event.amount().amount(), event.conditions(), event.endDate(), event.actor(), Instants.utc(at));
        for (FundingAllocation allocation : event.allocations()) {
            funding(event.awardId(), allocation);
        }
        for (TrancheSchedule tranche : event.tranches()) {
            tranche(event.awardId(), tranche);
        }
        for (ReportingObligation report : event.reportingObligations()) {
            writes.write(BatchedWrites.Row.of("rm_report", event.awardId(), report.reportId()), """
                    INSERT INTO rm_report (award_id, report_id, kind, due_date, status) VALUES (?, ?, ?, ?, 'DUE')
                    ON CONFLICT DO NOTHING""", event.awardId(), report.reportId(), report.kind().name(), report.dueDate());
        }
        timeline.record(eventId, event.applicationId(), at, "Awarded", "USD " + event.amount().amount().toPlainString(),
                event.actor());
    }

    @EventHandler
    void on(TrancheRequestedEvent event) {
        writes.write(trancheRow(event.awardId(), event.trancheId()),
                "UPDATE rm_tranche SET status = 'REQUESTED', requested_by = ? WHERE award_id = ? AND tranche_id = ?",
                event.actor(), event.awardId(), event.trancheId());
    }

    @EventHandler
    void on(TrancheApprovedEvent event) {
        writes.write(trancheRow(event.awardId(), event.trancheId()),
                "UPDATE rm_tranche SET status = 'APPROVED', approved_by = ? WHERE award_id = ? AND tranche_id = ?",
                event.actor(), event.awardId(), event.trancheId());
    }

    @EventHandler
    void on(TranchePaidEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        if (!handled.firstTime(eventId, CaseProjection.GROUP)) {
            return;
        }
        writes.write(trancheRow(event.awardId(), event.trancheId()), """
                UPDATE rm_tranche SET status = 'PAID', paid_by = ?, payment_reference = ?, value_date = ?, paid_at = ?
                WHERE award_id = ? AND tranche_id = ?""",
                event.actor(), event.paymentReference(), event.valueDate(), Instants.utc(at), event.awardId(),
                event.trancheId());
        writes.write(awardRow(event.awardId()), "UPDATE rm_award SET paid_usd = paid_usd + ? WHERE award_id = ?",
                event.amount().amount(), event.awardId());
        timeline.record(eventId, applicationOf(event.awardId()), at, "Paid",
                "Tranche " + event.trancheId() + ": USD " + event.amount().amount().toPlainString(), event.actor());
    }

    @EventHandler
    void on(ReportSubmittedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        writes.write(reportRow(event.awardId(), event.reportId()), """
                UPDATE rm_report SET status = 'SUBMITTED', narrative = ?, results = ?, submitted_at = ?
                WHERE award_id = ? AND report_id = ?""",
                event.narrative(), timeline.json(event.results()), Instants.utc(at), event.awardId(), event.reportId());
        timeline.record(eventId, applicationOf(event.awardId()), at, "Report submitted", event.kind().name().toLowerCase()
                + " report", event.actor());
    }

    @EventHandler
    void on(ReportAcceptedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        report(event.awardId(), event.reportId(), "ACCEPTED", null, at);
        timeline.record(eventId, applicationOf(event.awardId()), at, "Report accepted", event.kind().name().toLowerCase()
                + " report", event.actor());
    }

    @EventHandler
    void on(ReportRejectedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        report(event.awardId(), event.reportId(), "REJECTED", event.reason(), at);
        timeline.record(eventId, applicationOf(event.awardId()), at, "Report returned", event.reason(), event.actor());
    }

    @EventHandler
    void on(ReportMarkedOverdueEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        writes.write(reportRow(event.awardId(), event.reportId()),
                "UPDATE rm_report SET status = 'OVERDUE' WHERE award_id = ? AND report_id = ? AND status IN ('DUE', 'REJECTED')",
                event.awardId(), event.reportId());
        timeline.record(eventId, applicationOf(event.awardId()), at, "Report overdue",
                "Due " + event.dueDate() + "; payments are on hold until it is accepted", event.actor());
    }

    @EventHandler
    void on(AmendmentProposedEvent event, @Timestamp Instant at) {
        writes.write(BatchedWrites.Row.of("rm_amendment", event.awardId(), event.amendmentId()), """
                INSERT INTO rm_amendment (award_id, amendment_id, kind, terms, reason, status, proposed_by, proposed_at)
                VALUES (?, ?, ?, ?, ?, 'PROPOSED', ?, ?) ON CONFLICT DO NOTHING""",
                event.awardId(), event.amendmentId(), event.kind().name(), timeline.json(event.terms()), event.reason(),
                event.actor(), Instants.utc(at));
    }

    @EventHandler
    void on(AmendmentApprovedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        if (!handled.firstTime(eventId, CaseProjection.GROUP)) {
            return;
        }
        amendment(event.awardId(), event.amendmentId(), "APPROVED", event.actor(), at);
        if (event.terms().additionalAmount() != null) {
            writes.write(awardRow(event.awardId()), "UPDATE rm_award SET amount_usd = amount_usd + ? WHERE award_id = ?",
                    event.terms().additionalAmount().amount(), event.awardId());
            event.terms().additionalAllocations().forEach(allocation -> funding(event.awardId(), allocation));
            event.terms().additionalTranches().forEach(tranche -> tranche(event.awardId(), tranche));
        }
        if (event.terms().newEndDate() != null) {
            writes.write(awardRow(event.awardId()), "UPDATE rm_award SET end_date = ? WHERE award_id = ?", event.terms().newEndDate(),
                    event.awardId());
        }
        timeline.record(eventId, applicationOf(event.awardId()), at, "Award amended", event.kind().name().toLowerCase()
                .replace('_', ' '), event.actor());
    }

    @EventHandler
    void on(AmendmentRejectedEvent event, @Timestamp Instant at) {
        amendment(event.awardId(), event.amendmentId(), "REJECTED", event.actor(), at);
    }

    @EventHandler
    void on(RefundRecordedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        if (!handled.firstTime(eventId, CaseProjection.GROUP)) {
            return;
        }
        writes.write(awardRow(event.awardId()), "UPDATE rm_award SET refunded_usd = refunded_usd + ? WHERE award_id = ?",
                event.usd().amount(),
                event.awardId());
        timeline.record(eventId, applicationOf(event.awardId()), at, "Refunded",
                "USD " + event.usd().amount().toPlainString() + ": " + event.reason(), event.actor());
    }

    @EventHandler
    void on(AwardClosedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        writes.write(awardRow(event.awardId()), "UPDATE rm_award SET status = 'CLOSED', closed_at = ? WHERE award_id = ?",
                Instants.utc(at),
                event.awardId());
        timeline.record(eventId, applicationOf(event.awardId()), at, "Closed", null, event.actor());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE rm_award, rm_award_funding, rm_tranche, rm_report, rm_amendment");
        applicationOfAward.clear();
    }

    private void funding(String awardId, FundingAllocation allocation) {
        writes.write(BatchedWrites.Row.of("rm_award_funding", awardId, allocation.contributionId()), """
                INSERT INTO rm_award_funding (award_id, contribution_id, amount_usd) VALUES (?, ?, ?)
                ON CONFLICT (award_id, contribution_id) DO UPDATE SET amount_usd = rm_award_funding.amount_usd + EXCLUDED.amount_usd""",
                awardId, allocation.contributionId(), allocation.usd().amount());
    }

    private void tranche(String awardId, TrancheSchedule tranche) {
        writes.write(trancheRow(awardId, tranche.trancheId()), """
                INSERT INTO rm_tranche (award_id, tranche_id, amount_usd, planned_date, requires_report_id, status)
                VALUES (?, ?, ?, ?, ?, 'SCHEDULED') ON CONFLICT DO NOTHING""",
                awardId, tranche.trancheId(), tranche.amount().amount(), tranche.plannedDate(), tranche.requiresReportId());
    }

    private void report(String awardId, String reportId, String status, String reason, Instant at) {
        writes.write(reportRow(awardId, reportId),
                "UPDATE rm_report SET status = ?, decided_at = ?, decision_reason = ? WHERE award_id = ? AND report_id = ?",
                status, Instants.utc(at), reason, awardId, reportId);
    }

    private void amendment(String awardId, String amendmentId, String status, String actor, Instant at) {
        writes.write(BatchedWrites.Row.of("rm_amendment", awardId, amendmentId),
                "UPDATE rm_amendment SET status = ?, decided_by = ?, decided_at = ? WHERE award_id = ? AND amendment_id = ?",
                status, actor, Instants.utc(at), awardId, amendmentId);
    }

    private String applicationOf(String awardId) {
        String applicationId = applicationOfAward.recall(awardId, award -> {
            writes.flush(awardRow(award));
            return jdbc.queryForList("SELECT application_id FROM rm_award WHERE award_id = ?", String.class, award).stream()
                    .findFirst().orElse(null);
        });
        return applicationId != null ? applicationId : awardId;
    }

    private static BatchedWrites.Row awardRow(String awardId) {
        return BatchedWrites.Row.of("rm_award", awardId);
    }

    private static BatchedWrites.Row trancheRow(String awardId, String trancheId) {
        return BatchedWrites.Row.of("rm_tranche", awardId, trancheId);
    }

    private static BatchedWrites.Row reportRow(String awardId, String reportId) {
        return BatchedWrites.Row.of("rm_report", awardId, reportId);
    }

}
