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

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
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
        // The totals start at zero here rather than by the column default, so that a rebuild in memory adds to them.
        writes.write(RowChange.insert(awardRow(event.awardId())).set("application_id", event.applicationId())
                .set("city_id", event.cityId()).set("region", event.region().name())
                .set("priorities", event.priorities().stream().map(StrategicPriority::name).sorted().collect(Collectors.joining(",")))
                .set("support_type", event.supportType() == null ? null : event.supportType().name()).set("purpose", event.purpose())
                .set("amount_usd", event.amount().amount()).set("paid_usd", BigDecimal.ZERO).set("refunded_usd", BigDecimal.ZERO)
                .set("status", "ACTIVE").set("conditions", event.conditions()).set("end_date", event.endDate())
                .set("made_by", event.actor()).set("made_at", Instants.utc(at)));
        for (FundingAllocation allocation : event.allocations()) {
            funding(event.awardId(), allocation);
        }
        for (TrancheSchedule tranche : event.tranches()) {
            tranche(event.awardId(), tranche);
        }
        for (ReportingObligation report : event.reportingObligations()) {
            writes.write(RowChange.insert(reportRow(event.awardId(), report.reportId())).set("kind", report.kind().name())
                    .set("due_date", report.dueDate()).set("status", "DUE"));
        }
        timeline.record(eventId, event.applicationId(), at, "Awarded", "USD " + event.amount().amount().toPlainString(),
                event.actor());
    }

    @EventHandler
    void on(TrancheRequestedEvent event) {
        writes.write(RowChange.update(trancheRow(event.awardId(), event.trancheId())).set("status", "REQUESTED")
                .set("requested_by", event.actor()));
    }

    @EventHandler
    void on(TrancheApprovedEvent event) {
        writes.write(RowChange.update(trancheRow(event.awardId(), event.trancheId())).set("status", "APPROVED")
                .set("approved_by", event.actor()));
    }

    @EventHandler
    void on(TranchePaidEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        if (!handled.firstTime(eventId, CaseProjection.GROUP)) {
            return;
        }
        writes.write(RowChange.update(trancheRow(event.awardId(), event.trancheId())).set("status", "PAID")
                .set("paid_by", event.actor()).set("payment_reference", event.paymentReference())
                .set("value_date", event.valueDate()).set("paid_at", Instants.utc(at)));
        writes.write(RowChange.update(awardRow(event.awardId())).add("paid_usd", event.amount().amount()));
        timeline.record(eventId, applicationOf(event.awardId()), at, "Paid",
                "Tranche " + event.trancheId() + ": USD " + event.amount().amount().toPlainString(), event.actor());
    }

    @EventHandler
    void on(ReportSubmittedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        writes.write(RowChange.update(reportRow(event.awardId(), event.reportId())).set("status", "SUBMITTED")
                .set("narrative", event.narrative()).set("results", timeline.json(event.results()))
                .set("submitted_at", Instants.utc(at)));
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
        writes.write(RowChange.update(reportRow(event.awardId(), event.reportId())).set("status", "OVERDUE")
                .onlyIfOneOf("status", "DUE", "REJECTED"));
        timeline.record(eventId, applicationOf(event.awardId()), at, "Report overdue",
                "Due " + event.dueDate() + "; payments are on hold until it is accepted", event.actor());
    }

    @EventHandler
    void on(AmendmentProposedEvent event, @Timestamp Instant at) {
        writes.write(RowChange.insert(amendmentRow(event.awardId(), event.amendmentId())).set("kind", event.kind().name())
                .set("terms", timeline.json(event.terms())).set("reason", event.reason()).set("status", "PROPOSED")
                .set("proposed_by", event.actor()).set("proposed_at", Instants.utc(at)));
    }

    @EventHandler
    void on(AmendmentApprovedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        if (!handled.firstTime(eventId, CaseProjection.GROUP)) {
            return;
        }
        amendment(event.awardId(), event.amendmentId(), "APPROVED", event.actor(), at);
        if (event.terms().additionalAmount() != null) {
            writes.write(RowChange.update(awardRow(event.awardId())).add("amount_usd", event.terms().additionalAmount().amount()));
            event.terms().additionalAllocations().forEach(allocation -> funding(event.awardId(), allocation));
            event.terms().additionalTranches().forEach(tranche -> tranche(event.awardId(), tranche));
        }
        if (event.terms().newEndDate() != null) {
            writes.write(RowChange.update(awardRow(event.awardId())).set("end_date", event.terms().newEndDate()));
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
        writes.write(RowChange.update(awardRow(event.awardId())).add("refunded_usd", event.usd().amount()));
        timeline.record(eventId, applicationOf(event.awardId()), at, "Refunded",
                "USD " + event.usd().amount().toPlainString() + ": " + event.reason(), event.actor());
    }

    @EventHandler
    void on(AwardClosedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        writes.write(RowChange.update(awardRow(event.awardId())).set("status", "CLOSED").set("closed_at", Instants.utc(at)));
        timeline.record(eventId, applicationOf(event.awardId()), at, "Closed", null, event.actor());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE rm_award, rm_award_funding, rm_tranche, rm_report, rm_amendment");
        applicationOfAward.clear();
    }

    private void funding(String awardId, FundingAllocation allocation) {
        writes.write(RowChange.insert(ReadModelTable.AWARD_FUNDING.row(awardId, allocation.contributionId()))
                .set("amount_usd", allocation.usd().amount()).addingOnConflict("amount_usd"));
    }

    private void tranche(String awardId, TrancheSchedule tranche) {
        writes.write(RowChange.insert(trancheRow(awardId, tranche.trancheId())).set("amount_usd", tranche.amount().amount())
                .set("planned_date", tranche.plannedDate()).set("requires_report_id", tranche.requiresReportId())
                .set("status", "SCHEDULED"));
    }

    private void report(String awardId, String reportId, String status, String reason, Instant at) {
        writes.write(RowChange.update(reportRow(awardId, reportId)).set("status", status).set("decided_at", Instants.utc(at))
                .set("decision_reason", reason));
    }

    private void amendment(String awardId, String amendmentId, String status, String actor, Instant at) {
        writes.write(RowChange.update(amendmentRow(awardId, amendmentId)).set("status", status).set("decided_by", actor)
                .set("decided_at", Instants.utc(at)));
    }

    private String applicationOf(String awardId) {
        String applicationId = applicationOfAward.recall(awardId, award -> {
            Map<String, Object> row = writes.read(awardRow(award), "application_id");
            return row == null ? null : (String) row.get("application_id");
        });
        return applicationId != null ? applicationId : awardId;
    }

    private static ReadModelTable.Row awardRow(String awardId) {
        return ReadModelTable.AWARD.row(awardId);
    }

    private static ReadModelTable.Row trancheRow(String awardId, String trancheId) {
        return ReadModelTable.TRANCHE.row(awardId, trancheId);
    }

    private static ReadModelTable.Row reportRow(String awardId, String reportId) {
        return ReadModelTable.REPORT.row(awardId, reportId);
    }

    private static ReadModelTable.Row amendmentRow(String awardId, String amendmentId) {
        return ReadModelTable.AMENDMENT.row(awardId, amendmentId);
    }

}
