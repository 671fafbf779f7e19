package org.strongcities.fund.web.readmodel;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.strongcities.fund.domain.api.ApplicationContent;
import org.strongcities.fund.domain.api.ApplicationDecidedEvent;
import org.strongcities.fund.domain.api.ApplicationDraftCreatedEvent;
import org.strongcities.fund.domain.api.ApplicationDraftSavedEvent;
import org.strongcities.fund.domain.api.ApplicationEligibilityRecordedEvent;
import org.strongcities.fund.domain.api.ApplicationLapsedEvent;
import org.strongcities.fund.domain.api.ApplicationResubmittedEvent;
import org.strongcities.fund.domain.api.ApplicationStatus;
import org.strongcities.fund.domain.api.ApplicationSubmittedEvent;
import org.strongcities.fund.domain.api.ApplicationWithdrawnEvent;
import org.strongcities.fund.domain.api.AwardRecordedOnApplicationEvent;
import org.strongcities.fund.domain.api.CentralReviewStartedEvent;
import org.strongcities.fund.domain.api.ConflictOfInterestDeclaredEvent;
import org.strongcities.fund.domain.api.CriterionScore;
import org.strongcities.fund.domain.api.DecisionConfirmedEvent;
import org.strongcities.fund.domain.api.DecisionReopenedEvent;
import org.strongcities.fund.domain.api.DecisionType;
import org.strongcities.fund.domain.api.HubReviewStartedEvent;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.domain.api.ReviewEditedEvent;
import org.strongcities.fund.domain.api.ReviewSubmittedEvent;
import org.strongcities.fund.domain.api.ReviewerRecusedEvent;
import org.strongcities.fund.domain.api.RevisionRequestedEvent;
import org.strongcities.fund.domain.api.StrategicPriority;
import org.strongcities.fund.web.cases.CaseViews;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Applications, their kept versions, their reviews and the timeline the applicant sees. Internal
 * comments go only to rm_review, never to the timeline.
 */
@Component
@ProcessingGroup(CaseProjection.GROUP)
public class CaseProjection {

    public static final String GROUP = "cases";

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final CaseTimeline timeline;
    private final HandledEvents handled;

    public CaseProjection(JdbcTemplate jdbc, BatchedWrites writes, CaseTimeline timeline, HandledEvents handled) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.timeline = timeline;
        this.handled = handled;
    }

    @EventHandler
    void on(ApplicationDraftCreatedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        writes.write(applicationRow(event.applicationId()), """
                INSERT INTO rm_application (application_id, city_id, status, created_at, updated_at)
                VALUES (?, ?, 'DRAFT', ?, ?) ON CONFLICT (application_id) DO NOTHING""",
                event.applicationId(), event.cityId(), Instants.utc(at), Instants.utc(at));
        timeline.record(eventId, event.applicationId(), at, "Draft created", null, event.actor());
    }

    @EventHandler
    void on(ApplicationDraftSavedEvent event, @Timestamp Instant at) {
        writes.write(applicationRow(event.applicationId()),
                "UPDATE rm_application SET " + CONTENT_COLUMNS + ", draft_content = ?, updated_at = ? WHERE application_id = ?",
                values(content(event.content()), timeline.json(event.content()), Instants.utc(at), event.applicationId()));
    }

    @EventHandler
    void on(ApplicationSubmittedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        submitted(event.applicationId(), event.version(), event.content(), null, event.actor(), at);
        timeline.record(eventId, event.applicationId(), at, "Submitted", "Version " + event.version(), event.actor());
    }

    @EventHandler
    void on(ApplicationResubmittedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        submitted(event.applicationId(), event.version(), event.content(), event.responseToReviewers(), event.actor(), at);
        timeline.record(eventId, event.applicationId(), at, "Resubmitted", "Version " + event.version(), event.actor());
    }

    @EventHandler
    void on(ApplicationEligibilityRecordedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        if (!event.eligible()) {
            status(event.applicationId(), ApplicationStatus.INELIGIBLE, at);
        }
        timeline.record(eventId, event.applicationId(), at, event.eligible() ? "Eligible" : "Not eligible", event.reason(),
                event.actor());
    }

    @EventHandler
    void on(HubReviewStartedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        status(event.applicationId(), ApplicationStatus.UNDER_HUB_REVIEW, at);
        timeline.record(eventId, event.applicationId(), at, "Under hub review", null, event.actor());
    }

    @EventHandler
    void on(RevisionRequestedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        status(event.applicationId(), ApplicationStatus.REVISION_REQUESTED, at);
        timeline.record(eventId, event.applicationId(), at, "Revision requested", event.rationaleForApplicant(), event.actor());
    }

    @EventHandler
    void on(CentralReviewStartedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        status(event.applicationId(), ApplicationStatus.UNDER_CENTRAL_REVIEW, at);
        timeline.record(eventId, event.applicationId(), at, "Under central review", null, event.actor());
    }

    @EventHandler
    void on(ApplicationDecidedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        Money approved = event.approvedAmount();
        // A decision that awaits a second person's confirmation changes neither status nor decided_at yet.
        boolean taken = !event.awaitingConfirmation();
        writes.write(applicationRow(event.applicationId()), """
                UPDATE rm_application SET decision_type = ?, approved_amount = ?, approved_currency = ?, conditions = ?,
                    rationale_for_applicant = ?, decided_by = ?, updated_at = ?,
                    status = CASE WHEN ? THEN ? ELSE status END, decided_at = CASE WHEN ? THEN ? ELSE decided_at END
                WHERE application_id = ?""",
                event.decisionType().name(), approved == null ? null : approved.amount(),
                approved == null ? null : approved.currency(), event.conditions(), event.rationaleForApplicant(),
                event.actor(), Instants.utc(at), taken, event.decisionType().decidedStatus().name(), taken, Instants.utc(at),
                event.applicationId());
        if (taken) {
            timeline.record(eventId, event.applicationId(), at, word(event.applicationId(), event.decisionType(), approved),
                    event.rationaleForApplicant(), event.actor());
        }
    }

    @EventHandler
    void on(DecisionConfirmedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        // Reads the decision's rationale from its row, so that row's writes before it go first.
        writes.flush(applicationRow(event.applicationId()));
        String rationale = jdbc.queryForObject("""
                UPDATE rm_application SET status = ?, updated_at = ?, decided_at = ? WHERE application_id = ?
                RETURNING rationale_for_applicant""", String.class,
                event.decisionType().decidedStatus().name(), Instants.utc(at), Instants.utc(at), event.applicationId());
        timeline.record(eventId, event.applicationId(), at,
                word(event.applicationId(), event.decisionType(), event.approvedAmount()), rationale, event.actor());
    }

    @EventHandler
    void on(DecisionReopenedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        writes.write(applicationRow(event.applicationId()),
                "UPDATE rm_application SET status = ?, updated_at = ?, decided_at = NULL WHERE application_id = ?",
                event.reopenedStatus().name(), Instants.utc(at), event.applicationId());
        timeline.record(eventId, event.applicationId(), at, "Decision reopened", event.reason(), event.actor());
    }

    @EventHandler
    void on(AwardRecordedOnApplicationEvent event) {
        writes.write(applicationRow(event.applicationId()), "UPDATE rm_application SET award_id = ? WHERE application_id = ?",
                event.awardId(), event.applicationId());
    }

    @EventHandler
    void on(ApplicationWithdrawnEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        status(event.applicationId(), ApplicationStatus.WITHDRAWN, at);
        timeline.record(eventId, event.applicationId(), at, "Withdrawn", event.reason(), event.actor());
    }

    @EventHandler
    void on(ApplicationLapsedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        status(event.applicationId(), ApplicationStatus.LAPSED, at);
        timeline.record(eventId, event.applicationId(), at, "Lapsed", event.reason(), event.actor());
    }

    @EventHandler
    void on(ConflictOfInterestDeclaredEvent event, @Timestamp Instant at) {
        writes.write(reviewRow(event.reviewId()), """
                INSERT INTO rm_review (review_id, application_id, application_version, reviewer, stage, recused,
                    coi_statement, declared_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (review_id) DO NOTHING""",
                event.reviewId(), event.applicationId(), event.applicationVersion(), event.reviewer(),
                event.stage().name(), event.hasConflict(), event.statement(), Instants.utc(at), Instants.utc(at));
    }

    @EventHandler
    void on(ReviewerRecusedEvent event, @Timestamp Instant at) {
        writes.write(reviewRow(event.reviewId()), "UPDATE rm_review SET recused = TRUE, updated_at = ? WHERE review_id = ?",
                Instants.utc(at), event.reviewId());
    }

    @EventHandler
    void on(ReviewSubmittedEvent event, @Timestamp Instant at) {
        review(event.reviewId(), event.scores(), event.recommendation().name(), event.rationaleForApplicant(),
                event.internalComments(), 0, at, at);
    }

    @EventHandler
    void on(ReviewEditedEvent event, @Timestamp Instant at) {
        review(event.reviewId(), event.scores(), event.recommendation().name(), event.rationaleForApplicant(),
                event.internalComments(), event.revision(), at, null);
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE rm_application, rm_application_version, rm_case_event, rm_review");
        handled.forget(GROUP);
    }

    /** The first submission sets submitted_at; an edit keeps it. */
    private void review(String reviewId, List<CriterionScore> scores, String recommendation, String rationale,
                        String internalComments, int revision, Instant at, Instant submittedAt) {
        int total = scores.stream().mapToInt(CriterionScore::score).sum();
        writes.write(reviewRow(reviewId), """
                UPDATE rm_review SET scores = ?, total_score = ?, recommendation = ?, rationale_for_applicant = ?,
                    internal_comments = ?, revision = ?, updated_at = ?, submitted_at = coalesce(?, submitted_at)
                WHERE review_id = ? AND revision <= ?""",
                timeline.json(scores), total, recommendation, rationale, internalComments, revision, Instants.utc(at),
                submittedAt == null ? null : Instants.utc(submittedAt), reviewId, revision);
    }

    /**
     * The columns an application's content fills, in the order of {@link #content}. Each event changes
     * its application's row in one statement, not one per group of columns.
     */
    private static final String CONTENT_COLUMNS = """
            title = ?, summary = ?, priorities = ?, support_type = ?, requested_amount = ?, requested_currency = ?, \
            sensitive = ?""";

    private static Object[] content(ApplicationContent content) {
        Money requested = content.requestedAmount();
        return new Object[] {content.title(), content.summary(),
                content.priorities().stream().map(StrategicPriority::name).sorted().collect(Collectors.joining(",")),
                content.supportType() == null ? null : content.supportType().name(),
                requested == null ? null : requested.amount(), requested == null ? null : requested.currency(),
                content.sensitive()};
    }

    private static Object[] values(Object[] first, Object... rest) {
        Object[] all = Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }

    /** A submission or resubmission: the kept version, and the row's content and status; submitted_at stays the first. */
    private void submitted(String applicationId, int version, ApplicationContent content, String response, String actor,
                           Instant at) {
        writes.write(applicationRow(applicationId), "UPDATE rm_application SET " + CONTENT_COLUMNS + """
                , version = greatest(version, ?), status = 'SUBMITTED', updated_at = ?,
                    submitted_at = coalesce(submitted_at, ?) WHERE application_id = ?""",
                values(content(content), version, Instants.utc(at), Instants.utc(at), applicationId));
        writes.write(BatchedWrites.Row.of("rm_application_version", applicationId, version), """
                INSERT INTO rm_application_version (application_id, version, content, response_to_reviewers, submitted_by, submitted_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                applicationId, version, timeline.json(content), response, actor, Instants.utc(at));
    }

    private void status(String applicationId, ApplicationStatus status, Instant at) {
        writes.write(applicationRow(applicationId), "UPDATE rm_application SET status = ?, updated_at = ? WHERE application_id = ?",
                status.name(), Instants.utc(at), applicationId);
    }

    private static BatchedWrites.Row applicationRow(String applicationId) {
        return BatchedWrites.Row.of("rm_application", applicationId);
    }

    private static BatchedWrites.Row reviewRow(String reviewId) {
        return BatchedWrites.Row.of("rm_review", reviewId);
    }

    /**
     * The decision in words that follow the amounts: a partial approval of the whole requested amount
     * (allowed when it carries conditions) reads as approved in full, by the same rule as the case's
     * status ({@link CaseViews#shownStatus}).
     */
    private String word(String applicationId, DecisionType decision, Money approved) {
        return switch (decision) {
            case APPROVE_IN_FULL -> "Approved";
            case APPROVE_PARTIALLY -> approvesTheRequest(applicationId, approved) ? "Approved in full, with conditions"
                    : "Partially approved";
            case DECLINE -> "Declined";
        };
    }

    private boolean approvesTheRequest(String applicationId, Money approved) {
        if (approved == null) {
            return false;
        }
        writes.flush(applicationRow(applicationId));
        String partially = ApplicationStatus.PARTIALLY_AWARDED.name();
        return jdbc.query("SELECT requested_amount, requested_currency FROM rm_application WHERE application_id = ?",
                rs -> rs.next() && !partially.equals(CaseViews.shownStatus(partially, rs.getBigDecimal(1), rs.getString(2),
                        approved.amount(), approved.currency(), null)), applicationId);
    }

}
