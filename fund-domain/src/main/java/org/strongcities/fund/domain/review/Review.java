package org.strongcities.fund.domain.review;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import org.strongcities.fund.domain.api.BusinessRuleViolation;
import org.strongcities.fund.domain.api.ConflictOfInterestDeclaredEvent;
import org.strongcities.fund.domain.api.CriterionScore;
import org.strongcities.fund.domain.api.DeclareConflictOfInterestCommand;
import org.strongcities.fund.domain.api.EditReviewCommand;
import org.strongcities.fund.domain.api.Recommendation;
import org.strongcities.fund.domain.api.ReviewCriterion;
import org.strongcities.fund.domain.api.ReviewEditedEvent;
import org.strongcities.fund.domain.api.ReviewStage;
import org.strongcities.fund.domain.api.ReviewSubmittedEvent;
import org.strongcities.fund.domain.api.SubmitReviewCommand;
import org.strongcities.fund.domain.api.ReviewerRecusedEvent;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One reviewer's review of one version of an application at one stage. It begins with the
 * conflict-of-interest declaration: a reviewer with a conflict is recused and can do nothing more.
 */
public class Review {

    @AggregateIdentifier
    private String reviewId;
    private String applicationId;
    private int applicationVersion;
    private String reviewer;
    private ReviewStage stage;
    private boolean recused;
    private boolean submitted;
    private int revision;

    protected Review() {
        // for Axon
    }

    @CommandHandler
    public Review(DeclareConflictOfInterestCommand command) {
        BusinessRuleViolation.requireText(command.reviewId(), "A review needs an id");
        BusinessRuleViolation.requireText(command.applicationId(), "Review " + command.reviewId() + " needs its application");
        BusinessRuleViolation.require(command.applicationVersion() > 0,
                "Review " + command.reviewId() + " needs the application version it reviews");
        BusinessRuleViolation.requireText(command.reviewer(), "Review " + command.reviewId() + " needs its reviewer");
        BusinessRuleViolation.require(command.stage() != null, "Review " + command.reviewId() + " needs its stage: hub or central");
        if (command.hasConflict()) {
            BusinessRuleViolation.requireText(command.statement(), command.reviewer()
                    + ": describe the conflict of interest with application " + command.applicationId());
        }
        apply(new ConflictOfInterestDeclaredEvent(command.reviewId(), command.applicationId(), command.applicationVersion(),
                command.reviewer(), command.stage(), command.hasConflict(), command.statement()));
        if (command.hasConflict()) {
            apply(new ReviewerRecusedEvent(command.reviewId(), command.applicationId(), command.applicationVersion(),
                    command.reviewer(), command.stage(), command.statement()));
        }
    }

    @CommandHandler
    void handle(SubmitReviewCommand command) {
        requireMayReview(command.actor());
        BusinessRuleViolation.require(!submitted, "Review " + reviewId + " is already submitted; edit it instead");
        requireSound(command.scores(), command.recommendation(), command.rationaleForApplicant());
        apply(new ReviewSubmittedEvent(reviewId, applicationId, applicationVersion, reviewer, stage, List.copyOf(command.scores()),
                command.recommendation(), command.rationaleForApplicant(), command.internalComments()));
    }

    @CommandHandler
    void handle(EditReviewCommand command) {
        requireMayReview(command.actor());
        BusinessRuleViolation.require(submitted, "Review " + reviewId + " is not submitted yet; submit it first");
        requireSound(command.scores(), command.recommendation(), command.rationaleForApplicant());
        BusinessRuleViolation.requireText(command.reasonForEdit(), "Say why review " + reviewId + " is edited");
        apply(new ReviewEditedEvent(reviewId, applicationId, revision + 1, List.copyOf(command.scores()), command.recommendation(),
                command.rationaleForApplicant(), command.internalComments(), command.reasonForEdit(), reviewer));
    }

    private void requireMayReview(String actor) {
        BusinessRuleViolation.require(!recused, reviewer + " declared a conflict of interest with application " + applicationId
                + " and is recused: review " + reviewId + " cannot be written");
        BusinessRuleViolation.require(reviewer.equals(actor), "Review " + reviewId + " belongs to " + reviewer
                + "; " + actor + " cannot write it");
    }

    private void requireSound(List<CriterionScore> scores, Recommendation recommendation, String rationaleForApplicant) {
        Set<ReviewCriterion> scored = EnumSet.noneOf(ReviewCriterion.class);
        for (CriterionScore score : scores == null ? List.<CriterionScore>of() : scores) {
            BusinessRuleViolation.require(scored.add(score.criterion()),
                    "Review " + reviewId + " scores " + score.criterion().displayName() + " twice");
        }
        Set<ReviewCriterion> unscored = EnumSet.allOf(ReviewCriterion.class);
        unscored.removeAll(scored);
        BusinessRuleViolation.require(unscored.isEmpty(), "Review " + reviewId + " needs a score from 1 to 5 for: "
                + unscored.stream().map(ReviewCriterion::displayName).collect(Collectors.joining(", ")));
        BusinessRuleViolation.require(recommendation != null, "Review " + reviewId + " needs a recommendation");
        BusinessRuleViolation.requireText(rationaleForApplicant, "Review " + reviewId + " needs a rationale the applicant will read");
    }

    @EventSourcingHandler
    void on(ConflictOfInterestDeclaredEvent event) {
        reviewId = event.reviewId();
        applicationId = event.applicationId();
        applicationVersion = event.applicationVersion();
        reviewer = event.reviewer();
        stage = event.stage();
    }

    @EventSourcingHandler
    void on(ReviewerRecusedEvent event) {
        recused = true;
    }

    @EventSourcingHandler
    void on(ReviewSubmittedEvent event) {
        submitted = true;
    }

    @EventSourcingHandler
    void on(ReviewEditedEvent event) {
        revision = event.revision();
    }
}
