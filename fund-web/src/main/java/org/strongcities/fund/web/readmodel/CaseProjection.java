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
import org.strongcities.fund.domain.api.ConfirmationWithheldEvent;
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

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Applications, their kept versions, their reviews and the timeline the applicant sees. Internal
 * comments go only to rm_review, never to the timeline; the one internal step of the timeline, a
 * confirmation withheld, is left out of what the applicant sees ({@link #CONFIRMATION_WITHHELD}).
 */
@Component
@ProcessingGroup(CaseProjection.GROUP)
public class CaseProjection {

    public static final String GROUP = "cases";
    /** The timeline's word for a revision request; its detail is what the reviewers asked the city to change. */
    public static final String REVISION_REQUESTED = "Revision requested";
    /**
     * The timeline's word for a second approver's withheld confirmation, its detail the Central Team's reason: a
     * step only staff see. It is an internal disagreement about a decision the city never saw, so the city reads
     * only that its case is under central review.
     */
    public static final String CONFIRMATION_WITHHELD = "Confirmation withheld";

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
        // Every column a later change reads or adds to is set here, so that a rebuild in memory knows it.
        writes.write(RowChange.insert(applicationRow(event.applicationId())).set("city_id", event.cityId()).set("status", "DRAFT")
                .set("version", 0).set("requested_amount", null).set("requested_currency", null)
                .set("rationale_for_applicant", null).set("submitted_at", null)
                .set("created_at", Instants.utc(at)).set("updated_at", Instants.utc(at)));
        timeline.record(eventId, event.applicationId(), at, "Draft created", null, event.actor());
    }

    @EventHandler
    void on(ApplicationDraftSavedEvent event, @Timestamp Instant at) {
        writes.write(content(RowChange.update(applicationRow(event.applicationId())), event.content())
                .set("draft_content", timeline.json(event.content())).set("updated_at", Instants.utc(at)));
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
        timeline.record(eventId, event.applicationId(), at, REVISION_REQUESTED, event.rationaleForApplicant(), event.actor());
    }

    @EventHandler
    void on(CentralReviewStartedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        status(event.applicationId(), ApplicationStatus.UNDER_CENTRAL_REVIEW, at);
        timeline.record(eventId, event.applicationId(), at, "Under central review", null, event.actor());
    }

    @EventHandler
    void on(ApplicationDecidedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        Money approved = event.approvedAmount();
        RowChange.Update decided = RowChange.update(applicationRow(event.applicationId()))
                .set("decision_type", event.decisionType().name())
                .set("approved_amount", approved == null ? null : approved.amount())
                .set("approved_currency", approved == null ? null : approved.currency()).set("conditions", event.conditions())
                .set("rationale_for_applicant", event.rationaleForApplicant()).set("decided_by", event.actor())
                .set("updated_at", Instants.utc(at));
        // A decision that awaits a second person's confirmation changes neither status nor decided_at yet.
        boolean taken = !event.awaitingConfirmation();
        if (taken) {
            decided.set("status", event.decisionType().decidedStatus().name()).set("decided_at", Instants.utc(at));
        }
        writes.write(decided);
        if (taken) {
            timeline.record(eventId, event.applicationId(), at, word(event.applicationId(), event.decisionType(), approved),
                    event.rationaleForApplicant(), event.actor());
        }
    }

    @EventHandler
    void on(DecisionConfirmedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        Map<String, Object> decided = writes.read(applicationRow(event.applicationId()), "rationale_for_applicant");
        writes.write(RowChange.update(applicationRow(event.applicationId()))
                .set("status", event.decisionType().decidedStatus().name()).set("updated_at", Instants.utc(at))
                .set("decided_at", Instants.utc(at)));
        timeline.record(eventId, event.applicationId(), at,
                word(event.applicationId(), event.decisionType(), event.approvedAmount()),
                decided == null ? null : (String) decided.get("rationale_for_applicant"), event.actor());
    }

    /** The withheld decision is dropped from the case, as if never taken: the Central Team decides again. */
    @EventHandler
    void on(ConfirmationWithheldEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        writes.write(RowChange.update(applicationRow(event.applicationId()))
                .set("status", ApplicationStatus.UNDER_CENTRAL_REVIEW.name()).set("decision_type", null)
                .set("approved_amount", null).set("approved_currency", null).set("conditions", null)
                .set("rationale_for_applicant", null).set("decided_by", null).set("updated_at", Instants.utc(at)));
        timeline.record(eventId, event.applicationId(), at, CONFIRMATION_WITHHELD, event.reason(), event.actor());
    }

    @EventHandler
    void on(DecisionReopenedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        writes.write(RowChange.update(applicationRow(event.applicationId())).set("status", event.reopenedStatus().name())
                .set("updated_at", Instants.utc(at)).set("decided_at", null));
        timeline.record(eventId, event.applicationId(), at, "Decision reopened", event.reason(), event.actor());
    }

    @EventHandler
    void on(AwardRecordedOnApplicationEvent event) {
        writes.write(RowChange.update(applicationRow(event.applicationId())).set("award_id", event.awardId()));
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
        writes.write(RowChange.insert(reviewRow(event.reviewId())).set("application_id", event.applicationId())
                .set("application_version", event.applicationVersion()).set("reviewer", event.reviewer())
                .set("stage", event.stage().name()).set("recused", event.hasConflict()).set("coi_statement", event.statement())
                .set("revision", 0).set("declared_at", Instants.utc(at)).set("updated_at", Instants.utc(at)));
    }

    @EventHandler
    void on(ReviewerRecusedEvent event, @Timestamp Instant at) {
        writes.write(RowChange.update(reviewRow(event.reviewId())).set("recused", true).set("updated_at", Instants.utc(at)));
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

    /** The first submission sets submitted_at; an edit keeps it. A late re-delivery of an older revision changes nothing. */
    private void review(String reviewId, List<CriterionScore> scores, String recommendation, String rationale,
                        String internalComments, int revision, Instant at, Instant submittedAt) {
        RowChange.Update review = RowChange.update(reviewRow(reviewId)).set("scores", timeline.json(scores))
                .set("total_score", scores.stream().mapToInt(CriterionScore::score).sum()).set("recommendation", recommendation)
                .set("rationale_for_applicant", rationale).set("internal_comments", internalComments).set("revision", revision)
                .set("updated_at", Instants.utc(at)).onlyIfAtMost("revision", revision);
        if (submittedAt != null) {
            review.set("submitted_at", Instants.utc(submittedAt));
        }
        writes.write(review);
    }

    /** The columns an application's content fills: each event changes its application's row in one statement. */
    private static RowChange.Update content(RowChange.Update update, ApplicationContent content) {
        Money requested = content.requestedAmount();
        return update.set("title", content.title()).set("summary", content.summary())
                .set("priorities", content.priorities().stream().map(StrategicPriority::name).sorted().collect(Collectors.joining(",")))
                .set("support_type", content.supportType() == null ? null : content.supportType().name())
                .set("requested_amount", requested == null ? null : requested.amount())
                .set("requested_currency", requested == null ? null : requested.currency()).set("sensitive", content.sensitive());
    }

    /** A submission or resubmission: the kept version, and the row's content and status; submitted_at stays the first. */
    private void submitted(String applicationId, int version, ApplicationContent content, String response, String actor,
                           Instant at) {
        writes.write(content(RowChange.update(applicationRow(applicationId)), content).atLeast("version", version)
                .set("status", "SUBMITTED").set("updated_at", Instants.utc(at)).keepFirst("submitted_at", Instants.utc(at)));
        writes.write(RowChange.insert(ReadModelTable.APPLICATION_VERSION.row(applicationId, version))
                .set("content", timeline.json(content)).set("response_to_reviewers", response).set("submitted_by", actor)
                .set("submitted_at", Instants.utc(at)));
    }

    private void status(String applicationId, ApplicationStatus status, Instant at) {
        writes.write(RowChange.update(applicationRow(applicationId)).set("status", status.name()).set("updated_at", Instants.utc(at)));
    }

    private static ReadModelTable.Row applicationRow(String applicationId) {
        return ReadModelTable.APPLICATION.row(applicationId);
    }

    private static ReadModelTable.Row reviewRow(String reviewId) {
        return ReadModelTable.REVIEW.row(reviewId);
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
        Map<String, Object> requested = writes.read(applicationRow(applicationId), "requested_amount", "requested_currency");
        String partially = ApplicationStatus.PARTIALLY_AWARDED.name();
        return requested != null && !partially.equals(CaseViews.shownStatus(partially, (BigDecimal) requested.get("requested_amount"),
                (String) requested.get("requested_currency"), approved.amount(), approved.currency(), null));
    }

}
